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
  /** Who sent the attempt: the attendee scanning, or the organiser scanning a personal code. */
  attemptedBy: number;
  recordedBy: number | null;
}

/**
 * What recording came to: the row just written (`first`); the person's earlier check-in to the
 * talk (`repeat`); nothing written because this very attempt was refused before (`refused`),
 * which the caller answers from its stored refusal, or because the talk has been cancelled.
 */
export type RecordOutcome =
  | { kind: 'first'; row: CheckinRow }
  | { kind: 'repeat'; row: CheckinRow }
  | { kind: 'refused' }
  | { kind: 'talk_cancelled' };

const refusalKey = (attemptedBy: number, nonce: string) => `${attemptedBy}\u0000${nonce}`;
const nonceKey = (talkId: number, nonce: string) => `${talkId}\u0000${nonce}`;

/**
 * One row per person per talk, kept by the unique constraints rather than a read-then-write, so
 * a whole audience scanning at once (or one person tapping 20 times) can never make two rows:
 * the check-ins are one multi-row INSERT … ON CONFLICT DO NOTHING, atomic on both engines, and a
 * check-in whose row was not written learns why from resolveUnwritten. An attempt its sender had
 * refused before is not written: a retry answers as the first attempt did, even if it would pass
 * now. Nor is a check-in to a talk cancelled since the scan judged it. Outcomes come in the
 * order of `checkins`.
 */
export async function writeCheckins(db: Kysely<Database>, checkins: NewCheckin[], now: Date): Promise<RecordOutcome[]> {
  const refused = await refusedAttempts(db, checkins);
  const cancelled = await cancelledTalks(db, checkins);
  const outcomeWithoutRow = (checkin: NewCheckin): RecordOutcome | null => {
    if (refused.has(refusalKey(checkin.attemptedBy, checkin.nonce))) return { kind: 'refused' };
    return cancelled.has(checkin.talkId) ? { kind: 'talk_cancelled' } : null;
  };
  const toWrite = checkins.filter((checkin) => outcomeWithoutRow(checkin) === null);
  const written = new Map<string, CheckinRow>();
  if (toWrite.length > 0) {
    const rows = await db
      .insertInto('checkins')
      .values(
        toWrite.map((checkin) => ({
          talk_id: checkin.talkId,
          user_id: checkin.userId,
          method: checkin.method,
          offline: checkin.offline ? 1 : 0,
          scanned_at: new Date(checkin.scannedAtMs).toISOString(),
          nonce: checkin.nonce,
          recorded_by: checkin.recordedBy,
          created_at: now.toISOString(),
        })),
      )
      .onConflict((conflict) => conflict.doNothing())
      .returningAll()
      .execute();
    for (const row of rows) written.set(nonceKey(row.talk_id, row.nonce!), row);
  }
  return Promise.all(
    checkins.map(async (checkin): Promise<RecordOutcome> => {
      const unwritten = outcomeWithoutRow(checkin);
      if (unwritten) return unwritten;
      const row = written.get(nonceKey(checkin.talkId, checkin.nonce));
      // The row with this nonce is this attempt's own, or its retry's when both came together.
      if (row && row.user_id === checkin.userId) return { kind: 'first', row };
      return resolveUnwritten(db, checkin);
    }),
  );
}

export async function recordCheckin(db: Kysely<Database>, checkin: NewCheckin, now: Date): Promise<RecordOutcome> {
  const [outcome] = await writeCheckins(db, [checkin], now);
  return outcome;
}

/** Which of these attempts their senders had refused before, keyed by sender and nonce. */
async function refusedAttempts(db: Kysely<Database>, checkins: NewCheckin[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('checkin_refusals')
    .select(['attempted_by', 'nonce'])
    .where('attempted_by', 'in', [...new Set(checkins.map((checkin) => checkin.attemptedBy))])
    .where('nonce', 'in', [...new Set(checkins.map((checkin) => checkin.nonce))])
    .execute();
  return new Set(rows.map((row) => refusalKey(row.attempted_by!, row.nonce!)));
}

async function cancelledTalks(db: Kysely<Database>, checkins: NewCheckin[]): Promise<Set<number>> {
  const rows = await db
    .selectFrom('talks')
    .select('id')
    .where('id', 'in', [...new Set(checkins.map((checkin) => checkin.talkId))])
    .where('status', '=', 'cancelled')
    .execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * Why a check-in's row was not written: the person's earlier row (`repeat`), or this very attempt
 * written before by its retry (`first`, answered as that one was). A nonce held by another
 * person's row is a conflict, never a check-in of this person.
 */
async function resolveUnwritten(db: Kysely<Database>, checkin: NewCheckin): Promise<RecordOutcome> {
  const earlier = await db
    .selectFrom('checkins')
    .selectAll()
    .where('talk_id', '=', checkin.talkId)
    .where((eb) => eb.or([eb('user_id', '=', checkin.userId), eb('nonce', '=', checkin.nonce)]))
    .execute();
  const sameAttempt = earlier.find((row) => row.nonce === checkin.nonce);
  if (sameAttempt) {
    if (sameAttempt.user_id !== checkin.userId) throw new AppError('conflict', { field: 'nonce' });
    return { kind: 'first', row: sameAttempt };
  }
  const byPerson = earlier.find((row) => row.user_id === checkin.userId);
  if (!byPerson) throw new AppError('conflict', { field: 'nonce' });
  return { kind: 'repeat', row: byPerson };
}

/** An earlier check-in made with this nonce in this talk, i.e. this very attempt sent again. */
export async function findByNonce(db: Kysely<Database>, talkId: number, nonce: string): Promise<CheckinRow | undefined> {
  return db.selectFrom('checkins').selectAll().where('talk_id', '=', talkId).where('nonce', '=', nonce).executeTakeFirst();
}
