import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, Toast } from '@nutui/nutui-react-taro';
import type { TalkRequestView } from '../../../core/api/booking';
import { BOOKING_CONFIG } from '../../../core/booking';
import { ERRORS } from '../../../core/errors';
import { formatDateTime } from '../../../core/time';
import { ErrorState } from '../../../components/error-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { ReasonDialog } from '../../../components/reason-dialog';
import { SignedIn } from '../../../components/signed-in';
import { useOnReturn } from '../../../hooks/use-on-return';
import { useRemote } from '../../../hooks/use-remote';
import { bookingApi } from '../../../services/api';
import { ApiError } from '../../../services/api-error';
import { openTalk } from '../../../services/booking-navigation';
import { idParam } from '../../../services/navigation';
import { RequestSteps, isCancellable } from '../shared/request-status';
import { audienceText } from '../shared/request-text';
import './index.scss';

const TOAST_ID = 'request-toast';

function loadTalkRequest(requestId: number | null): Promise<TalkRequestView> {
  if (requestId === null) return Promise.reject(new ApiError('not_found', ERRORS.not_found.message, 404));
  return bookingApi.get(requestId);
}

function ScheduledTalk({ talk }: { talk: NonNullable<TalkRequestView['talk']> }) {
  return (
    <Cell.Group title="宣讲安排">
      <Cell title="时间" extra={formatDateTime(talk.startsAt)} />
      <Cell title="地点" description={talk.venueAddress} extra={talk.venueName} />
      <Cell title="宣讲员" extra={talk.speakerName} />
      <Cell title="查看宣讲" description="报名情况，宣讲后在这里评价" clickable onClick={() => openTalk(talk.id).catch(() => undefined)} />
    </Cell.Group>
  );
}

/** 评单 is the requester's last step: once the talk was held, ask for it where it cannot be missed. */
function RateInvitation({ talkId }: { talkId: number }) {
  return (
    <View className="ywk-request-detail__rate">
      <View className="ywk-request-detail__rate-text">宣讲已举办，请您为这场宣讲打个分。</View>
      <Button type="primary" block onClick={() => openTalk(talkId).catch(() => undefined)}>
        去评价
      </Button>
    </View>
  );
}

function Timeline({ entries }: { entries: TalkRequestView['timeline'] }) {
  return (
    <Cell.Group title="办理记录">
      {entries.map((entry, index) => (
        <Cell key={`${entry.at}-${index}`} title={entry.text} description={formatDateTime(entry.at)} />
      ))}
    </Cell.Group>
  );
}

function TalkRequestDetail({ talkRequest, onCancelled }: { talkRequest: TalkRequestView; onCancelled: (next: TalkRequestView) => void }) {
  const [cancelling, setCancelling] = useState(false);

  async function cancel(reason: string) {
    const cancelled = await bookingApi.cancel(talkRequest.id, { reason });
    setCancelling(false);
    onCancelled(cancelled);
    Toast.show(TOAST_ID, { content: '点单已取消', icon: 'success' });
  }

  return (
    <View className="ywk-request-detail">
      <View className="ywk-request-detail__head">
        <View className="ywk-request-detail__title">{talkRequest.topicTitle}</View>
        <View className="ywk-request-detail__status">{talkRequest.statusLabel}</View>
      </View>
      <RequestSteps talkRequest={talkRequest} />
      {talkRequest.status === 'held' && talkRequest.talk ? <RateInvitation talkId={talkRequest.talk.id} /> : null}
      {talkRequest.cancelReason ? (
        <View className="ywk-request-detail__reason">取消原因：{talkRequest.cancelReason}</View>
      ) : null}
      {talkRequest.talk ? <ScheduledTalk talk={talkRequest.talk} /> : null}
      <Cell.Group title="点单内容">
        <Cell title="社区" extra={talkRequest.communityName} />
        <Cell title="场地" extra={talkRequest.venueName ?? '社区安排'} />
        {talkRequest.windows.map((window, index) => (
          <Cell
            key={window.start}
            title={`希望时间 ${index + 1}`}
            extra={`${formatDateTime(window.start)} 至 ${formatDateTime(window.end)}`}
          />
        ))}
        <Cell title="听众" extra={audienceText(talkRequest)} />
        {talkRequest.note ? <Cell title="备注" description={talkRequest.note} /> : null}
      </Cell.Group>
      <Timeline entries={talkRequest.timeline} />
      {isCancellable(talkRequest) ? (
        <View className="ywk-request-detail__actions">
          <Button type="danger" fill="outline" block onClick={() => setCancelling(true)}>
            取消点单
          </Button>
        </View>
      ) : null}
      <ReasonDialog
        visible={cancelling}
        title="确认取消点单"
        description="取消后，宣讲员将不再前来宣讲。确定要取消吗？"
        placeholder="请写明取消原因，如：活动室另有安排"
        missingMessage="请填写取消原因"
        maxLength={BOOKING_CONFIG.maxReasonLength}
        confirmText="确定取消"
        onSubmit={cancel}
        onClose={() => setCancelling(false)}
      />
    </View>
  );
}

function RequestContent({ requestId }: { requestId: number | null }) {
  const [loaded, reload] = useRemote(() => loadTalkRequest(requestId), requestId);
  const [changed, setChanged] = useState<TalkRequestView>();
  // Back from the talk page after 评单, the request has moved on to 已评价; refresh it in place.
  useOnReturn(() => {
    if (requestId !== null) bookingApi.get(requestId).then(setChanged, () => undefined);
  });
  if (loaded.status === 'loading') return <ListSkeleton cards={2} />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={reload} />;
  return <TalkRequestDetail talkRequest={changed ?? loaded.data} onCancelled={setChanged} />;
}

export default function TalkRequestPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <SignedIn>{() => <RequestContent requestId={idParam(params)} />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
