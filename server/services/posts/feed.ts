import type { ExpressionBuilder, Kysely } from 'kysely';
import type { PostListQuery, PostPage } from '../../../src/core/api/posts';
import type { Database } from '../../db/schema';
import { decodeFeedCursor, encodeFeedCursor, pageOf, type FeedKey } from './cursor';
import { SUMMARY_COLUMNS, toPostSummary, visiblePosts } from './detail';
import { normaliseQuery, searchTextContains } from './search';

const DEFAULT_LIMIT = 20;

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
export async function listFeed(db: Kysely<Database>, query: PostListQuery, now: Date): Promise<PostPage> {
  const request: FeedPageRequest = {
    category: query.category,
    search: normaliseQuery(query.q),
    after: query.cursor === undefined ? null : decodeFeedCursor(query.cursor),
    limit: query.limit ?? DEFAULT_LIMIT,
  };
  const rows = await feedPageQuery(db, request, now).execute();
  return pageOf(rows, request.limit, toPostSummary, (row) =>
    encodeFeedCursor({ pinned: row.pinned === 1 ? 1 : 0, publishAt: row.publish_at!, id: row.id }),
  );
}

/** The page's query, `limit + 1` rows; exported so its plan can be checked on both engines. */
export function feedPageQuery(db: Kysely<Database>, request: FeedPageRequest, now: Date) {
  let feed = visiblePosts(db, now).select(SUMMARY_COLUMNS);
  if (request.category) feed = feed.where('posts.category', '=', request.category);
  if (request.after) feed = feed.where(afterFeedKey(request.after));
  if (request.search) feed = feed.where(searchTextContains(request.search));
  return feed
    .orderBy('posts.pinned', 'desc')
    .orderBy('posts.publish_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(request.limit + 1);
}

/**
 * Rows after `key` in feed order: (pinned, publish_at, id) < key. Written for a pinned key as that
 * row comparison; for an unpinned one as `pinned = 0 AND (publish_at, id) < …`, the same rows
 * since pinned is 0 or 1. PostgreSQL estimates a row comparison from its first column alone, and
 * `pinned < 0` looks empty to it: it then reads every older post through a hash join and sorts
 * them, so a page would cost more the earlier it is. Both forms are index range scans.
 */
function afterFeedKey(key: FeedKey) {
  return (eb: ExpressionBuilder<Database, 'posts' | 'units'>) =>
    key.pinned === 1
      ? eb(eb.refTuple('posts.pinned', 'posts.publish_at', 'posts.id'), '<', eb.tuple(key.pinned, key.publishAt, key.id))
      : eb.and([
          eb('posts.pinned', '=', 0),
          eb(eb.refTuple('posts.publish_at', 'posts.id'), '<', eb.tuple(key.publishAt, key.id)),
        ]);
}
