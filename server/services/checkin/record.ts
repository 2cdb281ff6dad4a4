import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../../src/core/errors';
import type { CheckinTable, Database } from '../../db/schema';

export type CheckinRow = Selectable<CheckinTable>;

export interface NewCheckin {
  talkId: number;
  userId: number;
  method: 'scan' | 'personal_code';
  offline: boolean;
  scannedAtMs: number;
  nonce: string;
  recordedBy: number | null;
}

/** The row just written (`first`), or the person's earlier check-in to the talk (`repeat`). */
export type RecordOutcome = { kind: 'first'; row: CheckinRow } | { kind: 'repeat'; row: CheckinRow };

/**
 * One row per person per talk, kept by the unique constraint rather than a read-then-write, so a
 * whole audience scanning at once (or one person tapping 20 times) can never make two rows. The
 * insert is a single statement, hence atomic on both engines without an explicit transaction;
 * the loser of a race reads the winner's row and answers 已签到.
 */
export async function recordCheckin(db: Kysely<Database>, checkin: NewCheckin, now: Date): Promise<RecordOutcome> {
  const inserted = await db
    .insertInto('checkins')
    .values({
      talk_id: checkin.talkId,
      user_id: checkin.userId,
      attendee_name: null,
      attendee_phone: null,
      method: checkin.method,
      offline: checkin.offline ? 1 : 0,
      scanned_at: new Date(checkin.scannedAtMs).toISOString(),
      nonce: checkin.nonce,
      recorded_by: checkin.recordedBy,
      created_at: now.toISOString(),
    })
    .onConflict((conflict) => conflict.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { kind: 'first', row: inserted };

  const earlier = await db
    .selectFrom('checkins')
    .selectAll()
    .where('talk_id', '=', checkin.talkId)
    .where('user_id', '=', checkin.userId)
    .executeTakeFirst();
  // No earlier row means the nonce, not the person, collided: someone else's scan used it.
  if (!earlier) throw new AppError('conflict', { field: 'nonce' });
  // The same scan racing with its own retry: the retry answers as the first did.
  return earlier.nonce === checkin.nonce ? { kind: 'first', row: earlier } : { kind: 'repeat', row: earlier };
}

/** An earlier check-in made with this nonce in this talk, i.e. this very attempt sent again. */
export async function findByNonce(db: Kysely<Database>, talkId: number, nonce: string): Promise<CheckinRow | undefined> {
  return db.selectFrom('checkins').selectAll().where('talk_id', '=', talkId).where('nonce', '=', nonce).executeTakeFirst();
}
