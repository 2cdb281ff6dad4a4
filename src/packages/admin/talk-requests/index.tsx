import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { Tabs, Tag, Toast } from '@nutui/nutui-react-taro';
import { Order, Tips } from '@nutui/icons-react-taro';
import type { AdminRequestQuery, TalkRequestPage, TalkRequestView } from '../../../core/api/booking';
import type { TalkRequestStatus } from '../../../core/booking';
import { formatDateTime } from '../../../core/time';
import { EmptyState } from '../../../components/empty-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { PagedListView } from '../../../components/paged-list-view';
import { SignedIn } from '../../../components/signed-in';
import { useOnReturn } from '../../../hooks/use-on-return';
import { usePagedList } from '../../../hooks/use-paged-list';
import { dispatchApi } from '../../../services/api';
import { errorMessage, isApiError } from '../../../services/api-error';
import { openDispatchRequest } from '../../../services/dispatch-navigation';
import { audienceText, windowText } from '../../booking/shared/request-text';
import './index.scss';

const TOAST_ID = 'dispatch-queue-toast';
const PAGE_SIZE = 20;

type QueueTab = 'open' | 'unmatched' | 'offered' | 'submitted' | 'scheduled';

interface QueueTabSpec {
  key: QueueTab;
  title: string;
  /** Without a status the server answers every request still open (submitted, offered, unmatched). */
  status?: TalkRequestStatus;
  emptyTitle: string;
}

/**
 * 全部待办 comes first so the dispatcher sees all open work at once, 未匹配 next because nobody
 * else will act on it. 已接单 has no tab: accepting moves a request straight to scheduled.
 */
const QUEUE_TABS: readonly QueueTabSpec[] = [
  { key: 'open', title: '全部待办', emptyTitle: '没有待处理的点单' },
  { key: 'unmatched', title: '未匹配', status: 'unmatched', emptyTitle: '没有未匹配的点单' },
  { key: 'offered', title: '派单中', status: 'offered', emptyTitle: '没有等待宣讲员回复的点单' },
  { key: 'submitted', title: '待派单', status: 'submitted', emptyTitle: '没有待派单的点单' },
  { key: 'scheduled', title: '已安排', status: 'scheduled', emptyTitle: '没有已安排的宣讲' },
];

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger';

/** Red is what needs a person now, orange what waits on a speaker, green what is settled. */
const STATUS_TAG_TYPES: Partial<Record<TalkRequestStatus, TagType>> = {
  unmatched: 'danger',
  submitted: 'warning',
  offered: 'primary',
  accepted: 'success',
  scheduled: 'success',
};

type QueuePage = TalkRequestPage & { nextCursor: string | null };

/** The server pages by the last id shown (`before`); the shared list hook speaks in cursors. */
async function loadQueuePage(status: TalkRequestStatus | undefined, cursor?: string): Promise<QueuePage> {
  const query: AdminRequestQuery = { status, before: cursor ? Number(cursor) : undefined, limit: PAGE_SIZE };
  const page = await dispatchApi.queue(query);
  return { ...page, nextCursor: page.nextBefore === null ? null : String(page.nextBefore) };
}

function RequestCard({ talkRequest }: { talkRequest: TalkRequestView }) {
  const unmatched = talkRequest.status === 'unmatched';
  return (
    <View
      className={`ywk-dispatch-card${unmatched ? ' ywk-dispatch-card--unmatched' : ''}`}
      onClick={() => openDispatchRequest(talkRequest.id).catch(() => undefined)}
    >
      <View className="ywk-dispatch-card__head">
        <View className="ywk-dispatch-card__title">{talkRequest.topicTitle}</View>
        <Tag type={STATUS_TAG_TYPES[talkRequest.status] ?? 'default'}>{talkRequest.statusLabel}</Tag>
      </View>
      {unmatched ? <View className="ywk-dispatch-card__alert">没有宣讲员接单，需要人工派单</View> : null}
      <View className="ywk-dispatch-card__line">
        {talkRequest.communityName} · {talkRequest.venueName ?? '社区安排'}
      </View>
      {talkRequest.windows.map((window) => (
        <View key={window.start} className="ywk-dispatch-card__line">
          希望时间：{windowText(window)}
        </View>
      ))}
      <View className="ywk-dispatch-card__line">听众：{audienceText(talkRequest)}</View>
      {talkRequest.talk ? (
        <View className="ywk-dispatch-card__line">
          宣讲员：{talkRequest.talk.speakerName}（{formatDateTime(talkRequest.talk.startsAt)}）
        </View>
      ) : null}
      <View className="ywk-dispatch-card__meta">{formatDateTime(talkRequest.createdAt)} 提交</View>
    </View>
  );
}

function QueueList({ tab, onForbidden }: { tab: QueueTabSpec; onForbidden: (error: unknown) => void }) {
  const paged = usePagedList<TalkRequestView, QueuePage>((cursor) => loadQueuePage(tab.status, cursor), tab.key);
  const { list } = paged;
  // Back from a request just dispatched, it may have moved to another tab.
  useOnReturn(paged.refresh);

  // Someone without the role gets the same refusal on every tab, so the page shows it once.
  const forbidden = list.status === 'error' && isApiError(list.error, 'forbidden') ? list.error : undefined;
  useEffect(() => {
    if (forbidden) onForbidden(forbidden);
  }, [forbidden, onForbidden]);

  // Not 重试: the page is about to replace the tabs with the refusal.
  if (forbidden) return <ListSkeleton />;
  return (
    <PagedListView
      paged={paged}
      toastId={TOAST_ID}
      empty={<EmptyState icon={<Order />} title={tab.emptyTitle} description="居民点单后会显示在这里，下拉可以刷新。" />}
      endText="没有更多点单了"
    >
      {(talkRequests) =>
        talkRequests.map((talkRequest) => <RequestCard key={talkRequest.id} talkRequest={talkRequest} />)
      }
    </PagedListView>
  );
}

function DispatchQueue() {
  const [tabKey, setTabKey] = useState<QueueTab>(QUEUE_TABS[0].key);
  const [refusal, setRefusal] = useState<unknown>();
  const tab = QUEUE_TABS.find((candidate) => candidate.key === tabKey) ?? QUEUE_TABS[0];

  if (refusal) {
    return <EmptyState icon={<Tips />} title="您没有派单权限" description={errorMessage(refusal)} />;
  }
  return (
    <>
      <Tabs
        className="ywk-dispatch-tabs"
        value={tabKey}
        duration={0}
        onChange={(value) => setTabKey(QUEUE_TABS.find((candidate) => candidate.key === value)?.key ?? tabKey)}
      >
        {QUEUE_TABS.map((candidate) => (
          <Tabs.TabPane key={candidate.key} title={candidate.title} value={candidate.key} />
        ))}
      </Tabs>
      <QueueList key={tab.key} tab={tab} onForbidden={setRefusal} />
    </>
  );
}

export default function DispatchQueuePage() {
  return (
    <PageShell className="ywk-fill-page">
      {/* Keyed by user: another account signing in starts without the previous one's refusal. */}
      <SignedIn>{(session) => <DispatchQueue key={session.user.id} />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
