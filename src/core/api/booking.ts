import { Type, type Static } from '@sinclair/typebox';
import { AUDIENCE_KINDS, type AudienceKind } from '../catalog';
import { BOOKING_CONFIG, OFFER_STATUSES, TALK_REQUEST_STATUSES, TALK_STATUSES, type OfferStatus, type TalkRequestStatus, type TalkStatus } from '../booking';

/** 百姓点单 API: 宣讲菜单, 点单, 派单, 接单, talks, registrations and 评单. */

const Instant = Type.String({ format: 'date-time' });
const NullableInstant = Type.Union([Instant, Type.Null()]);
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const AudienceKindSchema = Type.Unsafe<AudienceKind>(Type.String({ enum: AUDIENCE_KINDS.map((kind) => kind.key) }));
const RequestStatusSchema = Type.Unsafe<TalkRequestStatus>(Type.String({ enum: [...TALK_REQUEST_STATUSES] }));
const OfferStatusSchema = Type.Unsafe<OfferStatus>(Type.String({ enum: [...OFFER_STATUSES] }));
const TalkStatusSchema = Type.Unsafe<TalkStatus>(Type.String({ enum: [...TALK_STATUSES] }));
const Reason = Type.String({ minLength: 1, maxLength: BOOKING_CONFIG.maxReasonLength });

/** Keyset paging by id, newest first: `before` is the last id the previous page showed. */
export const IdPageQuery = Type.Object(
  { before: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) },
  { additionalProperties: false },
);
export type IdPageQuery = Static<typeof IdPageQuery>;

export const Topic = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  description: Type.String(),
  durationMin: Type.Integer(),
  audience: Type.Array(AudienceKindSchema),
  /** Approved, not paused speakers who offer it. */
  speakerCount: Type.Integer(),
});
export type Topic = Static<typeof Topic>;
export const TopicList = Type.Object({ topics: Type.Array(Topic) });
export type TopicList = Static<typeof TopicList>;

export const Venue = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  address: Type.String(),
  capacity: Type.Integer(),
});
export type Venue = Static<typeof Venue>;
export const CommunityList = Type.Object({
  communities: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), venues: Type.Array(Venue) })),
});
export type CommunityList = Static<typeof CommunityList>;

export const TimeWindowSchema = Type.Object({ start: Instant, end: Instant }, { additionalProperties: false });

/** 点单: venueId null means 社区安排. */
export const TalkRequestBody = Type.Object(
  {
    topicId: Id,
    communityId: Id,
    venueId: Type.Union([Id, Type.Null()]),
    windows: Type.Array(TimeWindowSchema, { minItems: BOOKING_CONFIG.minWindows, maxItems: BOOKING_CONFIG.maxWindows }),
    audienceSize: Type.Integer({ minimum: BOOKING_CONFIG.minAudience, maximum: BOOKING_CONFIG.maxAudience }),
    audienceKinds: Type.Array(AudienceKindSchema, { minItems: 1, maxItems: AUDIENCE_KINDS.length, uniqueItems: true }),
    note: Type.Optional(Type.String({ maxLength: BOOKING_CONFIG.maxNoteLength })),
  },
  { additionalProperties: false },
);
export type TalkRequestBody = Static<typeof TalkRequestBody>;

export const TimelineEntry = Type.Object({
  at: Instant,
  /** submitted, offered, declined, expired, withdrawn, accepted, scheduled, held, rated, cancelled, unmatched */
  event: Type.String(),
  text: Type.String(),
});

export const TalkSummary = Type.Object({
  id: Type.Integer(),
  status: TalkStatusSchema,
  startsAt: Instant,
  endsAt: Instant,
  topicTitle: Type.String(),
  speakerName: Type.String(),
  communityName: Type.String(),
  venueName: Type.String(),
  venueAddress: Type.String(),
  capacity: Type.Integer(),
  registrations: Type.Integer(),
  heldAt: NullableInstant,
});
export type TalkSummary = Static<typeof TalkSummary>;

export const TalkRequestView = Type.Object({
  id: Type.Integer(),
  status: RequestStatusSchema,
  statusLabel: Type.String(),
  /** Index into TALK_REQUEST_STEPS reached so far; -1 when cancelled before any step. */
  step: Type.Integer(),
  topicId: Type.Integer(),
  topicTitle: Type.String(),
  communityId: Type.Integer(),
  communityName: Type.String(),
  venueId: Type.Union([Type.Integer(), Type.Null()]),
  venueName: Type.Union([Type.String(), Type.Null()]),
  windows: Type.Array(TimeWindowSchema),
  audienceSize: Type.Integer(),
  audienceKinds: Type.Array(AudienceKindSchema),
  note: Type.String(),
  requesterId: Type.Integer(),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Instant,
  talk: Type.Union([TalkSummary, Type.Null()]),
  timeline: Type.Array(TimelineEntry),
});
export type TalkRequestView = Static<typeof TalkRequestView>;

export const TalkRequestPage = Type.Object({
  items: Type.Array(TalkRequestView),
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
export type TalkRequestPage = Static<typeof TalkRequestPage>;

export const CancelBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type CancelBody = Static<typeof CancelBody>;
export const DeclineBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type DeclineBody = Static<typeof DeclineBody>;
export const AcceptBody = Type.Object({ startsAt: Instant }, { additionalProperties: false });
export type AcceptBody = Static<typeof AcceptBody>;

export const SpeakerOffer = Type.Object({
  id: Type.Integer(),
  requestId: Type.Integer(),
  status: OfferStatusSchema,
  topicTitle: Type.String(),
  durationMin: Type.Integer(),
  communityName: Type.String(),
  venueName: Type.Union([Type.String(), Type.Null()]),
  audienceSize: Type.Integer(),
  audienceKinds: Type.Array(AudienceKindSchema),
  note: Type.String(),
  windows: Type.Array(TimeWindowSchema),
  deadlineAt: Instant,
  reasons: Type.Array(Type.String()),
  respondedAt: NullableInstant,
});
export type SpeakerOffer = Static<typeof SpeakerOffer>;
export const SpeakerOfferList = Type.Object({ pending: Type.Array(SpeakerOffer), answered: Type.Array(SpeakerOffer) });
export type SpeakerOfferList = Static<typeof SpeakerOfferList>;

export const AcceptResult = Type.Object({ talk: TalkSummary, requestId: Type.Integer() });
export type AcceptResult = Static<typeof AcceptResult>;
export const OfferResult = Type.Object({ offerId: Type.Integer(), status: OfferStatusSchema, request: TalkRequestView });
export type OfferResult = Static<typeof OfferResult>;

export const Candidate = Type.Object({
  speakerId: Type.Integer(),
  name: Type.String(),
  rank: Type.Integer(),
  score: Type.Number(),
  slotStart: Instant,
  reasons: Type.Array(Type.String()),
  /** Already asked for this request (declined, expired, pending). */
  offerStatus: Type.Union([OfferStatusSchema, Type.Null()]),
});
export const ExcludedCandidateView = Type.Object({
  speakerId: Type.Integer(),
  name: Type.String(),
  code: Type.String(),
  reason: Type.String(),
});
export const CandidateList = Type.Object({
  requestId: Type.Integer(),
  ranked: Type.Array(Candidate),
  excluded: Type.Array(ExcludedCandidateView),
});
export type CandidateList = Static<typeof CandidateList>;

export const DispatchBody = Type.Object({ speakerId: Id }, { additionalProperties: false });
export type DispatchBody = Static<typeof DispatchBody>;

export const AdminRequestQuery = Type.Object(
  {
    status: Type.Optional(RequestStatusSchema),
    before: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type AdminRequestQuery = Static<typeof AdminRequestQuery>;

export const SpeakerTalkList = Type.Object({ upcoming: Type.Array(TalkSummary), past: Type.Array(TalkSummary) });
export type SpeakerTalkList = Static<typeof SpeakerTalkList>;

export const WeeklyWindowSchema = Type.Object(
  {
    weekday: Type.Integer({ minimum: 0, maximum: 6 }),
    startMinute: Type.Integer({ minimum: 0, maximum: 1440 }),
    endMinute: Type.Integer({ minimum: 0, maximum: 1440 }),
  },
  { additionalProperties: false },
);
export const SpeakerProfile = Type.Object({
  speakerId: Type.Integer(),
  name: Type.String(),
  team: Type.String(),
  title: Type.String(),
  bio: Type.String(),
  topics: Type.Array(Type.Object({ topicId: Type.Integer(), title: Type.String(), level: Type.Integer() })),
  communityIds: Type.Array(Type.Integer()),
  availability: Type.Array(WeeklyWindowSchema),
  maxTalksPerWeek: Type.Integer(),
  paused: Type.Boolean(),
  approved: Type.Boolean(),
});
export type SpeakerProfile = Static<typeof SpeakerProfile>;
export const SpeakerProfileBody = Type.Object(
  {
    bio: Type.Optional(Type.String({ maxLength: 500 })),
    topics: Type.Optional(
      Type.Array(Type.Object({ topicId: Id, level: Type.Integer({ minimum: 1, maximum: 3 }) }, { additionalProperties: false }), {
        maxItems: 50,
      }),
    ),
    communityIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    availability: Type.Optional(Type.Array(WeeklyWindowSchema, { maxItems: 50 })),
    maxTalksPerWeek: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
    paused: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SpeakerProfileBody = Static<typeof SpeakerProfileBody>;

export const TalkCalendarQuery = Type.Object(
  { from: Type.Optional(Instant), to: Type.Optional(Instant), community: Type.Optional(Id) },
  { additionalProperties: false },
);
export type TalkCalendarQuery = Static<typeof TalkCalendarQuery>;
export const TalkCalendar = Type.Object({ talks: Type.Array(TalkSummary) });
export type TalkCalendar = Static<typeof TalkCalendar>;

export const RegistrationResult = Type.Object({ talkId: Type.Integer(), registered: Type.Boolean(), registrations: Type.Integer() });
export type RegistrationResult = Static<typeof RegistrationResult>;

export const FeedbackBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: BOOKING_CONFIG.maxCommentLength })),
  },
  { additionalProperties: false },
);
export type FeedbackBody = Static<typeof FeedbackBody>;
export const FeedbackResult = Type.Object({ talkId: Type.Integer(), rating: Type.Integer(), requestStatus: Type.Union([RequestStatusSchema, Type.Null()]) });
export type FeedbackResult = Static<typeof FeedbackResult>;

export const NotificationView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Instant,
  readAt: NullableInstant,
});
export const NotificationPage = Type.Object({ items: Type.Array(NotificationView), nextBefore: Type.Union([Type.Integer(), Type.Null()]) });
export type NotificationPage = Static<typeof NotificationPage>;

/**
 * One talk as the signed-in viewer sees it: the summary, and what this viewer may do there. The
 * server works the flags out by the rules it enforces, so the page never guesses.
 */
export const TalkDetail = Type.Composite([
  TalkSummary,
  Type.Object({
    /** Has an active (not cancelled) registration. */
    registered: Type.Boolean(),
    /** The viewer's own 评单, once given. */
    myRating: Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()]),
    /** Held, the viewer may rate it (requester, registered or checked in) and has not yet. */
    canRate: Type.Boolean(),
    /** Scheduled, not started, not full, and the viewer is not registered yet. */
    canRegister: Type.Boolean(),
    /** The viewer ordered this talk (点单). */
    isRequester: Type.Boolean(),
  }),
]);
export type TalkDetail = Static<typeof TalkDetail>;
