import type { CommunityList, TalkRequestView, TalkSummary, Topic } from '../../../src/core/api/booking';
import { TALK_REQUEST_STATUS_LABELS, TALK_REQUEST_STEPS, type TalkRequestStatus } from '../../../src/core/booking';

export function topic(overrides: Partial<Topic> = {}): Topic {
  return {
    id: 5,
    code: 'T05',
    title: '反诈骗知识进社区',
    description: '结合身边案例，讲清常见电信诈骗的套路和防范办法。',
    durationMin: 90,
    audience: ['elderly', 'residents'],
    speakerCount: 3,
    ...overrides,
  };
}

export const communities: CommunityList = {
  communities: [
    {
      id: 3,
      name: '惠阳社区',
      venues: [
        { id: 31, name: '党群服务中心二楼', address: '惠阳路12号', capacity: 80 },
        { id: 32, name: '老年活动室', address: '惠阳路14号', capacity: 40 },
      ],
    },
    { id: 4, name: '锦绣社区', venues: [] },
  ],
};

/** The step the server reports for a status on the normal path. */
function stepOf(status: TalkRequestStatus): number {
  return TALK_REQUEST_STEPS.indexOf(status);
}

export function talkRequest(overrides: Partial<TalkRequestView> = {}): TalkRequestView {
  const status = overrides.status ?? 'submitted';
  return {
    id: 41,
    status,
    statusLabel: TALK_REQUEST_STATUS_LABELS[status],
    step: stepOf(status),
    topicId: 5,
    topicTitle: '反诈骗知识进社区',
    communityId: 3,
    communityName: '惠阳社区',
    venueId: 31,
    venueName: '党群服务中心二楼',
    windows: [{ start: '2030-06-01T01:00:00.000Z', end: '2030-06-01T02:30:00.000Z' }],
    audienceSize: 30,
    audienceKinds: ['elderly'],
    note: '',
    requesterId: 7,
    cancelReason: null,
    createdAt: '2030-05-20T02:00:00.000Z',
    talk: null,
    timeline: [{ at: '2030-05-20T02:00:00.000Z', event: 'submitted', text: '您提交了点单' }],
    ...overrides,
  };
}

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
