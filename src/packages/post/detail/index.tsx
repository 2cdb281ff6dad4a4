import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { Button, Cell, Skeleton } from '@nutui/nutui-react-taro';
import { Failure } from '@nutui/icons-react-taro';
import { ERRORS } from '../../../core/errors';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { OfflineNotice } from '../../../components/offline-notice';
import { PageShell } from '../../../components/page-shell';
import { PostArticle } from '../../../components/post-article';
import { useAccountSignIn } from '../../../hooks/use-account-sign-in';
import { useReadReporting } from '../../../hooks/use-read-reporting';
import { useRemote } from '../../../hooks/use-remote';
import { useSession } from '../../../hooks/use-session';
import { ApiError, isApiError } from '../../../services/api-error';
import {
  PAGES,
  idParam,
  openPostReview,
  postDetailPath,
  postShareQuery,
} from '../../../services/navigation';
import { type LoadedPost, loadPost } from '../../../services/reading';
import { mayUnpublish } from '../../../services/staff-access';
import { StudyProgress } from './study-progress';
import './index.scss';

const APP_TITLE = '云上微课堂';

function loadRequestedPost(postId: number | null): Promise<LoadedPost> {
  // A link without a valid id is a post that cannot be found, not a broken page.
  if (postId === null) return Promise.reject(new ApiError('not_found', ERRORS.not_found.message, 404));
  return loadPost(postId);
}

function backToFeed() {
  Taro.switchTab({ url: PAGES.study }).catch(() => undefined);
}

function PostNotFound() {
  return (
    <EmptyState icon={<Failure />} title="文章不存在或已撤回" description="这篇文章可能已经撤回，请看看其他文章。">
      <Button type="primary" onClick={backToFeed}>
        返回微课堂
      </Button>
    </EmptyState>
  );
}

function ArticleSkeleton() {
  return (
    <View className="ywk-post-skeleton" aria-label="正在加载">
      <Skeleton rows={2} size="large" animated />
      <Skeleton rows={8} animated />
    </View>
  );
}

export default function PostDetailPage() {
  const { params } = useRouter();
  const postId = idParam(params);
  const [loaded, reload] = useRemote(() => loadRequestedPost(postId), postId);
  const session = useSession();
  const { signIn } = useAccountSignIn();
  const post = loaded.status === 'ready' ? loaded.data.post : null;
  const progress = useReadReporting(session && post ? post.id : null);

  // A shared link opens this post; 朋友圈 takes the query apart from the page's own path.
  useShareAppMessage(() => ({
    title: post?.title ?? APP_TITLE,
    path: postId ? postDetailPath(postId) : PAGES.study,
    imageUrl: post?.coverUrl ?? undefined,
  }));
  useShareTimeline(() => ({
    title: post?.title ?? APP_TITLE,
    query: postId ? postShareQuery(postId) : '',
    imageUrl: post?.coverUrl ?? undefined,
  }));

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    // WeChat calls the list `menus`; Taro's typing only knows QQ's name for it.
    const shareMenu: Taro.showShareMenu.Option & { menus: string[] } = {
      withShareTicket: true,
      menus: ['shareAppMessage', 'shareTimeline'],
    };
    Taro.showShareMenu(shareMenu).catch(() => undefined);
  }, []);

  let content;
  if (loaded.status === 'loading') {
    content = <ArticleSkeleton />;
  } else if (loaded.status === 'error') {
    content = isApiError(loaded.error, 'not_found') ? (
      <PostNotFound />
    ) : (
      <ErrorState error={loaded.error} onRetry={reload} />
    );
  } else {
    const { post: article, offline } = loaded.data;
    content = (
      <>
        {offline ? <OfflineNotice /> : null}
        <PostArticle post={article} />
        <View className="ywk-post-reads">
          <Text>阅读 {article.readCount}</Text>
        </View>
        {session && mayUnpublish(session.user) ? (
          <Cell.Group className="ywk-section">
            <Cell
              title="稿件管理"
              description="查看审核记录，必要时撤回文章"
              clickable
              onClick={() => openPostReview(article.id).catch(() => undefined)}
            />
          </Cell.Group>
        ) : null}
        <StudyProgress
          signedIn={session !== null}
          onSignIn={signIn}
          requiredSeconds={article.requiredSeconds}
          progress={progress}
        />
      </>
    );
  }

  return <PageShell className="ywk-post-page">{content}</PageShell>;
}
