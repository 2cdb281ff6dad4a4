import type { Kysely } from 'kysely';
import type { LedgerDemand } from '../../../src/core/api/ledger';
import type { TalkRequestStatus } from '../../../src/core/booking';
import type { Database } from '../../db/schema';
import { yearRange } from './records';

const TOP_TOPICS = 5;

/** Where each status of a request leaves it in the year's tally. */
const TALLY: Record<TalkRequestStatus, keyof Omit<LedgerDemand, 'requests' | 'topTopics'>> = {
  submitted: 'inProgress',
  offered: 'inProgress',
  accepted: 'inProgress',
  scheduled: 'inProgress',
  held: 'held',
  rated: 'held',
  unmatched: 'unmatched',
  cancelled: 'cancelled',
};

/**
 * 百姓点单 as the year's record counts it: the requests made in the year (Shanghai time) for
 * these units, how far each got, and the topics asked for most — what residents want to hear.
 */
export async function loadLedgerDemand(db: Kysely<Database>, unitIds: number[], year: number): Promise<LedgerDemand> {
  const { startIso, endIso } = yearRange(year);
  const rows = await db
    .selectFrom('talk_requests')
    .innerJoin('topics', 'topics.id', 'talk_requests.topic_id')
    .select(['talk_requests.status', 'topics.id as topic_id', 'topics.title'])
    .where('talk_requests.unit_id', 'in', unitIds)
    .where('talk_requests.created_at', '>=', startIso)
    .where('talk_requests.created_at', '<', endIso)
    .execute();
  const demand: LedgerDemand = { requests: rows.length, held: 0, inProgress: 0, unmatched: 0, cancelled: 0, topTopics: [] };
  const byTopic = new Map<number, { title: string; requests: number }>();
  for (const row of rows) {
    const tally = TALLY[row.status as TalkRequestStatus];
    if (tally) demand[tally] += 1;
    const topic = byTopic.get(row.topic_id) ?? { title: row.title, requests: 0 };
    topic.requests += 1;
    byTopic.set(row.topic_id, topic);
  }
  demand.topTopics = [...byTopic.values()].sort((a, b) => b.requests - a.requests || a.title.localeCompare(b.title, 'zh')).slice(0, TOP_TOPICS);
  return demand;
}
