import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Tabs, Tag, Toast } from '@nutui/nutui-react-taro';
import { Clock } from '@nutui/icons-react-taro';
import type { CommunityList, TalkCalendar, TalkCalendarQuery, TalkSummary } from '../../../core/api/booking';
import { BOOKING_CONFIG } from '../../../core/booking';
import { inShanghai, shanghaiDay } from '../../../core/time';
import { EmptyState } from '../../../components/empty-state';
import { PageShell } from '../../../components/page-shell';
import { PagedListView } from '../../../components/paged-list-view';
import { useOnReturn } from '../../../hooks/use-on-return';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useRemote } from '../../../hooks/use-remote';
import { bookingApi, talksApi } from '../../../services/api';
import { openTalk } from '../../../services/booking-navigation';
import { dayLabel, isFull, seatsText, timeRange } from '../talk/talk-format';
import './index.scss';

const TOAST_ID = 'calendar-toast';
const DAY_MS = 24 * 3600_000;
/** One stretch of the calendar; the server answers at most 62 days at once. */
const STRETCH_DAYS = 30;
/** Talks are ordered at most this far ahead, so nothing is scheduled beyond it. */
const LOOK_AHEAD_DAYS = BOOKING_CONFIG.maxDaysAhead;
/** The 全部社区 tab; community ids start at 1. */
const ALL_COMMUNITIES = 0;

interface Stretch {
  from: string;
  to: string;
}

/** The `step`-th stretch of 30 days from when the page opened (0 is 近期). */
function stretchAt(openedAt: number, step: number): Stretch {
  const from = openedAt + step * STRETCH_DAYS * DAY_MS;
  return { from: new Date(from).toISOString(), to: new Date(from + STRETCH_DAYS * DAY_MS).toISOString() };
}

function stretchText(stretch: Stretch): string {
  // `to` is exclusive: the stretch's last day is the one just before it.
  const lastDay = new Date(Date.parse(stretch.to) - 1).toISOString();
  return `${inShanghai(stretch.from).format('M月D日')} 至 ${inShanghai(lastDay).format('M月D日')}`;
}

/** The calendar is one answer, not pages; the list hook still gives pull-to-refresh and 重试. */
type CalendarAnswer = TalkCalendar & { items: TalkSummary[]; nextCursor: null };

async function loadCalendar(query: TalkCalendarQuery): Promise<CalendarAnswer> {
  const calendar = await talksApi.calendar(query);
  return { ...calendar, items: calendar.talks, nextCursor: null };
}

interface TalkDay {
  day: string;
  talks: TalkSummary[];
}

/** Groups talks (which the server sends in start order) by their Shanghai day. */
function groupByDay(talks: TalkSummary[]): TalkDay[] {
  const days: TalkDay[] = [];
  for (const talk of talks) {
    const day = shanghaiDay(talk.startsAt);
    const last = days[days.length - 1];
    if (last && last.day === day) {
      last.talks.push(talk);
    } else {
      days.push({ day, talks: [talk] });
    }
  }
  return days;
}

function TalkCard({ talk }: { talk: TalkSummary }) {
  return (
    <View className="ywk-calendar-talk" onClick={() => openTalk(talk.id).catch(() => undefined)}>
      <View className="ywk-calendar-talk__head">
        <View className="ywk-calendar-talk__topic">{talk.topicTitle}</View>
        <View className="ywk-calendar-talk__time">{timeRange(talk.startsAt, talk.endsAt)}</View>
      </View>
      <View className="ywk-calendar-talk__line">
        {talk.communityName} · {talk.venueName}
      </View>
      <View className="ywk-calendar-talk__line">宣讲员：{talk.speakerName}</View>
      <View className="ywk-calendar-talk__foot">
        <View className="ywk-calendar-talk__seats">{seatsText(talk)}</View>
        {isFull(talk) ? (
          <Tag type="default" plain>
            名额已满
          </Tag>
        ) : null}
      </View>
    </View>
  );
}

function CommunityTabs({ communityId, onChange }: { communityId: number; onChange: (communityId: number) => void }) {
  const [places] = useRemote(bookingApi.communities);
  // Without the list of communities the calendar still shows every community's talks.
  if (places.status !== 'ready') return null;
  const tabs: Pick<CommunityList['communities'][number], 'id' | 'name'>[] = [
    { id: ALL_COMMUNITIES, name: '全部社区' },
    ...places.data.communities,
  ];
  return (
    <Tabs className="ywk-calendar-tabs" value={communityId} duration={0} onChange={(value) => onChange(Number(value))}>
      {tabs.map((community) => (
        <Tabs.TabPane key={community.id} title={community.name} value={community.id} />
      ))}
    </Tabs>
  );
}

function TalkList({ query, isNearTerm, filtered }: { query: TalkCalendarQuery; isNearTerm: boolean; filtered: boolean }) {
  const paged = usePagedList<TalkSummary, CalendarAnswer>(
    () => loadCalendar(query),
    `${query.community ?? 'all'}:${query.from}`,
  );
  // Back from a talk one just joined, its 已报名 count must be the new one.
  useOnReturn(paged.refresh);

  return (
    <PagedListView
      paged={paged}
      toastId={TOAST_ID}
      empty={
        <EmptyState
          icon={<Clock />}
          title={isNearTerm ? '近期没有安排宣讲' : '这段时间没有安排宣讲'}
          description={filtered ? '可以看看其他社区的安排。' : '宣讲安排好后会在这里公布。您也可以在“点单”页请宣讲员到社区来讲。'}
        />
      }
      endText="以上是这段时间的全部宣讲"
    >
      {(talks) =>
        groupByDay(talks).map((talkDay) => (
          <View key={talkDay.day} className="ywk-calendar-day">
            <View className="ywk-calendar-day__title">{dayLabel(talkDay.talks[0].startsAt)}</View>
            {talkDay.talks.map((talk) => (
              <TalkCard key={talk.id} talk={talk} />
            ))}
          </View>
        ))
      }
    </PagedListView>
  );
}

/** 宣讲日历: talks scheduled in the coming weeks, by day, for every community or one. */
export default function TalkCalendarPage() {
  const [openedAt] = useState(() => Date.now());
  const [communityId, setCommunityId] = useState(ALL_COMMUNITIES);
  const [step, setStep] = useState(0);
  const stretch = stretchAt(openedAt, step);
  const hasLater = Date.parse(stretchAt(openedAt, step + 1).from) < openedAt + LOOK_AHEAD_DAYS * DAY_MS;
  const query: TalkCalendarQuery = {
    from: stretch.from,
    to: stretch.to,
    community: communityId === ALL_COMMUNITIES ? undefined : communityId,
  };

  return (
    <PageShell className="ywk-fill-page">
      <CommunityTabs communityId={communityId} onChange={setCommunityId} />
      <View className="ywk-calendar-stretch">
        <View className="ywk-calendar-stretch__text">{stretchText(stretch)}</View>
        <View className="ywk-calendar-stretch__actions">
          {step > 0 ? (
            <Button size="small" fill="outline" onClick={() => setStep(step - 1)}>
              查看上个月
            </Button>
          ) : null}
          {hasLater ? (
            <Button size="small" type="primary" fill="outline" onClick={() => setStep(step + 1)}>
              查看下个月
            </Button>
          ) : null}
        </View>
      </View>
      <TalkList query={query} isNearTerm={step === 0} filtered={query.community !== undefined} />
      <Toast id={TOAST_ID} />
    </PageShell>
  );
}
