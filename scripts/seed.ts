import { loadConfig } from '../server/config';
import { describeDemoAccounts, prepareDemoDatabase } from './demo';

/** `npm run seed`: migrate and fill an empty database with the demo street. */
async function main() {
  const { config } = loadConfig({ DEMO: '1', ...process.env });
  const result = await prepareDemoDatabase(config);
  console.log(result.seeded ? `已写入演示街道数据（${result.engine}）。` : '数据库中已有街道数据，未重复写入。');
  console.log(describeDemoAccounts(result.password, result.passwordFile));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
