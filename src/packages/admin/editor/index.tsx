import { useRouter } from '@tarojs/taro';
import { Edit } from '@nutui/icons-react-taro';
import type { Me } from '../../../core/api/auth';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { SignedIn } from '../../../components/signed-in';
import { useRemote } from '../../../hooks/use-remote';
import { adminPostsApi } from '../../../services/api';
import { idParam } from '../../../services/navigation';
import { editorUnits } from '../../../services/staff-access';
import { DraftForm } from './draft-form';
import './index.scss';

function EditExistingPost({ postId, user }: { postId: number; user: Me }) {
  const [loaded, reload] = useRemote(() => adminPostsApi.get(postId), postId);
  if (loaded.status === 'loading') return <ListSkeleton cards={3} />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={reload} />;
  return <DraftForm user={user} post={loaded.data} />;
}

function Editor({ postId, user }: { postId: number | null; user: Me }) {
  if (postId !== null) return <EditExistingPost postId={postId} user={user} />;
  if (editorUnits(user).length === 0) {
    return <EmptyState icon={<Edit />} title="只有编辑可以写稿件" description="如需写稿，请联系街道管理员开通编辑权限。" />;
  }
  return <DraftForm user={user} />;
}

export default function PostEditorPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <SignedIn>{(session) => <Editor postId={idParam(params)} user={session.user} />}</SignedIn>
    </PageShell>
  );
}
