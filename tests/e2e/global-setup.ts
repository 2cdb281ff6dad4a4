import fs from 'node:fs';
import { ensureH5Build } from '../../scripts/h5-build';
import { CHROMIUM_PATH } from './support/browser';

/** The browser tests drive the real h5 build: build it once, and insist on a browser. */
export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`e2e tests need Chromium at ${CHROMIUM_PATH}: apt-get install chromium fonts-wqy-microhei`);
  }
  ensureH5Build('dist-h5', (line) => process.stdout.write(`\n[e2e] ${line}\n`));
}
