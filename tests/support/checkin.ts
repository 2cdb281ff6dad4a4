import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import type { TokenService } from '../../server/services/auth/tokens';
import type { Session } from '../../src/core/api/auth';
import type { CheckinCodeInfo } from '../../src/core/api/checkin';
import { checkinCodeUrl, decodeTalkKey, windowAt } from '../../src/core/checkin';
import type { TestApp } from './app';
import { HOUR } from './clock';

export interface TestTalk {
  talkId: number;
  unitId: number;
  venueId: number;
  speaker: Session;
  startsAt: string;
  endsAt: string;
}

export interface TalkOptions {
  /** Minutes from the clock's now to the start; default 0 (starting now). */
  startsInMinutes?: number;
  durationMinutes?: number;
  requiresLocation?: boolean;
  /** The venue, GCJ-02; default a community room in Hangzhou. */
  venue?: { lat: number; lng: number; radiusM: number };
}

let serial = 0;

export interface InsertedTalk {
  talkId: number;
  unitId: number;
  venueId: number;
  startsAt: string;
  endsAt: string;
}

/**
 * A talk as the booking flow leaves it (booking is not under test here): a community, its venue,
 * a topic, a speakers row for `speakerUserId`, and the talk with its check-in secret. The
 * benchmark uses it too.
 */
export async function insertTalk(
  db: Kysely<Database>,
  streetId: number,
  speakerUserId: number,
  now: Date,
  options: TalkOptions = {},
): Promise<InsertedTalk> {
  serial += 1;
  const at = now.toISOString();
  const tag = `${serial}-${crypto.randomBytes(3).toString('hex')}`;
  const unit = await db
    .insertInto('units')
    .values({ kind: 'community', name: `签到测试社区${serial}`, parent_id: streetId, code: `checkin-${tag}`, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fence = options.venue ?? { lat: 30.2741, lng: 120.1551, radiusM: 200 };
  const venue = await db
    .insertInto('venues')
    .values({
      unit_id: unit.id,
      name: `社区活动室${serial}`,
      address: `文三路${serial}号`,
      lat: fence.lat,
      lng: fence.lng,
      checkin_radius_m: fence.radiusM,
      requires_location: options.requiresLocation ? 1 : 0,
      capacity: 300,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const topic = await db
    .insertInto('topics')
    .values({ code: `checkin-topic-${tag}`, title: '垃圾分类进社区', description: '分类知识', duration_min: 60, audience: '[]', active: 1, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const speakerRow =
    (await db.selectFrom('speakers').select('id').where('user_id', '=', speakerUserId).executeTakeFirst()) ??
    (await db
      .insertInto('speakers')
      .values({ user_id: speakerUserId, team: '宣讲团', title: '宣讲员', bio: '', max_talks_per_week: 3, dialect: 0, approved_at: at, paused_at: null, resumed_at: null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow());
  const startsMs = now.getTime() + (options.startsInMinutes ?? 0) * 60_000;
  const startsAt = new Date(startsMs).toISOString();
  const endsAt = new Date(startsMs + (options.durationMinutes ?? 60) * 60_000).toISOString();
  const talk = await db
    .insertInto('talks')
    .values({
      request_id: null,
      topic_id: topic.id,
      speaker_id: speakerRow.id,
      unit_id: unit.id,
      venue_id: venue.id,
      starts_at: startsAt,
      ends_at: endsAt,
      status: 'scheduled',
      checkin_secret: crypto.randomBytes(24).toString('base64url'),
      capacity: 300,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { talkId: talk.id, unitId: unit.id, venueId: venue.id, startsAt, endsAt };
}

/** A talk with a speaker signed in through the dev login (the organiser in the tests). */
export async function createTalk(app: TestApp, options: TalkOptions = {}): Promise<TestTalk> {
  const speaker = await app.login('speaker', `签到宣讲员${serial + 1}-${crypto.randomBytes(2).toString('hex')}`);
  const inserted = await insertTalk(app.app.db, await app.app.streetId(), speaker.user.id, app.clock.now(), options);
  return { ...inserted, speaker };
}

/** The talk's key as the organiser's phone receives it. */
export async function fetchTalkKey(app: TestApp, talk: TestTalk): Promise<Uint8Array> {
  const response = await app.request(talk.speaker, { method: 'GET', url: `/api/talks/${talk.talkId}/checkin-code` });
  if (response.statusCode !== 200) throw new Error(`checkin-code failed: ${response.body}`);
  const info = response.json() as CheckinCodeInfo;
  const key = decodeTalkKey(info.key);
  if (!key) throw new Error('undecodable talk key');
  return key;
}

/** The code on the organiser's screen at `atMs` (default the clock's now). */
export function screenCode(app: TestApp, talkId: number, key: Uint8Array, atMs = app.clock.now().getTime()): string {
  return checkinCodeUrl('http://localhost:3000', talkId, windowAt(atMs), key);
}

export function nonce(): string {
  return crypto.randomBytes(12).toString('base64url');
}

export function scan(app: TestApp, session: Session | string, body: Record<string, unknown>) {
  return app.request(session, { method: 'POST', url: '/api/checkins', payload: { nonce: nonce(), ...body } });
}

/** Attendees without the dev-login round trip: users inserted directly, tokens signed by the app. */
export async function attendees(app: TestApp, count: number, prefix: string): Promise<Attendee[]> {
  return insertAttendees(app.app.db, app.app.tokens, app.clock.now(), count, prefix);
}

export interface Attendee {
  userId: number;
  token: string;
}

/** `count` residents with distinct phones, each with an access token; the benchmark uses it too. */
export async function insertAttendees(
  db: Kysely<Database>,
  tokens: TokenService,
  now: Date,
  count: number,
  prefix: string,
): Promise<Attendee[]> {
  const at = now.toISOString();
  const created: Attendee[] = [];
  // In chunks: SQLite caps the parameters of one statement.
  for (let offset = 0; offset < count; offset += 500) {
    const size = Math.min(500, count - offset);
    const rows = await db
      .insertInto('users')
      .values(
        Array.from({ length: size }, (_, i) => ({
          name: `${prefix}${offset + i}`,
          phone: `139${String(offset + i).padStart(8, '0')}`,
          elder_mode: 0,
          created_at: at,
          updated_at: at,
        })),
      )
      .returning('id')
      .execute();
    for (const row of rows) created.push({ userId: row.id, token: tokens.issueAccess({ userId: row.id, grants: [] }) });
  }
  return created;
}

export { HOUR };
