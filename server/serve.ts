import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { LoadedConfig } from './config';

/** Builds the app, says the start-up notices, listens, and closes cleanly on SIGINT/SIGTERM. */
export async function serve({ config, port, host, notices }: LoadedConfig): Promise<FastifyInstance> {
  const app = await buildApp({ config });
  for (const notice of notices) app.log.warn(notice);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await app.listen({ port, host });
  return app;
}
