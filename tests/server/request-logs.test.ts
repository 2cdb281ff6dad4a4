import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { LedgerExportLink } from '../../src/core/api/ledger';
import type { Session } from '../../src/core/api/auth';
import { testConfig } from '../support/app';
import { TestClock } from '../support/clock';
import { createTestDatabase, testEngines, type TestDatabase } from '../support/databases';

/** What the server writes about each request: enough to trace it, never a credential. */
for (const engine of testEngines()) {
  describe(`request logs [${engine}]`, () => {
    const lines: string[] = [];
    let database: TestDatabase;
    let app: FastifyInstance;

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      const clock = new TestClock();
      app = await buildApp({
        config: testConfig(),
        database: database.handle,
        now: clock.now,
        logger: { level: 'info', stream: { write: (line) => lines.push(line) } },
      });
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
      await database.drop();
    });

    it('logs the 台账 download without its ticket, and the request all the same', async () => {
      const admin = (await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'admin', name: '日志管理员' } })).json() as Session;
      const link = (
        await app.inject({ method: 'POST', url: '/api/admin/exports/attendance', payload: { year: 2026 }, headers: { authorization: `Bearer ${admin.accessToken}` } })
      ).json() as LedgerExportLink;
      const ticket = new URL(link.path, 'http://x').searchParams.get('ticket')!;
      expect((await app.inject({ method: 'GET', url: link.path })).statusCode).toBe(200);

      const logged = lines.join('\n');
      expect(logged).toContain('/api/admin/exports/attendance.xlsx?ticket=[redacted]');
      expect(logged).not.toContain(ticket);
      expect(logged).not.toContain(admin.accessToken);
    });
  });
}
