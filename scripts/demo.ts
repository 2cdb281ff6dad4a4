import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ROLE_LABELS } from '../src/core/roles';
import type { AppConfig } from '../server/config';
import { connectDatabase } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrations';
import { generateDemoPassword, seedDemoStreet } from '../server/db/seed';
import { DEMO_ACCOUNTS } from '../server/db/seed/demo-accounts';

/** The staff password of this installation's demo accounts, generated once into data/. */
function demoPassword(dataDir: string): { password: string; file: string } {
  const file = path.join(dataDir, 'demo-password');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, generateDemoPassword(), { mode: 0o600 });
  }
  return { password: fs.readFileSync(file, 'utf8').trim(), file };
}

/** Migrates the database and fills it with the demo street when it is empty. */
export async function prepareDemoDatabase(config: AppConfig, dataDir = 'data') {
  const handle = await connectDatabase({ url: config.databaseUrl, schema: config.databaseSchema });
  try {
    await migrateToLatest(handle.db as Kysely<unknown>, handle.engine);
    const { password, file } = demoPassword(dataDir);
    const result = await seedDemoStreet(handle.db, new Date(), password);
    return { seeded: result.seeded, password, passwordFile: file, engine: handle.engine };
  } finally {
    await handle.close();
  }
}

/** What `npm start` and `npm run seed` print about the demo accounts. */
export function describeDemoAccounts(password: string, passwordFile: string): string {
  const lines = ['演示账号（登录页“演示账号”中点选即可登录）：'];
  for (const account of DEMO_ACCOUNTS) {
    const login = account.username ? `用户名 ${account.username}` : '仅演示登录';
    lines.push(`  ${ROLE_LABELS[account.role].padEnd(4, '　')} ${account.name.padEnd(4, '　')} ${login}`);
  }
  lines.push(`工作人员账号密码登录的演示密码：${password}（保存在 ${passwordFile}）`);
  return lines.join('\n');
}
