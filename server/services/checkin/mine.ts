import type { Kysely } from 'kysely';
import type { MyCheckins, TodayTalks } from '../../../src/core/api/checkin';
import { checkinPeriod, shanghaiDayNumber } from '../../../src/core/checkin';
import { shanghaiDay } from '../../../src/core/time';
import type { Database } from '../../db/schema';

const DAY_MS = 24 * 3600 * 1000;
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** 我的签到: my check-ins, newest first (the latest 100; a resident attends a few a month). */
export async function listMyCheckins(db: Kysely<Database>, userId: number): Promise<MyCheckins> {
  const rows = await db
    .selectFrom('checkins')
    .innerJoin('talks', 'talks.id', 'checkins.talk_id')
    .innerJoin('topics', 'topics.id', 'talks.topic_id')
    .innerJoin('venues', 'venues.id', 'talks.venue_id')
    .select(['talks.id', 'topics.title', 'venues.name as venue_name', 'talks.starts_at', 'checkins.method', 'checkins.offline', 'checkins.scanned_at'])
    .where('checkins.user_id', '=', userId)
    .orderBy('checkins.scanned_at', 'desc')
    .limit(100)
    .execute();
  return {
    items: rows.map((row) => ({
      talk: { id: row.id, title: row.title, venueName: row.venue_name, startsAt: row.starts_at },
      method: row.method,
      offline: row.offline === 1,
      checkedInAt: row.scanned_at,
    })),
  };
}

/** The talks I registered for that start on today's Shanghai day, with whether I am checked in. */
export async function listMyTalksToday(db: Kysely<Database>, userId: number, now: Date): Promise<TodayTalks> {
  const dayStartMs = shanghaiDayNumber(now.getTime()) * DAY_MS - SHANGHAI_OFFSET_MS;
  const rows = await db
    .selectFrom('registrations')
    .innerJoin('talks', 'talks.id', 'registrations.talk_id')
    .innerJoin('topics', 'topics.id', 'talks.topic_id')
    .innerJoin('venues', 'venues.id', 'talks.venue_id')
    .leftJoin('checkins', (join) => join.onRef('checkins.talk_id', '=', 'talks.id').on('checkins.user_id', '=', userId))
    .select([
      'talks.id',
      'topics.title',
      'venues.name as venue_name',
      'venues.address',
      'venues.requires_location',
      'talks.starts_at',
      'talks.ends_at',
      'checkins.scanned_at',
    ])
    .where('registrations.user_id', '=', userId)
    .where('registrations.cancelled_at', 'is', null)
    .where('talks.starts_at', '>=', new Date(dayStartMs).toISOString())
    .where('talks.starts_at', '<', new Date(dayStartMs + DAY_MS).toISOString())
    .orderBy('talks.starts_at')
    .orderBy('talks.id')
    .execute();
  return {
    day: shanghaiDay(now),
    items: rows.map((row) => ({
      talk: { id: row.id, title: row.title, venueName: row.venue_name, startsAt: row.starts_at },
      endsAt: row.ends_at,
      venueAddress: row.address,
      ...checkinPeriod({ startsAt: row.starts_at, endsAt: row.ends_at }),
      requiresLocation: row.requires_location === 1,
      checkedInAt: row.scanned_at ?? null,
    })),
  };
}
