import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { checkinTextFrom } from '../../src/packages/checkin/scan/checkin-text';
import { checkinCodePath, parseCheckinCode, windowAt } from '../../src/core/checkin';
import { testConfig } from '../support/app';
import { createTestDatabase, testEngines, type TestDatabase } from '../support/databases';

const talkKey = new Uint8Array(32).fill(7);

for (const engine of testEngines()) {
  describe(`check-in code link /c/… [${engine}]`, () => {
    let database: TestDatabase;
    let app: FastifyInstance;

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      app = await buildApp({ config: testConfig(), database: database.handle, logger: false });
    });

    afterAll(async () => {
      await app.close();
      await database.drop();
    });

    it('sends a browser that opens a code’s URL to the check-in page with the code, signed in or not', async () => {
      const path = checkinCodePath(41, windowAt(Date.UTC(2026, 10, 29, 6, 26)), talkKey);

      const response = await app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } });

      expect(response.statusCode).toBe(302);
      const location = response.headers.location as string;
      expect(location).toBe(`/packages/checkin/scan/index?code=${encodeURIComponent(path)}`);
      // What the page will read from its query is the code itself, as an in-app scan gives it.
      const code = new URL(location, 'http://localhost').searchParams.get('code') ?? '';
      expect(checkinTextFrom({ code: encodeURIComponent(code) })).toBe(path);
      expect(parseCheckinCode(path)).toMatchObject({ talkId: 41 });
    });

    it('ignores a stale token: the link is public', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/c/41/88923456/AbCdEfGhIjKlMnOp',
        headers: { authorization: 'Bearer not-a-token' },
      });

      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/packages/checkin/scan/index?code=%2Fc%2F41%2F88923456%2FAbCdEfGhIjKlMnOp');
    });

    it.each([
      ['a talk id with a leading zero', '/c/041/88923456/AbCdEfGhIjKlMnOp'],
      ['a window that is not a number', '/c/41/soon/AbCdEfGhIjKlMnOp'],
      ['a MAC that is too short', '/c/41/88923456/AbCdEf'],
      ['a MAC with a character base64url lacks', '/c/41/88923456/AbCdEfGhIjKlMn+p'],
      ['a part too many', '/c/41/88923456/AbCdEfGhIjKlMnOp/more'],
    ])('answers %s with our 404 and no redirect', async (_case, url) => {
      const response = await app.inject({ method: 'GET', url });

      expect(response.statusCode).toBe(404);
      expect(response.headers.location).toBeUndefined();
      expect(response.json()).toMatchObject({ code: 'not_found', message: expect.any(String) });
    });

    it('stays out of the API description', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/docs/json' });

      expect(Object.keys(response.json().paths).some((route) => route.startsWith('/c/'))).toBe(false);
    });
  });
}
