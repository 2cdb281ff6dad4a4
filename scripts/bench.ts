import { checkinScenario } from './bench/checkin';
import { feedScenario } from './bench/feed';
import { matchingScenario } from './bench/matching';
import { writeReport, type Report } from './bench/report';
import { sessionScenario } from './bench/session';

/** `npm run bench [scenario…]`: each scenario prints its table and writes bench/<scenario>.md. */
const SCENARIOS: Record<string, () => Promise<Report>> = {
  session: sessionScenario,
  feed: feedScenario,
  matching: matchingScenario,
  checkin: checkinScenario,
};

async function main() {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !SCENARIOS[name]);
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  for (const name of requested.length > 0 ? requested : Object.keys(SCENARIOS)) {
    writeReport(await SCENARIOS[name]());
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
