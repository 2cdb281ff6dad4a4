import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, Collapse, Dialog, Tag, Toast } from '@nutui/nutui-react-taro';
import { Tips, User } from '@nutui/icons-react-taro';
import type { CandidateList, TalkRequestView } from '../../../core/api/booking';
import { decideTalkRequest, lastWindowEnd, type OfferStatus } from '../../../core/booking';
import { ERRORS } from '../../../core/errors';
import { formatDateTime } from '../../../core/time';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { SignedIn } from '../../../components/signed-in';
import { useOnReturn } from '../../../hooks/use-on-return';
import { useRemote } from '../../../hooks/use-remote';
import { bookingApi, dispatchApi } from '../../../services/api';
import { ApiError, errorMessage, isApiError } from '../../../services/api-error';
import { idParam } from '../../../services/navigation';
import { openAttendance, openCheckinScreen } from '../../../services/organiser-navigation';
import { RequestSteps } from '../../booking/shared/request-status';
import { audienceText, windowText } from '../../booking/shared/request-text';
import './index.scss';

const TOAST_ID = 'dispatch-request-toast';

type Candidate = CandidateList['ranked'][number];

/** What the dispatcher decides from: the request as everyone sees it, and who could take it. */
interface DispatchDesk {
  talkRequest: TalkRequestView;
  candidates: CandidateList;
}

type TagType = 'default' | 'primary' | 'success' | 'warning' | 'danger';

/** Whether this speaker was already asked for this request, and how it went. */
const OFFER_STATUS_TAGS: Record<OfferStatus, { label: string; type: TagType }> = {
  pending: { label: '已派单待回复', type: 'warning' },
  declined: { label: '已婉拒', type: 'default' },
  expired: { label: '已超时', type: 'default' },
  withdrawn: { label: '派单已撤回', type: 'default' },
  accepted: { label: '已接单', type: 'success' },
};

function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

async function loadDesk(requestId: number | null): Promise<DispatchDesk> {
  if (requestId === null) throw new ApiError('not_found', ERRORS.not_found.message, 404);
  const [talkRequest, candidates] = await Promise.all([settle(bookingApi.get(requestId)), settle(dispatchApi.candidates(requestId))]);
  // Someone without the role gets 404 for the request (it is not theirs) but 403 for the
  // candidates; the 403 is the one that tells them why.
  if (!candidates.ok && isApiError(candidates.error, 'forbidden')) throw candidates.error;
  if (!talkRequest.ok) throw talkRequest.error;
  if (!candidates.ok) throw candidates.error;
  return { talkRequest: talkRequest.value, candidates: candidates.value };
}

/** Why the dispatcher cannot offer this request any more, by the rules dispatch applies; null when they can. */
function dispatchBlocked(talkRequest: TalkRequestView, now: Date): string | null {
  if (!decideTalkRequest(talkRequest.status, 'offer').ok) return `这次点单${talkRequest.statusLabel}，不需要再派单。`;
  if (lastWindowEnd(talkRequest.windows) <= now.toISOString()) return '居民希望的时间都已过去，不能再派单，可以请居民重新点单。';
  return null;
}

function RequestFacts({ talkRequest }: { talkRequest: TalkRequestView }) {
  const { talk } = talkRequest;
  return (
    <>
      <View className="ywk-dispatch-detail__head">
        <View className="ywk-dispatch-detail__title">{talkRequest.topicTitle}</View>
        <View className="ywk-dispatch-detail__status">{talkRequest.statusLabel}</View>
      </View>
      <RequestSteps talkRequest={talkRequest} />
      {talkRequest.cancelReason ? <View className="ywk-dispatch-detail__reason">取消原因：{talkRequest.cancelReason}</View> : null}
      {talk ? (
        <Cell.Group title="宣讲安排">
          <Cell title="时间" extra={formatDateTime(talk.startsAt)} />
          <Cell title="地点" description={talk.venueAddress} extra={talk.venueName} />
          <Cell title="宣讲员" extra={talk.speakerName} />
          {talk.status !== 'cancelled' ? (
            <>
              {/* Staff of the community run check-in too (谁主办谁管理), not only the speaker. */}
              <Cell
                title="签到二维码"
                description="在活动现场打开，请居民扫码签到"
                clickable
                onClick={() => openCheckinScreen(talk.id).catch(() => undefined)}
              />
              <Cell title="签到名单" clickable onClick={() => openAttendance(talk.id).catch(() => undefined)} />
            </>
          ) : null}
        </Cell.Group>
      ) : null}
      <Cell.Group title="点单内容">
        <Cell title="社区" extra={talkRequest.communityName} />
        <Cell title="场地" extra={talkRequest.venueName ?? '社区安排'} />
        {talkRequest.windows.map((window, index) => (
          <Cell key={window.start} title={`希望时间 ${index + 1}`} extra={windowText(window)} />
        ))}
        <Cell title="听众" extra={audienceText(talkRequest)} />
        {talkRequest.note ? <Cell title="备注" description={talkRequest.note} /> : null}
        <Cell title="提交时间" extra={formatDateTime(talkRequest.createdAt)} />
      </Cell.Group>
      <Cell.Group title="办理记录">
        {talkRequest.timeline.map((entry, index) => (
          <Cell key={`${entry.at}-${index}`} title={entry.text} description={formatDateTime(entry.at)} />
        ))}
      </Cell.Group>
    </>
  );
}

interface CandidateCardProps {
  candidate: Candidate;
  /** Null when the request cannot be offered; a pending speaker is already deciding. */
  onDispatch: ((candidate: Candidate) => void) | null;
}

function CandidateCard({ candidate, onDispatch }: CandidateCardProps) {
  const asked = candidate.offerStatus ? OFFER_STATUS_TAGS[candidate.offerStatus] : null;
  return (
    <View className="ywk-candidate">
      <View className="ywk-candidate__head">
        <View className="ywk-candidate__rank">{candidate.rank}</View>
        <View className="ywk-candidate__name">{candidate.name}</View>
        {/* The score is in [0, 1]; a percentage reads more plainly. */}
        <View className="ywk-candidate__score">匹配度 {Math.round(candidate.score * 100)}%</View>
      </View>
      <View className="ywk-candidate__slot">建议时间：{formatDateTime(candidate.slotStart)}</View>
      <View className="ywk-candidate__reasons">
        {candidate.reasons.map((reason) => (
          <Tag key={reason} type="primary" plain>
            {reason}
          </Tag>
        ))}
      </View>
      {asked || onDispatch ? (
        <View className="ywk-candidate__foot">
          {asked ? <Tag type={asked.type}>{asked.label}</Tag> : <View />}
          {onDispatch ? (
            <Button size="small" type="primary" onClick={() => onDispatch(candidate)}>
              派给他/她
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function ExcludedSpeakers({ excluded }: { excluded: CandidateList['excluded'] }) {
  if (excluded.length === 0) return null;
  return (
    <Collapse className="ywk-dispatch-excluded">
      <Collapse.Item name="excluded" title={`不符合条件（${excluded.length}人）`}>
        {excluded.map((speaker) => (
          <View key={speaker.speakerId} className="ywk-dispatch-excluded__row">
            <View className="ywk-dispatch-excluded__name">{speaker.name}</View>
            <View className="ywk-dispatch-excluded__reason">{speaker.reason}</View>
          </View>
        ))}
      </Collapse.Item>
    </Collapse>
  );
}

function confirmationText(target: Candidate, talkRequest: TalkRequestView): string {
  // Dispatch withdraws whatever offer is still waiting; an offered request always has one.
  return talkRequest.status === 'offered'
    ? `将把这次点单派给${target.name}，当前待回复的派单将撤回。`
    : `将把这次点单派给${target.name}，${target.name}会收到通知，请其尽快答复。`;
}

function DispatchDeskView({ desk, onChanged }: { desk: DispatchDesk; onChanged: () => Promise<void> }) {
  const { talkRequest, candidates } = desk;
  const [target, setTarget] = useState<Candidate | null>(null);
  const blocked = dispatchBlocked(talkRequest, new Date());

  // A refusal closes the dialog too: what it refused is stale, so the page reloads and says why.
  async function dispatch() {
    if (!target) return;
    try {
      await dispatchApi.dispatch(talkRequest.id, { speakerId: target.speakerId });
      Toast.show(TOAST_ID, { content: '已派单', icon: 'success' });
    } catch (error) {
      Toast.show(TOAST_ID, { content: errorMessage(error), icon: 'fail' });
    }
    setTarget(null);
    await onChanged();
  }

  const offer = blocked ? null : (candidate: Candidate) => setTarget(candidate);
  return (
    <View className="ywk-dispatch-detail">
      <RequestFacts talkRequest={talkRequest} />
      <View className="ywk-section-title ywk-dispatch-detail__section">候选宣讲员</View>
      {blocked ? <View className="ywk-dispatch-detail__blocked">{blocked}</View> : null}
      {candidates.ranked.length === 0 ? (
        <EmptyState icon={<User />} title="没有符合条件的宣讲员" description="可以展开下方“不符合条件”，看看每位宣讲员的原因。" />
      ) : (
        candidates.ranked.map((candidate) => (
          <CandidateCard
            key={candidate.speakerId}
            candidate={candidate}
            onDispatch={candidate.offerStatus === 'pending' ? null : offer}
          />
        ))
      )}
      <ExcludedSpeakers excluded={candidates.excluded} />
      <Dialog
        visible={target !== null}
        title="确认派单"
        content={target ? confirmationText(target, talkRequest) : ''}
        confirmText="确定派单"
        cancelText="取消"
        onConfirm={dispatch}
        onCancel={() => setTarget(null)}
        onClose={() => setTarget(null)}
      />
    </View>
  );
}

function DeskContent({ requestId }: { requestId: number | null }) {
  const [loaded, reload] = useRemote(() => loadDesk(requestId), requestId);
  // Reloaded in place after a dispatch or on return, so the page does not blank to a skeleton.
  const [latest, setLatest] = useState<DispatchDesk>();

  const refreshInPlace = useCallback(async () => {
    try {
      setLatest(await loadDesk(requestId));
    } catch (error) {
      Toast.show(TOAST_ID, { content: errorMessage(error), icon: 'fail' });
    }
  }, [requestId]);
  // Back from elsewhere, a speaker may have answered meanwhile.
  useOnReturn(() => {
    if (loaded.status === 'ready') refreshInPlace();
  });

  const retry = () => {
    setLatest(undefined);
    reload();
  };

  if (loaded.status === 'loading') return <ListSkeleton cards={3} />;
  if (loaded.status === 'error') {
    if (isApiError(loaded.error, 'forbidden')) {
      return <EmptyState icon={<Tips />} title="您没有派单权限" description={errorMessage(loaded.error)} />;
    }
    return <ErrorState error={loaded.error} onRetry={retry} />;
  }
  return <DispatchDeskView desk={latest ?? loaded.data} onChanged={refreshInPlace} />;
}

export default function DispatchRequestPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <SignedIn>{(session) => <DeskContent key={session.user.id} requestId={idParam(params)} />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
