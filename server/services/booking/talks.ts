import type { Kysely } from 'kysely';
import type { FeedbackBody, FeedbackResult, RegistrationResult, SpeakerTalkList, TalkCalendar, TalkCalendarQuery } from '../../../src/core/api/booking';
import { decideTalkRequest, type TalkRequestStatus } from '../../../src/core/booking';
import { AppError } from '../../../src/core/errors';
import type { Engine } from '../../db/connect';
import type { Database } from '../../db/schema';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import type { StaffActor } from '../staff';
import { assertUnitStaff } from './offers';
import { loadTalkSummaries, moveRequest } from './rows';

const DAY_MS = 24 * 3600_000;
/** The public calendar answers a bounded range, so one call never reads the whole history. */
const MAX_RANGE_DAYS = 62;

/** A talk summary without the ids the public shape leaves out. */
export function strip<T extends { requestId: unknown; speakerId: unknown; unitId: unknown }>(talk: T) {
  const { requestId: _request, speakerId: _speaker, unitId: _unit, ...summary } = talk;
  return summary;
}

/** 宣讲日历: scheduled talks starting in [from, to), by default the next 30 days. */
export async function listTalkCalendar(db: Kysely<Database>, query: TalkCalendarQuery, now: Date): Promise<TalkCalendar> {
  const from = query.from ? new Date(query.from) : now;
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + 30 * DAY_MS);
  if (to <= from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new AppError('validation_failed', { in: 'querystring', field: 'to', maxDays: MAX_RANGE_DAYS });
  }
  const talks = await loadTalkSummaries(db, (q) => {
    let narrowed = q
      .where('talks.status', '=', 'scheduled')
      .where('talks.starts_at', '>=', from.toISOString())
      .where('talks.starts_at', '<', to.toISOString())
      .orderBy('talks.starts_at')
      .orderBy('talks.id')
      .limit(200);
    if (query.community !== undefined) narrowed = narrowed.where('talks.unit_id', '=', query.community);
    return narrowed;
  });
  return { talks: talks.map(strip) };
}

async function loadTalk(db: Kysely<Database>, talkId: number) {
  const talk = await db.selectFrom('talks').selectAll().where('id', '=', talkId).executeTakeFirst();
  if (!talk) throw new AppError('not_found', { talkId });
  return talk;
}

async function activeRegistrations(db: Kysely<Database>, talkId: number): Promise<number> {
  const row = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('talk_id', '=', talkId)
    .where('cancelled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * 我要参加: one registration per person (a repeat is a no-op); the venue's capacity holds under
 * concurrency because PostgreSQL locks the talk row before counting, and SQLite has one writer.
 */
export async function registerForTalk(db: Kysely<Database>, engine: Engine, talkId: number, userId: number, now: Date): Promise<RegistrationResult> {
  const talk = await loadTalk(db, talkId);
  if (talk.status !== 'scheduled' || talk.starts_at <= now.toISOString()) throw new AppError('talk_wrong_state', { talkId, status: talk.status });
  await db.transaction().execute(async (trx) => {
    if (engine === 'postgres') await trx.selectFrom('talks').select('id').where('id', '=', talkId).forUpdate().execute();
    const existing = await trx.selectFrom('registrations').select(['id', 'cancelled_at']).where('talk_id', '=', talkId).where('user_id', '=', userId).executeTakeFirst();
    if (existing && existing.cancelled_at === null) return;
    if ((await activeRegistrations(trx, talkId)) >= talk.capacity) throw new AppError('talk_full', { talkId, capacity: talk.capacity });
    if (existing) {
      await trx.updateTable('registrations').set({ cancelled_at: null, created_at: now.toISOString() }).where('id', '=', existing.id).execute();
    } else {
      await trx.insertInto('registrations').values({ talk_id: talkId, user_id: userId, created_at: now.toISOString(), cancelled_at: null }).execute();
    }
  });
  return { talkId, registered: true, registrations: await activeRegistrations(db, talkId) };
}

export async function cancelRegistration(db: Kysely<Database>, talkId: number, userId: number, now: Date): Promise<RegistrationResult> {
  await loadTalk(db, talkId);
  await db
    .updateTable('registrations')
    .set({ cancelled_at: now.toISOString() })
    .where('talk_id', '=', talkId)
    .where('user_id', '=', userId)
    .where('cancelled_at', 'is', null)
    .execute();
  return { talkId, registered: false, registrations: await activeRegistrations(db, talkId) };
}

/** The talk's speaker, or a dispatcher/admin of its unit (audited), marks it held once it started. */
export async function markTalkHeld(db: Kysely<Database>, talkId: number, actor: StaffActor, now: Date) {
  const talk = await loadTalk(db, talkId);
  const speaker = await db.selectFrom('speakers').select('user_id').where('id', '=', talk.speaker_id).executeTakeFirstOrThrow();
  const bySpeaker = speaker.user_id === actor.userId;
  if (!bySpeaker) assertUnitStaff(actor, talk.unit_id);
  if (talk.status !== 'scheduled') throw new AppError('talk_wrong_state', { talkId, status: talk.status });
  if (talk.starts_at > now.toISOString()) throw new AppError('talk_not_started', { talkId, startsAt: talk.starts_at });
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('talks')
      .set({ status: 'held', held_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', talkId)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('talk_wrong_state', { talkId });
    if (talk.request_id !== null) {
      await moveRequest(trx, talk.request_id, ['scheduled'], 'held', now);
      const request = await trx.selectFrom('talk_requests').select('requester_id').where('id', '=', talk.request_id).executeTakeFirstOrThrow();
      await notify(trx, request.requester_id, 'talk.held', { talkId, requestId: talk.request_id }, now);
    }
    if (!bySpeaker) {
      await recordAudit(
        trx,
        { actorId: actor.userId, action: 'talk.held', entity: 'talk', entityId: talkId, before: { status: 'scheduled' }, after: { status: 'held' }, ip: actor.ip },
        now,
      );
    }
  });
  const [summary] = await loadTalkSummaries(db, (query) => query.where('talks.id', '=', talkId));
  return strip(summary);
}

/** Where one person stands towards one talk: what 评单 and the talk page need to know. */
export interface TalkStanding {
  /** The request (点单) the talk came from, if any. */
  request: { id: number; requester_id: number; status: string } | undefined;
  isRequester: boolean;
  /** Has an active (not cancelled) registration. */
  registered: boolean;
  /** May rate the talk once it is held: its requester, someone registered, or someone checked in. */
  mayRate: boolean;
}

/** The one place the 评单 eligibility rule lives; rateTalk enforces it, the talk page shows it. */
export async function standingAtTalk(db: Kysely<Database>, talk: { id: number; requestId: number | null }, userId: number): Promise<TalkStanding> {
  const request = talk.requestId !== null
    ? await db.selectFrom('talk_requests').select(['id', 'requester_id', 'status']).where('id', '=', talk.requestId).executeTakeFirst()
    : undefined;
  const isRequester = request?.requester_id === userId;
  const registration = await db
    .selectFrom('registrations')
    .select('id')
    .where('talk_id', '=', talk.id)
    .where('user_id', '=', userId)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  const registered = registration !== undefined;
  // The check-in table is only read when nothing cheaper already settled it.
  const checkedIn = isRequester || registered
    ? false
    : (await db.selectFrom('checkins').select('id').where('talk_id', '=', talk.id).where('user_id', '=', userId).executeTakeFirst()) !== undefined;
  return { request, isRequester, registered, mayRate: isRequester || registered || checkedIn };
}

/**
 * 评单: once per person per talk, after it was held, by its requester, someone who registered, or
 * someone checked in. The requester's rating moves the request to rated. Ratings feed matching.
 */
export async function rateTalk(db: Kysely<Database>, talkId: number, userId: number, input: FeedbackBody, now: Date): Promise<FeedbackResult> {
  const talk = await loadTalk(db, talkId);
  if (talk.status !== 'held') throw new AppError('talk_wrong_state', { talkId, status: talk.status });
  const { request, isRequester, mayRate } = await standingAtTalk(db, { id: talk.id, requestId: talk.request_id }, userId);
  if (!mayRate) throw new AppError('not_attendee', { talkId });
  const already = await db.selectFrom('feedback').select('id').where('talk_id', '=', talkId).where('user_id', '=', userId).executeTakeFirst();
  if (already) throw new AppError('already_rated', { talkId });
  let requestStatus: TalkRequestStatus | null = (request?.status as TalkRequestStatus | undefined) ?? null;
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('feedback')
        .values({ talk_id: talkId, user_id: userId, rating: input.rating, comment: (input.comment ?? '').trim(), created_at: now.toISOString() })
        .execute();
      if (isRequester && request && decideTalkRequest(request.status as TalkRequestStatus, 'rate').ok) {
        await moveRequest(trx, request.id, ['held'], 'rated', now);
        requestStatus = 'rated';
      }
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') throw new AppError('already_rated', { talkId });
    throw error;
  }
  return { talkId, rating: input.rating, requestStatus: isRequester ? requestStatus : null };
}

/** 我的宣讲: upcoming (scheduled) and past (held, or started) talks of one speaker. */
export async function listSpeakerTalks(db: Kysely<Database>, speakerId: number, now: Date): Promise<SpeakerTalkList> {
  const talks = await loadTalkSummaries(db, (query) =>
    query.where('talks.speaker_id', '=', speakerId).where('talks.status', '!=', 'cancelled').orderBy('talks.starts_at', 'desc').limit(200),
  );
  const at = now.toISOString();
  const upcoming = talks.filter((talk) => talk.status === 'scheduled' && talk.endsAt > at).reverse();
  const past = talks.filter((talk) => !(talk.status === 'scheduled' && talk.endsAt > at));
  return { upcoming: upcoming.map(strip), past: past.map(strip) };
}
