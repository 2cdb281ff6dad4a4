import { View } from '@tarojs/components';
import { Cell, Toast } from '@nutui/nutui-react-taro';
import { Order } from '@nutui/icons-react-taro';
import type { StaffPostListQuery, StaffPostPage } from '../../../core/api/posts';
import { REVIEW_STAGE_LABELS, type ReviewStage } from '../../../core/posts';
import { formatDateTime } from '../../../core/time';
import { EmptyState } from '../../../components/empty-state';
import { PagedListView } from '../../../components/paged-list-view';
import { useOnReturn } from '../../../hooks/use-on-return';
import { usePagedList } from '../../../hooks/use-paged-list';
import { adminPostsApi } from '../../../services/api';
import { openPostEditor, openPostReview } from '../../../services/navigation';
import { scheduledFor } from './schedule';
import { PostStatusTag } from './status-tag';
import './staff-post-list.scss';

type StaffPostSummary = StaffPostPage['items'][number];

/** 我的稿件, the posts waiting for one review stage (待我审核), or the published ones (已发布). */
export type StaffPostScope = { scope: 'mine' } | { scope: 'queue'; stage: ReviewStage } | { scope: 'published' };

const TOAST_ID = 'staff-post-list-toast';

function scopeKey(scope: StaffPostScope): string {
  return scope.scope === 'queue' ? `queue:${scope.stage}` : scope.scope;
}

function open(post: StaffPostSummary, scope: StaffPostScope) {
  // The author continues a draft in the editor; everything else is read with its history first.
  const opening = scope.scope === 'mine' && post.status === 'draft' ? openPostEditor(post.id) : openPostReview(post.id);
  opening.catch(() => undefined);
}

function describe(post: StaffPostSummary): string {
  const parts = [post.unitName, post.authorName, `${formatDateTime(post.updatedAt)} 更新`];
  const scheduled = scheduledFor(post.publishAt);
  if (scheduled) parts.push(`定时 ${scheduled} 发布`);
  return parts.join(' · ');
}

function NothingHere({ scope }: { scope: StaffPostScope }) {
  if (scope.scope === 'mine') {
    return <EmptyState icon={<Order />} title="还没有稿件" description="点下方“写新稿件”，写好后提交审核。" />;
  }
  if (scope.scope === 'published') {
    return <EmptyState icon={<Order />} title="还没有已发布的文章" description="稿件通过终审后，会在这里显示。" />;
  }
  return (
    <EmptyState
      icon={<Order />}
      title={`没有待${REVIEW_STAGE_LABELS[scope.stage]}的稿件`}
      description="有稿件提交到这一环节时，会在这里显示。"
    />
  );
}

export function StaffPostList({ scope }: { scope: StaffPostScope }) {
  const paged = usePagedList<StaffPostSummary, StaffPostPage>((cursor) => {
    const query: StaffPostListQuery = { ...scope, cursor, limit: 20 };
    return adminPostsApi.list(query);
  }, scopeKey(scope));
  // Back from the editor or a review, a post may have moved on.
  useOnReturn(paged.refresh);

  return (
    <>
      <PagedListView paged={paged} toastId={TOAST_ID} empty={<NothingHere scope={scope} />} endText="没有更多稿件了">
        {(posts) => (
          <Cell.Group className="ywk-section">
            {posts.map((post) => (
              <Cell
                key={post.id}
                title={
                  <View className="ywk-staff-post__title">
                    <PostStatusTag status={post.status} />
                    <View>{post.title}</View>
                  </View>
                }
                description={describe(post)}
                clickable
                onClick={() => open(post, scope)}
              />
            ))}
          </Cell.Group>
        )}
      </PagedListView>
      <Toast id={TOAST_ID} />
    </>
  );
}
