import { loadConfig } from '../server/config';
import { serve } from '../server/serve';
import { describeDemoAccounts, prepareDemoDatabase } from './demo';
import { ensureH5Build } from './h5-build';

/** `npm start`: the demo street on SQLite, the h5 app and the API on one port. */
async function main() {
  // The demo's console is for the person trying it: warnings only, unless LOG_LEVEL says otherwise.
  const loaded = loadConfig({ DEMO: '1', LOG_LEVEL: 'warn', ...process.env });
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
