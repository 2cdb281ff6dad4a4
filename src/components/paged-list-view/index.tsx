import { type ReactElement, type ReactNode, useEffect } from 'react';
import { Toast } from '@nutui/nutui-react-taro';
import type { PagedListHandle } from '../../hooks/use-paged-list';
import { errorMessage } from '../../services/api-error';
import { ErrorState } from '../error-state';
import { ListSkeleton } from '../list-skeleton';
import { RefreshableList } from '../refreshable-list';

interface PagedListViewProps<T> {
  paged: PagedListHandle<T, unknown>;
  /**
   * The page's own <Toast>: a refresh or next page that fails keeps the items on screen, so the
   * failure is told there instead of replacing the list.
   */
  toastId: string;
  /** Shown instead of the list when the first page has no items. */
  empty: ReactElement;
  /** Shown under the last item when there is nothing more to load. */
  endText: string;
  children: (items: T[]) => ReactNode;
}

/**
 * A list from usePagedList in each of its states: grey cards while the first page loads, 重试 when
 * it fails, `empty` when there is nothing, else the items to pull down and scroll through.
 */
export function PagedListView<T>({ paged, toastId, empty, endText, children }: PagedListViewProps<T>) {
  const { list, failure, loadMore, refresh, retry } = paged;

  useEffect(() => {
    if (failure) Toast.show(toastId, { content: errorMessage(failure), icon: 'fail' });
  }, [failure, toastId]);

  if (list.status === 'loading') return <ListSkeleton />;
  if (list.status === 'error') return <ErrorState error={list.error} onRetry={retry} />;
  if (list.items.length === 0) return empty;
  return (
    <RefreshableList hasMore={list.nextCursor !== null} onLoadMore={loadMore} onRefresh={refresh} endText={endText}>
      {children(list.items)}
    </RefreshableList>
  );
}
