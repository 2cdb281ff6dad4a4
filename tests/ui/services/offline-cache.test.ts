import {
  FEED_CACHE_ITEMS,
  POST_CACHE_CHARS,
  POST_CACHE_COUNT,
  cachedFeed,
  cachedPost,
  forgetPost,
  rememberFeed,
  rememberPost,
} from '../../../src/services/offline-cache';
import { postDetail, postSummary } from '../support/post-fixtures';

beforeEach(() => {
  localStorage.clear();
});

function summaries(from: number, count: number) {
  return Array.from({ length: count }, (_, index) => postSummary({ id: from + index, title: `第${from + index}篇` }));
}

describe('offline cache', () => {
  it('keeps a category’s first page, adds later pages, and stops at its bound', () => {
    rememberFeed('theory', summaries(1, 20), false);
    rememberFeed('theory', summaries(21, 20), true);
    rememberFeed('theory', summaries(41, 20), true);

    const kept = cachedFeed('theory') ?? [];
    expect(kept).toHaveLength(FEED_CACHE_ITEMS);
    expect(kept[0].id).toBe(1);
    expect(cachedFeed('policy')).toBeNull();
  });

  it('replaces a category’s cached list when its first page is loaded again', () => {
    rememberFeed('all', summaries(1, 20), false);
    rememberFeed('all', summaries(100, 3), false);

    expect(cachedFeed('all')?.map((post) => post.id)).toEqual([100, 101, 102]);
  });

  it('keeps the most recently opened posts and forgets the oldest beyond the count', () => {
    for (let id = 1; id <= POST_CACHE_COUNT + 2; id += 1) rememberPost(postDetail({ id }));

    expect(cachedPost(1)).toBeNull();
    expect(cachedPost(2)).toBeNull();
    expect(cachedPost(3)?.id).toBe(3);
    expect(cachedPost(POST_CACHE_COUNT + 2)?.id).toBe(POST_CACHE_COUNT + 2);
  });

  it('counts re-opening a post as recent', () => {
    for (let id = 1; id <= POST_CACHE_COUNT; id += 1) rememberPost(postDetail({ id }));
    rememberPost(postDetail({ id: 1 }));
    rememberPost(postDetail({ id: POST_CACHE_COUNT + 1 }));

    expect(cachedPost(1)?.id).toBe(1);
    expect(cachedPost(2)).toBeNull();
  });

  it('keeps long posts within the size bound, evicting the oldest', () => {
    const long = (id: number) => postDetail({ id, bodyHtml: `<p>${'学'.repeat(POST_CACHE_CHARS / 3)}</p>` });
    rememberPost(long(1));
    rememberPost(long(2));
    rememberPost(long(3));

    expect(cachedPost(1)).toBeNull();
    expect(cachedPost(2)?.id).toBe(2);
    expect(cachedPost(3)?.id).toBe(3);
  });

  it('does not keep a post larger than the whole bound', () => {
    rememberPost(postDetail({ id: 1, bodyHtml: `<p>${'学'.repeat(POST_CACHE_CHARS)}</p>` }));

    expect(cachedPost(1)).toBeNull();
  });

  it('forgets a withdrawn post everywhere it was kept', () => {
    rememberPost(postDetail({ id: 7 }));
    rememberFeed('all', summaries(6, 3), false);
    rememberFeed('history', summaries(7, 1), false);

    forgetPost(7);

    expect(cachedPost(7)).toBeNull();
    expect(cachedFeed('all')?.map((post) => post.id)).toEqual([6, 8]);
    expect(cachedFeed('history')).toBeNull();
  });
});
