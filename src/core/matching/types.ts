import type { AudienceKind, SpeakerTeam } from '../catalog';

/**
 * What matching reads and what it answers. The shapes follow the tables (see
 * server/db/schema.ts) so the server fills them with a few queries, grouped by
 * `groupCandidates` (./candidates.ts); instants stay ISO-8601 UTC strings as stored.
 */

export type Instant = string;

/** GCJ-02, as venues store it. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Where the talk happens: the chosen venue, or the community's centre when 社区安排. */
export interface MatchVenue extends GeoPoint {
  /** The community (unit) the venue belongs to. */
  unitId: number;
}

/** One requested time window (talk_requests.windows). */
export interface TimeWindow {
  start: Instant;
  end: Instant;
}

export interface MatchRequest {
  topicId: number;
  venue: MatchVenue;
  /** In the requester's order of preference; one to three. */
  windows: readonly TimeWindow[];
  /** The topic's duration. */
  durationMin: number;
  audienceKinds: readonly AudienceKind[];
  /** Carried for the dispatcher's view; not scored. */
  audienceSize: number;
  /** The clock is an input: matching never reads the time itself. */
  now: Instant;
}

/** speaker_topics row. */
export interface SpeakerTopic {
  topicId: number;
  /** 1 (can speak on it) to 3 (expert). */
  level: number;
}

/** A community the speaker serves (speaker_units), with its centre. */
export interface ServedCommunity extends GeoPoint {
  unitId: number;
}

/** speaker_availability row: a weekly window in Shanghai time. */
export interface WeeklyAvailability {
  /** 0 = Sunday, Shanghai time. */
  weekday: number;
  /** Minutes after Shanghai midnight, end exclusive (up to 1440). */
  startMinute: number;
  endMinute: number;
}

/**
 * A talk the speaker holds or will hold (not cancelled). Pass every talk starting from
 * `historySince(now)`: recent ones count for fairness, upcoming ones for conflicts and the
 * weekly limit.
 */
export interface SpeakerTalk {
  startsAt: Instant;
  endsAt: Instant;
  /** When it was booked (talks.created_at): "least recently booked" reads this. */
  bookedAt: Instant;
  /** The talk's venue; null when unknown, then only the fixed travel buffer applies. */
  venue: GeoPoint | null;
}

/** 评单 ratings (1–5) of the speaker's talks: the list, or its sum and count from SQL. */
export type RatingInput = readonly number[] | { sum: number; count: number };

export interface SpeakerCandidate {
  id: number;
  team: SpeakerTeam;
  approvedAt: Instant | null;
  pausedAt: Instant | null;
  /** When the speaker last came back from a pause. */
  resumedAt: Instant | null;
  topics: readonly SpeakerTopic[];
  communities: readonly ServedCommunity[];
  availability: readonly WeeklyAvailability[];
  maxTalksPerWeek: number;
  /** Speaks the local dialect (方言宣讲). */
  dialect: boolean;
  talks: readonly SpeakerTalk[];
  ratings: RatingInput;
}

/** A concrete time the speaker could give the talk, inside one requested window. */
export interface Slot {
  start: Instant;
  end: Instant;
  /** Index into `request.windows`. */
  windowIndex: number;
}

export type RefusalCode =
  | 'not_approved'
  | 'paused'
  | 'topic_not_offered'
  | 'no_free_slot'
  | 'weekly_limit_reached'
  | 'over_share'
  /** Only when rechecking a start chosen at accept time (checkChosenSlot). */
  | 'outside_windows'
  | 'clash';

/** Why a speaker was left out; `reason` is what the dispatcher reads. */
export interface Refusal {
  code: RefusalCode;
  reason: string;
}

export type ScoreTerm = 'level' | 'distance' | 'fairness' | 'rating' | 'audience';

/** Each term in [0, 1] before weighting. */
export type ScoreTerms = Record<ScoreTerm, number>;

export interface RankedCandidate {
  speakerId: number;
  /** 1-based position. */
  rank: number;
  /** Weighted sum of the terms, in [0, 1]. */
  score: number;
  terms: ScoreTerms;
  /** The earliest slot over all windows: what an offer proposes. */
  slot: Slot;
  /** The earliest slot in each requested window, null where the speaker has none. */
  slots: readonly (Slot | null)[];
  /** Plain Chinese, in display order: "同社区", "近30天0场", "评分4.8（12次）", … */
  reasons: string[];
}

export interface ExcludedCandidate {
  speakerId: number;
  refusal: Refusal;
}

export interface MatchResult {
  /** Best first; ties broken by speaker id. */
  ranked: RankedCandidate[];
  /** By speaker id. */
  excluded: ExcludedCandidate[];
}
