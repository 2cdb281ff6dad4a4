import type { Generated } from 'kysely';

/**
 * Table types shared by both engines. Conventions that keep SQLite and PostgreSQL identical:
 * instants are ISO-8601 UTC strings (`timestamptz` on PostgreSQL, parsed back to the same string),
 * flags are 0/1 integers, and lists or small records are JSON text.
 */
type Id = Generated<number>;
/** An ISO-8601 UTC instant, always written with `toISOString()` so text comparison orders it. */
export type Instant = string;
/** 0 or 1. */
export type Flag = number;
/** JSON text; parse at the edge of the repository that owns it. */
export type Json = string;

export interface UnitTable {
  id: Id;
  kind: 'street' | 'community';
  name: string;
  parent_id: number | null;
  /** Stable short key, e.g. 'huiyang'. */
  code: string;
  created_at: Instant;
}

export interface VenueTable {
  id: Id;
  unit_id: number;
  name: string;
  address: string;
  /** GCJ-02. */
  lat: number;
  lng: number;
  checkin_radius_m: number;
  /** Whether check-in requires the attendee's location inside the radius. */
  requires_location: Flag;
  capacity: number;
  created_at: Instant;
}

export interface UserTable {
  id: Id;
  openid: string | null;
  unionid: string | null;
  /** Staff sign in with a username and password; residents with WeChat. */
  username: string | null;
  password_hash: string | null;
  /** Identity used by the demo login (`role:name`); null for real accounts. */
  dev_identity: string | null;
  name: string;
  phone: string | null;
  community_id: number | null;
  elder_mode: Flag;
  created_at: Instant;
  updated_at: Instant;
}

export interface RoleGrantTable {
  id: Id;
  user_id: number;
  role: string;
  unit_id: number;
  created_at: Instant;
}

export interface RefreshTokenTable {
  id: Id;
  user_id: number;
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: string;
  expires_at: Instant;
  revoked_at: Instant | null;
  replaced_by: number | null;
  created_at: Instant;
}

export interface LoginFailureTable {
  /** Normalised username; unknown names are throttled too. */
  username: string;
  failures: number;
  locked_until: Instant | null;
  last_failed_at: Instant;
}

export interface TopicTable {
  id: Id;
  code: string;
  title: string;
  description: string;
  duration_min: number;
  /** JSON array of AudienceKind. */
  audience: Json;
  active: Flag;
  created_at: Instant;
}

export interface SpeakerTable {
  id: Id;
  user_id: number;
  team: string;
  title: string;
  bio: string;
  max_talks_per_week: number;
  dialect: Flag;
  approved_at: Instant | null;
  paused_at: Instant | null;
  /** When the speaker last came back from a pause; matching credits them the average load. */
  resumed_at: Instant | null;
  created_at: Instant;
}

export interface SpeakerTopicTable {
  speaker_id: number;
  topic_id: number;
  /** 1 (can speak on it) to 3 (expert). */
  level: number;
}

export interface SpeakerUnitTable {
  speaker_id: number;
  unit_id: number;
}

export interface SpeakerAvailabilityTable {
  id: Id;
  speaker_id: number;
  /** 0 = Sunday, Shanghai time. */
  weekday: number;
  /** Minutes after Shanghai midnight. */
  start_minute: number;
  end_minute: number;
}

export interface PostTable {
  id: Id;
  unit_id: number;
  author_id: number;
  title: string;
  category: string;
  summary: string;
  cover_url: string | null;
  body_html: string;
  video_url: string | null;
  source: string;
  status: string;
  /** Bumped by every edit; reviews belong to one version. */
  version: number;
  pinned: Flag;
  /** When a published post becomes visible (scheduled publishing). */
  publish_at: Instant | null;
  published_at: Instant | null;
  unpublished_reason: string | null;
  read_count: number;
  /** Title and body text, ASCII letters lowered: what search matches (see services/posts/search). */
  search_text: Generated<string>;
  created_at: Instant;
  updated_at: Instant;
}

export interface PostReviewTable {
  id: Id;
  post_id: number;
  version: number;
  stage: string;
  reviewer_id: number;
  decision: 'approve' | 'reject';
  comment: string | null;
  created_at: Instant;
}

export interface PostReadTable {
  id: Id;
  user_id: number;
  post_id: number;
  /** Shanghai calendar day, YYYY-MM-DD: points are capped per day. */
  day: string;
  seconds: number;
  /** When the post became studied; set on one day only (the day points were given). */
  completed_at: Instant | null;
  points: number;
  /** Nonce of the last report: the same report again changes nothing. */
  last_nonce: string | null;
  /** Server time up to which reading has been credited; the next report is bounded from it. */
  last_report_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface TalkRequestTable {
  id: Id;
  requester_id: number;
  topic_id: number;
  unit_id: number;
  /** Null means 社区安排: the community picks the venue. */
  venue_id: number | null;
  /** JSON array of { start, end } instants. */
  windows: Json;
  audience_size: number;
  /** JSON array of AudienceKind. */
  audience_kinds: Json;
  note: string;
  status: string;
  cancel_reason: string | null;
  cancelled_by: number | null;
  /** 0003_booking. */
  cancelled_at: Generated<Instant | null>;
  created_at: Instant;
  updated_at: Instant;
}

export interface OfferTable {
  id: Id;
  request_id: number;
  speaker_id: number;
  status: string;
  /** Rank among candidates when offered; null when a dispatcher chose the speaker. */
  rank: number | null;
  /** JSON array of the Chinese reasons the dispatcher sees. */
  reasons: Json;
  deadline_at: Instant;
  responded_at: Instant | null;
  decline_reason: string | null;
  dispatched_by: number | null;
  created_at: Instant;
}

export interface TalkTable {
  id: Id;
  request_id: number | null;
  topic_id: number;
  speaker_id: number;
  unit_id: number;
  venue_id: number;
  starts_at: Instant;
  ends_at: Instant;
  status: string;
  /** Per-talk secret for the rotating check-in code. */
  checkin_secret: string;
  capacity: number;
  /** When the speaker or staff marked it held (0003_booking). */
  held_at: Generated<Instant | null>;
  created_at: Instant;
  updated_at: Instant;
}

export interface RegistrationTable {
  id: Id;
  talk_id: number;
  user_id: number;
  created_at: Instant;
  cancelled_at: Instant | null;
}

export interface CheckinTable {
  id: Id;
  talk_id: number;
  /** Null for a person checked in by hand who has no account. */
  user_id: number | null;
  attendee_name: string | null;
  attendee_phone: string | null;
  method: 'scan' | 'personal_code' | 'manual';
  offline: Flag;
  scanned_at: Instant;
  nonce: string | null;
  recorded_by: number | null;
  created_at: Instant;
}

export interface CheckinRefusalTable {
  id: Id;
  talk_id: number | null;
  user_id: number | null;
  code: string;
  details: Json;
  created_at: Instant;
  /** Who sent the attempt (the attendee scanning, or the organiser scanning a personal code). */
  attempted_by: number | null;
  /** 'scan' | 'personal_code' | 'manual'. */
  method: string | null;
  /** The client's nonce: the same attempt retried answers the same refusal, stored once. */
  nonce: string | null;
}

export interface FeedbackTable {
  id: Id;
  talk_id: number;
  user_id: number;
  rating: number;
  comment: string;
  created_at: Instant;
}

export interface NotificationTable {
  id: Id;
  user_id: number;
  kind: string;
  payload: Json;
  created_at: Instant;
  sent_at: Instant | null;
  read_at: Instant | null;
}

export interface AuditLogTable {
  id: Id;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  before: Json | null;
  after: Json | null;
  ip: string | null;
  created_at: Instant;
}

export interface Database {
  units: UnitTable;
  venues: VenueTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  refresh_tokens: RefreshTokenTable;
  login_failures: LoginFailureTable;
  topics: TopicTable;
  speakers: SpeakerTable;
  speaker_topics: SpeakerTopicTable;
  speaker_units: SpeakerUnitTable;
  speaker_availability: SpeakerAvailabilityTable;
  posts: PostTable;
  post_reviews: PostReviewTable;
  post_reads: PostReadTable;
  talk_requests: TalkRequestTable;
  offers: OfferTable;
  talks: TalkTable;
  registrations: RegistrationTable;
  checkins: CheckinTable;
  checkin_refusals: CheckinRefusalTable;
  feedback: FeedbackTable;
  notifications: NotificationTable;
  audit_log: AuditLogTable;
}
