import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AcceptResult } from '../../../src/core/api/booking';
import { AppError, type ErrorCode } from '../../../src/core/errors';
import { checkChosenSlot, MATCHING_CONFIG, type RefusalCode } from '../../../src/core/matching';
import type { Engine } from '../../db/connect';
import type { Database } from '../../db/schema';
import { notify } from '../notifications';
import { loadCandidates, matchRequestOf } from './candidates';
import { closeOffer, ensureOfferOpen, loadOwnOffer } from './offers';
import { loadRequest, loadTalkSummaries, moveRequest, type TalkRequestRow } from './rows';

const REFUSAL_ERRORS: Partial<Record<RefusalCode, ErrorCode>> = {
  outside_windows: 'slot_outside_windows',
  clash: 'speaker_busy',
  weekly_limit_reached: 'weekly_limit_reached',
};

/** A unique index refused the write: another accept of the same request won. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Serialises one speaker's accepts: PostgreSQL locks the speaker row until commit, so the overlap
 * check of a second accept sees the first one's talk. SQLite has one writer, which does the same.
 */
async function lockSpeaker(trx: Kysely<Database>, engine: Engine, speakerId: number): Promise<void> {
  if (engine !== 'postgres') return;
  await trx.selectFrom('speakers').select('id').where('id', '=', speakerId).forUpdate().execute();
}

/** Rechecks, inside the transaction, that the chosen start is in a window and the speaker free. */
async function ensureSpeakerFree(trx: Kysely<Database>, request: TalkRequestRow, speakerId: number, startsAt: string, now: Date) {
  const match = await matchRequestOf(trx, request, now);
  const [speaker] = await loadCandidates(trx, request.topic_id, now, [speakerId]);
  const refusal = checkChosenSlot(speaker, match, startsAt, MATCHING_CONFIG);
  if (refusal) throw new AppError(REFUSAL_ERRORS[refusal.code] ?? 'speaker_busy', { refusal: refusal.code, reason: refusal.reason });
  return match;
}

/** The venue of the talk: the request's, or for 社区安排 the community's first venue. */
async function chooseVenue(trx: Kysely<Database>, request: TalkRequestRow) {
  let query = trx.selectFrom('venues').select(['id', 'capacity']);
  query = request.venue_id !== null ? query.where('id', '=', request.venue_id) : query.where('unit_id', '=', request.unit_id).orderBy('id').limit(1);
  const venue = await query.executeTakeFirst();
  if (!venue) throw new AppError('community_has_no_venue', { communityId: request.unit_id });
  return venue;
}

async function createTalk(trx: Kysely<Database>, request: TalkRequestRow, speakerId: number, startsAt: string, durationMin: number, now: Date) {
  const venue = await chooseVenue(trx, request);
  const at = now.toISOString();
  const talk = await trx
    .insertInto('talks')
    .values({
      request_id: request.id,
      topic_id: request.topic_id,
      speaker_id: speakerId,
      unit_id: request.unit_id,
      venue_id: venue.id,
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + durationMin * 60_000).toISOString(),
      status: 'scheduled',
      checkin_secret: crypto.randomBytes(32).toString('base64url'),
      capacity: venue.capacity,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return talk.id;
}

async function notifyParticipants(trx: Kysely<Database>, request: TalkRequestRow, talkId: number, startsAt: string, now: Date) {
  await notify(trx, request.requester_id, 'talk_request.scheduled', { requestId: request.id, talkId, startsAt }, now);
}

/**
 * 接单: in one transaction the offer moves from pending to accepted (only one of any number of
 * concurrent accepts can: the conditional update, the one-accepted-offer index and the unique
 * talks.request_id each refuse the rest), the speaker's time is rechecked under their lock, the
 * talk is created and the requester told.
 */
export async function acceptOffer(
  db: Kysely<Database>,
  engine: Engine,
  offerId: number,
  speakerId: number,
  startsAtInput: string,
  now: Date,
): Promise<AcceptResult> {
  const startsAt = new Date(startsAtInput).toISOString();
  const offer = await loadOwnOffer(db, offerId, speakerId);
  ensureOfferOpen(offer, now);
  let talkId: number;
  try {
    talkId = await db.transaction().execute(async (trx) => {
      await lockSpeaker(trx, engine, speakerId);
      const current = await trx.selectFrom('offers').select(['id', 'status', 'deadline_at']).where('id', '=', offerId).executeTakeFirstOrThrow();
      ensureOfferOpen(current, now);
      const request = await loadRequest(trx, offer.request_id);
      if (request.status !== 'offered') throw new AppError('offer_taken', { offerId, requestStatus: request.status });
      const match = await ensureSpeakerFree(trx, request, speakerId, startsAt, now);
      if (!(await closeOffer(trx, offerId, 'accepted', now))) throw new AppError('offer_taken', { offerId });
      await moveRequest(trx, request.id, ['offered'], 'scheduled', now);
      const id = await createTalk(trx, request, speakerId, startsAt, match.durationMin, now);
      await notifyParticipants(trx, request, id, startsAt, now);
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('offer_taken', { offerId });
    throw error;
  }
  const [talk] = await loadTalkSummaries(db, (query) => query.where('talks.id', '=', talkId));
  const { requestId, speakerId: _speaker, unitId: _unit, ...summary } = talk;
  return { talk: summary, requestId: requestId ?? offer.request_id };
}
