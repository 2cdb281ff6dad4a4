import Taro from '@tarojs/taro';
import type { PostDetail, PostSummary } from '../core/api/posts';
import { POST_CATEGORIES, type PostCategory } from '../core/catalog';

/**
 * What a reader can still see without a network: the feed as last loaded, per category, and the
 * posts they opened. WeChat gives a mini-program 10 MB of storage (1 MB per key) shared with the
 * session and the check-in queue, so the cache keeps itself to a small, fixed share of it.
 */

/** Two feed pages per category: what a reader scrolls through before leaving signal. */
export const FEED_CACHE_ITEMS = 40;
/** Opened posts kept, newest first; a reader rarely goes back further than this. */
export const POST_CACHE_COUNT = 50;
/** Post bodies can be long (up to 200,000 characters); this keeps all of them to about 2 MB of UTF-8. */
export const POST_CACHE_CHARS = 700_000;

const FEED_PREFIX = 'ywk.offline.feed.';
const POST_PREFIX = 'ywk.offline.post.';
const POST_INDEX_KEY = 'ywk.offline.posts';

/** The feed of one category, or of all of them. */
export type FeedCategory = PostCategory | 'all';

interface PostIndexEntry {
  id: number;
  /** Length of the stored JSON, to keep the total under POST_CACHE_CHARS. */
  chars: number;
}

function read<T>(key: string): T | null {
  try {
    const stored: unknown = Taro.getStorageSync(key);
    return stored === '' || stored === undefined || stored === null ? null : (stored as T);
  } catch {
    return null;
  }
}

/** The cache is a convenience: a full or unavailable storage must never break reading online. */
function write(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, value);
    return true;
  } catch {
    return false;
  }
}

function remove(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing to free; the entry simply stays until the next write succeeds.
  }
}

export function cachedFeed(category: FeedCategory): PostSummary[] | null {
  const items = read<PostSummary[]>(FEED_PREFIX + category);
  return Array.isArray(items) && items.length > 0 ? items : null;
}

/** Keeps a freshly loaded first page, or adds a further page to it, up to FEED_CACHE_ITEMS. */
export function rememberFeed(category: FeedCategory, items: PostSummary[], nextPage: boolean): void {
  const earlier = nextPage ? (cachedFeed(category) ?? []) : [];
  const seen = new Set(earlier.map((item) => item.id));
  const merged = [...earlier, ...items.filter((item) => !seen.has(item.id))];
  write(FEED_PREFIX + category, merged.slice(0, FEED_CACHE_ITEMS));
}

function postIndex(): PostIndexEntry[] {
  const index = read<PostIndexEntry[]>(POST_INDEX_KEY);
  return Array.isArray(index) ? index : [];
}

export function cachedPost(id: number): PostDetail | null {
  return read<PostDetail>(POST_PREFIX + id);
}

/** Keeps an opened post, evicting the least recently opened ones beyond the count or size bound. */
export function rememberPost(post: PostDetail): void {
  const chars = JSON.stringify(post).length;
  if (chars > POST_CACHE_CHARS) return;
  if (!write(POST_PREFIX + post.id, post)) return;

  const index = [{ id: post.id, chars }, ...postIndex().filter((entry) => entry.id !== post.id)];
  let total = 0;
  const kept = index.filter((entry, position) => {
    total += entry.chars;
    const keep = position < POST_CACHE_COUNT && total <= POST_CACHE_CHARS;
    if (!keep) remove(POST_PREFIX + entry.id);
    return keep;
  });
  write(POST_INDEX_KEY, kept);
}

/** A withdrawn post must not stay readable offline, in its own entry or in a cached feed. */
export function forgetPost(id: number): void {
  remove(POST_PREFIX + id);
  write(POST_INDEX_KEY, postIndex().filter((entry) => entry.id !== id));
  const categories: FeedCategory[] = ['all', ...POST_CATEGORIES.map((category) => category.key)];
  categories.forEach((category) => {
    const items = cachedFeed(category);
    if (items?.some((item) => item.id === id)) {
      write(FEED_PREFIX + category, items.filter((item) => item.id !== id));
    }
  });
}
