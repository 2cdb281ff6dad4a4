import type { Kysely } from 'kysely';
import type { PersonalCheckinBody, PersonalCheckinResult, PersonalCodeInfo } from '../../../src/core/api/checkin';
import {
  checkinPeriodStatus,
  derivePersonalCodeKey,
  parsePersonalCode,
  personalCode,
  personalCodeExpiresAt,
  shanghaiDayNumber,
  verifyPersonalCode,
} from '../../../src/core/checkin';
import { AppError } from '../../../src/core/errors';
import type { Database } from '../../db/schema';
import type { Caller } from '../../types';
import { findByNonce, recordCheckin, type CheckinRow } from './record';
import { answerRefusedRetry, refuse, replayRefusal, type Attempt } from './refusals';
import { assertOrganiser, loadCheckinTalk, talkSummary, type CheckinTalkRow } from './talk';
import { resolveScanTime } from './timing';

export interface PersonalScanContext {
  db: Kysely<Database>;
  /** The personal-code key is derived from it; only the server holds it. */
  tokenSecret: string;
  offlineMaxDelayHours: number;
  streetId: number;
  now: Date;
}

/** 我的签到码: the caller's personal code, issued now, and when it stops being accepted. */
export function issuePersonalCode(tokenSecret: string, userId: number, now: Date): PersonalCodeInfo {
  const key = derivePersonalCodeKey(tokenSecret);
  return {
    code: personalCode(key, userId, now.getTime()),
    expiresAt: personalCodeExpiresAt(shanghaiDayNumber(now.getTime())),
  };
}

/**
 * The organiser scans an attendee's personal code (live, or synced from the organiser's offline
 * queue). Only the server holds the personal-code key, so the code is verified here, at its scan
 * time; the same period and offline rules apply as to a scan of the screen. No geofence: the
 * organiser is in the room.
 */
export async function checkInByPersonalCode(
  ctx: PersonalScanContext,
  caller: Caller,
  body: PersonalCheckinBody,
): Promise<PersonalCheckinResult> {
  const { db, now } = ctx;
  const talk = await loadCheckinTalk(db, body.talkId);
  assertOrganiser(caller, talk, ctx.streetId);

  const earlier = await findByNonce(db, talk.id, body.nonce);
  if (earlier) {
    if (earlier.recorded_by !== caller.userId) throw new AppError('conflict', { field: 'nonce' });
    return personalAnswer(db, talk, earlier, 'checked_in');
  }
  await replayRefusal(db, caller.userId, body.nonce);

  const code = parsePersonalCode(body.code);
  const attempt: Attempt = { attemptedBy: caller.userId, userId: null, talkId: talk.id, method: 'personal_code', nonce: body.nonce };
  if (!code) return refuse(db, attempt, 'personal_code_invalid', { reason: 'malformed' }, now);

  const scanTime = resolveScanTime(body.scannedAt, now.getTime(), ctx.offlineMaxDelayHours);
  if (!scanTime.ok) return refuse(db, attempt, scanTime.code, scanTime.details, now);

  const verdict = verifyPersonalCode(code, derivePersonalCodeKey(ctx.tokenSecret), scanTime.atMs);
  if (!verdict.ok) return refuse(db, attempt, verdict.code, { offline: scanTime.offline }, now);
  const attendee = await db.selectFrom('users').select('id').where('id', '=', verdict.userId).executeTakeFirst();
  if (!attendee) return refuse(db, attempt, 'personal_code_invalid', { reason: 'unknown_user' }, now);
  attempt.userId = attendee.id;

  if (talk.status === 'cancelled') return refuse(db, attempt, 'talk_cancelled', {}, now);
  const period = checkinPeriodStatus(talk, scanTime.atMs);
  if (period.state !== 'open') {
    return refuse(db, attempt, period.state, { opensAt: period.opensAt, closesAt: period.closesAt }, now);
  }

  const outcome = await recordCheckin(
    db,
    {
      talkId: talk.id,
      userId: attendee.id,
      method: 'personal_code',
      offline: scanTime.offline,
      scannedAtMs: scanTime.atMs,
      nonce: body.nonce,
      attemptedBy: caller.userId,
      recordedBy: caller.userId,
    },
    now,
  );
  // Refusals were looked up above; one can only appear here from the same attempt racing its retry.
  if (outcome.kind === 'refused') return answerRefusedRetry(db, caller.userId, body.nonce);
  if (outcome.kind === 'talk_cancelled') return refuse(db, attempt, 'talk_cancelled', {}, now);
  return personalAnswer(db, talk, outcome.row, outcome.kind === 'first' ? 'checked_in' : 'already_checked_in');
}

async function personalAnswer(
  db: Kysely<Database>,
  talk: CheckinTalkRow,
  row: CheckinRow,
  status: PersonalCheckinResult['status'],
): Promise<PersonalCheckinResult> {
  const user = await db.selectFrom('users').select(['id', 'name']).where('id', '=', row.user_id!).executeTakeFirstOrThrow();
  return {
    status,
    attendee: { id: user.id, name: user.name },
    talk: talkSummary(talk),
    checkedInAt: row.scanned_at,
    offline: row.offline === 1,
  };
}
