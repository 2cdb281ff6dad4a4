import type { Kysely } from 'kysely';
import type { Attendance, AttendanceEntry, RefusedAttempt } from '../../../src/core/api/checkin';
import { checkinHow, checkinPeriod, type CheckinHow } from '../../../src/core/checkin';
import { ERRORS, isErrorCode } from '../../../src/core/errors';
import type { Database } from '../../db/schema';
import type { Caller } from '../../types';
import { maskPhone } from '../users';
import { assertOrganiser, loadCheckinTalk, talkSummary } from './talk';

/** Check-ins with who each person is (an account, or the name typed at 代签到) and who recorded them. */
export function selectCheckedInPeople(db: Kysely<Database>) {
  return db
    .selectFrom('checkins')
    .leftJoin('users as attendee', 'attendee.id', 'checkins.user_id')
    .leftJoin('users as recorder', 'recorder.id', 'checkins.recorded_by')
    .select([
      'checkins.id',
      'checkins.talk_id',
      'checkins.user_id',
      'checkins.attendee_name',
      'checkins.attendee_phone',
      'checkins.method',
      'checkins.offline',
      'checkins.scanned_at',
      'attendee.name as user_name',
      'attendee.phone as user_phone',
      'recorder.name as recorder_name',
    ]);
}

type CheckedInRow = Awaited<ReturnType<ReturnType<typeof selectCheckedInPeople>['executeTakeFirstOrThrow']>>;

export interface CheckedInPerson {
  name: string;
  /** In full: whoever shows it masks it. */
  phone: string | null;
  how: CheckinHow;
  checkedInAt: string;
  recordedBy: string | null;
}

export function checkedInPerson(row: CheckedInRow): CheckedInPerson {
  return {
    name: row.user_name ?? row.attendee_name ?? '',
    phone: row.user_phone ?? row.attendee_phone,
    how: checkinHow(row.method, row.offline === 1),
    checkedInAt: row.scanned_at,
    recordedBy: row.recorder_name,
  };
}

/**
 * The organiser's attendance record: counts over everyone, and the newest `limit` check-ins and
 * refused attempts (with the reason in Chinese) — a talk has a few hundred people at most, so
 * a bound rather than paging keeps the live screen to one request.
 */
export async function loadAttendance(
  db: Kysely<Database>,
  caller: Caller,
  streetId: number,
  talkId: number,
  limit: number,
): Promise<Attendance> {
  const talk = await loadCheckinTalk(db, talkId);
  assertOrganiser(caller, talk, streetId);

  const counts = await db
    .selectFrom('checkins')
    .select((eb) => [
      eb.fn.countAll<number>().as('checkedIn'),
      eb.fn.sum<number>(eb.case().when('method', '=', 'scan').then(1).else(0).end()).as('scan'),
      eb.fn.sum<number>(eb.case().when('method', '=', 'personal_code').then(1).else(0).end()).as('personalCode'),
      eb.fn.sum<number>(eb.case().when('method', '=', 'manual').then(1).else(0).end()).as('manual'),
      eb.fn.sum<number>('offline').as('offline'),
    ])
    .where('talk_id', '=', talk.id)
    .executeTakeFirstOrThrow();
  const refused = await db
    .selectFrom('checkin_refusals')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('talk_id', '=', talk.id)
    .executeTakeFirstOrThrow();

  const checkinRows = await selectCheckedInPeople(db).where('checkins.talk_id', '=', talk.id).orderBy('checkins.id', 'desc').limit(limit).execute();
  const checkins: AttendanceEntry[] = checkinRows.map((row) => {
    const person = checkedInPerson(row);
    return {
      id: row.id,
      userId: row.user_id,
      name: person.name,
      phone: maskPhone(person.phone),
      method: row.method,
      offline: row.offline === 1,
      how: person.how,
      checkedInAt: person.checkedInAt,
      recordedBy: person.recordedBy,
    };
  });

  const refusalRows = await db
    .selectFrom('checkin_refusals')
    .leftJoin('users', 'users.id', 'checkin_refusals.user_id')
    .select(['checkin_refusals.id', 'checkin_refusals.user_id', 'checkin_refusals.code', 'checkin_refusals.details', 'checkin_refusals.created_at', 'users.name'])
    .where('checkin_refusals.talk_id', '=', talk.id)
    .orderBy('checkin_refusals.id', 'desc')
    .limit(limit)
    .execute();
  const refusals: RefusedAttempt[] = refusalRows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    code: row.code,
    message: isErrorCode(row.code) ? ERRORS[row.code].message : row.code,
    details: JSON.parse(row.details) as Record<string, unknown>,
    at: row.created_at,
  }));

  return {
    talk: { ...talkSummary(talk), ...checkinPeriod(talk) },
    counts: {
      checkedIn: Number(counts.checkedIn),
      scan: Number(counts.scan ?? 0),
      personalCode: Number(counts.personalCode ?? 0),
      manual: Number(counts.manual ?? 0),
      offline: Number(counts.offline ?? 0),
      refused: Number(refused.count),
    },
    checkins,
    refusals,
  };
}
