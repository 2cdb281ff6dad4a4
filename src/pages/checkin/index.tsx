import { Scan } from '@nutui/icons-react-taro';
import { EmptyState } from '../../components/empty-state';
import { PageShell } from '../../components/page-shell';

export default function CheckinPage() {
  return (
    <PageShell>
      <EmptyState
        icon={<Scan />}
        title="暂无签到活动"
        description="参加宣讲活动时，扫描现场的签到码即可签到，签到记录会在这里显示。"
      />
    </PageShell>
  );
}
