import { CompiledQuery, sql } from 'kysely';
import type { PostSummary } from '../../src/core/api/posts';
import { feedPageQuery, type FeedPageRequest } from '../../server/services/posts/feed';
import { describeEachEngine } from '../support/app';
import { MINUTE } from '../support/clock';
import { approve, feedIds, openNewsroom, publishPost, submit, type Newsroom } from '../support/posts';

const cursorOf = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describeEachEngine('微课堂 feed: order, keyset pages, categories', (ctx) => {
  let room: Newsroom;

  beforeAll(async () => {
    room = await openNewsroom(ctx());
    // Some posts share a publish time, so ties are broken by id across page boundaries.
    for (let index = 0; index < 23; index += 1) {
      if (index % 3 !== 0) ctx().clock.advance(MINUTE);
      await publishPost(ctx(), room, {
        title: `分页文章${index}`,
        category: index % 2 === 0 ? 'theory' : 'stories',
        pinned: index === 4 || index === 17,
      });
    }
  });

  const page = (query: string) => ctx().request(null, { method: 'GET', url: `/api/posts${query}` });

  /** The feed as residents should see it, computed from the table rather than by the feed. */
  async function expectedOrder(category?: string): Promise<number[]> {
    const rows = await ctx()
      .app.db.selectFrom('posts')
      .select(['id', 'pinned', 'publish_at', 'category'])
      .where('status', '=', 'published')
      .execute();
    const now = ctx().clock.now().toISOString();
    return rows
      .filter((row) => row.publish_at! <= now && (!category || row.category === category))
      .sort((a, b) => b.pinned - a.pinned || (a.publish_at! < b.publish_at! ? 1 : a.publish_at! > b.publish_at! ? -1 : b.id - a.id))
      .map((row) => row.id);
  }

  async function walk(query: string, between?: (pageNumber: number) => Promise<void>): Promise<number[]> {
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let pageNumber = 0; pageNumber < 100; pageNumber += 1) {
      const separator = query ? '&' : '?';
      const response = await page(`${query}${cursor ? `${separator}cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      seen.push(...body.items.map((item: PostSummary) => item.id));
      cursor = body.nextCursor;
      if (!cursor) return seen;
      await between?.(pageNumber);
    }
    throw new Error('the walk did not end');
  }

  it('shows pinned posts first, then newest, and walks the pages without gaps or repeats', async () => {
    const expected = await expectedOrder();
    expect(expected.length).toBeGreaterThanOrEqual(23);
    const first = await page('?limit=5');
    const items: PostSummary[] = first.json().items;
    expect(items.slice(0, 2).every((item) => item.pinned)).toBe(true);
    expect(items.slice(2).some((item) => item.pinned)).toBe(false);
    expect(items[0]).toMatchObject({ unitName: '测试街道', source: '测试街道宣传办', hasVideo: false, readCount: 0 });
    expect(await walk('?limit=4')).toEqual(expected);
  });

  it('neither skips nor repeats a post while new posts are published between page reads', async () => {
    const before = await expectedOrder();
    let inserted = 0;
    const walked = await walk('?limit=4', async (pageNumber) => {
      // Same instant as the last post, a later one, and a pinned one: all land before the cursor.
      if (pageNumber % 2 === 1) ctx().clock.advance(MINUTE);
      await publishPost(ctx(), room, { title: `并发插入${pageNumber}`, pinned: pageNumber % 3 === 2 });
      inserted += 1;
    });
    expect(inserted).toBeGreaterThan(3);
    expect(walked).toEqual(before);
    expect(new Set(walked).size).toBe(walked.length);
    // A fresh walk sees the new posts too.
    expect(await walk('?limit=7')).toEqual(await expectedOrder());
  });

  it('filters by category, keeping the order and the pages', async () => {
    const theory = await expectedOrder('theory');
    expect(theory.length).toBeGreaterThan(5);
    expect(await walk('?category=theory&limit=3')).toEqual(theory);
    const stories = await walk('?category=stories&limit=50');
    expect(stories).toEqual(await expectedOrder('stories'));
    expect(stories.some((id) => theory.includes(id))).toBe(false);
    expect((await page('?category=civility')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('answers the default page of 20, up to 50 on request, and refuses limits outside 1–50', async () => {
    expect((await page('')).json().items).toHaveLength(20);
    expect((await page('?limit=50')).json().items.length).toBeGreaterThan(20);
    expect((await page('?limit=1')).json().items).toHaveLength(1);
    for (const limit of ['0', '51', '-1', 'ten', '2.5', '']) {
      const response = await page(`?limit=${limit}`);
      expect({ limit, status: response.statusCode }).toEqual({ limit, status: 400 });
      expect(response.json()).toMatchObject({ code: 'validation_failed', details: { field: 'limit' } });
    }
  });

  it.each([
    ['characters outside base64url', 'not a cursor!'],
    ['base64url that is not JSON', 'abcdef'],
    ['padding added', `${cursorOf(['feed', 0, '2026-11-29T02:00:00.000Z', 3])}==`],
    ['an object instead of a list', cursorOf({ pinned: 0, publishAt: '2026-11-29T02:00:00.000Z', id: 3 })],
    ['a pinned flag of 2', cursorOf(['feed', 2, '2026-11-29T02:00:00.000Z', 3])],
    ['a date that is not an ISO instant', cursorOf(['feed', 0, 'yesterday', 3])],
    ['a date with an offset', cursorOf(['feed', 0, '2026-11-29T10:00:00+08:00', 3])],
    ['an impossible date', cursorOf(['feed', 0, '2026-02-30T02:00:00.000Z', 3])],
    ['a negative id', cursorOf(['feed', 0, '2026-11-29T02:00:00.000Z', -3])],
    ['a fractional id', cursorOf(['feed', 0, '2026-11-29T02:00:00.000Z', 1.5])],
    ['an id as text', cursorOf(['feed', 0, '2026-11-29T02:00:00.000Z', '3'])],
    ['a missing part', cursorOf(['feed', 0, '2026-11-29T02:00:00.000Z'])],
    ['a cursor of another list', cursorOf(['study', '2026-11-29T02:00:00.000Z', 3])],
    ['an SQL fragment', cursorOf(['feed', 0, "2026-11-29T02:00:00.000Z' OR 1=1 --", 3])],
    ['a cursor longer than any we make', 'a'.repeat(201)],
  ])('refuses a forged cursor (%s) with 400 naming the cursor', async (_kind, cursor) => {
    const response = await page(`?cursor=${encodeURIComponent(cursor)}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', details: { field: 'cursor' } });
    expect(response.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('accepts a well-formed cursor for a position nobody was shown: it is only a place in a public order', async () => {
    const response = await page(`?cursor=${cursorOf(['feed', 0, '2000-01-01T00:00:00.000Z', 1])}`);
    expect(response.json()).toEqual({ items: [], nextCursor: null });
  });
}, { accessTokenTtlSeconds: 30 * 24 * 3600 });

describeEachEngine('微课堂 search', (ctx) => {
  let room: Newsroom;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    room = await openNewsroom(ctx());
    const posts: Record<string, [string, string, 'theory' | 'policy']> = {
      sortingTitle: ['垃圾分类新规解读', '<p>从下个月起，小区实行定时定点投放。</p>', 'policy'],
      sortingBody: ['社区宣传活动回顾', '<p>志愿者上门讲解<strong>垃圾分类</strong>知识。</p>', 'theory'],
      percent: ['100%完成入户走访', '<p>走访完成率达到100%。</p>', 'theory'],
      underscore: ['file_name 命名说明', '<p>下划线_也要能搜到。</p>', 'theory'],
      backslash: ['反斜杠说明', '<p>共享盘路径 D:\\学习资料\\课件</p>', 'theory'],
      latin: ['Party History 党史英文读本', '<p>Reading notes on the CPC centenary.</p>', 'theory'],
      decoy: ['普通学习文章', '<p><strong>keen</strong> 读者 &amp; 听众 100 分</p>', 'theory'],
    };
    for (const [key, [title, bodyHtml, category]] of Object.entries(posts)) {
      ids[key] = (await publishPost(ctx(), room, { title, bodyHtml, category })).id;
    }
  });

  const search = async (q: string, extra = '') => (await feedIds(ctx(), `?q=${encodeURIComponent(q)}${extra}`)).sort((a, b) => a - b);
  const idsOf = (...keys: string[]) => keys.map((key) => ids[key]).sort((a, b) => a - b);

  it.each([
    ['two Chinese characters in a title and in a body', '垃圾', ['sortingTitle', 'sortingBody']],
    ['Chinese characters in the title only', '新规', ['sortingTitle']],
    ['Chinese characters in the body only', '志愿者', ['sortingBody']],
    ['a percent sign, literally', '%', ['percent']],
    ['text around a percent sign', '100%完成', ['percent']],
    ['an underscore, literally', '_', ['underscore']],
    ['an underscore between letters, not as a wildcard', 'e_n', ['underscore']],
    ['a backslash, literally', '\\', ['backslash']],
    ['Latin letters in any case', 'party HISTORY', ['latin']],
    ['body text but not markup', 'strong', []],
    ['an entity as the reader sees it', '读者 & 听众', ['decoy']],
    ['nothing for a word no post has', '不存在的词语', []],
  ])('finds %s', async (_what, query, keys) => {
    expect(await search(query)).toEqual(idsOf(...keys));
  });

  it('searches within a category and pages through the results', async () => {
    expect(await search('垃圾', '&category=policy')).toEqual(idsOf('sortingTitle'));
    const first = await ctx().request(null, { method: 'GET', url: `/api/posts?q=${encodeURIComponent('说明')}&limit=1` });
    expect(first.json().items).toHaveLength(1);
    const second = await ctx().request(null, {
      method: 'GET',
      url: `/api/posts?q=${encodeURIComponent('说明')}&limit=1&cursor=${first.json().nextCursor}`,
    });
    const both = [...first.json().items, ...second.json().items].map((item: PostSummary) => item.id).sort((a, b) => a - b);
    expect(both).toEqual(idsOf('underscore', 'backslash'));
    expect(second.json().nextCursor).toBeNull();
  });

  it('treats a query of only spaces as no query, and refuses one longer than 50 characters', async () => {
    expect((await feedIds(ctx(), '?q=%20%20&limit=50')).length).toBe(Object.keys(ids).length);
    const long = await ctx().request(null, { method: 'GET', url: `/api/posts?q=${encodeURIComponent('学'.repeat(51))}` });
    expect(long.statusCode).toBe(400);
    expect(long.json().details.field).toBe('q');
  });

  it('finds a revised post by its new words and no longer by its old ones', async () => {
    const post = await publishPost(ctx(), room, { title: '旧稿讲枫桥经验', bodyHtml: '<p>原来的正文</p>' });
    expect(await search('枫桥')).toEqual([post.id]);
    const withdrawn = await ctx().request(room.approver, { method: 'POST', url: `/api/admin/posts/${post.id}/unpublish`, payload: { reason: '需修订' } });
    expect(withdrawn.statusCode).toBe(200);
    const edited = await ctx().request(room.editor, { method: 'PATCH', url: `/api/admin/posts/${post.id}`, payload: { title: '新稿讲浦江经验' } });
    expect(edited.statusCode).toBe(200);
    await submit(ctx(), room.editor, post.id);
    for (const reviewer of [room.firstReviewer, room.secondReviewer, room.approver]) await approve(ctx(), reviewer, post.id);

    expect(await search('浦江')).toEqual([post.id]);
    expect(await search('枫桥')).toEqual([]);
    expect(await search('浦江经验')).toEqual([post.id]);
  });
});

describeEachEngine('the feed query reads an index range, never the whole table', (ctx) => {
  let lastId = 0;
  const at = (minutes: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + minutes * MINUTE).toISOString();

  beforeAll(async () => {
    const room = await openNewsroom(ctx());
    const editorId = room.editor.user.id;
    const categories = ['congress', 'theory', 'history', 'policy', 'stories', 'civility'];
    const statuses = ['published', 'published', 'published', 'draft', 'first_review', 'unpublished'];
    for (let start = 0; start < 6000; start += 500) {
      const rows = Array.from({ length: 500 }, (_, offset) => {
        const index = start + offset;
        return {
          unit_id: room.streetId,
          author_id: editorId,
          title: `t${index}`,
          category: categories[index % 6],
          summary: '',
          body_html: '<p>x</p>',
          source: 's',
          status: statuses[index % 5],
          version: 1,
          pinned: index % 400 === 0 ? 1 : 0,
          publish_at: at(index),
          published_at: at(index),
          read_count: 0,
          search_text: `t${index}`,
          created_at: at(index),
          updated_at: at(index),
        };
      });
      const inserted = await ctx().app.db.insertInto('posts').values(rows).returning('id').execute();
      lastId = inserted.at(-1)!.id;
    }
    // PostgreSQL plans from statistics (autovacuum keeps them in production); SQLite has none by default.
    if (ctx().engine === 'postgres') await sql`analyze posts`.execute(ctx().app.db);
  });

  async function planOf(request: Partial<FeedPageRequest>): Promise<string> {
    const compiled = feedPageQuery(ctx().app.db, ctx().engine, { search: null, after: null, limit: 20, ...request }, new Date(at(6000))).compile();
    const explain = ctx().engine === 'sqlite' ? 'explain query plan ' : 'explain ';
    const result = await ctx().app.db.executeQuery(CompiledQuery.raw(`${explain}${compiled.sql}`, [...compiled.parameters]));
    return result.rows.map((row) => String((row as Record<string, unknown>).detail ?? (row as Record<string, unknown>)['QUERY PLAN'])).join('\n');
  }

  it.each([
    ['the first page', {}, 'posts_feed_idx'],
    ['a page after an unpinned cursor', { after: { pinned: 0 as const, publishAt: at(3000), id: 3000 } }, 'posts_feed_idx'],
    ['a page after a pinned cursor', { after: { pinned: 1 as const, publishAt: at(4000), id: 4000 } }, 'posts_feed_idx'],
    ['a category’s first page', { category: 'theory' as const }, 'posts_category_feed_idx'],
    ['a category page after a cursor', { category: 'theory' as const, after: { pinned: 0 as const, publishAt: at(3000), id: 3000 } }, 'posts_category_feed_idx'],
  ])('%s', async (_page, request, index) => {
    expect(lastId).toBeGreaterThan(5000);
    const plan = await planOf(request);
    if (ctx().engine === 'sqlite') {
      expect(plan).toContain(`SEARCH posts USING INDEX ${index}`);
      expect(plan).not.toMatch(/SCAN posts|TEMP B-TREE/);
    } else {
      expect(plan).toMatch(new RegExp(`Index Scan Backward using ${index} on posts`));
      expect(plan).not.toMatch(/Seq Scan on posts|Sort|Bitmap/);
    }
  });

  it('finds a rare word through the index of bigrams, not by reading every post’s text', async () => {
    const plan = await planOf({ search: '599' });
    if (ctx().engine === 'postgres') {
      expect(plan).toContain('posts_search_bigrams_idx');
      expect(plan).not.toMatch(/Seq Scan on posts/);
    } else {
      expect(plan).toMatch(/SCAN posts_search VIRTUAL TABLE/);
      expect(plan).not.toMatch(/SCAN posts\b(?!_search)/);
    }
  });
});
