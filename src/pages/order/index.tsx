import { Order } from '@nutui/icons-react-taro';
import { EmptyState } from '../../components/empty-state';
import { PageShell } from '../../components/page-shell';

export default function OrderPage() {
  return (
    <PageShell>
      <EmptyState
        icon={<Order />}
        title="暂无宣讲菜单"
        description="街道公布宣讲菜单后，您可以在这里点单，请宣讲员到社区开讲。"
      />
    </PageShell>
  );
}
