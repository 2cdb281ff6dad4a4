import type { Me } from '../../../src/core/api/auth';
import type { SpeakerOffer, SpeakerOfferList, SpeakerProfile, SpeakerTalkList, TalkSummary, TopicList } from '../../../src/core/api/booking';
import { topic } from './booking-fixtures';
import { stopClockAt } from './clock';

/** 王建国 of 老书记课堂, a speaker for the whole street. */
export const speakerUser: Me = {
  id: 15,
  name: '王建国',
  roles: [{ role: 'speaker', unitId: 1, unitName: '云溪街道', unitKind: 'street' }],
  community: { id: 3, name: '惠阳社区' },
  elderMode: false,
  phone: null,
};

/** The tests' "now": 31 May 2030, 08:00 in Shanghai. */
export const NOW = new Date('2030-05-31T00:00:00.000Z');

const MINUTE_MS = 60_000;

/** An instant some minutes from NOW (negative: before it), in ISO form. */
export function minutesFromNow(minutes: number): string {
  return new Date(NOW.getTime() + minutes * MINUTE_MS).toISOString();
}

/** Stops the clock at NOW; timers stay real. */
export function stopClockAtNow(): void {
  stopClockAt(NOW);
}

export function offer(overrides: Partial<SpeakerOffer> = {}): SpeakerOffer {
  return {
    id: 61,
    requestId: 41,
    status: 'pending',
    topicTitle: '反诈骗知识进社区',
    durationMin: 90,
    communityName: '惠阳社区',
    venueName: '党群服务中心二楼',
    audienceSize: 30,
    audienceKinds: ['elderly'],
    note: '',
    // 1 June 2030, 09:00–12:00 in Shanghai.
    windows: [{ start: '2030-06-01T01:00:00.000Z', end: '2030-06-01T04:00:00.000Z' }],
    deadlineAt: minutesFromNow(24 * 60),
    reasons: ['同社区', '近30天0场'],
    respondedAt: null,
    ...overrides,
  };
}

export function offerList(pending: SpeakerOffer[], answered: SpeakerOffer[] = []): SpeakerOfferList {
  return { pending, answered };
}

export function talkList(upcoming: TalkSummary[], past: TalkSummary[] = []): SpeakerTalkList {
  return { upcoming, past };
}

export const speakerMenu: TopicList = {
  topics: [
    topic({ id: 5, title: '反诈骗知识进社区' }),
    topic({ id: 6, title: '民法典与百姓生活' }),
    topic({ id: 7, title: '垃圾分类我先行' }),
  ],
};

export function speakerProfile(overrides: Partial<SpeakerProfile> = {}): SpeakerProfile {
  return {
    speakerId: 11,
    name: '王建国',
    team: 'veterans',
    title: '退休老支书',
    bio: '原惠阳社区党委书记，在社区工作二十三年。',
    topics: [
      { topicId: 5, title: '反诈骗知识进社区', level: 3 },
      { topicId: 6, title: '民法典与百姓生活', level: 2 },
    ],
    communityIds: [3],
    availability: [{ weekday: 2, startMinute: 540, endMinute: 690 }],
    maxTalksPerWeek: 2,
    paused: false,
    approved: true,
    ...overrides,
  };
}
