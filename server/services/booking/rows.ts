import type { Kysely, Selectable } from 'kysely';
import type { TalkRequestView, TalkSummary } from '../../../src/core/api/booking';
import { TALK_REQUEST_STATUS_LABELS, TALK_REQUEST_STEPS, type TalkRequestStatus, type OrderWindow, type TalkStatus } from '../../../src/core/booking';
import type { AudienceKind } from '../../../src/core/catalog';
import { AppError } from '../../../src/core/errors';
import { formatDateTime } from '../../../src/core/time';
import type { Database, TalkRequestTable } from '../../db/schema';

export type TalkRequestRow = Selectable<TalkRequestTable>;

export function windowsOf(request: Pick<TalkRequestRow, 'windows'>): OrderWindow[] {
  return JSON.parse(request.windows) as OrderWindow[];
}

export function audienceKindsOf(request: Pick<TalkRequestRow, 'audience_kinds'>): AudienceKind[] {
  return JSON.parse(request.audience_kinds) as AudienceKind[];
}

export async function loadRequest(db: Kysely<Database>, requestId: number): Promise<TalkRequestRow> {
  const request = await db.selectFrom('talk_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!request) throw new AppError('not_found', { requestId });
  return request;
}

/**
 * Moves the request from the status it was read in, and only from it: of two writers racing,
 * the second finds the status gone and is refused, writing nothing.
 */
export async function moveRequest(
  trx: Kysely<Database>,
  requestId: number,
  from: readonly TalkRequestStatus[],
  to: TalkRequestStatus,
  now: Date,
  extra: { cancel_reason?: string; cancelled_by?: number; cancelled_at?: string } = {},
): Promise<void> {
  const updated = await trx
    .updateTable('talk_requests')
    .set({ status: to, updated_at: now.toISOString(), ...extra })
    .where('id', '=', requestId)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('talk_request_wrong_state', { requestId });
}

function talkQuery(db: Kysely<Database>) {
  return db
    .selectFrom('talks')
    .innerJoin('topics', 'topics.id', 'talks.topic_id')
    .innerJoin('speakers', 'speakers.id', 'talks.speaker_id')
    .innerJoin('users', 'users.id', 'speakers.user_id')
    .innerJoin('venues', 'venues.id', 'talks.venue_id')
    .innerJoin('units', 'units.id', 'talks.unit_id')
    .select((eb) => [
      'talks.id',
      'talks.status',
      'talks.starts_at',
      'talks.ends_at',
      'talks.capacity',
      'talks.held_at',
      'talks.request_id',
      'talks.speaker_id',
      'talks.unit_id',
      'topics.title as topic_title',
      'users.name as speaker_name',
      'units.name as community_name',
      'venues.name as venue_name',
      'venues.address as venue_address',
      eb
        .selectFrom('registrations')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('registrations.talk_id', '=', 'talks.id')
        .where('registrations.cancelled_at', 'is', null)
        .as('registrations'),
    ]);
}
export type TalkQuery = ReturnType<typeof talkQuery>;

type TalkSummaryRow = Awaited<ReturnType<ReturnType<typeof talkQuery>['executeTakeFirstOrThrow']>>;

function toTalkSummary(row: TalkSummaryRow): TalkSummary {
  return {
    id: row.id,
    status: row.status as TalkStatus,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    topicTitle: row.topic_title,
    speakerName: row.speaker_name,
    communityName: row.community_name,
    venueName: row.venue_name,
    venueAddress: row.venue_address,
    capacity: row.capacity,
    registrations: Number(row.registrations ?? 0),
    heldAt: row.held_at,
  };
}

/** Talks with venue, speaker and registration count; `where` narrows the query. */
export async function loadTalkSummaries(
  db: Kysely<Database>,
  where: (query: TalkQuery) => TalkQuery,
): Promise<(TalkSummary & { requestId: number | null; speakerId: number; unitId: number })[]> {
  const rows = await where(talkQuery(db)).execute();
  return rows.map((row) => ({ ...toTalkSummary(row), requestId: row.request_id, speakerId: row.speaker_id, unitId: row.unit_id }));
}

const OFFER_EVENT_TEXT: Record<string, string> = {
  declined: '宣讲员婉拒',
  expired: '宣讲员未在时限内答复',
  withdrawn: '派单已撤回',
  accepted: '宣讲员已接单',
};

/** The request as its requester, its speaker and staff see it: status, steps and timeline. */
export async function loadRequestView(db: Kysely<Database>, requestId: number): Promise<TalkRequestView> {
  const row = await db
    .selectFrom('talk_requests')
    .innerJoin('topics', 'topics.id', 'talk_requests.topic_id')
    .innerJoin('units', 'units.id', 'talk_requests.unit_id')
    .leftJoin('venues', 'venues.id', 'talk_requests.venue_id')
    .selectAll('talk_requests')
    .select(['topics.title as topic_title', 'units.name as community_name', 'venues.name as venue_name'])
    .where('talk_requests.id', '=', requestId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', { requestId });
  const [talk] = await loadTalkSummaries(db, (query) => query.where('talks.request_id', '=', requestId));
  const offers = await db
    .selectFrom('offers')
    .innerJoin('speakers', 'speakers.id', 'offers.speaker_id')
    .innerJoin('users', 'users.id', 'speakers.user_id')
    .select(['offers.status', 'offers.created_at', 'offers.responded_at', 'offers.decline_reason', 'offers.dispatched_by', 'users.name'])
    .where('offers.request_id', '=', requestId)
    .orderBy('offers.id')
    .execute();

  const timeline: TalkRequestView['timeline'] = [{ at: row.created_at, event: 'submitted', text: '已提交点单' }];
  for (const offer of offers) {
    timeline.push({
      at: offer.created_at,
      event: 'offered',
      text: offer.dispatched_by ? `派单员派单给${offer.name}` : `已派单给${offer.name}`,
    });
    if (offer.responded_at && OFFER_EVENT_TEXT[offer.status]) {
      const reason = offer.status === 'declined' && offer.decline_reason ? `：${offer.decline_reason}` : '';
      timeline.push({ at: offer.responded_at, event: offer.status, text: `${OFFER_EVENT_TEXT[offer.status]}${reason}` });
    }
  }
  if (talk) {
    timeline.push({ at: talk.startsAt, event: 'scheduled', text: `已安排在${formatDateTime(talk.startsAt)}，${talk.venueName}` });
    if (talk.heldAt) timeline.push({ at: talk.heldAt, event: 'held', text: '宣讲已举办' });
  }
  if (row.status === 'rated' && talk) {
    const rating = await db
      .selectFrom('feedback')
      .select('created_at')
      .where('talk_id', '=', talk.id)
      .where('user_id', '=', row.requester_id)
      .executeTakeFirst();
    if (rating) timeline.push({ at: rating.created_at, event: 'rated', text: '已评价' });
  }
  if (row.status === 'unmatched') timeline.push({ at: row.updated_at, event: 'unmatched', text: '暂未匹配到宣讲员，等待派单员处理' });
  if (row.status === 'cancelled') {
    timeline.push({ at: row.cancelled_at ?? row.updated_at, event: 'cancelled', text: `已取消：${row.cancel_reason ?? ''}` });
  }
  // The scheduled entry reads the talk's time; keep the list in the order things happened.
  const scheduledEntry = timeline.find((entry) => entry.event === 'scheduled');
  if (scheduledEntry && talk) scheduledEntry.at = offers.find((offer) => offer.status === 'accepted')?.responded_at ?? scheduledEntry.at;

  const status = row.status as TalkRequestStatus;
  return {
    id: row.id,
    status,
    statusLabel: TALK_REQUEST_STATUS_LABELS[status],
    step: stepOf(status, offers.length > 0, Boolean(talk)),
    topicId: row.topic_id,
    topicTitle: row.topic_title,
    communityId: row.unit_id,
    communityName: row.community_name,
    venueId: row.venue_id,
    venueName: row.venue_name ?? null,
    windows: windowsOf(row),
    audienceSize: row.audience_size,
    audienceKinds: audienceKindsOf(row),
    note: row.note,
    requesterId: row.requester_id,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at,
    talk: talk
      ? {
          id: talk.id,
          status: talk.status,
          startsAt: talk.startsAt,
          endsAt: talk.endsAt,
          topicTitle: talk.topicTitle,
          speakerName: talk.speakerName,
          communityName: talk.communityName,
          venueName: talk.venueName,
          venueAddress: talk.venueAddress,
          capacity: talk.capacity,
          registrations: talk.registrations,
          heldAt: talk.heldAt,
        }
      : null,
    timeline,
  };
}

/** How far along the Steps the request got; a cancelled or unmatched one shows where it stopped. */
function stepOf(status: TalkRequestStatus, wasOffered: boolean, hasTalk: boolean): number {
  const index = TALK_REQUEST_STEPS.indexOf(status);
  if (index >= 0) return index;
  if (hasTalk) return TALK_REQUEST_STEPS.indexOf('scheduled');
  return wasOffered ? TALK_REQUEST_STEPS.indexOf('offered') : 0;
}

/**
 * Takes the request's row lock for the rest of the transaction without changing it (an UPDATE
 * locks on PostgreSQL; SQLite has one writer anyway), so two sweeps, or a sweep and a dispatcher,
 * never both add a pending offer to the same request.
 */
export async function lockRequest(trx: Kysely<Database>, requestId: number): Promise<void> {
  await trx
    .updateTable('talk_requests')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', requestId)
    .execute();
}
