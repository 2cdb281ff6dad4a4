import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app';
import { seedDemoStreet } from '../../../server/db/seed';
import { testConfig } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/databases';

export interface E2EServer {
  url: string;
  app: FastifyInstance;
  demoPassword: string;
  close(): Promise<void>;
}

/** The real server on a free port, serving the h5 build, with a fresh seeded demo street. */
export async function startE2EServer(): Promise<E2EServer> {
  const database: TestDatabase = await createTestDatabase('sqlite');
  const demoPassword = `E2e-${crypto.randomBytes(8).toString('hex')}`;
  const app = await buildApp({
    config: testConfig({ staticDir: 'dist-h5', devLogin: true }),
    database: database.handle,
    logger: false,
  });
  await seedDemoStreet(app.db, new Date(), demoPassword);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    demoPassword,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
