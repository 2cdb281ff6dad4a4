import type { TalkDetail } from '../../../src/core/api/booking';
import { talkSummary } from './booking-fixtures';

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
