import type { Kysely } from 'kysely';
import { LruMap } from 'toad-cache';
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
  /** scheduled, held or cancelled: the one field here that changes, so scans re-check it when writing. */
  status: string;
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
      'talks.status',
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
    status: row.status,
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

/** A talk as a scan judges it: the row, and the key its codes are signed with, worked out once. */
export interface ScanTalk {
  talk: CheckinTalkRow;
  key: Uint8Array;
}

export interface ScanTalks {
  /** The talk a scanned code names, or null when there is no such talk. */
  get(talkId: number): Promise<ScanTalk | null>;
}

/** Talks checked in to within the last minute that one instance keeps; far more than run at once. */
const SCAN_TALKS_KEPT = 1_000;
const SCAN_TALK_TTL_MS = 60_000;

/**
 * The talks being checked in to, kept in memory: in a burst every scan names the same talk, and
 * reading it (with its venue, topic and speaker) was half the database work of a check-in. What
 * a scan judges from it — times, secret, venue and organiser — is fixed once the talk is
 * scheduled (nothing updates those columns), so that cannot go stale; the one thing that changes,
 * a cancellation, is checked again as the check-in is written (record.ts). The minute's expiry
 * only bounds memory and keeps this true should an edit of those columns ever be added. The lookup itself is
 * kept, so the scans arriving together before the first answer share one query. Unknown talks
 * are not kept: a forged id costs its sender a query each time, under the rate limits.
 */
export function createScanTalks(db: Kysely<Database>, tokenSecret: string): ScanTalks {
  const kept = new LruMap<Promise<ScanTalk | null>>(SCAN_TALKS_KEPT, SCAN_TALK_TTL_MS);
  return {
    get(talkId) {
      const known = kept.get(talkId);
      if (known) return known;
      const lookup = findCheckinTalk(db, talkId).then((talk) => (talk ? { talk, key: talkKeyOf(tokenSecret, talk) } : null));
      kept.set(talkId, lookup);
      const forget = () => kept.delete(talkId);
      lookup.then((found) => found ?? forget(), forget);
      return lookup;
    },
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
