import type { TalkDetail, TalkSummary } from '../../../src/core/api/booking';

/** A talk as the calendar lists it: 6月1日 周六 09:00–10:30 Shanghai time, 12 of 80 seats taken. */
export function talkSummary(overrides: Partial<TalkSummary> = {}): TalkSummary {
  return {
    id: 9,
    status: 'scheduled',
    startsAt: '2030-06-01T01:00:00.000Z',
    endsAt: '2030-06-01T02:30:00.000Z',
    topicTitle: '反诈骗知识进社区',
    speakerName: '王建国',
    communityName: '惠阳社区',
    venueName: '党群服务中心二楼',
    venueAddress: '惠阳路12号',
    capacity: 80,
    registrations: 12,
    heldAt: null,
    ...overrides,
  };
}

/** The same talk on its own page, seen by a resident who has not registered yet. */
export function talkDetail(overrides: Partial<TalkDetail> = {}): TalkDetail {
  return {
    ...talkSummary(),
    registered: false,
    myRating: null,
    canRate: false,
    canRegister: true,
    isRequester: false,
    ...overrides,
  };
}

/** The talk once held, seen by its requester, who may now rate it (评单). */
export function heldTalk(overrides: Partial<TalkDetail> = {}): TalkDetail {
  return talkDetail({
    status: 'held',
    heldAt: '2030-06-01T02:30:00.000Z',
    canRegister: false,
    canRate: true,
    isRequester: true,
    ...overrides,
  });
}
