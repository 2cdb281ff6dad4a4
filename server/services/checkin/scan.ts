import type { Kysely } from 'kysely';
import type { CheckinResult, ScanCheckinBody } from '../../../src/core/api/checkin';
import { checkGeofence, checkinPeriodStatus, parseCheckinCode, verifyCheckinCode, type CheckinRefusal } from '../../../src/core/checkin';
import { AppError } from '../../../src/core/errors';
import type { Database } from '../../db/schema';
import { findByNonce, type RecordOutcome } from './record';
import { answerRefusedRetry, refuse, replayRefusal, type Attempt } from './refusals';
import { talkSummary, type CheckinTalkRow, type ScanTalks } from './talk';
import { resolveScanTime } from './timing';
import type { CheckinWriter } from './writer';

export interface ScanContext {
  db: Kysely<Database>;
  talks: ScanTalks;
  writer: CheckinWriter;
  offlineMaxDelayHours: number;
  now: Date;
}

/**
 * 扫码签到: an attendee sends the code they scanned on the organiser's screen, live or from the
 * offline queue. Each check is one step with its own refusal code, stored before it is answered;
 * a retry with the same nonce answers as the first attempt did. The accepted scan, the common
 * case in a burst, reads nothing of its own: the talk comes from memory, and the writer checks
 * for earlier refusals and inserts for a whole batch of scans at once; the look-ups that replay
 * an earlier answer are made only when a scan is about to be refused.
 */
export async function checkInByScan(ctx: ScanContext, userId: number, body: ScanCheckinBody): Promise<CheckinResult> {
  const { db, now } = ctx;
  const attempt: Attempt = { attemptedBy: userId, userId, talkId: null, method: 'scan', nonce: body.nonce };
  let talk: CheckinTalkRow | null = null;
  const refuseScan = async (code: CheckinRefusal, details: Record<string, unknown>): Promise<CheckinResult> => {
    if (talk) {
      // This very scan was recorded before and its answer lost on the way: answer it again,
      // even though the code has expired since.
      const earlier = await findByNonce(db, talk.id, body.nonce);
      if (earlier) return replayedAnswer(talk, userId, earlier);
    }
    await replayRefusal(db, userId, body.nonce);
    return refuse(db, attempt, code, details, now);
  };

  const code = parseCheckinCode(body.code);
  if (!code) return refuseScan('invalid_code', { reason: 'malformed' });
  const scanned = await ctx.talks.get(code.talkId);
  if (!scanned) return refuseScan('invalid_code', { reason: 'unknown_talk' });
  talk = scanned.talk;
  attempt.talkId = talk.id;

  const scanTime = resolveScanTime(body.scannedAt, now.getTime(), ctx.offlineMaxDelayHours);
  if (!scanTime.ok) return refuseScan(scanTime.code, scanTime.details);

  const verdict = verifyCheckinCode(code, scanned.key, scanTime.atMs);
  if (!verdict.ok) return refuseScan(verdict.code, { window: code.window, offline: scanTime.offline });

  const period = checkinPeriodStatus(talk, scanTime.atMs);
  if (period.state !== 'open') return refuseScan(period.state, { opensAt: period.opensAt, closesAt: period.closesAt });

  const fence = checkGeofence(talk.venue, body.location);
  if (!fence.ok) {
    return refuseScan(fence.code, fence.code === 'outside_area' ? { distanceM: fence.distanceM, radiusM: fence.radiusM } : {});
  }

  const outcome = await ctx.writer.record({
    talkId: talk.id,
    userId,
    method: 'scan',
    offline: scanTime.offline,
    scannedAtMs: scanTime.atMs,
    nonce: body.nonce,
    attemptedBy: userId,
    recordedBy: null,
  });
  if (outcome.kind === 'refused') return answerRefusedRetry(db, userId, body.nonce);
  if (outcome.kind === 'talk_cancelled') return refuseScan('talk_cancelled', {});
  return scanAnswer(talk, outcome);
}

function replayedAnswer(talk: CheckinTalkRow, userId: number, earlier: { user_id: number | null; scanned_at: string; offline: number }): CheckinResult {
  if (earlier.user_id !== userId) throw new AppError('conflict', { field: 'nonce' });
  return { status: 'checked_in', talk: talkSummary(talk), checkedInAt: earlier.scanned_at, offline: earlier.offline === 1 };
}

function scanAnswer(talk: CheckinTalkRow, outcome: Extract<RecordOutcome, { row: unknown }>): CheckinResult {
  if (outcome.kind === 'repeat') {
    return { status: 'already_checked_in', talk: talkSummary(talk), firstCheckedInAt: outcome.row.scanned_at };
  }
  return { status: 'checked_in', talk: talkSummary(talk), checkedInAt: outcome.row.scanned_at, offline: outcome.row.offline === 1 };
}
