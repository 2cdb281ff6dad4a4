import type { PostDetail, PostPage } from '../core/api/posts';
import { postsApi } from './api';
import { NETWORK_ERROR, isApiError } from './api-error';
import { type FeedCategory, cachedFeed, cachedPost, forgetPost, rememberFeed, rememberPost } from './offline-cache';

/**
 * Reading posts for residents: from the server when it answers, from the device when the network
 * does not (many readers are on weak networks), and never a withdrawn post.
 */

export const FEED_PAGE_SIZE = 20;

/** Either a category's feed or a search across all categories. */
export type FeedQuery = { kind: 'category'; category: FeedCategory } | { kind: 'search'; q: string };

export interface FeedPage extends PostPage {
  /** Read from the device because the network failed. */
  offline: boolean;
}

export interface LoadedPost {
  post: PostDetail;
  offline: boolean;
}

export async function loadFeedPage(query: FeedQuery, cursor?: string): Promise<FeedPage> {
  const filter =
    query.kind === 'search'
      ? { q: query.q }
      : { category: query.category === 'all' ? undefined : query.category };
  try {
    const page = await postsApi.list({ ...filter, cursor, limit: FEED_PAGE_SIZE });
    // Search results are not kept: offline, a reader is shown what they browsed, not what they typed.
    if (query.kind === 'category') rememberFeed(query.category, page.items, cursor !== undefined);
    return { ...page, offline: false };
  } catch (error) {
    const cached =
      isApiError(error, NETWORK_ERROR) && query.kind === 'category' && cursor === undefined
        ? cachedFeed(query.category)
        : null;
    if (!cached) throw error;
    // Further pages need the server, so the cached list ends where it ends.
    return { items: cached, nextCursor: null, offline: true };
  }
}

export async function loadPost(id: number): Promise<LoadedPost> {
  try {
    const post = await postsApi.get(id);
    rememberPost(post);
    return { post, offline: false };
  } catch (error) {
    if (isApiError(error, 'not_found')) forgetPost(id);
    const cached = isApiError(error, NETWORK_ERROR) ? cachedPost(id) : null;
    if (!cached) throw error;
    return { post: cached, offline: true };
  }
}
