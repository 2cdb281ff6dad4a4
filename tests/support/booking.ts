import type { Session } from '../../src/core/api/auth';
import type { TalkRequestBody, TalkRequestView } from '../../src/core/api/booking';
import type { TestApp } from './app';
import { HOUR } from './clock';

/** Small inserts for 百姓点单 tests: each suite builds the street it needs. */

let serial = 0;
const next = () => {
  serial += 1;
  return serial;
};

export interface Place {
  communityId: number;
  venueId: number;
}

/** A community with one venue (capacity as given), near the given point. */
export async function addPlace(app: TestApp, options: { capacity?: number; lat?: number; lng?: number } = {}): Promise<Place> {
  const at = app.clock.now().toISOString();
  const streetId = await app.app.streetId();
  const n = next();
  const unit = await app.app.db
    .insertInto('units')
    .values({ kind: 'community', name: `测试${n}社区`, parent_id: streetId, code: `c${n}-${Math.random().toString(36).slice(2, 8)}`, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const venue = await app.app.db
    .insertInto('venues')
    .values({
      unit_id: unit.id,
      name: `测试${n}社区党群服务中心`,
      address: `测试路${n}号`,
      lat: options.lat ?? 22.8,
      lng: options.lng ?? 114.46,
      checkin_radius_m: 200,
      requires_location: 0,
      capacity: options.capacity ?? 60,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { communityId: unit.id, venueId: venue.id };
}

export async function addTopic(app: TestApp, durationMin = 60): Promise<number> {
  const n = next();
  const row = await app.app.db
    .insertInto('topics')
    .values({
      code: `topic-${n}-${Math.random().toString(36).slice(2, 8)}`,
      title: `测试主题${n}`,
      description: '测试用的宣讲主题',
      duration_min: durationMin,
      audience: JSON.stringify(['residents']),
      active: 1,
      created_at: app.clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface Speaker {
  session: Session;
  speakerId: number;
  userId: number;
}

/** A signed-in speaker who teaches the topics, serves the communities and is free all week. */
export async function addSpeaker(
  app: TestApp,
  name: string,
  options: { topics: number[]; communities: number[]; level?: number; maxTalksPerWeek?: number; paused?: boolean },
): Promise<Speaker> {
  const session = await app.login('speaker', name);
  const at = app.clock.now().toISOString();
  const row = await app.app.db
    .insertInto('speakers')
    .values({
      user_id: session.user.id,
      team: 'troupe',
      title: '宣讲团成员',
      bio: '',
      max_talks_per_week: options.maxTalksPerWeek ?? 5,
      dialect: 0,
      approved_at: at,
      paused_at: options.paused ? at : null,
      resumed_at: null,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (options.topics.length) {
    await app.app.db
      .insertInto('speaker_topics')
      .values(options.topics.map((topicId) => ({ speaker_id: row.id, topic_id: topicId, level: options.level ?? 2 })))
      .execute();
  }
  if (options.communities.length) {
    await app.app.db.insertInto('speaker_units').values(options.communities.map((unitId) => ({ speaker_id: row.id, unit_id: unitId }))).execute();
  }
  await app.app.db
    .insertInto('speaker_availability')
    .values([0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ speaker_id: row.id, weekday, start_minute: 0, end_minute: 1440 })))
    .execute();
  return { session, speakerId: row.id, userId: session.user.id };
}

/** A window starting `fromHours` after the test clock, `hours` long. */
export function windowFrom(app: TestApp, fromHours: number, hours = 3) {
  const start = app.clock.now().getTime() + fromHours * HOUR;
  return { start: new Date(start).toISOString(), end: new Date(start + hours * HOUR).toISOString() };
}

export function orderBody(app: TestApp, topicId: number, place: Place, overrides: Partial<TalkRequestBody> = {}): TalkRequestBody {
  return {
    topicId,
    communityId: place.communityId,
    venueId: place.venueId,
    windows: [windowFrom(app, 48)],
    audienceSize: 30,
    audienceKinds: ['residents'],
    note: '',
    ...overrides,
  };
}

export async function submitOrder(app: TestApp, by: Session, body: TalkRequestBody): Promise<TalkRequestView> {
  const response = await app.request(by, { method: 'POST', url: '/api/talk-requests', payload: body });
  if (response.statusCode !== 201) throw new Error(`order failed: ${response.body}`);
  return response.json();
}

/** The request's pending offer, straight from the database. */
export async function pendingOffer(app: TestApp, requestId: number) {
  return app.app.db
    .selectFrom('offers')
    .select(['id', 'speaker_id', 'deadline_at'])
    .where('request_id', '=', requestId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function offersOf(app: TestApp, requestId: number) {
  return app.app.db.selectFrom('offers').select(['id', 'speaker_id', 'status']).where('request_id', '=', requestId).orderBy('id').execute();
}

export function accept(app: TestApp, by: Session, offerId: number, startsAt: string) {
  return app.request(by, { method: 'POST', url: `/api/offers/${offerId}/accept`, payload: { startsAt } });
}

export function decline(app: TestApp, by: Session, offerId: number, reason = '当天另有安排') {
  return app.request(by, { method: 'POST', url: `/api/offers/${offerId}/decline`, payload: { reason } });
}

export async function requestView(app: TestApp, by: Session, requestId: number): Promise<TalkRequestView> {
  const response = await app.request(by, { method: 'GET', url: `/api/talk-requests/${requestId}` });
  if (response.statusCode !== 200) throw new Error(`view failed: ${response.body}`);
  return response.json();
}

/** Counts rows of the booking tables, to assert that a refused call changed nothing. */
export async function bookingCounts(app: TestApp) {
  const count = async (table: 'talk_requests' | 'offers' | 'talks' | 'registrations' | 'feedback' | 'notifications' | 'audit_log') =>
    Number((await app.app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    requests: await count('talk_requests'),
    offers: await count('offers'),
    talks: await count('talks'),
    registrations: await count('registrations'),
    feedback: await count('feedback'),
    notifications: await count('notifications'),
    audit: await count('audit_log'),
  };
}

/** Booking tests move the clock by days; sessions outlive that so each test reads as one story. */
/** A check-in written straight into the table: someone who came without registering (评单 tests). */
export async function insertCheckin(app: TestApp, talkId: number, userId: number, at: string): Promise<void> {
  await app.app.db
    .insertInto('checkins')
    .values({
      talk_id: talkId,
      user_id: userId,
      attendee_name: null,
      attendee_phone: null,
      method: 'scan',
      offline: 0,
      scanned_at: at,
      nonce: null,
      recorded_by: null,
      created_at: at,
    })
    .execute();
}

export const LONG_SESSIONS = { accessTokenTtlSeconds: 365 * 24 * 3600 };
