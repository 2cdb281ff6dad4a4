import { DAY_MS } from './calendar';
import type { MatchingConfig } from './config';
import { boundAt, type RequestContext } from './context';
import { parseInstant, type TalkTimes } from './instants';
import type { SpeakerCandidate } from './types';

/**
 * Fairness, after Cal.com's round robin: the candidate furthest below their share of recent
 * talks goes first, then the least recently booked. Recent talks are those starting from
 * `historySince(now)`, upcoming ones included: a talk booked yesterday for next week is load
 * already, or successive requests would all go to the same person. The share is an equal part
 * of the load of the speakers competing for this request (those who passed the hard filters).
 * Shortfall and recency are blended into one term (`fairness.recencyShare`) because the final
 * order is a weighted sum; recency is kept small so it mostly breaks ties.
 *
 * Calibration: a speaker approved or back from a pause inside the recent period was absent for
 * part of it. Their talks before that point are replaced by the established speakers' average
 * load prorated over the time they were away, so their empty record does not pull every request
 * to them (Cal.com credits new and out-of-office hosts the same way).
 *
 * Loads are kept in thousandths of a talk so sums are exact integers: the share, and so every
 * score, is the same whatever order the speakers came in.
 */

export interface SpeakerHistory {
  /** Talks since the start of the recent period, upcoming included. */
  recentCount: number;
  /** Of those, the ones not yet begun. */
  upcomingCount: number;
  /** Talks counted as the speaker's own load: those after `countFrom`. */
  ownCount: number;
  /** Start of the recent period, or when the speaker became available if later. */
  countFrom: number;
  calibration: 'none' | 'new' | 'returning';
  /** Latest booking, or when the speaker became available if later; null if neither. */
  lastBookedMs: number | null;
}

const MILLI = 1000;

/** When the speaker last became available to take talks: approval or the end of a pause. */
function availableSince(speaker: SpeakerCandidate): { at: number; kind: 'new' | 'returning' } {
  const approved = speaker.approvedAt === null ? -Infinity : parseInstant(speaker.approvedAt);
  const resumed = speaker.resumedAt === null ? -Infinity : parseInstant(speaker.resumedAt);
  return resumed > approved ? { at: resumed, kind: 'returning' } : { at: approved, kind: 'new' };
}

export function speakerHistory(speaker: SpeakerCandidate, times: TalkTimes, ctx: RequestContext): SpeakerHistory {
  const since = availableSince(speaker);
  const calibrated = since.at > ctx.historyStartMs;
  const countFrom = calibrated ? Math.min(since.at, ctx.nowMs) : ctx.historyStartMs;
  const historyStart = boundAt(ctx, ctx.historyStartMs);
  /** Upcoming means starting after now: instants are whole milliseconds. */
  const afterNow = boundAt(ctx, ctx.nowMs + 1);
  const ownFrom = boundAt(ctx, countFrom);
  const recent: number[] = [];
  let upcomingCount = 0;
  let ownCount = 0;
  for (let i = 0; i < times.count; i++) {
    if (times.startsBefore(i, historyStart)) continue;
    recent.push(i);
    if (!times.startsBefore(i, afterNow)) upcomingCount++;
    if (!times.startsBefore(i, ownFrom)) ownCount++;
  }
  const lastBooked = times.latestBooking(recent);
  return {
    recentCount: recent.length,
    upcomingCount,
    ownCount,
    countFrom,
    calibration: calibrated ? since.kind : 'none',
    lastBookedMs: calibrated && (lastBooked === null || lastBooked < countFrom) ? countFrom : lastBooked,
  };
}

export interface FairnessPool {
  /** Each member's load in thousandths of a talk, in the order given. */
  loadsMilli: number[];
  /** Equal share of the pool's total load, in talks. */
  share: number;
  /** Average load of the members present all period, in talks (what a newcomer is credited). */
  establishedAverage: number;
}

/** Loads and share over the candidates that passed the hard filters. */
export function fairnessPool(histories: readonly SpeakerHistory[], ctx: RequestContext): FairnessPool {
  let establishedSum = 0;
  let establishedCount = 0;
  for (const history of histories) {
    if (history.calibration === 'none') {
      establishedSum += history.ownCount;
      establishedCount++;
    }
  }
  const periodMs = ctx.nowMs - ctx.historyStartMs;
  let totalMilli = 0;
  const loadsMilli = histories.map((history) => {
    let credit = 0;
    if (history.calibration !== 'none' && establishedCount > 0) {
      const absentShare = (history.countFrom - ctx.historyStartMs) / periodMs;
      credit = Math.round((establishedSum * absentShare * MILLI) / establishedCount);
    }
    const load = history.ownCount * MILLI + credit;
    totalMilli += load;
    return load;
  });
  return {
    loadsMilli,
    share: histories.length > 0 ? totalMilli / histories.length / MILLI : 0,
    establishedAverage: establishedCount > 0 ? establishedSum / establishedCount : 0,
  };
}

/** Far ahead of their share: left out of this request so others catch up. */
export function isCappedOut(load: number, share: number, config: MatchingConfig): boolean {
  return load > share * config.fairness.capFactor + config.fairness.capSlack;
}

/**
 * In [0, 1]: 0.5 at exactly the share, 1 a full share (at least one talk) below it, 0 as far
 * above; blended with how long ago the last booking was (never, or a whole period ago, is 1).
 */
export function fairnessTerm(load: number, share: number, lastBookedMs: number | null, ctx: RequestContext): number {
  const shortfall = Math.min(1, Math.max(0, 0.5 + (share - load) / (2 * Math.max(1, share))));
  const periodMs = ctx.config.recentDays * DAY_MS;
  const recency = lastBookedMs === null ? 1 : Math.min(1, Math.max(0, (ctx.nowMs - lastBookedMs) / periodMs));
  const { recencyShare } = ctx.config.fairness;
  return (1 - recencyShare) * shortfall + recencyShare * recency;
}
