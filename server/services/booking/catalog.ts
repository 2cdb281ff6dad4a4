import type { Kysely } from 'kysely';
import type { AdminRequestQuery, CandidateList, CommunityList, IdPageQuery, TalkRequestPage, TopicList } from '../../../src/core/api/booking';
import { OPEN_TALK_REQUEST_STATUSES, type OfferStatus } from '../../../src/core/booking';
import type { AudienceKind } from '../../../src/core/catalog';
import { hasRole } from '../../../src/core/roles';
import type { Database } from '../../db/schema';
import type { StaffActor } from '../staff';
import { rankCandidates } from './candidates';
import { assertUnitStaff } from './offers';
import { loadRequest, loadRequestView } from './rows';

/** 宣讲菜单: active topics with how many approved, unpaused speakers offer each. */
export async function listTopics(db: Kysely<Database>): Promise<TopicList> {
  const rows = await db
    .selectFrom('topics')
    .select((eb) => [
      'topics.id',
      'topics.code',
      'topics.title',
      'topics.description',
      'topics.duration_min',
      'topics.audience',
      eb
        .selectFrom('speaker_topics')
        .innerJoin('speakers', 'speakers.id', 'speaker_topics.speaker_id')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('speaker_topics.topic_id', '=', 'topics.id')
        .where('speakers.approved_at', 'is not', null)
        .where('speakers.paused_at', 'is', null)
        .as('speaker_count'),
    ])
    .where('topics.active', '=', 1)
    .orderBy('topics.id')
    .execute();
  return {
    topics: rows.map((row) => ({
      id: row.id,
      code: row.code,
      title: row.title,
      description: row.description,
      durationMin: row.duration_min,
      audience: JSON.parse(row.audience) as AudienceKind[],
      speakerCount: Number(row.speaker_count ?? 0),
    })),
  };
}

/** The order form's places: communities with their venues. */
export async function listCommunities(db: Kysely<Database>): Promise<CommunityList> {
  const units = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'community').orderBy('id').execute();
  const venues = await db.selectFrom('venues').select(['id', 'unit_id', 'name', 'address', 'capacity']).orderBy('id').execute();
  return {
    communities: units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      venues: venues.filter((venue) => venue.unit_id === unit.id).map(({ id, name, address, capacity }) => ({ id, name, address, capacity })),
    })),
  };
}

async function pageOf(db: Kysely<Database>, ids: number[], limit: number): Promise<TalkRequestPage> {
  const shown = ids.slice(0, limit);
  const items = [];
  for (const id of shown) items.push(await loadRequestView(db, id));
  return { items, nextBefore: ids.length > limit ? shown[shown.length - 1] : null };
}

/** 我的点单, newest first. */
export async function listMyRequests(db: Kysely<Database>, userId: number, page: IdPageQuery): Promise<TalkRequestPage> {
  const limit = page.limit ?? 20;
  let query = db.selectFrom('talk_requests').select('id').where('requester_id', '=', userId).orderBy('id', 'desc').limit(limit + 1);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  return pageOf(db, (await query.execute()).map((row) => row.id), limit);
}

/** The dispatcher's queue: open requests (unmatched included) of the units they serve. */
export async function listRequestQueue(db: Kysely<Database>, query: AdminRequestQuery, actor: StaffActor): Promise<TalkRequestPage> {
  const limit = query.limit ?? 20;
  let rows = db
    .selectFrom('talk_requests')
    .select(['id', 'unit_id'])
    .where('status', 'in', query.status ? [query.status] : [...OPEN_TALK_REQUEST_STATUSES])
    .orderBy('id', 'desc');
  if (query.before !== undefined) rows = rows.where('id', '<', query.before);
  const ids = (await rows.execute())
    .filter((row) => hasRole(actor.grants, 'dispatcher', row.unit_id, actor.streetId) || hasRole(actor.grants, 'admin', row.unit_id, actor.streetId))
    .map((row) => row.id)
    .slice(0, limit + 1);
  return pageOf(db, ids, limit);
}

/** The ranked candidates with their reasons, the excluded ones with why, and who was asked. */
export async function listCandidates(db: Kysely<Database>, requestId: number, actor: StaffActor, now: Date): Promise<CandidateList> {
  const request = await loadRequest(db, requestId);
  assertUnitStaff(actor, request.unit_id);
  const result = await rankCandidates(db, request, now);
  const speakerIds = [...result.ranked.map((entry) => entry.speakerId), ...result.excluded.map((entry) => entry.speakerId)];
  const names = new Map(
    (speakerIds.length
      ? await db.selectFrom('speakers').innerJoin('users', 'users.id', 'speakers.user_id').select(['speakers.id', 'users.name']).where('speakers.id', 'in', speakerIds).execute()
      : []
    ).map((row) => [row.id, row.name]),
  );
  const offers = await db.selectFrom('offers').select(['speaker_id', 'status']).where('request_id', '=', requestId).orderBy('id').execute();
  const offerStatus = new Map(offers.map((offer) => [offer.speaker_id, offer.status as OfferStatus]));
  return {
    requestId,
    ranked: result.ranked.map((entry) => ({
      speakerId: entry.speakerId,
      name: names.get(entry.speakerId) ?? '',
      rank: entry.rank,
      score: entry.score,
      slotStart: entry.slot.start,
      reasons: entry.reasons,
      offerStatus: offerStatus.get(entry.speakerId) ?? null,
    })),
    excluded: result.excluded.map((entry) => ({
      speakerId: entry.speakerId,
      name: names.get(entry.speakerId) ?? '',
      code: entry.refusal.code,
      reason: entry.refusal.reason,
    })),
  };
}
