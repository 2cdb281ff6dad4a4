import { buildWeapp } from '../../scripts/weapp-check';

/** The checks read the production weapp build; dist/ may be stale or a dev build, so always rebuild. */
export default async function globalSetup(): Promise<void> {
  process.stdout.write('\n[weapp] building the mini-program (production)…\n');
  buildWeapp();
}
