import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { Engine } from '../../server/db/connect';
// The benchmarks reuse the test harness's fresh-database helpers rather than a second copy.
import { testConfig } from '../../tests/support/app';
import { createTestDatabase, type TestDatabase } from '../../tests/support/databases';

export interface Target {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/**
 * The baseline every scenario is compared with: Fastify answering a fixed JSON body, by default a
 * tiny one; a scenario may also measure it with its own answer, to tell the app's cost from the
 * cost of sending that many bytes.
 */
export async function startBareRoute(body: unknown = { items: [{ id: 1, title: '基线' }], nextCursor: null }): Promise<Target> {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => body);
  const url = await listen(app);
  return { url: `${url}/bare`, app, close: () => app.close() };
}

/** Our real app on a fresh database of the given engine, with limits out of the way. */
export async function startRealApp(engine: Engine): Promise<Target & { database: TestDatabase }> {
  const database = await createTestDatabase(engine);
  const app = await buildApp({
    config: testConfig({ rateLimitPerMinute: 10_000_000, authRateLimitPerMinute: 10_000_000 }),
    database: database.handle,
    logger: false,
  });
  const url = await listen(app);
  return {
    url,
    app,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Engines this run covers: PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. */
export function benchEngines(): Engine[] {
  process.env.TEST_DATABASE_URL ??= process.env.BENCH_DATABASE_URL;
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}
