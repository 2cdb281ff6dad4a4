import { sql } from 'kysely';
import { searchTextOf } from '../../services/posts/search';
import type { ColumnTypes, MigrationDb } from './types';

/**
 * 云上微课堂 reading and publishing: the search column, the reading-report columns that make a
 * report idempotent and bounded by the server clock, and the indexes the staff lists and the
 * study record walk.
 */
export async function up(db: MigrationDb, t: ColumnTypes): Promise<void> {
  const { instant } = t;

  // Title and body as plain text with ASCII letters lowered, so one LIKE gives the same answer on
  // both engines (SQLite's LIKE folds ASCII case, PostgreSQL's folds none) and markup never matches.
  await db.schema.alterTable('posts').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  // Existing posts get the text every later write computes, so old and new rows search alike.
  const posts = await db.selectFrom('posts').select(['id', 'title', 'body_html']).execute();
  for (const post of posts as { id: number; title: string; body_html: string }[]) {
    await db
      .updateTable('posts')
      .set({ search_text: searchTextOf(post.title, post.body_html) })
      .where('id', '=', post.id)
      .execute();
  }

  // My drafts, newest change first.
  await db.schema.dropIndex('posts_author_idx').execute();
  await db.schema.createIndex('posts_author_updated_idx').on('posts').columns(['author_id', 'updated_at', 'id']).execute();

  await db.schema.alterTable('post_reads').addColumn('last_nonce', 'text').execute();
  // Up to when reading has been credited (server clock); the next report is bounded from here.
  await db.schema.alterTable('post_reads').addColumn('last_report_at', instant).execute();

  // Points are given once per post, ever: at most one of a reader's days for a post is the day
  // it was studied, whatever two reports racing across midnight try.
  await db.schema
    .createIndex('post_reads_studied_once')
    .on('post_reads')
    .columns(['user_id', 'post_id'])
    .unique()
    .where(sql.ref('completed_at'), 'is not', null)
    .execute();
  // 我的学习: studied posts, newest first.
  await db.schema
    .createIndex('post_reads_user_studied_idx')
    .on('post_reads')
    .columns(['user_id', 'completed_at', 'id'])
    .execute();
}
