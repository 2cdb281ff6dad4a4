import type { ExpressionBuilder, Kysely } from 'kysely';
import type { PostListQuery, PostPage } from '../../../src/core/api/posts';
import type { Engine } from '../../db/connect';
import type { Database } from '../../db/schema';
import { decodeFeedCursor, encodeFeedCursor, pageOf, type FeedKey } from './cursor';
import { publishedPosts, SUMMARY_COLUMNS, toPostSummary } from './detail';
import { normaliseQuery, searchTextContains } from './search';

const DEFAULT_LIMIT = 20;
/** Above every id, so a clamped key (now, MAX_ID + 1) still includes rows published exactly now. */
const MAX_ID = 2147483647;

export interface FeedPageRequest {
  category?: PostListQuery['category'];
  /** Normalised search text (see search.ts), or null. */
  search: string | null;
  after: FeedKey | null;
  limit: number;
}

/**
 * 微课堂 feed: pinned first, then newest, ties by id — one page after a keyset cursor, never an
 * offset. The order is posts_feed_idx (posts_category_feed_idx with a category) read backwards,
 * so a page is an index range scan, the same cost at post 10 as at post 100,000.
 */
export async function listFeed(db: Kysely<Database>, engine: Engine, query: PostListQuery, now: Date): Promise<PostPage> {
  const request: FeedPageRequest = {
    category: query.category,
    search: normaliseQuery(query.q),
    after: query.cursor === undefined ? null : decodeFeedCursor(query.cursor),
    limit: query.limit ?? DEFAULT_LIMIT,
  };
  const rows = await feedPageQuery(db, engine, request, now).execute();
  return pageOf(rows, request.limit, toPostSummary, (row) =>
    encodeFeedCursor({ pinned: row.pinned === 1 ? 1 : 0, publishAt: row.publish_at!, id: row.id }),
  );
}

/** The page's query, `limit + 1` rows; exported so its plan can be checked on both engines. */
export function feedPageQuery(db: Kysely<Database>, engine: Engine, request: FeedPageRequest, now: Date) {
  let feed = publishedPosts(db).select(SUMMARY_COLUMNS);
  if (request.category) feed = feed.where('posts.category', '=', request.category);
  feed = feed.where(request.after ? afterFeedKey(request.after, now) : visibleBy(now));
  if (request.search) feed = feed.where(searchTextContains(request.search, engine));
  return feed
    .orderBy('posts.pinned', 'desc')
    .orderBy('posts.publish_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(request.limit + 1);
}

type FeedExpression = ExpressionBuilder<Database, 'posts' | 'units'>;

function visibleBy(now: Date) {
  return (eb: FeedExpression) => eb('posts.publish_at', '<=', now.toISOString());
}

/**
 * Rows after `key` in feed order, and visible at `now`.
 *
 * A pinned key is the row comparison (pinned, publish_at, id) < key plus the visibility bound
 * (pinned posts are few: the page is short whatever the plan).
 *
 * An unpinned key is written `pinned = 0 AND (publish_at, id) < key` — the same rows, since
 * pinned is 0 or 1 — with the key clamped to `now` so that it alone bounds visibility, for two
 * reasons: PostgreSQL estimates a row comparison from its first column, finds `pinned < 0`
 * empty and would read every older post through a hash join and a sort; and SQLite, given both
 * `publish_at <= now` and the row comparison, ranges over the first and filters the second, so a
 * page 90% deep read 90% of the index. The clamp also keeps a forged cursor dated in the future
 * from reaching scheduled posts.
 */
function afterFeedKey(key: FeedKey, now: Date) {
  return (eb: FeedExpression) => {
    if (key.pinned === 1) {
      return eb.and([
        visibleBy(now)(eb),
        eb(eb.refTuple('posts.pinned', 'posts.publish_at', 'posts.id'), '<', eb.tuple(key.pinned, key.publishAt, key.id)),
      ]);
    }
    const nowIso = now.toISOString();
    const bound = key.publishAt <= nowIso ? key : { publishAt: nowIso, id: MAX_ID + 1 };
    return eb.and([
      eb('posts.pinned', '=', 0),
      eb(eb.refTuple('posts.publish_at', 'posts.id'), '<', eb.tuple(bound.publishAt, bound.id)),
    ]);
  };
}
