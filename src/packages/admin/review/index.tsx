import { useState } from 'react';
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Toast } from '@nutui/nutui-react-taro';
import type { Me } from '../../../core/api/auth';
import type { StaffPost } from '../../../core/api/posts';
import { ERRORS } from '../../../core/errors';
import { ErrorState } from '../../../components/error-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { PostArticle } from '../../../components/post-article';
import { SignedIn } from '../../../components/signed-in';
import { useOnReturn } from '../../../hooks/use-on-return';
import { useRemote } from '../../../hooks/use-remote';
import { adminPostsApi } from '../../../services/api';
import { ApiError } from '../../../services/api-error';
import { idParam } from '../../../services/navigation';
import { PostFacts } from '../shared/post-facts';
import { ReviewDesk } from '../shared/review-desk';
import { ReviewHistory } from '../shared/review-history';
import './index.scss';

const TOAST_ID = 'review-toast';

function loadStaffPost(postId: number | null): Promise<StaffPost> {
  if (postId === null) return Promise.reject(new ApiError('not_found', ERRORS.not_found.message, 404));
  return adminPostsApi.get(postId);
}

function ReviewedPost({ postId, user }: { postId: number | null; user: Me }) {
  const [loaded, reload] = useRemote(() => loadStaffPost(postId), postId);
  const [changed, setChanged] = useState<StaffPost>();
  // Back from the editor, the post has a new version.
  useOnReturn(() => {
    setChanged(undefined);
    reload();
  });

  if (loaded.status === 'loading') return <ListSkeleton cards={2} />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={reload} />;
  const post = changed ?? loaded.data;
  return (
    <>
      <PostFacts post={post} />
      <View className="ywk-section-title">居民看到的文章</View>
      <PostArticle post={post} />
      <View className="ywk-section">
        <View className="ywk-section-title">审核记录</View>
        <ReviewHistory history={post.history} />
      </View>
      <ReviewDesk post={post} user={user} onChanged={setChanged} toastId={TOAST_ID} />
    </>
  );
}

export default function PostReviewPage() {
  const { params } = useRouter();
  return (
    <PageShell className="ywk-review-page">
      <SignedIn>{(session) => <ReviewedPost postId={idParam(params)} user={session.user} />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
