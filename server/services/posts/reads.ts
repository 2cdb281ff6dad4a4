import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ReadProgress, ReadReportBody } from '../../../src/core/api/posts';
import { AppError } from '../../../src/core/errors';
import { creditableSeconds, DAILY_POINTS_CAP, pointsForCompletion } from '../../../src/core/study';
import { shanghaiDay } from '../../../src/core/time';
import type { Engine } from '../../db/connect';
import type { Database, PostReadTable } from '../../db/schema';
import { requiredSecondsOf, visiblePosts } from './detail';
import { pointsOfDay } from './study-record';

/** One reader's reading of one post on one Shanghai day. */
type ReadDay = Selectable<PostReadTable>;

export interface ReadReport extends ReadReportBody {
  userId: number;
  postId: number;
}

/**
 * 学习记录: one reading report while a post is open. Credits what the rules in src/core allow by
 * the server's clock, marks the post studied once enough is credited, and gives its points once
 * ever, within the Shanghai day's cap. One transaction per report; a report repeated with the
 * same nonce changes nothing and answers the same progress.
 */
export async function recordRead(db: Kysely<Database>, engine: Engine, report: ReadReport, now: Date): Promise<ReadProgress> {
  const day = shanghaiDay(now);
  return db.transaction().execute(async (trx) => {
    const post = await loadReadablePost(trx, report.postId, now);
    await lockReader(trx, engine, report.userId);
    const days = await loadReadDays(trx, report.userId, report.postId);
    if (days.some((read) => read.last_nonce === report.nonce)) {
      return progressOf(trx, report, post.requiredSeconds, days, day);
    }

    let today = days.find((read) => read.day === day);
    if (!today) {
      today = await startReadDay(trx, report, day, now);
      if (days.length === 0) await countReader(trx, report.postId);
      days.push(today);
    }

    const credited = creditableSeconds(report.seconds, secondsSince(today.last_report_at, now));
    const seconds = today.seconds + credited;
    const creditedUntil = advanceCreditMark(today.last_report_at, now, credited);
    const totalSeconds = days.reduce((sum, read) => sum + (read === today ? seconds : read.seconds), 0);
    const becomesStudied = totalSeconds >= post.requiredSeconds && !days.some((read) => read.completed_at !== null);
    const points = becomesStudied ? pointsForCompletion(await pointsOfDay(trx, report.userId, day)) : today.points;

    const updated = await trx
      .updateTable('post_reads')
      .set({
        seconds,
        last_nonce: report.nonce,
        last_report_at: creditedUntil,
        completed_at: becomesStudied ? now.toISOString() : today.completed_at,
        points,
        updated_at: now.toISOString(),
      })
      .where('id', '=', today.id)
      // Written only over the state this report was credited against; anything else lost a race.
      .where('seconds', '=', today.seconds)
      .where('last_nonce', today.last_nonce === null ? 'is' : '=', today.last_nonce)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict', { postId: report.postId });

    const after = { ...today, seconds, points, completed_at: becomesStudied ? now.toISOString() : today.completed_at };
    return progressOf(trx, report, post.requiredSeconds, days.map((read) => (read === today ? after : read)), day);
  });
}

async function loadReadablePost(trx: Transaction<Database>, postId: number, now: Date) {
  const post = await visiblePosts(trx, now).select(['posts.id', 'posts.body_html']).where('posts.id', '=', postId).executeTakeFirst();
  if (!post) throw new AppError('not_found');
  return { id: post.id, requiredSeconds: requiredSecondsOf(post.body_html) };
}

/**
 * One reader's reports are applied one at a time: the daily cap and "points once per post" read
 * what other reports of the same reader wrote. PostgreSQL locks the reader's row for the
 * transaction; SQLite already runs one write transaction at a time.
 */
async function lockReader(trx: Transaction<Database>, engine: Engine, userId: number): Promise<void> {
  if (engine !== 'postgres') return;
  await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

async function loadReadDays(trx: Transaction<Database>, userId: number, postId: number): Promise<ReadDay[]> {
  return trx
    .selectFrom('post_reads')
    .selectAll()
    .where('user_id', '=', userId)
    .where('post_id', '=', postId)
    .orderBy('day')
    .execute();
}

async function startReadDay(trx: Transaction<Database>, report: ReadReport, day: string, now: Date): Promise<ReadDay> {
  const at = now.toISOString();
  return trx
    .insertInto('post_reads')
    .values({
      user_id: report.userId,
      post_id: report.postId,
      day,
      seconds: 0,
      completed_at: null,
      points: 0,
      last_nonce: null,
      last_report_at: null,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** 阅读量 counts readers, not reports: once per reader per post. */
async function countReader(trx: Transaction<Database>, postId: number): Promise<void> {
  await trx
    .updateTable('posts')
    .set((eb) => ({ read_count: eb('read_count', '+', 1) }))
    .where('id', '=', postId)
    .execute();
}

function secondsSince(mark: string | null, now: Date): number | null {
  return mark === null ? null : (now.getTime() - Date.parse(mark)) / 1000;
}

/**
 * The instant reading is credited up to. Normally the report's arrival; but when a report was
 * credited more than the time since the last mark (the network slack the rules allow), the mark
 * moves forward by what was credited, so a burst of reports cannot each take the slack again.
 */
function advanceCreditMark(previous: string | null, now: Date, credited: number): string {
  if (previous === null) return now.toISOString();
  return new Date(Math.max(now.getTime(), Date.parse(previous) + credited * 1000)).toISOString();
}

/** A reader's progress on one post so far, for the detail page to show on opening it. */
export async function loadReadProgress(db: Kysely<Database>, userId: number, postId: number, now: Date): Promise<ReadProgress> {
  // One snapshot, so the seconds, the studied mark and today's points agree with one another.
  return db.transaction().execute(async (trx) => {
    const post = await loadReadablePost(trx, postId, now);
    const days = await loadReadDays(trx, userId, postId);
    return progressOf(trx, { userId, postId }, post.requiredSeconds, days, shanghaiDay(now));
  });
}

async function progressOf(
  trx: Transaction<Database>,
  report: { userId: number; postId: number },
  requiredSeconds: number,
  days: readonly ReadDay[],
  day: string,
): Promise<ReadProgress> {
  return {
    postId: report.postId,
    seconds: days.reduce((sum, read) => sum + read.seconds, 0),
    requiredSeconds,
    studied: days.some((read) => read.completed_at !== null),
    points: days.reduce((sum, read) => sum + read.points, 0),
    todayPoints: await pointsOfDay(trx, report.userId, day),
    dailyCap: DAILY_POINTS_CAP,
  };
}
