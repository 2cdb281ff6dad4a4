import type { Kysely } from 'kysely';
import type { NotificationPage } from '../../src/core/api/booking';
import type { Database } from '../db/schema';

/**
 * Every message to a user is recorded here, in the transaction of the change it tells about, so
 * nothing is lost; sending it as a WeChat subscribe message is a later step that sets sent_at.
 */
export async function notify(
  trx: Kysely<Database>,
  userId: number,
  kind: string,
  payload: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('notifications')
    .values({ user_id: userId, kind, payload: JSON.stringify(payload), created_at: now.toISOString(), sent_at: null, read_at: null })
    .execute();
}

/** 我的消息, newest first, keyset by id. */
export async function listNotifications(
  db: Kysely<Database>,
  userId: number,
  page: { before?: number; limit?: number },
): Promise<NotificationPage> {
  const limit = page.limit ?? 20;
  let query = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'payload', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  const rows = await query.execute();
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    createdAt: row.created_at,
    readAt: row.read_at,
  }));
  return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
}
