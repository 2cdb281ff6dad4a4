import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Toast } from '@nutui/nutui-react-taro';
import type { CommunityList, Topic } from '../../../core/api/booking';
import { ERRORS } from '../../../core/errors';
import { ErrorState } from '../../../components/error-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { SignedIn } from '../../../components/signed-in';
import { useRemote } from '../../../hooks/use-remote';
import { bookingApi } from '../../../services/api';
import { ApiError } from '../../../services/api-error';
import { idParam } from '../../../services/navigation';
import { ORDER_TOAST_ID, OrderForm } from './order-form';
import './index.scss';

interface OrderChoices {
  topic: Topic;
  communities: CommunityList['communities'];
}

/** There is no one-topic route: the menu is short, so the topic is found in it. */
async function loadChoices(topicId: number | null): Promise<OrderChoices> {
  const [menu, places] = await Promise.all([bookingApi.topics(), bookingApi.communities()]);
  const topic = menu.topics.find((candidate) => candidate.id === topicId);
  if (!topic) throw new ApiError('not_found', ERRORS.not_found.message, 404);
  return { topic, communities: places.communities };
}

function OrderContent({ topicId, homeCommunityId }: { topicId: number | null; homeCommunityId: number | null }) {
  const [choices, reload] = useRemote(() => loadChoices(topicId), topicId);
  if (choices.status === 'loading') return <ListSkeleton cards={3} />;
  if (choices.status === 'error') return <ErrorState error={choices.error} onRetry={reload} />;
  const { topic, communities } = choices.data;
  return (
    <>
      <OrderTopic topic={topic} />
      <OrderForm topic={topic} communities={communities} homeCommunityId={homeCommunityId} />
    </>
  );
}

function OrderTopic({ topic }: { topic: Topic }) {
  return (
    <View className="ywk-order-topic">
      <View className="ywk-order-topic__title">{topic.title}</View>
      <View className="ywk-order-topic__meta">宣讲时长约 {topic.durationMin} 分钟</View>
    </View>
  );
}

export default function TalkOrderPage() {
  const { params } = useRouter();
  const topicId = idParam({ id: params?.topicId });
  return (
    <PageShell>
      <SignedIn>
        {(session) => <OrderContent topicId={topicId} homeCommunityId={session.user.community?.id ?? null} />}
      </SignedIn>
      <Toast id={ORDER_TOAST_ID} />
    </PageShell>
  );
}
