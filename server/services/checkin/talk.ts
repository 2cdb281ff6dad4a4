import type { Kysely } from 'kysely';
import type { CheckinTalk } from '../../../src/core/api/checkin';
import { deriveTalkKey } from '../../../src/core/checkin';
import { AppError } from '../../../src/core/errors';
import { hasRole, type Role } from '../../../src/core/roles';
import type { Database } from '../../db/schema';
import type { Caller } from '../../types';

/** A talk with what checking in to it needs: its times, secret, venue fence and organiser. */
export interface CheckinTalkRow {
  id: number;
  unitId: number;
  title: string;
  startsAt: string;
  endsAt: string;
  checkinSecret: string;
  speakerUserId: number;
  venue: { name: string; address: string; lat: number; lng: number; checkinRadiusM: number; requiresLocation: boolean };
}

function selectTalks(db: Kysely<Database>) {
  return db
    .selectFrom('talks')
    .innerJoin('topics', 'topics.id', 'talks.topic_id')
    .innerJoin('venues', 'venues.id', 'talks.venue_id')
    .innerJoin('speakers', 'speakers.id', 'talks.speaker_id')
    .select([
      'talks.id',
      'talks.unit_id',
      'talks.starts_at',
      'talks.ends_at',
      'talks.checkin_secret',
      'topics.title',
      'speakers.user_id as speaker_user_id',
      'venues.name as venue_name',
      'venues.address as venue_address',
      'venues.lat',
      'venues.lng',
      'venues.checkin_radius_m',
      'venues.requires_location',
    ]);
}

type TalkSelection = NonNullable<Awaited<ReturnType<ReturnType<typeof selectTalks>['executeTakeFirst']>>>;

function toCheckinTalk(row: TalkSelection): CheckinTalkRow {
  return {
    id: row.id,
    unitId: row.unit_id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    checkinSecret: row.checkin_secret,
    speakerUserId: row.speaker_user_id,
    venue: {
      name: row.venue_name,
      address: row.venue_address,
      lat: row.lat,
      lng: row.lng,
      checkinRadiusM: row.checkin_radius_m,
      requiresLocation: row.requires_location === 1,
    },
  };
}

export async function findCheckinTalk(db: Kysely<Database>, talkId: number): Promise<CheckinTalkRow | null> {
  const row = await selectTalks(db).where('talks.id', '=', talkId).executeTakeFirst();
  return row ? toCheckinTalk(row) : null;
}

/** What a scan needs to know before judging it: the talk, and whether this nonce was seen. */
export interface ScanState {
  talk: CheckinTalkRow;
  /** The check-in this nonce already made in this talk. */
  earlier: { userId: number | null; scannedAt: string; offline: boolean } | null;
  /** The refusal this caller's nonce already got. */
  refusal: { code: string; details: string } | null;
}

/**
 * The talk and both nonce look-ups in one round trip: the hot path of a burst is this read and
 * one insert. Each look-up is a left join on a unique index (a nonce is unique within its talk,
 * and per attempting user among refusals), so it adds at most one row and one index probe.
 */
export async function findScanState(db: Kysely<Database>, talkId: number, callerId: number, nonce: string): Promise<ScanState | null> {
  const row = await selectTalks(db)
    .leftJoin('checkins as earlier', (join) =>
      join.onRef('earlier.talk_id', '=', 'talks.id').on('earlier.nonce', '=', nonce),
    )
    .leftJoin('checkin_refusals as refused', (join) =>
      join.on('refused.attempted_by', '=', callerId).on('refused.nonce', '=', nonce),
    )
    .select([
      'earlier.id as earlier_id',
      'earlier.user_id as earlier_user_id',
      'earlier.scanned_at as earlier_scanned_at',
      'earlier.offline as earlier_offline',
      'refused.code as refusal_code',
      'refused.details as refusal_details',
    ])
    .where('talks.id', '=', talkId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    talk: toCheckinTalk(row),
    earlier:
      row.earlier_id !== null && row.earlier_scanned_at !== null
        ? { userId: row.earlier_user_id, scannedAt: row.earlier_scanned_at, offline: row.earlier_offline === 1 }
        : null,
    refusal: row.refusal_code !== null && row.refusal_details !== null ? { code: row.refusal_code, details: row.refusal_details } : null,
  };
}

export async function loadCheckinTalk(db: Kysely<Database>, talkId: number): Promise<CheckinTalkRow> {
  const talk = await findCheckinTalk(db, talkId);
  if (!talk) throw new AppError('not_found', { talkId });
  return talk;
}

export function talkSummary(talk: CheckinTalkRow): CheckinTalk {
  return { id: talk.id, title: talk.title, venueName: talk.venue.name, startsAt: talk.startsAt };
}

/** The key the talk's codes are signed with; recomputed on every use, never stored. */
export function talkKeyOf(tokenSecret: string, talk: CheckinTalkRow): Uint8Array {
  return deriveTalkKey(tokenSecret, talk.id, talk.checkinSecret);
}

/** Staff roles that run a talk's check-in for their unit (谁主办谁管理), besides its speaker. */
const ORGANISER_ROLES: readonly Role[] = ['dispatcher', 'admin', 'editor'];

/** The talk's organisers: its speaker, and staff of its unit (or of the street) in ORGANISER_ROLES. */
export function isOrganiser(caller: Caller, talk: CheckinTalkRow, streetId: number): boolean {
  if (caller.userId === talk.speakerUserId) return true;
  return ORGANISER_ROLES.some((role) => hasRole(caller.grants, role, talk.unitId, streetId));
}

export function assertOrganiser(caller: Caller, talk: CheckinTalkRow, streetId: number): void {
  if (!isOrganiser(caller, talk, streetId)) throw new AppError('forbidden', { talkId: talk.id });
}
