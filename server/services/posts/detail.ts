import type { Kysely } from 'kysely';
import type { PostDetail, PostSummary } from '../../../src/core/api/posts';
import type { PostCategory } from '../../../src/core/catalog';
import { AppError } from '../../../src/core/errors';
import { requiredStudySeconds, textLength } from '../../../src/core/study';
import type { Database } from '../../db/schema';

/**
 * What residents may see: published, and its publish time reached. Scheduled posts appear when
 * the clock passes their time, with no job to flip them; everything else is as if it did not exist.
 */
/** Published posts with their unit, scheduled ones included: callers add the time bound. */
export function publishedPosts(db: Kysely<Database>) {
  return db.selectFrom('posts').innerJoin('units', 'units.id', 'posts.unit_id').where('posts.status', '=', 'published');
}

export function visiblePosts(db: Kysely<Database>, now: Date) {
  return publishedPosts(db).where('posts.publish_at', '<=', now.toISOString());
}

export const SUMMARY_COLUMNS = [
  'posts.id',
  'posts.title',
  'posts.category',
  'posts.summary',
  'posts.cover_url',
  'posts.source',
  'units.name as unit_name',
  'posts.pinned',
  'posts.publish_at',
  'posts.read_count',
  'posts.video_url',
] as const;

export interface SummaryRow {
  id: number;
  title: string;
  category: string;
  summary: string;
  cover_url: string | null;
  source: string;
  unit_name: string;
  pinned: number;
  publish_at: string | null;
  read_count: number;
  video_url: string | null;
}

export function toPostSummary(row: SummaryRow): PostSummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category as PostCategory,
    summary: row.summary,
    coverUrl: row.cover_url,
    source: row.source,
    unitName: row.unit_name,
    pinned: row.pinned === 1,
    // Visible rows always have one; residents see the time it went (or goes) public.
    publishedAt: row.publish_at!,
    readCount: row.read_count,
    hasVideo: row.video_url !== null,
  };
}

/** Seconds of reading after which this body counts as studied. */
export function requiredSecondsOf(bodyHtml: string): number {
  return requiredStudySeconds(textLength(bodyHtml));
}

/** A post as residents read it; 404 for anything they may not see, exactly as for a missing id. */
export async function loadPostDetail(db: Kysely<Database>, postId: number, now: Date): Promise<PostDetail> {
  const row = await visiblePosts(db, now)
    .innerJoin('users as author', 'author.id', 'posts.author_id')
    .select([...SUMMARY_COLUMNS, 'posts.body_html', 'author.name as author_name'])
    .where('posts.id', '=', postId)
    .executeTakeFirst();
  // No details: a hidden post must answer exactly as a missing one, or the 404 would tell them apart.
  if (!row) throw new AppError('not_found');
  return {
    ...toPostSummary(row),
    bodyHtml: row.body_html,
    videoUrl: row.video_url,
    authorName: row.author_name,
    requiredSeconds: requiredSecondsOf(row.body_html),
  };
}
