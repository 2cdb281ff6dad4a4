import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
const APP_SOURCES = ['src', 'config', 'package.json', 'babel.config.js', 'tsconfig.json'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), stat.mtimeMs);
}

/** Builds the h5 app into `staticDir` when it is missing or older than its sources. */
export function ensureH5Build(staticDir = 'dist-h5', log: (line: string) => void = console.log): void {
  const index = path.join(ROOT, staticDir, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(...APP_SOURCES.map((source) => newestMtime(path.join(ROOT, source))));
  if (built > sources) return;
  log(built ? '应用代码有更新，正在重新构建 h5 应用……' : '正在构建 h5 应用（约需一两分钟）……');
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('h5 build failed');
}
