import type { SpeakerTeam } from '../catalog';
import type { Instant, ServedCommunity, SpeakerCandidate, SpeakerTalk, SpeakerTopic, WeeklyAvailability } from './types';

/**
 * Flat rows as a few queries return them (one per table, filtered to the topic's speakers and
 * joined where noted), camelCased. `groupCandidates` assembles them in one pass each, so the
 * ranking never searches one speaker's rows among everyone's.
 */
export interface CandidateRows {
  /** speakers */
  speakers: readonly {
    id: number;
    team: SpeakerTeam;
    approvedAt: Instant | null;
    pausedAt: Instant | null;
    resumedAt: Instant | null;
    maxTalksPerWeek: number;
    /** 0/1 as stored, or a boolean. */
    dialect: number | boolean;
  }[];
  /** speaker_topics */
  topics: readonly { speakerId: number; topicId: number; level: number }[];
  /** speaker_units with each community's centre */
  communities: readonly { speakerId: number; unitId: number; lat: number; lng: number }[];
  /** speaker_availability */
  availability: readonly { speakerId: number; weekday: number; startMinute: number; endMinute: number }[];
  /** talks not cancelled, starting from historySince(now), left-joined to venues */
  talks: readonly {
    speakerId: number;
    startsAt: Instant;
    endsAt: Instant;
    bookedAt: Instant;
    lat: number | null;
    lng: number | null;
  }[];
  /** feedback joined to talks, grouped by speaker; PostgreSQL returns bigint aggregates as text */
  ratings: readonly { speakerId: number; sum: number | string; count: number | string }[];
}

interface AssembledCandidate extends SpeakerCandidate {
  topics: SpeakerTopic[];
  communities: ServedCommunity[];
  availability: WeeklyAvailability[];
  talks: SpeakerTalk[];
}

/** Candidates in the order of `rows.speakers`; rows of unknown speakers are ignored. */
export function groupCandidates(rows: CandidateRows): SpeakerCandidate[] {
  const byId = new Map<number, AssembledCandidate>();
  const candidates = rows.speakers.map((speaker) => {
    const candidate: AssembledCandidate = {
      id: speaker.id,
      team: speaker.team,
      approvedAt: speaker.approvedAt,
      pausedAt: speaker.pausedAt,
      resumedAt: speaker.resumedAt,
      maxTalksPerWeek: speaker.maxTalksPerWeek,
      dialect: Boolean(speaker.dialect),
      topics: [],
      communities: [],
      availability: [],
      talks: [],
      ratings: { sum: 0, count: 0 },
    };
    byId.set(speaker.id, candidate);
    return candidate;
  });
  for (const { speakerId, topicId, level } of rows.topics) byId.get(speakerId)?.topics.push({ topicId, level });
  for (const { speakerId, unitId, lat, lng } of rows.communities) byId.get(speakerId)?.communities.push({ unitId, lat, lng });
  for (const { speakerId, weekday, startMinute, endMinute } of rows.availability) {
    byId.get(speakerId)?.availability.push({ weekday, startMinute, endMinute });
  }
  for (const { speakerId, startsAt, endsAt, bookedAt, lat, lng } of rows.talks) {
    byId.get(speakerId)?.talks.push({ startsAt, endsAt, bookedAt, venue: lat === null || lng === null ? null : { lat, lng } });
  }
  for (const { speakerId, sum, count } of rows.ratings) {
    const candidate = byId.get(speakerId);
    if (candidate) candidate.ratings = { sum: Number(sum), count: Number(count) };
  }
  return candidates;
}
