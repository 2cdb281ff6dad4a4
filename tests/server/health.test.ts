import type { Kysely } from 'kysely';
import { buildApp } from '../../server/app';
import { currentMigration, LATEST_MIGRATION, migrateToLatest } from '../../server/db/migrations';
import { testConfig } from '../support/app';
import { createTestDatabase, testEngines } from '../support/databases';

for (const engine of testEngines()) {
  describe(`health and migrations [${engine}]`, () => {
    it('reports the database engine and the migration version', async () => {
      const database = await createTestDatabase(engine);
      const app = await buildApp({ config: testConfig(), database: database.handle, logger: false });
      try {
        const response = await app.inject({ method: 'GET', url: '/api/health' });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({ status: 'ok', database: engine, migration: LATEST_MIGRATION });
      } finally {
        await app.close();
        await database.drop();
      }
    });

    it('starts twice on the same database without migrating again or losing data', async () => {
      const database = await createTestDatabase(engine);
      try {
        const first = await buildApp({ config: testConfig(), database: database.handle, logger: false });
        const login = await first.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'resident', name: '赵大爷' } });
        expect(login.statusCode).toBe(200);
        await first.close();

        const restarted = await database.reopen();
        const second = await buildApp({ config: testConfig(), database: restarted, logger: false });
        const again = await second.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'resident', name: '赵大爷' } });
        expect(again.json().user.id).toBe(login.json().user.id);
        expect(await migrateToLatest(restarted.db as Kysely<unknown>, engine)).toBe(LATEST_MIGRATION);
        expect(await currentMigration(restarted.db as Kysely<unknown>, engine)).toBe(LATEST_MIGRATION);
        await second.close();
      } finally {
        await database.drop();
      }
    });
  });
}
