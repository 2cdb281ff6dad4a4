import type { Kysely } from 'kysely';
import type { SpeakerTeam } from '../../../src/core/catalog';
import { AppError } from '../../../src/core/errors';
import {
  groupCandidates,
  historySince,
  MATCHING_CONFIG,
  rankOffer,
  type CandidateRows,
  type MatchRequest,
  type MatchResult,
  type MatchVenue,
  type SpeakerCandidate,
} from '../../../src/core/matching';
import type { Database } from '../../db/schema';
import { audienceKindsOf, windowsOf, type TalkRequestRow } from './rows';

/**
 * Loads what matching reads with the six queries of CandidateRows, limited to the speakers who
 * offer the topic (or to the named ones). Community centres are not stored: a community's
 * centre is the average of its venues.
 */
export async function loadCandidates(
  db: Kysely<Database>,
  topicId: number,
  now: Date,
  onlySpeakerIds?: readonly number[],
): Promise<SpeakerCandidate[]> {
  let speakerQuery = db
    .selectFrom('speakers')
    .select(['id', 'team', 'approved_at', 'paused_at', 'resumed_at', 'max_talks_per_week', 'dialect'])
    .orderBy('id');
  speakerQuery = onlySpeakerIds
    ? speakerQuery.where('id', 'in', onlySpeakerIds.length ? [...onlySpeakerIds] : [-1])
    : speakerQuery.where('id', 'in', (eb) => eb.selectFrom('speaker_topics').select('speaker_id').where('topic_id', '=', topicId));
  const speakers = await speakerQuery.execute();
  const ids = speakers.length ? speakers.map((speaker) => speaker.id) : [-1];
  const since = historySince(now.toISOString(), MATCHING_CONFIG);

  const [topics, communities, availability, talks, ratings] = await Promise.all([
    db.selectFrom('speaker_topics').select(['speaker_id', 'topic_id', 'level']).where('speaker_id', 'in', ids).execute(),
    db
      .selectFrom('speaker_units')
      .innerJoin('venues', 'venues.unit_id', 'speaker_units.unit_id')
      .select((eb) => [
        'speaker_units.speaker_id',
        'speaker_units.unit_id',
        eb.fn.avg<number>('venues.lat').as('lat'),
        eb.fn.avg<number>('venues.lng').as('lng'),
      ])
      .where('speaker_units.speaker_id', 'in', ids)
      .groupBy(['speaker_units.speaker_id', 'speaker_units.unit_id'])
      .execute(),
    db
      .selectFrom('speaker_availability')
      .select(['speaker_id', 'weekday', 'start_minute', 'end_minute'])
      .where('speaker_id', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('talks')
      .leftJoin('venues', 'venues.id', 'talks.venue_id')
      .select(['talks.speaker_id', 'talks.starts_at', 'talks.ends_at', 'talks.created_at', 'venues.lat', 'venues.lng'])
      .where('talks.speaker_id', 'in', ids)
      .where('talks.status', '!=', 'cancelled')
      .where('talks.starts_at', '>=', since)
      .orderBy('talks.starts_at')
      .execute(),
    db
      .selectFrom('feedback')
      .innerJoin('talks', 'talks.id', 'feedback.talk_id')
      .select((eb) => ['talks.speaker_id', eb.fn.sum<number>('feedback.rating').as('sum'), eb.fn.countAll<number>().as('count')])
      .where('talks.speaker_id', 'in', ids)
      .groupBy('talks.speaker_id')
      .execute(),
  ]);

  const rows: CandidateRows = {
    speakers: speakers.map((speaker) => ({
      id: speaker.id,
      team: speaker.team as SpeakerTeam,
      approvedAt: speaker.approved_at,
      pausedAt: speaker.paused_at,
      resumedAt: speaker.resumed_at,
      maxTalksPerWeek: speaker.max_talks_per_week,
      dialect: speaker.dialect,
    })),
    topics: topics.map((row) => ({ speakerId: row.speaker_id, topicId: row.topic_id, level: row.level })),
    communities: communities.map((row) => ({ speakerId: row.speaker_id, unitId: row.unit_id, lat: Number(row.lat), lng: Number(row.lng) })),
    availability: availability.map((row) => ({
      speakerId: row.speaker_id,
      weekday: row.weekday,
      startMinute: row.start_minute,
      endMinute: row.end_minute,
    })),
    talks: talks.map((row) => ({
      speakerId: row.speaker_id,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      bookedAt: row.created_at,
      lat: row.lat,
      lng: row.lng,
    })),
    ratings: ratings.map((row) => ({ speakerId: row.speaker_id, sum: row.sum, count: row.count })),
  };
  return groupCandidates(rows);
}

/** Where the talk happens for matching: the chosen venue, or the community's centre (社区安排). */
export async function loadMatchVenue(db: Kysely<Database>, request: TalkRequestRow): Promise<MatchVenue> {
  if (request.venue_id !== null) {
    const venue = await db.selectFrom('venues').select(['unit_id', 'lat', 'lng']).where('id', '=', request.venue_id).executeTakeFirstOrThrow();
    return { unitId: venue.unit_id, lat: venue.lat, lng: venue.lng };
  }
  const centre = await db
    .selectFrom('venues')
    .select((eb) => [eb.fn.avg<number>('lat').as('lat'), eb.fn.avg<number>('lng').as('lng')])
    .where('unit_id', '=', request.unit_id)
    .executeTakeFirst();
  if (!centre || centre.lat === null) throw new AppError('community_has_no_venue', { communityId: request.unit_id });
  return { unitId: request.unit_id, lat: Number(centre.lat), lng: Number(centre.lng) };
}

export async function matchRequestOf(db: Kysely<Database>, request: TalkRequestRow, now: Date): Promise<MatchRequest> {
  const topic = await db.selectFrom('topics').select('duration_min').where('id', '=', request.topic_id).executeTakeFirstOrThrow();
  return {
    topicId: request.topic_id,
    venue: await loadMatchVenue(db, request),
    windows: windowsOf(request),
    durationMin: topic.duration_min,
    audienceKinds: audienceKindsOf(request),
    audienceSize: request.audience_size,
    now: now.toISOString(),
  };
}

/** 派单: every speaker who offers the topic, ranked, with the excluded ones and why. */
export async function rankCandidates(db: Kysely<Database>, request: TalkRequestRow, now: Date): Promise<MatchResult> {
  const match = await matchRequestOf(db, request, now);
  const speakers = await loadCandidates(db, request.topic_id, now);
  return rankOffer(match, speakers, MATCHING_CONFIG);
}
