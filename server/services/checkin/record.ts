import type { Kysely, Selectable } from 'kysely';
import { AppError } from '../../../src/core/errors';
import { precompiled } from '../../db/precompiled';
import type { CheckinTable, Database } from '../../db/schema';

export type CheckinRow = Selectable<CheckinTable>;

export interface NewCheckin {
  talkId: number;
  userId: number;
  method: 'scan' | 'personal_code';
  offline: boolean;
  scannedAtMs: number;
  nonce: string;
  /** Who sent the attempt: the attendee scanning, or the organiser scanning a personal code. */
  attemptedBy: number;
  recordedBy: number | null;
}

/**
 * What recording came to: the row just written (`first`); the person's earlier check-in to the
 * talk (`repeat`); or nothing written because this very attempt was refused before (`refused`),
 * which the caller answers from its stored refusal.
 */
export type RecordOutcome = { kind: 'first'; row: CheckinRow } | { kind: 'repeat'; row: CheckinRow } | { kind: 'refused' };

type InsertValues = Omit<CheckinRow, 'id' | 'attendee_name' | 'attendee_phone'>;

/**
 * The insert of a check-in, unless the sender already had this nonce refused: an attempt answers
 * the same way when retried, so a refusal is not overturned by the retry. The guard is part of
 * the statement, so the hot path of a burst is this one statement; columns left out are NULL.
 */
const insertCheckin = precompiled<InsertValues & { attempted_by: number }, CheckinRow>((db, slot) =>
  db
    .insertInto('checkins')
    .columns(['talk_id', 'user_id', 'method', 'offline', 'scanned_at', 'nonce', 'recorded_by', 'created_at'])
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.val(slot('talk_id')).as('talk_id'),
          eb.val(slot('user_id')).as('user_id'),
          eb.val(slot('method')).as('method'),
          eb.val(slot('offline')).as('offline'),
          eb.val(slot('scanned_at')).as('scanned_at'),
          eb.val(slot('nonce')).as('nonce'),
          eb.val(slot('recorded_by')).as('recorded_by'),
          eb.val(slot('created_at')).as('created_at'),
        ])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('checkin_refusals')
                .select('checkin_refusals.id')
                .where('checkin_refusals.attempted_by', '=', slot('attempted_by'))
                .where('checkin_refusals.nonce', '=', slot('nonce')),
            ),
          ),
        ),
    )
    .onConflict((conflict) => conflict.doNothing())
    .returningAll(),
);

/**
 * One row per person per talk, kept by the unique constraint rather than a read-then-write, so a
 * whole audience scanning at once (or one person tapping 20 times) can never make two rows. The
 * insert is a single statement, hence atomic on both engines without an explicit transaction;
 * the loser of a race reads the winner's row and answers 已签到.
 */
export async function recordCheckin(db: Kysely<Database>, checkin: NewCheckin, now: Date): Promise<RecordOutcome> {
  const { rows } = await insertCheckin(db, {
    talk_id: checkin.talkId,
    user_id: checkin.userId,
    method: checkin.method,
    offline: checkin.offline ? 1 : 0,
    scanned_at: new Date(checkin.scannedAtMs).toISOString(),
    nonce: checkin.nonce,
    recorded_by: checkin.recordedBy,
    created_at: now.toISOString(),
    attempted_by: checkin.attemptedBy,
  });
  if (rows[0]) return { kind: 'first', row: rows[0] };

  const earlier = await db
    .selectFrom('checkins')
    .selectAll()
    .where('talk_id', '=', checkin.talkId)
    .where((eb) => eb.or([eb('user_id', '=', checkin.userId), eb('nonce', '=', checkin.nonce)]))
    .execute();
  const sameAttempt = earlier.find((row) => row.nonce === checkin.nonce);
  if (sameAttempt) {
    // The same scan racing with its own retry answers as the first did; someone else's scan
    // having used the nonce is a conflict, never a check-in of this person.
    if (sameAttempt.user_id !== checkin.userId) throw new AppError('conflict', { field: 'nonce' });
    return { kind: 'first', row: sameAttempt };
  }
  const byPerson = earlier.find((row) => row.user_id === checkin.userId);
  return byPerson ? { kind: 'repeat', row: byPerson } : { kind: 'refused' };
}

/** An earlier check-in made with this nonce in this talk, i.e. this very attempt sent again. */
export async function findByNonce(db: Kysely<Database>, talkId: number, nonce: string): Promise<CheckinRow | undefined> {
  return db.selectFrom('checkins').selectAll().where('talk_id', '=', talkId).where('nonce', '=', nonce).executeTakeFirst();
}
