import { useEffect } from 'react';
import { Toast } from '@nutui/nutui-react-taro';
import { Articles, Search } from '@nutui/icons-react-taro';
import type { PostSummary } from '../../core/api/posts';
import { usePagedList } from '../../hooks/use-paged-list';
import { openPostDetail } from '../../services/navigation';
import { watchReconnect } from '../../services/network';
import { type FeedPage, type FeedQuery, loadFeedPage } from '../../services/reading';
import { EmptyState } from '../empty-state';
import { OfflineNotice } from '../offline-notice';
import { PagedListView } from '../paged-list-view';
import { PostCard } from '../post-card';

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
  const paged = usePagedList<PostSummary, FeedPage>((cursor) => loadFeedPage(query, cursor), feedKey(query));
  const { list, refresh } = paged;
  const offline = list.status === 'ready' && list.first.offline;

  // 离线内容，联网后自动更新: the cached list replaces itself once the phone is back online.
  useEffect(() => (offline ? watchReconnect(refresh) : undefined), [offline, refresh]);

  return (
    <>
      {offline ? <OfflineNotice /> : null}
      <PagedListView
        paged={paged}
        toastId={TOAST_ID}
        empty={<NoPosts query={query} />}
        endText={offline ? '联网后可以加载更多文章' : '没有更多文章了'}
      >
        {(posts) => posts.map((post) => <PostCard key={post.id} post={post} onOpen={openPost} />)}
      </PagedListView>
      <Toast id={TOAST_ID} />
    </>
  );
}
