import { sql } from 'kysely';
import { sqlBetween, sqlIn, type ColumnTypes, type MigrationDb } from './types';

/** The whole domain schema of DESIGN.md; later migrations add columns, not redesigns. */
export async function up(db: MigrationDb, t: ColumnTypes): Promise<void> {
  const { instant } = t;

  await t
    .id(db.schema.createTable('units'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['street', 'community'])))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await t
    .id(db.schema.createTable('venues'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('checkin_radius_m', 'integer', (c) => c.notNull())
    .addColumn('requires_location', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venues_unit_idx').on('venues').column('unit_id').execute();

  await t
    .id(db.schema.createTable('users'))
    .addColumn('openid', 'text', (c) => c.unique())
    .addColumn('unionid', 'text')
    .addColumn('username', 'text', (c) => c.unique())
    .addColumn('password_hash', 'text')
    .addColumn('dev_identity', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('community_id', 'integer', (c) => c.references('units.id'))
    .addColumn('elder_mode', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await t
    .id(db.schema.createTable('role_grants'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('role_grants_unique', ['user_id', 'role', 'unit_id'])
    .execute();

  await t
    .id(db.schema.createTable('refresh_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('revoked_at', instant)
    .addColumn('replaced_by', 'integer')
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('refresh_tokens_user_idx').on('refresh_tokens').column('user_id').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', instant)
    .addColumn('last_failed_at', instant, (c) => c.notNull())
    .execute();

  await t
    .id(db.schema.createTable('topics'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('duration_min', 'integer', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await t
    .id(db.schema.createTable('speakers'))
    .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id'))
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull())
    .addColumn('max_talks_per_week', 'integer', (c) => c.notNull())
    .addColumn('dialect', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approved_at', instant)
    .addColumn('paused_at', instant)
    .addColumn('resumed_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('speaker_topics')
    .addColumn('speaker_id', 'integer', (c) => c.notNull().references('speakers.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id'))
    .addColumn('level', 'integer', (c) => c.notNull().check(sqlBetween('level', 1, 3)))
    .addPrimaryKeyConstraint('speaker_topics_pk', ['speaker_id', 'topic_id'])
    .execute();
  await db.schema.createIndex('speaker_topics_topic_idx').on('speaker_topics').column('topic_id').execute();

  await db.schema
    .createTable('speaker_units')
    .addColumn('speaker_id', 'integer', (c) => c.notNull().references('speakers.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('speaker_units_pk', ['speaker_id', 'unit_id'])
    .execute();

  await t
    .id(db.schema.createTable('speaker_availability'))
    .addColumn('speaker_id', 'integer', (c) => c.notNull().references('speakers.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sqlBetween('weekday', 0, 6)))
    .addColumn('start_minute', 'integer', (c) => c.notNull())
    .addColumn('end_minute', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('speaker_availability_speaker_idx')
    .on('speaker_availability')
    .column('speaker_id')
    .execute();

  await t
    .id(db.schema.createTable('posts'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('cover_url', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('video_url', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('publish_at', instant)
    .addColumn('published_at', instant)
    .addColumn('unpublished_reason', 'text')
    .addColumn('read_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  // The feed's keyset order: pinned first, then newest, ties by id.
  await db.schema
    .createIndex('posts_feed_idx')
    .on('posts')
    .columns(['status', 'pinned', 'publish_at', 'id'])
    .execute();
  await db.schema
    .createIndex('posts_category_feed_idx')
    .on('posts')
    .columns(['category', 'status', 'pinned', 'publish_at', 'id'])
    .execute();
  await db.schema.createIndex('posts_author_idx').on('posts').column('author_id').execute();

  await t
    .id(db.schema.createTable('post_reviews'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sqlIn('decision', ['approve', 'reject'])))
    .addColumn('comment', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('post_reviews_post_idx')
    .on('post_reviews')
    .columns(['post_id', 'version', 'stage'])
    .execute();

  await t
    .id(db.schema.createTable('post_reads'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('completed_at', instant)
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addUniqueConstraint('post_reads_once_a_day', ['user_id', 'post_id', 'day'])
    .execute();
  await db.schema.createIndex('post_reads_user_day_idx').on('post_reads').columns(['user_id', 'day']).execute();

  await t
    .id(db.schema.createTable('talk_requests'))
    .addColumn('requester_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('venue_id', 'integer', (c) => c.references('venues.id'))
    .addColumn('windows', 'text', (c) => c.notNull())
    .addColumn('audience_size', 'integer', (c) => c.notNull())
    .addColumn('audience_kinds', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('talk_requests_status_idx').on('talk_requests').columns(['status', 'id']).execute();
  await db.schema
    .createIndex('talk_requests_requester_idx')
    .on('talk_requests')
    .columns(['requester_id', 'id'])
    .execute();

  await t
    .id(db.schema.createTable('offers'))
    .addColumn('request_id', 'integer', (c) => c.notNull().references('talk_requests.id').onDelete('cascade'))
    .addColumn('speaker_id', 'integer', (c) => c.notNull().references('speakers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('deadline_at', instant, (c) => c.notNull())
    .addColumn('responded_at', instant)
    .addColumn('decline_reason', 'text')
    .addColumn('dispatched_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('offers_request_idx').on('offers').column('request_id').execute();
  await db.schema.createIndex('offers_speaker_status_idx').on('offers').columns(['speaker_id', 'status']).execute();
  // The deadline sweep reads pending offers in deadline order.
  await db.schema.createIndex('offers_status_deadline_idx').on('offers').columns(['status', 'deadline_at']).execute();
  // Two accepts of one request can never both win.
  await db.schema
    .createIndex('offers_one_accepted_per_request')
    .on('offers')
    .column('request_id')
    .unique()
    .where(sql.ref('status'), '=', 'accepted')
    .execute();

  await t
    .id(db.schema.createTable('talks'))
    .addColumn('request_id', 'integer', (c) => c.unique().references('talk_requests.id'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id'))
    .addColumn('speaker_id', 'integer', (c) => c.notNull().references('speakers.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('venue_id', 'integer', (c) => c.notNull().references('venues.id'))
    .addColumn('starts_at', instant, (c) => c.notNull())
    .addColumn('ends_at', instant, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('checkin_secret', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('talks_starts_idx').on('talks').columns(['starts_at', 'id']).execute();
  await db.schema.createIndex('talks_speaker_starts_idx').on('talks').columns(['speaker_id', 'starts_at']).execute();
  await db.schema.createIndex('talks_unit_starts_idx').on('talks').columns(['unit_id', 'starts_at']).execute();

  await t
    .id(db.schema.createTable('registrations'))
    .addColumn('talk_id', 'integer', (c) => c.notNull().references('talks.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('cancelled_at', instant)
    .addUniqueConstraint('registrations_once', ['talk_id', 'user_id'])
    .execute();
  await db.schema.createIndex('registrations_user_idx').on('registrations').column('user_id').execute();

  await t
    .id(db.schema.createTable('checkins'))
    .addColumn('talk_id', 'integer', (c) => c.notNull().references('talks.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('attendee_name', 'text')
    .addColumn('attendee_phone', 'text')
    .addColumn('method', 'text', (c) => c.notNull().check(sqlIn('method', ['scan', 'personal_code', 'manual'])))
    .addColumn('offline', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scanned_at', instant, (c) => c.notNull())
    .addColumn('nonce', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    // One check-in per person per talk; NULL user_id (manual, no account) is not constrained.
    .addUniqueConstraint('checkins_once_per_person', ['talk_id', 'user_id'])
    .execute();
  await db.schema.createIndex('checkins_user_idx').on('checkins').column('user_id').execute();

  await t
    .id(db.schema.createTable('checkin_refusals'))
    .addColumn('talk_id', 'integer', (c) => c.references('talks.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkin_refusals_talk_idx').on('checkin_refusals').column('talk_id').execute();

  await t
    .id(db.schema.createTable('feedback'))
    .addColumn('talk_id', 'integer', (c) => c.notNull().references('talks.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('rating', 'integer', (c) => c.notNull().check(sqlBetween('rating', 1, 5)))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('feedback_once', ['talk_id', 'user_id'])
    .execute();

  await t
    .id(db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('sent_at', instant)
    .addColumn('read_at', instant)
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'id']).execute();

  await t
    .id(db.schema.createTable('audit_log'))
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('ip', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'id']).execute();
}
