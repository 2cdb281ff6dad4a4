import crypto from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/app';
import { seedDemoStreet } from '../../../server/db/seed';
import { testConfig } from '../../support/app';
import { createTestDatabase, type TestDatabase } from '../../support/databases';

/**
 * The server's clock in a browser test: real time shifted to a chosen instant, so it runs on
 * while the test drives pages, and jumps forward when the story needs a day to pass. The
 * browsers are given the same time (Playwright's clock), so app and server agree.
 */
export class ShiftedClock {
  private offsetMs: number;

  constructor(startAt: Date) {
    this.offsetMs = startAt.getTime() - Date.now();
  }

  now = (): Date => new Date(Date.now() + this.offsetMs);

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface E2EServer {
  url: string;
  app: FastifyInstance;
  demoPassword: string;
  /** Present when the server was started at a chosen time. */
  clock?: ShiftedClock;
  close(): Promise<void>;
}

export interface E2EServerOptions {
  /** Run the server's clock from this instant instead of now. */
  startAt?: Date;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The real server on a free port, serving the h5 build, with a fresh seeded demo street. Its
 * public URL is its own address, so the check-in codes it hands out open on this server.
 */
export async function startE2EServer(options: E2EServerOptions = {}): Promise<E2EServer> {
  const database: TestDatabase = await createTestDatabase('sqlite');
  const demoPassword = `E2e-${crypto.randomBytes(8).toString('hex')}`;
  const clock = options.startAt ? new ShiftedClock(options.startAt) : undefined;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await buildApp({
    config: testConfig({ staticDir: 'dist-h5', devLogin: true, publicUrl: url }),
    database: database.handle,
    logger: false,
    ...(clock ? { now: clock.now } : {}),
  });
  await seedDemoStreet(app.db, clock ? clock.now() : new Date(), demoPassword);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    demoPassword,
    clock,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
