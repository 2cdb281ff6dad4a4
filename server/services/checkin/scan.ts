import type { Kysely } from 'kysely';
import type { CheckinResult, ScanCheckinBody } from '../../../src/core/api/checkin';
import { checkGeofence, checkinPeriodStatus, parseCheckinCode, verifyCheckinCode } from '../../../src/core/checkin';
import { AppError } from '../../../src/core/errors';
import type { Database } from '../../db/schema';
import { recordCheckin, type RecordOutcome } from './record';
import { answerStoredRefusal, refuse, replayRefusal, type Attempt } from './refusals';
import { findScanState, talkKeyOf, talkSummary, type CheckinTalkRow } from './talk';
import { resolveScanTime } from './timing';

export interface ScanContext {
  db: Kysely<Database>;
  tokenSecret: string;
  offlineMaxDelayHours: number;
  now: Date;
}

/**
 * 扫码签到: an attendee sends the code they scanned on the organiser's screen, live or from the
 * offline queue. Each check is one step with its own refusal code, stored before it is answered;
 * a retry with the same nonce answers as the first attempt did.
 */
export async function checkInByScan(ctx: ScanContext, userId: number, body: ScanCheckinBody): Promise<CheckinResult> {
  const { db, now } = ctx;
  const attempt: Attempt = { attemptedBy: userId, userId, talkId: null, method: 'scan', nonce: body.nonce };
  const code = parseCheckinCode(body.code);
  if (!code) {
    await replayRefusal(db, userId, body.nonce);
    return refuse(db, attempt, 'invalid_code', { reason: 'malformed' }, now);
  }
  const state = await findScanState(db, code.talkId, userId, body.nonce);
  if (!state) {
    await replayRefusal(db, userId, body.nonce);
    return refuse(db, attempt, 'invalid_code', { reason: 'unknown_talk' }, now);
  }
  const { talk } = state;
  if (state.earlier) {
    // This very scan was recorded before (the answer was lost on the way): answer it again.
    if (state.earlier.userId !== userId) throw new AppError('conflict', { field: 'nonce' });
    return { status: 'checked_in', talk: talkSummary(talk), checkedInAt: state.earlier.scannedAt, offline: state.earlier.offline };
  }
  if (state.refusal) answerStoredRefusal(state.refusal);
  attempt.talkId = talk.id;

  const scanTime = resolveScanTime(body.scannedAt, now.getTime(), ctx.offlineMaxDelayHours);
  if (!scanTime.ok) return refuse(db, attempt, scanTime.code, scanTime.details, now);

  const verdict = verifyCheckinCode(code, talkKeyOf(ctx.tokenSecret, talk), scanTime.atMs);
  if (!verdict.ok) return refuse(db, attempt, verdict.code, { window: code.window, offline: scanTime.offline }, now);

  const period = checkinPeriodStatus(talk, scanTime.atMs);
  if (period.state !== 'open') {
    return refuse(db, attempt, period.state, { opensAt: period.opensAt, closesAt: period.closesAt }, now);
  }

  const fence = checkGeofence(talk.venue, body.location);
  if (!fence.ok) {
    const details = fence.code === 'outside_area' ? { distanceM: fence.distanceM, radiusM: fence.radiusM } : {};
    return refuse(db, attempt, fence.code, details, now);
  }

  const outcome = await recordCheckin(
    db,
    { talkId: talk.id, userId, method: 'scan', offline: scanTime.offline, scannedAtMs: scanTime.atMs, nonce: body.nonce, recordedBy: null },
    now,
  );
  return scanAnswer(talk, outcome);
}

function scanAnswer(talk: CheckinTalkRow, outcome: RecordOutcome): CheckinResult {
  if (outcome.kind === 'repeat') {
    return { status: 'already_checked_in', talk: talkSummary(talk), firstCheckedInAt: outcome.row.scanned_at };
  }
  return { status: 'checked_in', talk: talkSummary(talk), checkedInAt: outcome.row.scanned_at, offline: outcome.row.offline === 1 };
}
