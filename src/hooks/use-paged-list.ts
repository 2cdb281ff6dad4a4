import { useCallback, useEffect, useRef, useState } from 'react';

/** One page of a keyset-paginated list; `nextCursor` is null on the last page. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type PagedList<T, P> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  /** `first` is the first page as loaded, for what comes with it (totals, the offline mark). */
  | { status: 'ready'; first: P; items: T[]; nextCursor: string | null };

export interface PagedListHandle<T, P> {
  list: PagedList<T, P>;
  failure: unknown;
  loadMore: () => Promise<void>;
  refresh: () => Promise<void>;
  retry: () => void;
}

/**
 * A list loaded page by page with the server's cursor: the first page when `key` changes or on
 * `retry` (重试), the next on `loadMore` (infinite scroll), the first again on `refresh`
 * (pull-to-refresh) while the current items stay on screen.
 *
 * `loadMore` and `refresh` never reject, since NutUI's InfiniteLoading and PullToRefresh stop
 * working after a rejected callback; a failure with items on screen is reported in `failure`.
 */
export function usePagedList<T, P extends CursorPage<T>>(
  load: (cursor?: string) => Promise<P>,
  key: unknown,
): PagedListHandle<T, P> {
  const [list, setList] = useState<PagedList<T, P>>({ status: 'loading' });
  const [failure, setFailure] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const listRef = useRef(list);
  listRef.current = list;
  // Every first-page load starts a generation; an answer from an older one arrives too late to show.
  const generation = useRef(0);
  const loadingMore = useRef(false);

  useEffect(() => {
    const mine = ++generation.current;
    setList({ status: 'loading' });
    setFailure(undefined);
    loadRef.current().then(
      (page) => mine === generation.current && setList(firstPage(page)),
      (error: unknown) => mine === generation.current && setList({ status: 'error', error }),
    );
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const page = await loadRef.current();
      if (mine !== generation.current) return;
      setList(firstPage(page));
      setFailure(undefined);
    } catch (error) {
      if (mine !== generation.current) return;
      if (listRef.current.status === 'ready') {
        setFailure(error);
      } else {
        setList({ status: 'error', error });
      }
    }
  }, []);

  const loadMore = useCallback(async () => {
    const current = listRef.current;
    if (current.status !== 'ready' || current.nextCursor === null || loadingMore.current) return;
    const mine = generation.current;
    loadingMore.current = true;
    try {
      const page = await loadRef.current(current.nextCursor);
      if (mine !== generation.current) return;
      setList((shown) =>
        shown.status === 'ready'
          ? { ...shown, items: [...shown.items, ...page.items], nextCursor: page.nextCursor }
          : shown,
      );
      setFailure(undefined);
    } catch (error) {
      if (mine === generation.current) setFailure(error);
    } finally {
      loadingMore.current = false;
    }
  }, []);

  return { list, failure, loadMore, refresh, retry };
}

function firstPage<T, P extends CursorPage<T>>(page: P): PagedList<T, P> {
  return { status: 'ready', first: page, items: page.items, nextCursor: page.nextCursor };
}
