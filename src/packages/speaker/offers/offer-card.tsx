import { View } from '@tarojs/components';
import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import type { SpeakerOffer } from '../../../core/api/booking';
import { formatDateTime } from '../../../core/time';
import { audienceText } from '../../booking/shared/request-text';
import { timeRangeText } from '../shared/talk-time';
import { OFFER_STATUS_TEXT, deadlineText, isDeadlineNear, startChoices } from './offer-time';

function placeText(offer: SpeakerOffer): string {
  return `${offer.communityName} · ${offer.venueName ?? '社区安排'}`;
}

function Countdown({ offer, now }: { offer: SpeakerOffer; now: number }) {
  const left = deadlineText(offer.deadlineAt, now);
  const urgent = left === null || isDeadlineNear(offer.deadlineAt, now);
  return (
    <View className={`ywk-offer-card__countdown${urgent ? ' ywk-offer-card__countdown--urgent' : ''}`}>
      {left ?? '已超时'}
    </View>
  );
}

interface OfferCardProps {
  offer: SpeakerOffer;
  now: number;
  onAccept: (offer: SpeakerOffer) => void;
  onDecline: (offer: SpeakerOffer) => void;
}

/** 待接的单: what was asked for, why the speaker was chosen, and how long they have to answer. */
export function OfferCard({ offer, now, onAccept, onDecline }: OfferCardProps) {
  const open = deadlineText(offer.deadlineAt, now) !== null;
  const canStart = startChoices(offer, now).length > 0;
  return (
    <View className="ywk-offer-card">
      <View className="ywk-offer-card__head">
        <View className="ywk-offer-card__title">{offer.topicTitle}</View>
        <Countdown offer={offer} now={now} />
      </View>
      <View className="ywk-offer-card__deadline">请在 {formatDateTime(offer.deadlineAt)} 前答复</View>
      <Cell.Group className="ywk-offer-card__facts" divider={false}>
        <Cell title="地点" extra={placeText(offer)} />
        <Cell title="听众" extra={audienceText(offer)} />
        <Cell title="时长" extra={`约 ${offer.durationMin} 分钟`} />
        {offer.windows.map((window, index) => (
          <Cell key={window.start} title={`希望时间 ${index + 1}`} extra={timeRangeText(window.start, window.end)} />
        ))}
        {offer.note ? <Cell title="备注" description={offer.note} /> : null}
      </Cell.Group>
      {offer.reasons.length > 0 ? (
        <View className="ywk-offer-card__reasons">
          <View className="ywk-offer-card__reasons-label">派给您的原因</View>
          {offer.reasons.map((reason) => (
            <Tag key={reason} type="primary" plain>
              {reason}
            </Tag>
          ))}
        </View>
      ) : null}
      {open && !canStart ? (
        <View className="ywk-offer-card__hint">希望的时间已过或不够宣讲时长，无法接单，请婉拒。</View>
      ) : null}
      {open ? (
        <View className="ywk-offer-card__actions">
          <Button fill="outline" onClick={() => onDecline(offer)}>
            婉拒
          </Button>
          <Button type="primary" disabled={!canStart} onClick={() => onAccept(offer)}>
            接单
          </Button>
        </View>
      ) : (
        <View className="ywk-offer-card__hint">已过接单时限，此单将派给其他宣讲员。</View>
      )}
    </View>
  );
}

/** 已处理: an offer the speaker answered, or that ran out or was taken back. */
export function AnsweredOfferCell({ offer }: { offer: SpeakerOffer }) {
  const when = offer.respondedAt ? formatDateTime(offer.respondedAt) : formatDateTime(offer.deadlineAt);
  return (
    <Cell
      title={offer.topicTitle}
      description={`${placeText(offer)} · ${when}`}
      extra={<View className={`ywk-offer-status ywk-offer-status--${offer.status}`}>{OFFER_STATUS_TEXT[offer.status]}</View>}
      align="center"
    />
  );
}
