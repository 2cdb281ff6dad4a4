import type { Kysely } from 'kysely';
import type { CheckinRefusal } from '../../../src/core/checkin';
import { AppError, isErrorCode } from '../../../src/core/errors';
import type { Database } from '../../db/schema';

export interface Attempt {
  /** Who sent it: the attendee scanning, or the organiser scanning a personal code. */
  attemptedBy: number;
  /** The person the attempt was for, when known. */
  userId: number | null;
  talkId: number | null;
  method: 'scan' | 'personal_code' | 'manual';
  nonce: string | null;
}

/**
 * Keeps the refused attempt where the organiser's attendance list shows it (pretix's failed
 * check-ins), then answers with its code. The same attempt retried (same nonce) is stored once.
 */
export async function refuse(
  db: Kysely<Database>,
  attempt: Attempt,
  code: CheckinRefusal,
  details: Record<string, unknown>,
  now: Date,
): Promise<never> {
  await db
    .insertInto('checkin_refusals')
    .values({
      talk_id: attempt.talkId,
      user_id: attempt.userId,
      attempted_by: attempt.attemptedBy,
      method: attempt.method,
      nonce: attempt.nonce,
      code,
      details: JSON.stringify(details),
      created_at: now.toISOString(),
    })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  throw new AppError(code, details);
}

/** A refused attempt retried with its nonce gets the same refusal again (and no new row). */
export async function replayRefusal(db: Kysely<Database>, attemptedBy: number, nonce: string): Promise<void> {
  const stored = await db
    .selectFrom('checkin_refusals')
    .select(['code', 'details'])
    .where('attempted_by', '=', attemptedBy)
    .where('nonce', '=', nonce)
    .executeTakeFirst();
  if (stored) answerStoredRefusal(stored);
}

/**
 * An attempt whose row was not written because it had been refused before: it answers with that
 * refusal, even if it would pass now (the period has opened since, say).
 */
export async function answerRefusedRetry(db: Kysely<Database>, attemptedBy: number, nonce: string): Promise<never> {
  await replayRefusal(db, attemptedBy, nonce);
  throw new AppError('conflict', { field: 'nonce' });
}

export function answerStoredRefusal(stored: { code: string; details: string }): void {
  if (isErrorCode(stored.code)) throw new AppError(stored.code, JSON.parse(stored.details) as Record<string, unknown>);
}
