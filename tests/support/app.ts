import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Session } from '../../src/core/api/auth';
import type { Role } from '../../src/core/roles';
import { buildApp } from '../../server/app';
import { DEFAULTS, type AppConfig } from '../../server/config';
import type { Engine } from '../../server/db/connect';
import { createTestDatabase, testEngines, type TestDatabase } from './databases';
import { TestClock } from './clock';

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    databaseUrl: 'unused: tests pass an open database',
    tokenSecret: crypto.randomBytes(32).toString('hex'),
    accessTokenTtlSeconds: DEFAULTS.accessTokenTtlSeconds,
    refreshTokenTtlDays: DEFAULTS.refreshTokenTtlDays,
    devLogin: true,
    wechat: { apiBase: 'http://127.0.0.1:9', appId: 'wx-test-app', appSecret: 'test-secret', timeoutMs: 500 },
    staticDir: undefined,
    publicUrl: 'http://localhost:3000',
    logLevel: 'silent',
    rateLimitPerMinute: 100000,
    authRateLimitPerMinute: 100000,
    bodyLimitBytes: DEFAULTS.bodyLimitBytes,
    streetName: '测试街道',
    ...overrides,
  };
}

export interface TestApp {
  engine: Engine;
  app: FastifyInstance;
  database: TestDatabase;
  clock: TestClock;
  /** Signs in through the dev login; a name makes a distinct user. */
  login(role: Role, name?: string): Promise<Session>;
  /** app.inject with a bearer token. */
  request(session: Session | string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function startTestApp(engine: Engine, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const clock = new TestClock();
  const app = await buildApp({ config: testConfig(overrides), database: database.handle, now: clock.now, logger: false });
  await app.ready();
  const request: TestApp['request'] = (session, options) => {
    const token = typeof session === 'string' ? session : session?.accessToken;
    const headers = { ...(options.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
    return app.inject({ ...options, headers });
  };
  return {
    engine,
    app,
    database,
    clock,
    request,
    async login(role, name) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role, name } });
      if (response.statusCode !== 200) throw new Error(`dev login failed: ${response.body}`);
      return response.json() as Session;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * Runs a suite once per engine, each on a fresh database of its own:
 * `describeEachEngine('auth', (ctx) => { it(...ctx.app...) })`.
 */
export function describeEachEngine(
  name: string,
  body: (ctx: () => TestApp) => void,
  overrides: Partial<AppConfig> | (() => Partial<AppConfig>) = {},
): void {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let current: TestApp | undefined;
      beforeAll(async () => {
        current = await startTestApp(engine, typeof overrides === 'function' ? overrides() : overrides);
      });
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error('test app not started');
        return current;
      });
    });
  }
}
