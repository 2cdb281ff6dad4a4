import type { Kysely } from 'kysely';
import type { StudyRecord, StudyRecordQuery } from '../../../src/core/api/posts';
import type { PostCategory } from '../../../src/core/catalog';
import { DAILY_POINTS_CAP } from '../../../src/core/study';
import { shanghaiDay } from '../../../src/core/time';
import type { Database } from '../../db/schema';
import { decodeInstantCursor, encodeInstantCursor, pageOf } from './cursor';

const DEFAULT_LIMIT = 20;

/** 我的学习: time read, posts studied and 学习积分, with the studied posts newest first. */
export async function loadStudyRecord(
  db: Kysely<Database>,
  userId: number,
  query: StudyRecordQuery,
  now: Date,
): Promise<StudyRecord> {
  const [totals, todayPoints, page] = await Promise.all([
    loadTotals(db, userId),
    pointsOfDay(db, userId, shanghaiDay(now)),
    listStudiedPosts(db, userId, query),
  ]);
  return { ...totals, todayPoints, dailyCap: DAILY_POINTS_CAP, ...page };
}

async function loadTotals(db: Kysely<Database>, userId: number) {
  const row = await db
    .selectFrom('post_reads')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('seconds'), eb.val(0)).as('total_seconds'),
      eb.fn.coalesce(eb.fn.sum<number>('points'), eb.val(0)).as('total_points'),
      eb.fn.count<number>('completed_at').as('studied_count'),
    ])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    totalSeconds: Number(row.total_seconds),
    studiedCount: Number(row.studied_count),
    totalPoints: Number(row.total_points),
  };
}

/** 学习积分 earned on one Shanghai day, for the daily cap. */
export async function pointsOfDay(db: Kysely<Database>, userId: number, day: string): Promise<number> {
  const row = await db
    .selectFrom('post_reads')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), eb.val(0)).as('points'))
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  return Number(row.points);
}

/** The day a post became studied carries its points; its time read is summed over all days. */
async function listStudiedPosts(db: Kysely<Database>, userId: number, query: StudyRecordQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor === undefined ? null : decodeInstantCursor('study', query.cursor);
  let studied = db
    .selectFrom('post_reads as studied')
    .innerJoin('posts', 'posts.id', 'studied.post_id')
    .select((eb) => [
      'studied.id',
      'studied.post_id',
      'studied.completed_at',
      'studied.points',
      'posts.title',
      'posts.category',
      eb
        .selectFrom('post_reads as day')
        .select((inner) => inner.fn.sum<number>('day.seconds').as('seconds'))
        .whereRef('day.user_id', '=', 'studied.user_id')
        .whereRef('day.post_id', '=', 'studied.post_id')
        .as('seconds'),
    ])
    .where('studied.user_id', '=', userId)
    .where('studied.completed_at', 'is not', null);
  if (after) {
    studied = studied.where((eb) => eb(eb.refTuple('studied.completed_at', 'studied.id'), '<', eb.tuple(after.at, after.id)));
  }
  const rows = await studied.orderBy('studied.completed_at', 'desc').orderBy('studied.id', 'desc').limit(limit + 1).execute();
  return pageOf(
    rows,
    limit,
    (row) => ({
      postId: row.post_id,
      title: row.title,
      category: row.category as PostCategory,
      studiedAt: row.completed_at!,
      seconds: Number(row.seconds ?? 0),
      points: row.points,
    }),
    (row) => encodeInstantCursor('study', { at: row.completed_at!, id: row.id }),
  );
}
