import { useEffect } from 'react';
import { Toast } from '@nutui/nutui-react-taro';
import { Articles, Search } from '@nutui/icons-react-taro';
import type { PostSummary } from '../../core/api/posts';
import { usePagedList } from '../../hooks/use-paged-list';
import { errorMessage } from '../../services/api-error';
import { openPostDetail } from '../../services/navigation';
import { watchReconnect } from '../../services/network';
import { type FeedPage, type FeedQuery, loadFeedPage } from '../../services/reading';
import { EmptyState } from '../empty-state';
import { ErrorState } from '../error-state';
import { ListSkeleton } from '../list-skeleton';
import { OfflineNotice } from '../offline-notice';
import { PostCard } from '../post-card';
import { RefreshableList } from '../refreshable-list';

const TOAST_ID = 'post-feed-toast';

function feedKey(query: FeedQuery): string {
  return query.kind === 'search' ? `search:${query.q}` : `category:${query.category}`;
}

function openPost(postId: number) {
  openPostDetail(postId).catch(() => undefined);
}

function NoPosts({ query }: { query: FeedQuery }) {
  if (query.kind === 'search') {
    return (
      <EmptyState
        icon={<Search />}
        title="没有找到相关文章"
        description={`没有标题或正文含有“${query.q}”的文章，换个词试试。`}
      />
    );
  }
  return (
    <EmptyState
      icon={<Articles />}
      title="暂无文章"
      description="街道和社区发布的学习文章，审核通过后会在这里显示。"
    />
  );
}

/** The 微课堂 feed of one category, or search results: cards, pull to refresh, scroll for more. */
export function PostFeed({ query }: { query: FeedQuery }) {
  const { list, failure, loadMore, refresh, retry } = usePagedList<PostSummary, FeedPage>(
    (cursor) => loadFeedPage(query, cursor),
    feedKey(query),
  );
  const offline = list.status === 'ready' && list.first.offline;

  useEffect(() => {
    if (failure) Toast.show(TOAST_ID, { content: errorMessage(failure), icon: 'fail' });
  }, [failure]);

  // 离线内容，联网后自动更新: the cached list replaces itself once the phone is back online.
  useEffect(() => (offline ? watchReconnect(refresh) : undefined), [offline, refresh]);

  let content;
  if (list.status === 'loading') {
    content = <ListSkeleton />;
  } else if (list.status === 'error') {
    content = <ErrorState error={list.error} onRetry={retry} />;
  } else if (list.items.length === 0) {
    content = <NoPosts query={query} />;
  } else {
    content = (
      <RefreshableList
        hasMore={list.nextCursor !== null}
        onLoadMore={loadMore}
        onRefresh={refresh}
        endText={offline ? '联网后可以加载更多文章' : '没有更多文章了'}
      >
        {list.items.map((post) => (
          <PostCard key={post.id} post={post} onOpen={openPost} />
        ))}
      </RefreshableList>
    );
  }

  return (
    <>
      {offline ? <OfflineNotice /> : null}
      {content}
      <Toast id={TOAST_ID} />
    </>
  );
}
