import type { Session } from '../../src/core/api/auth';
import { runLoad } from './load';
import type { Report, Row } from './report';
import { benchEngines, startBareRoute, startRealApp } from './targets';

const LOAD = { connections: 20, durationSeconds: 5 };

/**
 * The cost of our request pipeline (rate limit, token verification, error handling, a database
 * read) on an authenticated read, against a bare Fastify route measured in the same run.
 */
export async function sessionScenario(): Promise<Report> {
  const rows: Row[] = [];
  const bare = await startBareRoute();
  const baseline = await runLoad({ url: bare.url, ...LOAD });
  await bare.close();
  rows.push({ target: 'bare Fastify JSON route', engine: '-', 'req/s': baseline.requestsPerSecond, 'p50 ms': baseline.p50Ms, 'p99 ms': baseline.p99Ms, errors: baseline.errors + baseline.non2xx, 'vs bare': '100%' });

  for (const engine of benchEngines()) {
    const target = await startRealApp(engine);
    try {
      const login = await target.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'resident', name: '压测居民' } });
      const session = login.json() as Session;
      const result = await runLoad({ url: `${target.url}/api/me`, headers: { authorization: `Bearer ${session.accessToken}` }, ...LOAD });
      rows.push({
        target: 'GET /api/me (signed in)',
        engine,
        'req/s': result.requestsPerSecond,
        'p50 ms': result.p50Ms,
        'p99 ms': result.p99Ms,
        errors: result.errors + result.non2xx,
        'vs bare': `${Math.round((100 * result.requestsPerSecond) / baseline.requestsPerSecond)}%`,
      });
    } finally {
      await target.close();
    }
  }
  return {
    scenario: 'session',
    title: 'Signed-in read: GET /api/me',
    goal: 'no errors; the full pipeline (auth, rate limit, one indexed read) keeps a useful share of a bare route’s throughput.',
    rows,
    notes: [`${LOAD.connections} connections for ${LOAD.durationSeconds} s per target, loopback, autocannon.`],
  };
}
