import { buildApp } from './app';
import { loadConfig } from './config';

/** Reads the environment and listens; everything else is in buildApp. */
async function main() {
  const { config, port, host, notices } = loadConfig();
  const app = await buildApp({ config });
  for (const notice of notices) app.log.warn(notice);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
  await app.listen({ port, host });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
