import type { Kysely } from 'kysely';
import { dayjs, SHANGHAI } from '../../../src/core/time';
import type { Database } from '../../db/schema';
import { checkedInPerson, selectCheckedInPeople, type CheckedInPerson } from '../checkin/attendance';

/** A talk as the 台账 lists it. */
export interface LedgerTalk {
  id: number;
  unitId: number;
  unitName: string;
  topic: string;
  venue: string;
  speaker: string;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'held';
  registered: number;
  ratings: number;
  /** Mean of the 评单 stars, null before anyone rated. */
  meanRating: number | null;
}

/** One person checked in to one talk (the phone in full: the workbook masks it). */
export interface LedgerCheckin extends CheckedInPerson {
  talkId: number;
}

export interface LedgerRecords {
  talks: LedgerTalk[];
  checkins: LedgerCheckin[];
}

/** The Shanghai calendar year as an instant range: [start, end). */
export function yearRange(year: number): { startIso: string; endIso: string } {
  const start = dayjs.tz(`${year}-01-01 00:00`, SHANGHAI);
  return { startIso: start.toISOString(), endIso: start.add(1, 'year').toISOString() };
}

/**
 * A year's talks of these units that took place or are to (cancelled ones are not part of the
 * record), in date order, and everyone checked in to them. A street holds a few hundred talks a
 * year with tens of people each, so both lists are read whole.
 */
export async function loadLedgerRecords(db: Kysely<Database>, unitIds: number[], year: number): Promise<LedgerRecords> {
  const { startIso, endIso } = yearRange(year);
  const talkRows = await db
    .selectFrom('talks')
    .innerJoin('units', 'units.id', 'talks.unit_id')
    .innerJoin('topics', 'topics.id', 'talks.topic_id')
    .innerJoin('venues', 'venues.id', 'talks.venue_id')
    .innerJoin('speakers', 'speakers.id', 'talks.speaker_id')
    .innerJoin('users as speaker', 'speaker.id', 'speakers.user_id')
    .select((eb) => [
      'talks.id',
      'talks.unit_id',
      'units.name as unit_name',
      'topics.title',
      'venues.name as venue_name',
      'speaker.name as speaker_name',
      'talks.starts_at',
      'talks.ends_at',
      'talks.status',
      eb
        .selectFrom('registrations')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('registrations.talk_id', '=', 'talks.id')
        .where('registrations.cancelled_at', 'is', null)
        .as('registered'),
      eb.selectFrom('feedback').select((sub) => sub.fn.countAll<number>().as('n')).whereRef('feedback.talk_id', '=', 'talks.id').as('ratings'),
      eb.selectFrom('feedback').select((sub) => sub.fn.avg<number>('feedback.rating').as('mean')).whereRef('feedback.talk_id', '=', 'talks.id').as('mean_rating'),
    ])
    .where('talks.unit_id', 'in', unitIds)
    .where('talks.starts_at', '>=', startIso)
    .where('talks.starts_at', '<', endIso)
    .where('talks.status', '!=', 'cancelled')
    .orderBy('talks.starts_at')
    .orderBy('talks.id')
    .execute();
  const talks: LedgerTalk[] = talkRows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    topic: row.title,
    venue: row.venue_name,
    speaker: row.speaker_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status === 'held' ? 'held' : 'scheduled',
    registered: Number(row.registered ?? 0),
    ratings: Number(row.ratings ?? 0),
    meanRating: row.mean_rating === null ? null : Number(row.mean_rating),
  }));
  if (talks.length === 0) return { talks, checkins: [] };

  const rows = await selectCheckedInPeople(db)
    .where('checkins.talk_id', 'in', talks.map((talk) => talk.id))
    .orderBy('checkins.scanned_at')
    .orderBy('checkins.id')
    .execute();
  // In the talks' date order, each talk's people in the order they arrived.
  const order = new Map(talks.map((talk, i) => [talk.id, i]));
  const checkins: LedgerCheckin[] = rows
    .map((row) => ({ talkId: row.talk_id, ...checkedInPerson(row) }))
    .sort((a, b) => order.get(a.talkId)! - order.get(b.talkId)!);
  return { talks, checkins };
}
