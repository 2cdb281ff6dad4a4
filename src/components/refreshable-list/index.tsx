import { type ReactNode, useState } from 'react';
import { InfiniteLoading, PullToRefresh } from '@nutui/nutui-react-taro';
import './index.scss';

interface RefreshableListProps {
  children: ReactNode;
  hasMore: boolean;
  /** Loads the next page; must not reject (see usePagedList). */
  onLoadMore: () => Promise<void>;
  /** Loads the first page again; must not reject. */
  onRefresh: () => Promise<void>;
  /** Shown under the last item when there is nothing more to load. */
  endText: string;
}

/**
 * A list that fills the rest of the page: pull down to refresh (下拉刷新), scroll to the end to
 * load more. Its parent must give it a height (see .ywk-fill-page).
 */
export function RefreshableList({ children, hasMore, onLoadMore, onRefresh, endText }: RefreshableListProps) {
  // Pulling down only refreshes at the top of the list; further down it scrolls back up.
  const [atTop, setAtTop] = useState(true);

  return (
    <PullToRefresh
      className="ywk-refreshable-list"
      scrollTop={atTop ? 0 : 1}
      onRefresh={onRefresh}
      pullingText="下拉刷新"
      canReleaseText="松开刷新"
      refreshingText="正在刷新…"
      completeText="已刷新"
    >
      <InfiniteLoading
        hasMore={hasMore}
        onLoadMore={onLoadMore}
        onScroll={(top) => setAtTop(top <= 0)}
        loadingText="正在加载…"
        loadMoreText={endText}
      >
        {children}
      </InfiniteLoading>
    </PullToRefresh>
  );
}
