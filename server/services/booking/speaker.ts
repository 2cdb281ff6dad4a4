import type { Kysely } from 'kysely';
import type { SpeakerOffer, SpeakerOfferList, SpeakerProfile, SpeakerProfileBody } from '../../../src/core/api/booking';
import type { OfferStatus } from '../../../src/core/booking';
import { AppError } from '../../../src/core/errors';
import type { Database } from '../../db/schema';
import { assertUnitsExist } from '../units';
import { audienceKindsOf, windowsOf } from './rows';

/** The speaker record of a signed-in user, or not_a_speaker. */
export async function speakerOf(db: Kysely<Database>, userId: number): Promise<number> {
  const speaker = await db.selectFrom('speakers').select('id').where('user_id', '=', userId).executeTakeFirst();
  if (!speaker) throw new AppError('not_a_speaker');
  return speaker.id;
}

/** 接单 inbox: pending offers, soonest deadline first, and the last answered ones. */
export async function listSpeakerOffers(db: Kysely<Database>, speakerId: number, now: Date): Promise<SpeakerOfferList> {
  const rows = await db
    .selectFrom('offers')
    .innerJoin('talk_requests', 'talk_requests.id', 'offers.request_id')
    .innerJoin('topics', 'topics.id', 'talk_requests.topic_id')
    .innerJoin('units', 'units.id', 'talk_requests.unit_id')
    .leftJoin('venues', 'venues.id', 'talk_requests.venue_id')
    .select([
      'offers.id',
      'offers.request_id',
      'offers.status',
      'offers.deadline_at',
      'offers.reasons',
      'offers.responded_at',
      'topics.title as topic_title',
      'topics.duration_min',
      'units.name as community_name',
      'venues.name as venue_name',
      'talk_requests.audience_size',
      'talk_requests.audience_kinds',
      'talk_requests.note',
      'talk_requests.windows',
    ])
    .where('offers.speaker_id', '=', speakerId)
    .orderBy('offers.id', 'desc')
    .limit(100)
    .execute();
  const offers: SpeakerOffer[] = rows.map((row) => ({
    id: row.id,
    requestId: row.request_id,
    status: row.status as OfferStatus,
    topicTitle: row.topic_title,
    durationMin: row.duration_min,
    communityName: row.community_name,
    venueName: row.venue_name ?? null,
    audienceSize: row.audience_size,
    audienceKinds: audienceKindsOf(row),
    note: row.note,
    windows: windowsOf(row),
    deadlineAt: row.deadline_at,
    reasons: JSON.parse(row.reasons) as string[],
    respondedAt: row.responded_at,
  }));
  const at = now.toISOString();
  const pending = offers.filter((offer) => offer.status === 'pending' && offer.deadlineAt > at).sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt) || a.id - b.id);
  const answered = offers.filter((offer) => offer.status !== 'pending').slice(0, 20);
  return { pending, answered };
}

export async function loadSpeakerProfile(db: Kysely<Database>, speakerId: number): Promise<SpeakerProfile> {
  const speaker = await db
    .selectFrom('speakers')
    .innerJoin('users', 'users.id', 'speakers.user_id')
    .selectAll('speakers')
    .select('users.name')
    .where('speakers.id', '=', speakerId)
    .executeTakeFirstOrThrow();
  const [topics, units, availability] = await Promise.all([
    db
      .selectFrom('speaker_topics')
      .innerJoin('topics', 'topics.id', 'speaker_topics.topic_id')
      .select(['speaker_topics.topic_id', 'speaker_topics.level', 'topics.title'])
      .where('speaker_id', '=', speakerId)
      .orderBy('speaker_topics.topic_id')
      .execute(),
    db.selectFrom('speaker_units').select('unit_id').where('speaker_id', '=', speakerId).orderBy('unit_id').execute(),
    db.selectFrom('speaker_availability').select(['weekday', 'start_minute', 'end_minute']).where('speaker_id', '=', speakerId).orderBy('id').execute(),
  ]);
  return {
    speakerId,
    name: speaker.name,
    team: speaker.team,
    title: speaker.title,
    bio: speaker.bio,
    topics: topics.map((row) => ({ topicId: row.topic_id, title: row.title, level: row.level })),
    communityIds: units.map((row) => row.unit_id),
    availability: availability.map((row) => ({ weekday: row.weekday, startMinute: row.start_minute, endMinute: row.end_minute })),
    maxTalksPerWeek: speaker.max_talks_per_week,
    paused: speaker.paused_at !== null,
    approved: speaker.approved_at !== null,
  };
}

/** The speaker edits their own profile; resuming after a pause sets resumed_at for fairness. */
export async function updateSpeakerProfile(db: Kysely<Database>, speakerId: number, input: SpeakerProfileBody, now: Date): Promise<SpeakerProfile> {
  if (input.availability?.some((window) => window.endMinute <= window.startMinute)) {
    throw new AppError('validation_failed', { in: 'body', field: 'availability' });
  }
  if (input.communityIds) await assertUnitsExist(db, input.communityIds);
  if (input.topics) {
    const ids = [...new Set(input.topics.map((topic) => topic.topicId))];
    const found = ids.length ? await db.selectFrom('topics').select('id').where('id', 'in', ids).execute() : [];
    if (found.length !== ids.length || ids.length !== input.topics.length) throw new AppError('validation_failed', { in: 'body', field: 'topics' });
  }
  const current = await db.selectFrom('speakers').select(['paused_at']).where('id', '=', speakerId).executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    const changes: { bio?: string; max_talks_per_week?: number; paused_at?: string | null; resumed_at?: string } = {};
    if (input.bio !== undefined) changes.bio = input.bio;
    if (input.maxTalksPerWeek !== undefined) changes.max_talks_per_week = input.maxTalksPerWeek;
    if (input.paused === true && current.paused_at === null) changes.paused_at = now.toISOString();
    if (input.paused === false && current.paused_at !== null) {
      changes.paused_at = null;
      changes.resumed_at = now.toISOString();
    }
    if (Object.keys(changes).length) await trx.updateTable('speakers').set(changes).where('id', '=', speakerId).execute();
    if (input.topics) {
      await trx.deleteFrom('speaker_topics').where('speaker_id', '=', speakerId).execute();
      if (input.topics.length) {
        await trx.insertInto('speaker_topics').values(input.topics.map((topic) => ({ speaker_id: speakerId, topic_id: topic.topicId, level: topic.level }))).execute();
      }
    }
    if (input.communityIds) {
      await trx.deleteFrom('speaker_units').where('speaker_id', '=', speakerId).execute();
      if (input.communityIds.length) {
        await trx.insertInto('speaker_units').values(input.communityIds.map((unitId) => ({ speaker_id: speakerId, unit_id: unitId }))).execute();
      }
    }
    if (input.availability) {
      await trx.deleteFrom('speaker_availability').where('speaker_id', '=', speakerId).execute();
      if (input.availability.length) {
        await trx
          .insertInto('speaker_availability')
          .values(input.availability.map((window) => ({ speaker_id: speakerId, weekday: window.weekday, start_minute: window.startMinute, end_minute: window.endMinute })))
          .execute();
      }
    }
  });
  return loadSpeakerProfile(db, speakerId);
}
