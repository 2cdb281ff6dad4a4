import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Cell, Dialog, Picker, Toast } from '@nutui/nutui-react-taro';
import { Message } from '@nutui/icons-react-taro';
import type { SpeakerOffer, SpeakerOfferList, TalkSummary } from '../../../core/api/booking';
import { BOOKING_CONFIG } from '../../../core/booking';
import { EmptyState } from '../../../components/empty-state';
import { ListSkeleton } from '../../../components/list-skeleton';
import { PageShell } from '../../../components/page-shell';
import { ReasonDialog } from '../../../components/reason-dialog';
import { SignedIn } from '../../../components/signed-in';
import { useOnReturn } from '../../../hooks/use-on-return';
import { useRemote } from '../../../hooks/use-remote';
import { speakerApi } from '../../../services/api';
import { NETWORK_ERROR, errorMessage, isApiError } from '../../../services/api-error';
import { openSpeakerTalks } from '../../../services/speaker-navigation';
import { SpeakerLoadFailure } from '../shared/load-failure';
import { timeRangeText } from '../shared/talk-time';
import { useMinuteClock } from '../shared/use-minute-clock';
import { AnsweredOfferCell, OfferCard } from './offer-card';
import { startChoiceLabel, startChoices } from './offer-time';
import './index.scss';

const TOAST_ID = 'speaker-offers-toast';

interface ChosenStart {
  offer: SpeakerOffer;
  startsAt: string;
}

function AcceptedTalk({ talk }: { talk: TalkSummary }) {
  return (
    <View className="ywk-accepted-talk">
      <View className="ywk-accepted-talk__title">已接单：{talk.topicTitle}</View>
      <Cell.Group divider={false}>
        <Cell title="时间" extra={timeRangeText(talk.startsAt, talk.endsAt)} />
        <Cell title="地点" description={talk.venueAddress} extra={`${talk.communityName} · ${talk.venueName}`} />
      </Cell.Group>
      <Button type="primary" fill="outline" block onClick={() => openSpeakerTalks().catch(() => undefined)}>
        查看我的宣讲
      </Button>
    </View>
  );
}

function AcceptSummary({ chosen }: { chosen: ChosenStart }) {
  const { offer, startsAt } = chosen;
  return (
    <View className="ywk-accept-summary">
      <View>主题：{offer.topicTitle}</View>
      <View>时间：{startChoiceLabel(startsAt, offer.durationMin)}</View>
      <View>
        地点：{offer.communityName} · {offer.venueName ?? '社区安排'}
      </View>
      <View className="ywk-accept-summary__note">接单后会通知点单人，请按时到场。确定接单吗？</View>
    </View>
  );
}

interface OfferListsProps {
  offers: SpeakerOfferList;
  now: number;
  onAccept: (offer: SpeakerOffer) => void;
  onDecline: (offer: SpeakerOffer) => void;
}

function OfferLists({ offers, now, onAccept, onDecline }: OfferListsProps) {
  if (offers.pending.length === 0 && offers.answered.length === 0) {
    return (
      <EmptyState
        icon={<Message />}
        title="暂时没有派给您的单"
        description="居民点单后，系统会按主题、社区和空闲时间派单给您，到时会在这里显示。"
      />
    );
  }
  return (
    <>
      <View className="ywk-section-title ywk-offers__title">待接的单</View>
      {offers.pending.length === 0 ? <View className="ywk-offers__none">暂时没有待接的单。</View> : null}
      {offers.pending.map((offer) => (
        <OfferCard key={offer.id} offer={offer} now={now} onAccept={onAccept} onDecline={onDecline} />
      ))}
      {offers.answered.length > 0 ? (
        <Cell.Group className="ywk-section" title="已处理">
          {offers.answered.map((offer) => (
            <AnsweredOfferCell key={offer.id} offer={offer} />
          ))}
        </Cell.Group>
      ) : null}
    </>
  );
}

/** A refusal means the offer changed on the server (taken, expired, clashing): show the list as it is now. */
function isServerRefusal(error: unknown): boolean {
  return isApiError(error) && !isApiError(error, NETWORK_ERROR);
}

function OfferInbox() {
  const [offers, reload] = useRemote(speakerApi.offers);
  const now = useMinuteClock();
  const [choosingFor, setChoosingFor] = useState<SpeakerOffer | null>(null);
  const [chosen, setChosen] = useState<ChosenStart | null>(null);
  const [declining, setDeclining] = useState<SpeakerOffer | null>(null);
  const [accepted, setAccepted] = useState<TalkSummary | null>(null);
  // New offers may have come, or expired, while the speaker was elsewhere.
  useOnReturn(reload);

  async function accept() {
    if (!chosen) return;
    try {
      const result = await speakerApi.accept(chosen.offer.id, { startsAt: chosen.startsAt });
      setAccepted(result.talk);
      Toast.show(TOAST_ID, { content: '接单成功', icon: 'success' });
      reload();
    } catch (error) {
      Toast.show(TOAST_ID, { content: errorMessage(error), icon: 'fail' });
      if (isServerRefusal(error)) reload();
    }
  }

  async function decline(reason: string) {
    if (!declining) return;
    try {
      await speakerApi.decline(declining.id, { reason });
      Toast.show(TOAST_ID, { content: '已婉拒，系统会派给其他宣讲员', icon: 'success' });
    } catch (error) {
      // Without an answer the speaker can try again from the dialog, which shows why it failed.
      if (!isServerRefusal(error)) throw error;
      Toast.show(TOAST_ID, { content: errorMessage(error), icon: 'fail' });
    }
    reload();
  }

  let content;
  if (offers.status === 'loading') content = <ListSkeleton cards={2} />;
  else if (offers.status === 'error') content = <SpeakerLoadFailure error={offers.error} onRetry={reload} />;
  else content = <OfferLists offers={offers.data} now={now} onAccept={setChoosingFor} onDecline={setDeclining} />;

  const startOptions = choosingFor
    ? startChoices(choosingFor, now).map((startsAt) => ({ label: startChoiceLabel(startsAt, choosingFor.durationMin), value: startsAt }))
    : [];
  return (
    <View className="ywk-offers">
      {accepted ? <AcceptedTalk talk={accepted} /> : null}
      {content}
      <Picker
        visible={choosingFor !== null}
        title="选择开始时间"
        options={[startOptions]}
        // The wheel starts at the earliest start; without a value, 确定 untouched would pick nothing.
        value={startOptions.length > 0 ? [startOptions[0].value] : []}
        onConfirm={(_options, values) => {
          if (choosingFor && typeof values[0] === 'string') setChosen({ offer: choosingFor, startsAt: values[0] });
        }}
        onClose={() => setChoosingFor(null)}
      />
      <Dialog
        visible={chosen !== null}
        title="确认接单"
        content={chosen ? <AcceptSummary chosen={chosen} /> : null}
        confirmText="确定接单"
        cancelText="再想想"
        onConfirm={accept}
        onCancel={() => setChosen(null)}
        onClose={() => setChosen(null)}
      />
      <ReasonDialog
        visible={declining !== null}
        title="婉拒此单"
        description="婉拒后，系统会把这次点单派给其他宣讲员。"
        placeholder="请写明原因，如：当天另有安排"
        missingMessage="请填写婉拒原因"
        maxLength={BOOKING_CONFIG.maxReasonLength}
        confirmText="确定婉拒"
        onSubmit={decline}
        onClose={() => setDeclining(null)}
      />
    </View>
  );
}

export default function SpeakerOffersPage() {
  return (
    <PageShell>
      <SignedIn>{() => <OfferInbox />}</SignedIn>
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
