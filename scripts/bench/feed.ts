import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import { encodeFeedCursor } from '../../server/services/posts/cursor';
import { searchTextOf } from '../../server/services/posts/search';
import { POST_CATEGORIES } from '../../src/core/catalog';
import { runLoad, type LoadResult } from './load';
import type { Report, Row } from './report';
import { benchEngines, startBareRoute, startRealApp } from './targets';

const SIZES = [1_000, 100_000];
const LOAD = { connections: 10, durationSeconds: 4 };
const BATCH = 500;
const DAY_MS = 24 * 3600 * 1000;

/** Words the synthetic posts are made of; '议事' appears in about one post in seven. */
const PHRASES = ['社区议事会', '垃圾分类', '理论学习', '志愿服务', '老旧小区改造', '红色家风', '反诈宣传', '医保政策'];

/** A published post body of about 600 characters, varied by its number. */
function bodyOf(n: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < 6; p += 1) {
    const phrase = PHRASES[(n + p * 3) % PHRASES.length];
    paragraphs.push(`<p>第${n}篇第${p + 1}段：围绕${phrase}，街道和社区结合实际开展学习，听取居民意见，把工作落到实处，做到件件有回应、事事有着落。</p>`);
  }
  return paragraphs.join('');
}

/** Fills the posts table with `count` published posts, in multi-row batches. */
export async function fillPosts(db: Kysely<Database>, count: number, now: Date): Promise<void> {
  const at = now.toISOString();
  const street = await db
    .insertInto('units')
    .values({ kind: 'street', name: '压测街道', parent_id: null, code: 'street', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const author = await db
    .insertInto('users')
    .values({ name: '压测编辑', elder_mode: 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let start = 0; start < count; start += BATCH) {
    const rows = [];
    for (let n = start; n < Math.min(count, start + BATCH); n += 1) {
      const published = new Date(now.getTime() - (count - n) * (DAY_MS / 50)).toISOString();
      const title = `云上微课堂第${n}期：${PHRASES[n % PHRASES.length]}`;
      const body = bodyOf(n);
      rows.push({
        unit_id: street.id,
        author_id: author.id,
        title,
        category: POST_CATEGORIES[n % POST_CATEGORIES.length].key,
        summary: '压测数据',
        cover_url: null,
        body_html: body,
        search_text: searchTextOf(title, body),
        video_url: null,
        source: '压测街道宣传办',
        status: 'published',
        version: 1,
        pinned: n % 5000 === 0 ? 1 : 0,
        publish_at: published,
        published_at: published,
        unpublished_reason: null,
        read_count: n % 997,
        created_at: published,
        updated_at: published,
      });
    }
    await db.insertInto('posts').values(rows).execute();
  }
}

/** A cursor deep in the feed: the position after 90% of the unpinned posts. */
export async function deepCursor(db: Kysely<Database>, count: number): Promise<string> {
  const row = await db
    .selectFrom('posts')
    .select(['id', 'publish_at', 'pinned'])
    .where('pinned', '=', 0)
    .orderBy('publish_at', 'desc')
    .orderBy('id', 'desc')
    .offset(Math.floor(count * 0.9))
    .limit(1)
    .executeTakeFirstOrThrow();
  return encodeFeedCursor({ pinned: 0, publishAt: row.publish_at!, id: row.id });
}

function row(target: string, engine: string, posts: number | string, result: LoadResult, baseline: LoadResult): Row {
  return {
    request: target,
    engine,
    posts,
    'req/s': result.requestsPerSecond,
    'p50 ms': result.p50Ms,
    'p99 ms': result.p99Ms,
    errors: result.errors + result.non2xx,
    'vs bare': `${Math.round((100 * result.requestsPerSecond) / baseline.requestsPerSecond)}%`,
  };
}

/**
 * 微课堂 feed: the first page, a page 90% deep (keyset: should cost the same), a category page,
 * and a two-character Chinese search, at 1k and 100k posts on each engine, against a bare
 * Fastify route in the same run.
 */
export async function feedScenario(): Promise<Report> {
  const bare = await startBareRoute();
  const baseline = await runLoad({ url: bare.url, ...LOAD });
  await bare.close();
  const rows: Row[] = [row('bare Fastify JSON route', '-', '-', baseline, baseline)];
  const notes: string[] = [];

  for (const engine of benchEngines()) {
    for (const size of SIZES) {
      const target = await startRealApp(engine);
      try {
        const filled = Date.now();
        await fillPosts(target.app.db, size, new Date());
        // PostgreSQL plans from statistics, which autovacuum keeps in production.
        if (engine === 'postgres') await sql`analyze posts`.execute(target.app.db);
        notes.push(`${engine}: ${size} posts inserted in ${((Date.now() - filled) / 1000).toFixed(1)} s.`);
        const cursor = await deepCursor(target.app.db, size);
        const requests: [string, string][] = [
          ['GET /api/posts (first page)', '/api/posts?limit=20'],
          ['GET /api/posts (page 90% deep)', `/api/posts?limit=20&cursor=${cursor}`],
          ['GET /api/posts?category=history', '/api/posts?limit=20&category=history'],
          ['GET /api/posts?q=议事', `/api/posts?limit=20&q=${encodeURIComponent('议事')}`],
        ];
        if (rows.length === 1) {
          // Once: the bare route sending the feed's own first page, bytes for bytes.
          const samePage = await startBareRoute(await (await fetch(`${target.url}/api/posts?limit=20`)).json());
          rows.push(row('bare Fastify route sending the same first page', '-', '-', await runLoad({ url: samePage.url, ...LOAD }), baseline));
          await samePage.close();
        }
        for (const [label, path] of requests) {
          rows.push(row(label, engine, size, await runLoad({ url: `${target.url}${path}`, ...LOAD }), baseline));
        }
        // Each request a different issue number (第N期, one post each): the micro-cache cannot help.
        let issue = 0;
        const uncached = await runLoad({
          url: `${target.url}/api/posts`,
          ...LOAD,
          nextPath: () => `/api/posts?limit=20&q=${encodeURIComponent(`第${(issue = (issue + 7919) % size)}期`)}`,
        });
        rows.push(row('GET /api/posts?q=第N期 (uncached, N varies)', engine, size, uncached, baseline));
      } finally {
        await target.close();
      }
    }
  }
  notes.push(`${LOAD.connections} connections for ${LOAD.durationSeconds} s per request, loopback, autocannon; pages of 20.`);
  notes.push('The feed pages are keyset reads of an index. Repeated URLs are answered by the 2 s micro-cache; the uncached row sends a different search every request.');
  notes.push('Search: on PostgreSQL a GIN index of bigrams narrows to posts holding the query’s pieces; on SQLite a contentless FTS5 table of bigram tokens does the same. Either way LIKE then checks the few posts left.');
  return {
    scenario: 'feed',
    title: '微课堂 feed and search',
    goal: 'page latency flat from 1k to 100k posts; feed throughput at least 40% of the bare route’s.',
    rows,
    notes,
  };
}
