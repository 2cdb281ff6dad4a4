import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { TalkSummary } from '../../../core/api/booking';
import { formatDateTime } from '../../../core/time';
import { openAttendance, openCheckinScreen } from '../../../services/organiser-navigation';
import { timeRangeText } from '../shared/talk-time';

/** Whether the speaker may say the talk took place: the server allows it once it has started. */
export function awaitsMarkHeld(talk: TalkSummary, now: number): boolean {
  return talk.status === 'scheduled' && Date.parse(talk.startsAt) <= now;
}

function statusText(talk: TalkSummary, now: number): string {
  if (talk.status === 'held') return '已举办';
  if (talk.status === 'cancelled') return '已取消';
  if (Date.parse(talk.endsAt) <= now) return '待确认举办';
  if (Date.parse(talk.startsAt) <= now) return '进行中';
  return '待举办';
}

function ignoreNavigationFailure(opening: Promise<unknown>) {
  opening.catch(() => undefined);
}

interface TalkCardProps {
  talk: TalkSummary;
  now: number;
  /** Upcoming talks need their check-in code; past ones only their attendance. */
  upcoming: boolean;
  onMarkHeld: (talk: TalkSummary) => void;
}

/** One of 我的宣讲: when and where, how many signed up, and what the speaker does for it next. */
export function TalkCard({ talk, now, upcoming, onMarkHeld }: TalkCardProps) {
  return (
    <View className="ywk-speaker-talk">
      <View className="ywk-speaker-talk__head">
        <View className="ywk-speaker-talk__title">{talk.topicTitle}</View>
        <View className={`ywk-speaker-talk__status ywk-speaker-talk__status--${talk.status}`}>{statusText(talk, now)}</View>
      </View>
      <View className="ywk-speaker-talk__line">{timeRangeText(talk.startsAt, talk.endsAt)}</View>
      <View className="ywk-speaker-talk__line">
        {talk.communityName} · {talk.venueName}
      </View>
      <View className="ywk-speaker-talk__address">{talk.venueAddress}</View>
      <View className="ywk-speaker-talk__line">
        已报名 {talk.registrations} / {talk.capacity} 人
      </View>
      {talk.heldAt ? <View className="ywk-speaker-talk__address">{formatDateTime(talk.heldAt)} 标记已举办</View> : null}
      <View className="ywk-speaker-talk__actions">
        {upcoming ? (
          <Button size="small" type="primary" onClick={() => ignoreNavigationFailure(openCheckinScreen(talk.id))}>
            签到二维码
          </Button>
        ) : null}
        <Button size="small" fill="outline" onClick={() => ignoreNavigationFailure(openAttendance(talk.id))}>
          签到名单
        </Button>
        {awaitsMarkHeld(talk, now) ? (
          <Button size="small" type="primary" fill="outline" onClick={() => onMarkHeld(talk)}>
            标记已举办
          </Button>
        ) : null}
      </View>
    </View>
  );
}
