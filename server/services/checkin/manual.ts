import type { Kysely } from 'kysely';
import type { AttendanceEntry, ManualCheckinBody } from '../../../src/core/api/checkin';
import { checkinPeriodStatus } from '../../../src/core/checkin';
import { AppError } from '../../../src/core/errors';
import type { Database } from '../../db/schema';
import type { Caller } from '../../types';
import { recordAudit } from '../audit';
import { maskPhone } from '../users';
import { findByNonce, type CheckinRow } from './record';
import { refuse } from './refusals';
import { assertOrganiser, loadCheckinTalk } from './talk';

export interface ManualContext {
  db: Kysely<Database>;
  streetId: number;
  now: Date;
  ip: string | null;
}

/**
 * 代签到: the organiser checks a person in by hand (an elder without a phone, a dead battery).
 * The person need not have an account, so the row carries the name and phone instead of a user
 * and no uniqueness applies; the audit entry says who vouched for them. The period rules apply
 * as to everyone else.
 */
export async function checkInManually(
  ctx: ManualContext,
  caller: Caller,
  talkId: number,
  body: ManualCheckinBody,
): Promise<AttendanceEntry> {
  const { db, now } = ctx;
  const talk = await loadCheckinTalk(db, talkId);
  assertOrganiser(caller, talk, ctx.streetId);

  if (body.nonce) {
    const earlier = await findByNonce(db, talk.id, body.nonce);
    if (earlier) {
      if (earlier.recorded_by !== caller.userId) throw new AppError('conflict', { field: 'nonce' });
      return manualEntry(earlier, caller, db);
    }
  }

  const attempt = { attemptedBy: caller.userId, userId: null, talkId: talk.id, method: 'manual' as const, nonce: body.nonce ?? null };
  if (talk.status === 'cancelled') return refuse(db, attempt, 'talk_cancelled', { name: body.name }, now);
  const period = checkinPeriodStatus(talk, now);
  if (period.state !== 'open') {
    return refuse(db, attempt, period.state, { opensAt: period.opensAt, closesAt: period.closesAt, name: body.name }, now);
  }

  const row = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('checkins')
      .values({
        talk_id: talk.id,
        user_id: null,
        attendee_name: body.name,
        attendee_phone: body.phone ?? null,
        method: 'manual',
        offline: 0,
        scanned_at: now.toISOString(),
        nonce: body.nonce ?? null,
        recorded_by: caller.userId,
        created_at: now.toISOString(),
      })
      // Only the nonce can collide (a manual row has no user): the same entry sent twice at once.
      .onConflict((conflict) => conflict.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!created) return null;
    await recordAudit(
      trx,
      {
        actorId: caller.userId,
        action: 'checkin.manual_recorded',
        entity: 'talk',
        entityId: talk.id,
        after: { checkinId: created.id, name: body.name, phone: maskPhone(body.phone ?? null) },
        ip: ctx.ip,
      },
      now,
    );
    return created;
  });
  if (!row) {
    const earlier = body.nonce ? await findByNonce(db, talk.id, body.nonce) : undefined;
    if (!earlier || earlier.recorded_by !== caller.userId) throw new AppError('conflict', { field: 'nonce' });
    return manualEntry(earlier, caller, db);
  }
  return manualEntry(row, caller, db);
}

async function manualEntry(row: CheckinRow, caller: Caller, db: Kysely<Database>): Promise<AttendanceEntry> {
  const recorder = await db.selectFrom('users').select('name').where('id', '=', caller.userId).executeTakeFirst();
  return {
    id: row.id,
    userId: null,
    name: row.attendee_name ?? '',
    phone: maskPhone(row.attendee_phone),
    method: 'manual',
    offline: false,
    how: 'manual',
    checkedInAt: row.scanned_at,
    recordedBy: recorder?.name ?? null,
  };
}
