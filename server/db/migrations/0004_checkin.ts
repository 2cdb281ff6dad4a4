import { sql } from 'kysely';
import type { ColumnTypes, MigrationDb } from './types';

/**
 * 签到: a client nonce per check-in so a retried scan is a no-op, the refused attempts keyed the
 * same way, and the indexes the attendance list and 我的签到 walk.
 */
export async function up(db: MigrationDb, _t: ColumnTypes): Promise<void> {
  // A scan's nonce is unique within its talk (the code names the talk, so a retry always does);
  // manual rows without a nonce are not constrained.
  await db.schema
    .createIndex('checkins_nonce_once')
    .on('checkins')
    .columns(['talk_id', 'nonce'])
    .unique()
    .where(sql.ref('nonce'), 'is not', null)
    .execute();
  // The attendance list, newest first.
  await db.schema.createIndex('checkins_talk_idx').on('checkins').columns(['talk_id', 'id']).execute();
  // 我的签到: my history, newest first.
  await db.schema.dropIndex('checkins_user_idx').execute();
  await db.schema.createIndex('checkins_user_scanned_idx').on('checkins').columns(['user_id', 'scanned_at']).execute();

  await db.schema.alterTable('checkin_refusals').addColumn('attempted_by', 'integer', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('checkin_refusals').addColumn('method', 'text').execute();
  await db.schema.alterTable('checkin_refusals').addColumn('nonce', 'text').execute();
  // A refused attempt retried with its nonce answers the stored refusal and is stored once.
  await db.schema
    .createIndex('checkin_refusals_nonce_once')
    .on('checkin_refusals')
    .columns(['attempted_by', 'nonce'])
    .unique()
    .where(sql.ref('nonce'), 'is not', null)
    .execute();
  await db.schema.dropIndex('checkin_refusals_talk_idx').execute();
  await db.schema.createIndex('checkin_refusals_talk_idx').on('checkin_refusals').columns(['talk_id', 'id']).execute();
}
