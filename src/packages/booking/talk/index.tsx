import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Cell, Dialog, Rate, TextArea, Toast } from '@nutui/nutui-react-taro';
import type { TalkDetail } from '../../../core/api/booking';
import { BOOKING_CONFIG } from '../../../core/booking';
import { ERRORS } from '../../../core/errors';
import { ErrorState } from '../../../components/error-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { LoadingState } from '../../../components/loading-state';
import { PageShell } from '../../../components/page-shell';
import { useAccountSignIn } from '../../../hooks/use-account-sign-in';
import { useRemote } from '../../../hooks/use-remote';
import { useSession } from '../../../hooks/use-session';
import { talksApi } from '../../../services/api';
import { ApiError, errorMessage, isApiError } from '../../../services/api-error';
import { idParam } from '../../../services/navigation';
import { TALK_STATUS_LABELS, dayLabel, isFull, timeRange } from './talk-format';
import './index.scss';

const TOAST_ID = 'talk-toast';

function loadTalk(talkId: number | null): Promise<TalkDetail> {
  if (talkId === null) return Promise.reject(new ApiError('not_found', ERRORS.not_found.message, 404));
  return talksApi.get(talkId);
}

function TalkFacts({ talk }: { talk: TalkDetail }) {
  return (
    <>
      <View className="ywk-talk__head">
        <View className="ywk-talk__topic">{talk.topicTitle}</View>
        <View className={`ywk-talk__status ywk-talk__status--${talk.status}`}>{TALK_STATUS_LABELS[talk.status]}</View>
      </View>
      <Cell.Group>
        <Cell
          title="时间"
          extra={
            // Day and hours on their own lines, so a narrow phone never breaks a time in two.
            <View className="ywk-talk__when">
              <View>{dayLabel(talk.startsAt)}</View>
              <View>{timeRange(talk.startsAt, talk.endsAt)}</View>
            </View>
          }
        />
        <Cell title="地点" description={talk.venueAddress} extra={talk.venueName} />
        <Cell title="社区" extra={talk.communityName} />
        <Cell title="宣讲员" extra={talk.speakerName} />
        <Cell title="报名人数" extra={`已报名 ${talk.registrations}/${talk.capacity}`} />
      </Cell.Group>
    </>
  );
}

interface SectionProps {
  talk: TalkDetail;
  /** Receives the talk as it stands after the viewer's change. */
  onChanged: (talk: TalkDetail) => void;
  /** Null when signed in; otherwise what 我要参加 does first. */
  signIn: (() => void) | null;
}

/** 我要参加 / 取消参加 while the talk is still to come. */
function Registration({ talk, onChanged, signIn }: SectionProps) {
  const [joining, setJoining] = useState(false);
  const [confirmingLeave, setConfirmingLeave] = useState(false);

  async function join() {
    setJoining(true);
    try {
      const result = await talksApi.register(talk.id);
      onChanged({ ...talk, registered: result.registered, registrations: result.registrations, canRegister: false });
      Toast.show(TOAST_ID, { content: '报名成功，请按时参加', icon: 'success' });
    } catch (error) {
      // Someone took the last seat meanwhile: say so here too, not only in the toast.
      if (isApiError(error, 'talk_full')) onChanged({ ...talk, canRegister: false, registrations: Math.max(talk.registrations, talk.capacity) });
      Toast.show(TOAST_ID, { content: errorMessage(error), icon: 'fail' });
    } finally {
      setJoining(false);
    }
  }

  // Resolves even on failure, so the dialog closes and the toast is seen.
  async function leave() {
    try {
      const result = await talksApi.unregister(talk.id);
      // The seat just freed is open again; the server refuses a re-join if that changed meanwhile.
      onChanged({ ...talk, registered: result.registered, registrations: result.registrations, canRegister: !result.registered });
      Toast.show(TOAST_ID, { content: '已取消参加', icon: 'success' });
    } catch (error) {
      Toast.show(TOAST_ID, { content: errorMessage(error), icon: 'fail' });
    }
  }

  let action;
  if (talk.registered) {
    action = (
      <>
        <View className="ywk-talk__note">您已报名，请按时到场参加。</View>
        <Button block fill="outline" onClick={() => setConfirmingLeave(true)}>
          取消参加
        </Button>
      </>
    );
  } else if (talk.canRegister) {
    action = (
      <Button block type="primary" loading={joining} onClick={signIn ?? join}>
        {signIn ? '登录后报名参加' : '我要参加'}
      </Button>
    );
  } else if (isFull(talk)) {
    action = (
      <Button block disabled>
        名额已满
      </Button>
    );
  } else {
    action = <View className="ywk-talk__note">宣讲已开始，不再接受报名。</View>;
  }

  return (
    <View className="ywk-talk__section">
      {action}
      <Dialog
        visible={confirmingLeave}
        title="确认取消参加"
        content="取消后，您的名额会让给其他居民。确定不参加了吗？"
        confirmText="确定取消"
        cancelText="再想想"
        onConfirm={leave}
        onCancel={() => setConfirmingLeave(false)}
        onClose={() => setConfirmingLeave(false)}
      />
    </View>
  );
}

/** 评单: a star rating (required) and an optional comment, once, after the talk was held. */
function RatingForm({ talk, onChanged }: SectionProps) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);

  async function submit() {
    if (rating < 1) {
      setProblem('请先点选星级，1 星最低，5 星最高');
      return;
    }
    setSending(true);
    try {
      const text = comment.trim();
      const result = await talksApi.rate(talk.id, text ? { rating, comment: text } : { rating });
      onChanged({ ...talk, myRating: result.rating, canRate: false });
      Toast.show(TOAST_ID, { content: '感谢您的评价', icon: 'success' });
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="ywk-talk__section ywk-talk-rating">
      <View className="ywk-talk-rating__title">{talk.isRequester ? '请为您点的这场宣讲打个分' : '请为这场宣讲打个分'}</View>
      <View className="ywk-talk-rating__hint">您的评价会帮助街道把宣讲办得更好。</View>
      <Rate
        className="ywk-talk-rating__stars"
        value={rating}
        onChange={(value) => {
          setRating(value);
          setProblem(undefined);
        }}
      />
      <TextArea
        className="ywk-talk-rating__comment"
        value={comment}
        onChange={setComment}
        placeholder="说说您的感受（可以不填）"
        maxLength={BOOKING_CONFIG.maxCommentLength}
        showCount
      />
      {problem ? <View className="ywk-talk-rating__problem">{problem}</View> : null}
      <Button block type="primary" loading={sending} onClick={submit}>
        提交评价
      </Button>
    </View>
  );
}

function MyRating({ rating }: { rating: number }) {
  return (
    <View className="ywk-talk__section ywk-talk-rating">
      <View className="ywk-talk-rating__title">{`您的评价：${rating} 星`}</View>
      <Rate className="ywk-talk-rating__stars" value={rating} readOnly />
    </View>
  );
}

/** What the viewer can do at the talk, by its status and their standing. */
function TalkActions(props: SectionProps) {
  const { talk } = props;
  if (talk.status === 'cancelled') return <View className="ywk-talk__section ywk-talk__note">这场宣讲已取消。</View>;
  if (talk.status === 'scheduled') return <Registration {...props} />;
  if (talk.myRating !== null) return <MyRating rating={talk.myRating} />;
  if (talk.canRate) return <RatingForm {...props} />;
  return <View className="ywk-talk__section ywk-talk__note">宣讲已结束。点单人和参加宣讲的居民可以在这里评价。</View>;
}

function TalkContent({ talkId, signIn }: { talkId: number | null; signIn: (() => void) | null }) {
  const [loaded, reload] = useRemote(() => loadTalk(talkId), talkId);
  const [changed, setChanged] = useState<TalkDetail>();
  if (loaded.status === 'loading') return <ListSkeleton cards={2} />;
  if (loaded.status === 'error') return <ErrorState error={loaded.error} onRetry={reload} />;
  const talk = changed ?? loaded.data;
  return (
    <View className="ywk-talk">
      <TalkFacts talk={talk} />
      <TalkActions talk={talk} onChanged={setChanged} signIn={signIn} />
    </View>
  );
}

/** One talk: when and where, 我要参加, and 评单 once it was held. */
export default function TalkPage() {
  const { params } = useRouter();
  const session = useSession();
  const { signIn, signingIn, failure } = useAccountSignIn();

  let content;
  if (signingIn) {
    content = <LoadingState text="正在登录…" />;
  } else {
    // Anyone may look at a talk from the public calendar; joining it needs an account. Keyed by
    // the viewer, so signing in loads what this person may do there.
    content = (
      <>
        {failure ? <View className="ywk-talk__section ywk-talk__note">{failure}</View> : null}
        <TalkContent key={session?.user.id ?? 'guest'} talkId={idParam(params)} signIn={session ? null : signIn} />
      </>
    );
  }
  return (
    <PageShell>
      {content}
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
