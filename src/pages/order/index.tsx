import { View } from '@tarojs/components';
import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import { Order } from '@nutui/icons-react-taro';
import type { Topic } from '../../core/api/booking';
import { audienceLabel } from '../../core/catalog';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { ListSkeleton } from '../../components/list-skeleton';
import { PageShell } from '../../components/page-shell';
import { useRemote } from '../../hooks/use-remote';
import { useSession } from '../../hooks/use-session';
import { bookingApi } from '../../services/api';
import { openMyRequests, openOrderForm, openTalkCalendar } from '../../services/booking-navigation';
import { openLoginPage } from '../../services/navigation';
import './index.scss';

function TopicCard({ topic, onOrder }: { topic: Topic; onOrder: () => void }) {
  return (
    <View className="ywk-topic-card">
      <View className="ywk-topic-card__title">{topic.title}</View>
      <View className="ywk-topic-card__description">{topic.description}</View>
      <View className="ywk-topic-card__meta">
        <View>约 {topic.durationMin} 分钟</View>
        <View>{topic.speakerCount} 位宣讲员可讲</View>
      </View>
      <View className="ywk-topic-card__tags">
        {topic.audience.map((kind) => (
          <Tag key={kind} type="primary" plain>
            {audienceLabel(kind)}
          </Tag>
        ))}
      </View>
      <Button type="primary" block onClick={onOrder}>
        我要点单
      </Button>
    </View>
  );
}

/** 百姓点单: the 宣讲菜单 a resident orders a talk from, and the way to their own requests. */
export default function OrderPage() {
  const session = useSession();
  const [menu, reload] = useRemote(bookingApi.topics);

  function order(topic: Topic) {
    // Ordering needs an account; the menu itself is public.
    (session ? openOrderForm(topic.id) : openLoginPage()).catch(() => undefined);
  }

  return (
    <PageShell>
      <Cell.Group>
        <Cell title="我的点单" description="查看点单进度" clickable onClick={() => (session ? openMyRequests() : openLoginPage()).catch(() => undefined)} />
        {/* The calendar is public: anyone may look before signing in to join. */}
        <Cell title="宣讲日历" description="看看近期各社区的宣讲，报名参加" clickable onClick={() => openTalkCalendar().catch(() => undefined)} />
      </Cell.Group>
      {menu.status === 'loading' ? <ListSkeleton /> : null}
      {menu.status === 'error' ? <ErrorState error={menu.error} onRetry={reload} /> : null}
      {menu.status === 'ready' && menu.data.topics.length === 0 ? (
        <EmptyState
          icon={<Order />}
          title="暂无宣讲菜单"
          description="街道公布宣讲菜单后，您可以在这里点单，请宣讲员到社区开讲。"
        />
      ) : null}
      {menu.status === 'ready'
        ? menu.data.topics.map((topic) => <TopicCard key={topic.id} topic={topic} onOrder={() => order(topic)} />)
        : null}
    </PageShell>
  );
}
