import { Type, type Static } from '@sinclair/typebox';
import { CHECKIN_HOWS, type CheckinHow } from '../checkin/how';

/** 签到 request and response shapes, shared by the server's routes and the app's client. */

const Instant = Type.String({ format: 'date-time' });
/** A client-made random id for one scan: the same nonce again is the same attempt. */
const Nonce = Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

export const GeoPointSchema = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
);

export const CheckinCodeInfo = Type.Object({
  talkId: Type.Integer(),
  /** The talk key (encodeTalkKey): the organiser's phone derives the rotating codes from it offline. */
  key: Type.String(),
  rotationSeconds: Type.Integer(),
  /** The server's clock, so the phone can correct its own. */
  serverTime: Instant,
  opensAt: Instant,
  closesAt: Instant,
  /** The origin the code URLs start with (checkinCodeUrl). */
  origin: Type.String(),
});
export type CheckinCodeInfo = Static<typeof CheckinCodeInfo>;

export const ScanCheckinBody = Type.Object(
  {
    /** The scanned text: the code URL or its path. Checked by the server, so any string up to 512. */
    code: Type.String({ maxLength: 512 }),
    /** When the phone scanned it; given for a queued offline scan. */
    scannedAt: Type.Optional(Instant),
    location: Type.Optional(GeoPointSchema),
    nonce: Nonce,
  },
  { additionalProperties: false },
);
export type ScanCheckinBody = Static<typeof ScanCheckinBody>;

export const PersonalCheckinBody = Type.Object(
  {
    talkId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    /** The attendee's personal code as scanned (ywk-p:…). */
    code: Type.String({ maxLength: 128 }),
    scannedAt: Type.Optional(Instant),
    nonce: Nonce,
  },
  { additionalProperties: false },
);
export type PersonalCheckinBody = Static<typeof PersonalCheckinBody>;

export const CheckinTalk = Type.Object({
  id: Type.Integer(),
  /** The topic's title. */
  title: Type.String(),
  venueName: Type.String(),
  startsAt: Instant,
});
export type CheckinTalk = Static<typeof CheckinTalk>;

export const CheckinMethodSchema = Type.Unsafe<'scan' | 'personal_code' | 'manual'>(
  Type.String({ enum: ['scan', 'personal_code', 'manual'] }),
);

/** 签到成功, or 已签到 with the first check-in's time: a repeat is an answer, not an error. */
export const CheckinResult = Type.Union([
  Type.Object({
    status: Type.Literal('checked_in'),
    talk: CheckinTalk,
    checkedInAt: Instant,
    offline: Type.Boolean(),
  }),
  Type.Object({
    status: Type.Literal('already_checked_in'),
    talk: CheckinTalk,
    firstCheckedInAt: Instant,
  }),
]);
export type CheckinResult = Static<typeof CheckinResult>;

/**
 * CheckinResult as the route serialises it: one object whose fields are those of either answer.
 * The serializer writes a union by validating the answer against each branch first (formats and
 * all), which was a tenth of a check-in's cost; the handler still returns a CheckinResult.
 */
export const CheckinResultWire = Type.Object({
  status: Type.Union([Type.Literal('checked_in'), Type.Literal('already_checked_in')]),
  talk: CheckinTalk,
  checkedInAt: Type.Optional(Instant),
  firstCheckedInAt: Type.Optional(Instant),
  offline: Type.Optional(Type.Boolean()),
});

/** A personal-code check-in as the organiser sees it: who was checked in. */
export const PersonalCheckinResult = Type.Object({
  status: Type.Union([Type.Literal('checked_in'), Type.Literal('already_checked_in')]),
  attendee: Type.Object({ id: Type.Integer(), name: Type.String() }),
  talk: CheckinTalk,
  /** The first check-in's time when already checked in. */
  checkedInAt: Instant,
  offline: Type.Boolean(),
});
export type PersonalCheckinResult = Static<typeof PersonalCheckinResult>;

export const ManualCheckinBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    phone: Type.Optional(Type.String({ pattern: '^1[0-9]{10}$' })),
    nonce: Type.Optional(Nonce),
  },
  { additionalProperties: false },
);
export type ManualCheckinBody = Static<typeof ManualCheckinBody>;

export const AttendanceHow = Type.Unsafe<CheckinHow>(Type.String({ enum: [...CHECKIN_HOWS] }));

export const AttendanceEntry = Type.Object({
  id: Type.Integer(),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  name: Type.String(),
  /** Masked (138****5678). */
  phone: Type.Union([Type.String(), Type.Null()]),
  method: CheckinMethodSchema,
  offline: Type.Boolean(),
  /** What the list shows: offline scans apart from live ones. */
  how: AttendanceHow,
  checkedInAt: Instant,
  recordedBy: Type.Union([Type.String(), Type.Null()]),
});
export type AttendanceEntry = Static<typeof AttendanceEntry>;

export const RefusedAttempt = Type.Object({
  id: Type.Integer(),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  name: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  /** The reason in Chinese. */
  message: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  at: Instant,
});
export type RefusedAttempt = Static<typeof RefusedAttempt>;

export const AttendanceQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })) },
  { additionalProperties: false },
);
export type AttendanceQuery = Static<typeof AttendanceQuery>;

export const Attendance = Type.Object({
  talk: Type.Composite([CheckinTalk, Type.Object({ opensAt: Instant, closesAt: Instant })]),
  counts: Type.Object({
    checkedIn: Type.Integer(),
    scan: Type.Integer(),
    personalCode: Type.Integer(),
    manual: Type.Integer(),
    offline: Type.Integer(),
    refused: Type.Integer(),
  }),
  /** Newest first, at most `limit`; counts cover everyone. */
  checkins: Type.Array(AttendanceEntry),
  refusals: Type.Array(RefusedAttempt),
});
export type Attendance = Static<typeof Attendance>;

export const PersonalCodeInfo = Type.Object({
  /** Draw as a QR code for the organiser to scan (我的签到码). */
  code: Type.String(),
  expiresAt: Instant,
});
export type PersonalCodeInfo = Static<typeof PersonalCodeInfo>;

export const MyCheckin = Type.Object({
  talk: CheckinTalk,
  method: CheckinMethodSchema,
  offline: Type.Boolean(),
  checkedInAt: Instant,
});
export const MyCheckins = Type.Object({ items: Type.Array(MyCheckin) });
export type MyCheckins = Static<typeof MyCheckins>;

export const TodayTalk = Type.Object({
  talk: CheckinTalk,
  endsAt: Instant,
  venueAddress: Type.String(),
  opensAt: Instant,
  closesAt: Instant,
  /** Ask for location before scanning only when true. */
  requiresLocation: Type.Boolean(),
  checkedInAt: Type.Union([Instant, Type.Null()]),
});
export const TodayTalks = Type.Object({
  /** The Shanghai day, YYYY-MM-DD. */
  day: Type.String(),
  items: Type.Array(TodayTalk),
});
export type TodayTalks = Static<typeof TodayTalks>;
