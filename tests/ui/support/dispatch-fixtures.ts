import type { Me } from '../../../src/core/api/auth';
import type { CandidateList, TalkRequestPage, TalkRequestView } from '../../../src/core/api/booking';

/** 派单 for the whole street. */
export const streetDispatcher: Me = {
  id: 31,
  name: '刘红梅',
  roles: [{ role: 'dispatcher', unitId: 1, unitName: '云溪街道', unitKind: 'street' }],
  community: null,
  elderMode: false,
  phone: null,
};

type Candidate = CandidateList['ranked'][number];
type ExcludedSpeaker = CandidateList['excluded'][number];

export function candidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    speakerId: 11,
    name: '王建国',
    rank: 1,
    score: 0.87,
    slotStart: '2030-06-01T01:00:00.000Z',
    reasons: ['同社区', '近30天0场', '评分4.8（5次）'],
    offerStatus: null,
    ...overrides,
  };
}

export function excludedSpeaker(overrides: Partial<ExcludedSpeaker> = {}): ExcludedSpeaker {
  return {
    speakerId: 15,
    name: '陈晓燕',
    code: 'clash',
    reason: '与已安排的宣讲时间冲突（含路程）',
    ...overrides,
  };
}

export function candidateList(ranked: Candidate[], excluded: ExcludedSpeaker[] = [], requestId = 41): CandidateList {
  return { requestId, ranked, excluded };
}

export function queuePage(items: TalkRequestView[], nextBefore: number | null = null): TalkRequestPage {
  return { items, nextBefore };
}
