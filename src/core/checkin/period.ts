/**
 * A talk's check-in period. It opens before the start because people, the elderly above all,
 * arrive early and the organiser would rather check them in as they sit down than in a queue at
 * the start; it stays open after the end for late scans and for the organiser working through
 * personal codes and 代签到 after the talk. Half an hour each way covers both without letting a
 * talk's code count on a different occasion. Offline scans are judged at their scan time.
 */
export const CHECKIN_OPENS_BEFORE_START_MINUTES = 30;
export const CHECKIN_CLOSES_AFTER_END_MINUTES = 30;

const MINUTE_MS = 60 * 1000;

/** What the database and the API carry: an ISO string, a Date or epoch milliseconds. */
export type Instant = string | number | Date;

export interface CheckinPeriod {
  /** ISO instants, ready for `details` and for formatDateTime in the message. */
  opensAt: string;
  closesAt: string;
}

export type CheckinPeriodState = 'not_open' | 'open' | 'closed';

export interface CheckinPeriodStatus extends CheckinPeriod {
  state: CheckinPeriodState;
}

export interface TalkTimes {
  startsAt: Instant;
  endsAt: Instant;
}

function toMs(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return ms;
}

function periodMs(talk: TalkTimes): { opensMs: number; closesMs: number } {
  return {
    opensMs: toMs(talk.startsAt) - CHECKIN_OPENS_BEFORE_START_MINUTES * MINUTE_MS,
    closesMs: toMs(talk.endsAt) + CHECKIN_CLOSES_AFTER_END_MINUTES * MINUTE_MS,
  };
}

export function checkinPeriod(talk: TalkTimes): CheckinPeriod {
  const { opensMs, closesMs } = periodMs(talk);
  return { opensAt: new Date(opensMs).toISOString(), closesAt: new Date(closesMs).toISOString() };
}

/** Open from opensAt (inclusive) until closesAt (exclusive). */
export function checkinPeriodStatus(talk: TalkTimes, at: Instant): CheckinPeriodStatus {
  const { opensMs, closesMs } = periodMs(talk);
  const atMs = toMs(at);
  const state: CheckinPeriodState = atMs < opensMs ? 'not_open' : atMs >= closesMs ? 'closed' : 'open';
  return { state, opensAt: new Date(opensMs).toISOString(), closesAt: new Date(closesMs).toISOString() };
}
