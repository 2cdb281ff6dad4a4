import { View } from '@tarojs/components';
import { Toast } from '@nutui/nutui-react-taro';
import { Order } from '@nutui/icons-react-taro';
import type { TalkRequestPage, TalkRequestView } from '../../../core/api/booking';
import { formatDateTime } from '../../../core/time';
import { EmptyState } from '../../../components/empty-state';
import { PageShell } from '../../../components/page-shell';
import { PagedListView } from '../../../components/paged-list-view';
import { SignedIn } from '../../../components/signed-in';
import { useOnReturn } from '../../../hooks/use-on-return';
import { usePagedList } from '../../../hooks/use-paged-list';
import { bookingApi } from '../../../services/api';
import { openTalkRequest } from '../../../services/booking-navigation';
import { RequestSteps } from '../shared/request-status';
import './index.scss';

const TOAST_ID = 'requests-toast';
const PAGE_SIZE = 20;

type RequestPage = TalkRequestPage & { nextCursor: string | null };

/** The server pages by the last id shown (`before`); the shared list hook speaks in cursors. */
async function loadRequestPage(cursor?: string): Promise<RequestPage> {
  const page = await bookingApi.mine({ before: cursor ? Number(cursor) : undefined, limit: PAGE_SIZE });
  return { ...page, nextCursor: page.nextBefore === null ? null : String(page.nextBefore) };
}

function RequestCard({ talkRequest }: { talkRequest: TalkRequestView }) {
  const place = talkRequest.talk
    ? `${formatDateTime(talkRequest.talk.startsAt)} · ${talkRequest.talk.venueName}`
    : `${talkRequest.communityName} · ${talkRequest.venueName ?? '社区安排'}`;
  return (
    <View className="ywk-request-card" onClick={() => openTalkRequest(talkRequest.id).catch(() => undefined)}>
      <View className="ywk-request-card__head">
        <View className="ywk-request-card__title">{talkRequest.topicTitle}</View>
        <View className="ywk-request-card__status">{talkRequest.statusLabel}</View>
      </View>
      <View className="ywk-request-card__place">{place}</View>
      <RequestSteps talkRequest={talkRequest} />
    </View>
  );
}

function MyRequests() {
  const paged = usePagedList<TalkRequestView, RequestPage>(loadRequestPage, 'mine');
  // Back from a request that was cancelled there, the list must say so.
  useOnReturn(paged.refresh);

  return (
    <PagedListView
      paged={paged}
      toastId={TOAST_ID}
      empty={<EmptyState icon={<Order />} title="还没有点单" description="在“点单”页选择宣讲主题，即可请宣讲员到社区开讲。" />}
      endText="没有更多点单了"
    >
      {(talkRequests) =>
        talkRequests.map((talkRequest) => <RequestCard key={talkRequest.id} talkRequest={talkRequest} />)
      }
    </PagedListView>
  );
}

export default function MyRequestsPage() {
  return (
    <PageShell className="ywk-fill-page">
      <SignedIn>{() => <MyRequests />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
