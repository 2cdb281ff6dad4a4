import { Articles } from '@nutui/icons-react-taro';
import { EmptyState } from '../../components/empty-state';
import { PageShell } from '../../components/page-shell';

export default function StudyPage() {
  return (
    <PageShell>
      <EmptyState
        icon={<Articles />}
        title="暂无文章"
        description="街道和社区发布的学习文章，审核通过后会在这里显示。"
      />
    </PageShell>
  );
}
