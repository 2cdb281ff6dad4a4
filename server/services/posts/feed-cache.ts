import type { PostListQuery } from '../../../src/core/api/posts';

/**
 * A micro-cache of feed pages. The feed is the same for every reader and read far more often than
 * it changes, so each instance answers a page from memory for a couple of seconds instead of
 * querying for every reader who opens the tab. A publication or an unpublication on this instance
 * clears it at once; other instances (behind a load balancer) show it at most `ttlMs` later,
 * which is also how late a scheduled post may appear. Errors are never cached.
 *
 * A page is kept as the JSON the route sent, so a hit also skips serialising twenty posts again.
 */
export interface FeedCache {
  get(query: PostListQuery): string | undefined;
  set(query: PostListQuery, json: string): void;
  clear(): void;
}

export const FEED_CACHE_TTL_MS = 2000;
const MAX_PAGES = 500;

function keyOf(query: PostListQuery): string {
  return JSON.stringify([query.category ?? '', query.q ?? '', query.cursor ?? '', query.limit ?? 0]);
}

export function createFeedCache(now: () => Date, ttlMs = FEED_CACHE_TTL_MS): FeedCache {
  const pages = new Map<string, { json: string; expiresAt: number }>();
  return {
    get(query) {
      const key = keyOf(query);
      const entry = pages.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now().getTime()) {
        pages.delete(key);
        return undefined;
      }
      return entry.json;
    },
    set(query, json) {
      // Oldest first out: a Map iterates in insertion order.
      if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
      pages.set(keyOf(query), { json, expiresAt: now().getTime() + ttlMs });
    },
    clear() {
      pages.clear();
    },
  };
}
