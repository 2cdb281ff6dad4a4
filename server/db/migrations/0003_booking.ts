import type { ColumnTypes, MigrationDb } from './types';

/**
 * 百姓点单: when a talk was held and when a request was cancelled (the timeline reads them), and
 * the indexes the offer cascade and the speaker's inbox walk.
 */
export async function up(db: MigrationDb, t: ColumnTypes): Promise<void> {
  const { instant } = t;
  await db.schema.alterTable('talks').addColumn('held_at', instant).execute();
  await db.schema.alterTable('talk_requests').addColumn('cancelled_at', instant).execute();
  // Who was already asked for a request: the cascade never offers it to them again.
  await db.schema.createIndex('offers_request_speaker_idx').on('offers').columns(['request_id', 'speaker_id']).execute();
  // 评单 counts feed matching's rating per speaker through the talk.
  await db.schema.createIndex('feedback_talk_idx').on('feedback').column('talk_id').execute();
  await db.schema.createIndex('registrations_talk_idx').on('registrations').columns(['talk_id', 'cancelled_at']).execute();
}
