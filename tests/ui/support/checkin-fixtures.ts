import type { CheckinTalk, MyCheckins, TodayTalks } from '../../../src/core/api/checkin';

/** A talk on 29 November 2026, 14:30 in Shanghai. */
export const talk: CheckinTalk = {
  id: 41,
  title: '老书记讲“枫桥经验”',
  venueName: '惠阳社区党群服务中心',
  startsAt: '2026-11-29T06:30:00.000Z',
};

/** What the organiser's screen encodes for that talk: the code URL, with a 16-character MAC. */
export const codeUrl = 'https://ywk.example.cn/c/41/88923456/AbCdEfGhIjKlMnOp';

export function todayTalks(items: TodayTalks['items']): TodayTalks {
  return { day: '2026-11-29', items };
}

export function todayTalk(overrides: Partial<TodayTalks['items'][number]> = {}): TodayTalks['items'][number] {
  return {
    talk,
    endsAt: '2026-11-29T08:00:00.000Z',
    venueAddress: '惠阳路12号',
    opensAt: '2026-11-29T06:00:00.000Z',
    closesAt: '2026-11-29T08:30:00.000Z',
    requiresLocation: false,
    checkedInAt: null,
    ...overrides,
  };
}

export function myCheckins(items: MyCheckins['items']): MyCheckins {
  return { items };
}
