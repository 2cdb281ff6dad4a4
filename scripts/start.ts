import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { serve } from '../server/serve';
import { describeDemoAccounts, prepareDemoDatabase } from './demo';

const ROOT = path.resolve(__dirname, '..');
const APP_SOURCES = ['src', 'config', 'package.json', 'babel.config.js', 'tsconfig.json'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

/** Builds the h5 app when it is missing or older than its sources. */
function ensureH5Build(staticDir: string): void {
  const index = path.join(ROOT, staticDir, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(...APP_SOURCES.map((source) => newestMtime(path.join(ROOT, source))));
  if (built > sources) return;
  console.log(built ? '应用代码有更新，正在重新构建 h5 应用……' : '首次启动，正在构建 h5 应用（约需一两分钟）……');
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('h5 build failed');
}

/** `npm start`: the demo street on SQLite, the h5 app and the API on one port. */
async function main() {
  const loaded = loadConfig({ DEMO: '1', ...process.env });
  ensureH5Build(loaded.config.staticDir ?? 'dist-h5');
  const demo = await prepareDemoDatabase(loaded.config);
  await serve(loaded);
  const url = `http://localhost:${loaded.port}`;
  console.log(
    [
      '',
      `云上微课堂已启动：${url}`,
      `接口文档（OpenAPI）：${url}/api/docs/json`,
      `数据库：${demo.engine === 'sqlite' ? loaded.config.databaseUrl.replace(/^sqlite:/, '') : 'PostgreSQL'}`,
      describeDemoAccounts(demo.password, demo.passwordFile),
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
