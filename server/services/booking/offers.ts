import type { Kysely } from 'kysely';
import type { TalkRequestBody, TalkRequestView } from '../../../src/core/api/booking';
import { BOOKING_CONFIG, decideTalkRequest, lastWindowEnd, validateTalkOrder, type TalkRequestStatus } from '../../../src/core/booking';
import { AppError, ERRORS } from '../../../src/core/errors';
import { checkActive } from '../../../src/core/matching';
import { hasRole } from '../../../src/core/roles';
import type { Database } from '../../db/schema';
import { recordAudit } from '../audit';
import { notify } from '../notifications';
import type { StaffActor } from '../staff';
import { loadCandidates, rankCandidates } from './candidates';
import { loadRequest, loadRequestView, lockRequest, moveRequest, windowsOf, type TalkRequestRow } from './rows';

const HOUR_MS = 3600_000;

/** An offer's deadline: the configured time to answer, but never after the last window. */
export function offerDeadline(request: TalkRequestRow, now: Date): string {
  const byConfig = new Date(now.getTime() + BOOKING_CONFIG.offerDeadlineHours * HOUR_MS).toISOString();
  const last = lastWindowEnd(windowsOf(request));
  return last < byConfig ? last : byConfig;
}

export function lastWindowPassed(request: TalkRequestRow, now: Date): boolean {
  return lastWindowEnd(windowsOf(request)) <= now.toISOString();
}

async function speakerUserId(db: Kysely<Database>, speakerId: number): Promise<number> {
  const speaker = await db.selectFrom('speakers').select('user_id').where('id', '=', speakerId).executeTakeFirstOrThrow();
  return speaker.user_id;
}

/** Marks the request unmatched and tells the requester; dispatchers find it in their queue. */
export async function markUnmatched(trx: Kysely<Database>, request: TalkRequestRow, now: Date, why: string): Promise<void> {
  await trx
    .updateTable('offers')
    .set({ status: 'expired', responded_at: now.toISOString() })
    .where('request_id', '=', request.id)
    .where('status', '=', 'pending')
    .execute();
  await moveRequest(trx, request.id, ['submitted', 'offered'], 'unmatched', now);
  await notify(trx, request.requester_id, 'talk_request.unmatched', { requestId: request.id, why }, now);
}

/**
 * 派单: offers the request to the best-ranked speaker not yet asked, with a deadline; when nobody
 * is left, or the last window has passed, the request becomes unmatched. Runs inside the caller's
 * transaction (submit, decline, the sweep).
 */
export async function offerToNext(trx: Kysely<Database>, requestId: number, now: Date): Promise<'offered' | 'unmatched'> {
  await lockRequest(trx, requestId);
  const request = await loadRequest(trx, requestId);
  if (lastWindowPassed(request, now)) {
    await markUnmatched(trx, request, now, 'last_window_passed');
    return 'unmatched';
  }
  const asked = new Set(
    (await trx.selectFrom('offers').select('speaker_id').where('request_id', '=', requestId).execute()).map((offer) => offer.speaker_id),
  );
  const { ranked } = await rankCandidates(trx, request, now);
  const next = ranked.find((candidate) => !asked.has(candidate.speakerId));
  if (!next) {
    await markUnmatched(trx, request, now, 'no_candidate');
    return 'unmatched';
  }
  const offer = await trx
    .insertInto('offers')
    .values({
      request_id: requestId,
      speaker_id: next.speakerId,
      status: 'pending',
      rank: next.rank,
      reasons: JSON.stringify(next.reasons),
      deadline_at: offerDeadline(request, now),
      responded_at: null,
      decline_reason: null,
      dispatched_by: null,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await moveRequest(trx, requestId, ['submitted', 'offered'], 'offered', now);
  await notify(trx, await speakerUserId(trx, next.speakerId), 'offer.received', { offerId: offer.id, requestId }, now);
  return 'offered';
}

function orderRefused(issues: { field: string; rule: string; message: string }[]): AppError {
  return new AppError('validation_failed', { in: 'body', field: issues[0].field, issues }, `${ERRORS.validation_failed.message}（${issues[0].message}）`);
}

/** Checks the topic, the community and the venue the order names. */
async function loadOrderTarget(db: Kysely<Database>, input: TalkRequestBody) {
  const topic = await db.selectFrom('topics').select(['id', 'duration_min', 'active']).where('id', '=', input.topicId).executeTakeFirst();
  if (!topic || !topic.active) throw new AppError('topic_unavailable', { field: 'topicId' });
  const community = await db.selectFrom('units').select('id').where('id', '=', input.communityId).where('kind', '=', 'community').executeTakeFirst();
  if (!community) throw new AppError('validation_failed', { in: 'body', field: 'communityId' }, `${ERRORS.validation_failed.message}（communityId）`);
  if (input.venueId !== null) {
    const venue = await db.selectFrom('venues').select('unit_id').where('id', '=', input.venueId).executeTakeFirst();
    if (!venue || venue.unit_id !== input.communityId) throw new AppError('venue_not_in_community', { field: 'venueId' });
  } else {
    const anyVenue = await db.selectFrom('venues').select('id').where('unit_id', '=', input.communityId).executeTakeFirst();
    if (!anyVenue) throw new AppError('community_has_no_venue', { field: 'communityId' });
  }
  return topic;
}

/** 点单: records the request and offers it at once to the best candidate (or marks it unmatched). */
export async function submitTalkRequest(
  db: Kysely<Database>,
  requesterId: number,
  input: TalkRequestBody,
  now: Date,
): Promise<TalkRequestView> {
  const topic = await loadOrderTarget(db, input);
  const issues = validateTalkOrder(input, topic.duration_min, now);
  if (issues.length > 0) throw orderRefused(issues);
  const windows = input.windows.map((window) => ({ start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString() }));
  const requestId = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('talk_requests')
      .values({
        requester_id: requesterId,
        topic_id: input.topicId,
        unit_id: input.communityId,
        venue_id: input.venueId,
        windows: JSON.stringify(windows),
        audience_size: input.audienceSize,
        audience_kinds: JSON.stringify(input.audienceKinds),
        note: (input.note ?? '').trim(),
        status: 'submitted',
        cancel_reason: null,
        cancelled_by: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await offerToNext(trx, row.id, now);
    return row.id;
  });
  return loadRequestView(db, requestId);
}

/** The offer row, checked to be this speaker's. */
export async function loadOwnOffer(db: Kysely<Database>, offerId: number, speakerId: number) {
  const offer = await db.selectFrom('offers').selectAll().where('id', '=', offerId).executeTakeFirst();
  if (!offer) throw new AppError('not_found', { offerId });
  if (offer.speaker_id !== speakerId) throw new AppError('offer_not_yours', { offerId });
  return offer;
}

/** Refuses an offer that is no longer pending or whose deadline has passed. */
export function ensureOfferOpen(offer: { id: number; status: string; deadline_at: string }, now: Date): void {
  if (offer.status !== 'pending') throw new AppError(offer.status === 'expired' ? 'offer_expired' : 'offer_taken', { offerId: offer.id, status: offer.status });
  if (offer.deadline_at <= now.toISOString()) throw new AppError('offer_expired', { offerId: offer.id, deadlineAt: offer.deadline_at });
}

/** Moves an offer out of pending, only if it still is: the loser of a race writes nothing. */
export async function closeOffer(
  trx: Kysely<Database>,
  offerId: number,
  status: 'accepted' | 'declined' | 'expired' | 'withdrawn',
  now: Date,
  declineReason: string | null = null,
): Promise<boolean> {
  const updated = await trx
    .updateTable('offers')
    .set({ status, responded_at: now.toISOString(), decline_reason: declineReason })
    .where('id', '=', offerId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** 婉拒: a reason is required; the request goes to the next candidate in the same transaction. */
export async function declineOffer(db: Kysely<Database>, offerId: number, speakerId: number, reason: string, now: Date) {
  const trimmed = reason.trim();
  if (!trimmed) throw new AppError('validation_failed', { in: 'body', field: 'reason' }, `${ERRORS.validation_failed.message}（reason）`);
  const offer = await loadOwnOffer(db, offerId, speakerId);
  ensureOfferOpen(offer, now);
  await db.transaction().execute(async (trx) => {
    if (!(await closeOffer(trx, offerId, 'declined', now, trimmed))) throw new AppError('offer_taken', { offerId });
    const request = await loadRequest(trx, offer.request_id);
    if (request.status === 'offered') await offerToNext(trx, request.id, now);
  });
  return { offerId, status: 'declined' as const, request: await loadRequestView(db, offer.request_id) };
}

function isUnitStaff(actor: StaffActor, unitId: number): boolean {
  return hasRole(actor.grants, 'dispatcher', unitId, actor.streetId) || hasRole(actor.grants, 'admin', unitId, actor.streetId);
}

export function assertUnitStaff(actor: StaffActor, unitId: number): void {
  if (!isUnitStaff(actor, unitId)) throw new AppError('forbidden', { unitId });
}

/** Who may see a request: its requester, staff of its unit, a speaker it was offered to. */
export async function viewTalkRequest(db: Kysely<Database>, requestId: number, actor: StaffActor): Promise<TalkRequestView> {
  const request = await loadRequest(db, requestId);
  if (request.requester_id !== actor.userId && !isUnitStaff(actor, request.unit_id)) {
    const offered = await db
      .selectFrom('offers')
      .innerJoin('speakers', 'speakers.id', 'offers.speaker_id')
      .select('offers.id')
      .where('offers.request_id', '=', requestId)
      .where('speakers.user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!offered) throw new AppError('not_found', { requestId });
  }
  return loadRequestView(db, requestId);
}

/**
 * Cancels a request before it is held: the requester, or a dispatcher/admin of its unit (audited).
 * Pending offers are withdrawn and a scheduled talk is cancelled; the speaker is told.
 */
export async function cancelTalkRequest(
  db: Kysely<Database>,
  requestId: number,
  reason: string,
  actor: StaffActor,
  now: Date,
): Promise<TalkRequestView> {
  const trimmed = reason.trim();
  if (!trimmed) throw new AppError('validation_failed', { in: 'body', field: 'reason' }, `${ERRORS.validation_failed.message}（reason）`);
  const request = await loadRequest(db, requestId);
  const byRequester = request.requester_id === actor.userId;
  const byStaff = isUnitStaff(actor, request.unit_id);
  if (!byRequester && !byStaff) throw new AppError('forbidden', { requestId });
  const decision = decideTalkRequest(request.status as TalkRequestStatus, 'cancel');
  if (!decision.ok) throw new AppError(decision.code, { requestId, status: request.status });
  await db.transaction().execute(async (trx) => {
    await moveRequest(trx, requestId, [request.status as TalkRequestStatus], 'cancelled', now, {
      cancel_reason: trimmed,
      cancelled_by: actor.userId,
      cancelled_at: now.toISOString(),
    });
    const pending = await trx.selectFrom('offers').select(['id', 'speaker_id']).where('request_id', '=', requestId).where('status', '=', 'pending').execute();
    for (const offer of pending) {
      await closeOffer(trx, offer.id, 'withdrawn', now);
      await notify(trx, await speakerUserId(trx, offer.speaker_id), 'offer.withdrawn', { offerId: offer.id, requestId }, now);
    }
    const talk = await trx.selectFrom('talks').select(['id', 'speaker_id']).where('request_id', '=', requestId).where('status', '=', 'scheduled').executeTakeFirst();
    if (talk) {
      await trx.updateTable('talks').set({ status: 'cancelled', updated_at: now.toISOString() }).where('id', '=', talk.id).execute();
      await notify(trx, await speakerUserId(trx, talk.speaker_id), 'talk.cancelled', { talkId: talk.id, requestId, reason: trimmed }, now);
      const attendees = await trx.selectFrom('registrations').select('user_id').where('talk_id', '=', talk.id).where('cancelled_at', 'is', null).execute();
      for (const attendee of attendees) await notify(trx, attendee.user_id, 'talk.cancelled', { talkId: talk.id, reason: trimmed }, now);
    }
    if (!byRequester) {
      await notify(trx, request.requester_id, 'talk_request.cancelled', { requestId, reason: trimmed }, now);
      await recordAudit(
        trx,
        {
          actorId: actor.userId,
          action: 'talk_request.cancelled',
          entity: 'talk_request',
          entityId: requestId,
          before: { status: request.status },
          after: { status: 'cancelled', reason: trimmed },
          ip: actor.ip,
        },
        now,
      );
    }
  });
  return loadRequestView(db, requestId);
}

/**
 * A dispatcher's override: offers the request to a named speaker, withdrawing any pending offer.
 * The speaker must be approved and not paused; the schedule is the speaker's to confirm on accept.
 */
export async function dispatchTalkRequest(
  db: Kysely<Database>,
  requestId: number,
  speakerId: number,
  actor: StaffActor,
  now: Date,
): Promise<TalkRequestView> {
  const request = await loadRequest(db, requestId);
  assertUnitStaff(actor, request.unit_id);
  const decision = decideTalkRequest(request.status as TalkRequestStatus, 'offer');
  if (!decision.ok) throw new AppError(decision.code, { requestId, status: request.status });
  if (lastWindowPassed(request, now)) throw new AppError('talk_request_wrong_state', { requestId, reason: 'last_window_passed' });
  const [speaker] = await loadCandidates(db, request.topic_id, now, [speakerId]);
  if (!speaker) throw new AppError('not_found', { speakerId });
  const refusal = checkActive(speaker);
  if (refusal) throw new AppError('speaker_not_eligible', { speakerId, refusal: refusal.code, reason: refusal.reason });
  const { ranked } = await rankCandidates(db, request, now);
  const candidate = ranked.find((entry) => entry.speakerId === speakerId);

  await db.transaction().execute(async (trx) => {
    await lockRequest(trx, requestId);
    const pending = await trx.selectFrom('offers').select(['id', 'speaker_id']).where('request_id', '=', requestId).where('status', '=', 'pending').execute();
    for (const offer of pending) {
      await closeOffer(trx, offer.id, 'withdrawn', now);
      await notify(trx, await speakerUserId(trx, offer.speaker_id), 'offer.withdrawn', { offerId: offer.id, requestId }, now);
    }
    const offer = await trx
      .insertInto('offers')
      .values({
        request_id: requestId,
        speaker_id: speakerId,
        status: 'pending',
        rank: null,
        reasons: JSON.stringify(candidate?.reasons ?? []),
        deadline_at: offerDeadline(request, now),
        responded_at: null,
        decline_reason: null,
        dispatched_by: actor.userId,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await moveRequest(trx, requestId, ['submitted', 'offered', 'unmatched'], 'offered', now);
    await notify(trx, await speakerUserId(trx, speakerId), 'offer.received', { offerId: offer.id, requestId }, now);
    await recordAudit(
      trx,
      {
        actorId: actor.userId,
        action: 'talk_request.dispatched',
        entity: 'talk_request',
        entityId: requestId,
        before: { status: request.status, withdrawnOfferIds: pending.map((entry) => entry.id) },
        after: { status: 'offered', offerId: offer.id, speakerId },
        ip: actor.ip,
      },
      now,
    );
  });
  return loadRequestView(db, requestId);
}
