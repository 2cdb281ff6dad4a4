import type { Kysely } from 'kysely';
import type { StaffPost, StaffPostListQuery, StaffPostPage } from '../../../src/core/api/posts';
import type { PostCategory } from '../../../src/core/catalog';
import { AppError } from '../../../src/core/errors';
import { REVIEW_STAGES, STAGE_ROLE, type PostStatus, type ReviewStage } from '../../../src/core/posts';
import type { Database } from '../../db/schema';
import type { StaffActor } from '../staff';
import { assertRoleOverUnit, loadPostRow } from './access';
import { decodeInstantCursor, encodeInstantCursor, pageOf } from './cursor';
import { requiredSecondsOf } from './detail';
import { loadPostHistory } from './history';

const DEFAULT_LIMIT = 20;

const STATUS_OF_STAGE: Record<ReviewStage, PostStatus> = {
  first: 'first_review',
  second: 'second_review',
  final: 'final_review',
};

/** The staff roles that may open a post of their unit in the admin pages. */
export const STAFF_VIEWER_ROLES = ['editor', 'reviewer', 'approver', 'admin'] as const;

/** A post as staff see it, with its review history. */
export async function loadStaffPost(db: Kysely<Database>, postId: number): Promise<StaffPost> {
  const row = await db
    .selectFrom('posts')
    .innerJoin('units', 'units.id', 'posts.unit_id')
    .innerJoin('users as author', 'author.id', 'posts.author_id')
    .selectAll('posts')
    .select(['units.name as unit_name', 'author.name as author_name'])
    .where('posts.id', '=', postId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', { postId });
  return {
    id: row.id,
    title: row.title,
    category: row.category as PostCategory,
    summary: row.summary,
    coverUrl: row.cover_url,
    source: row.source,
    unitName: row.unit_name,
    pinned: row.pinned === 1,
    // Only once 终审 has approved does the post have a time residents see it from.
    publishedAt: row.published_at === null ? null : row.publish_at,
    readCount: row.read_count,
    hasVideo: row.video_url !== null,
    bodyHtml: row.body_html,
    videoUrl: row.video_url,
    authorName: row.author_name,
    requiredSeconds: requiredSecondsOf(row.body_html),
    status: row.status as PostStatus,
    version: row.version,
    unitId: row.unit_id,
    authorId: row.author_id,
    publishAt: row.publish_at,
    unpublishedReason: row.unpublished_reason,
    updatedAt: row.updated_at,
    history: await loadPostHistory(db, postId),
  };
}

/** GET /api/admin/posts/:id: staff of the post's unit (or the street) only. */
export async function viewStaffPost(db: Kysely<Database>, postId: number, actor: StaffActor): Promise<StaffPost> {
  const post = await loadPostRow(db, postId);
  assertRoleOverUnit(actor, post.unit_id, STAFF_VIEWER_ROLES);
  return loadStaffPost(db, postId);
}

function staffPostList(db: Kysely<Database>) {
  return db
    .selectFrom('posts')
    .innerJoin('units', 'units.id', 'posts.unit_id')
    .innerJoin('users as author', 'author.id', 'posts.author_id')
    .select([
      'posts.id',
      'posts.title',
      'posts.category',
      'posts.status',
      'posts.version',
      'posts.updated_at',
      'posts.publish_at',
      'units.name as unit_name',
      'author.name as author_name',
    ]);
}

type StaffListRow = Awaited<ReturnType<ReturnType<typeof staffPostList>['execute']>>[number];

function toStaffSummary(row: StaffListRow) {
  return {
    id: row.id,
    title: row.title,
    category: row.category as PostCategory,
    status: row.status as PostStatus,
    version: row.version,
    unitName: row.unit_name,
    authorName: row.author_name,
    updatedAt: row.updated_at,
    publishAt: row.publish_at,
  };
}

/** 我的稿件, 待我审核 or 已发布, one keyset page. */
export async function listStaffPosts(db: Kysely<Database>, query: StaffPostListQuery, actor: StaffActor): Promise<StaffPostPage> {
  switch (query.scope) {
    case 'mine':
      return listMyPosts(db, query, actor);
    case 'queue':
      return listReviewQueue(db, query, actor);
    case 'published':
      return listPublishedPosts(db, query, actor);
  }
}

/** Units where the actor holds one of the roles: all of them when held for the street. */
function unitScope(actor: StaffActor, roles: readonly string[]): 'all' | number[] {
  const grants = actor.grants.filter((grant) => roles.includes(grant.role));
  if (grants.some((grant) => grant.unitId === actor.streetId)) return 'all';
  return grants.map((grant) => grant.unitId);
}

/** Roles that may withdraw (撤回) a published post; the review state machine decides the same. */
const UNPUBLISHER_ROLES = ['approver', 'admin'] as const;

/**
 * Published posts an approver or admin may withdraw, newest publication first; scheduled posts
 * not yet public are included, since withdrawing one before it goes out is the same decision.
 */
async function listPublishedPosts(db: Kysely<Database>, query: StaffPostListQuery, actor: StaffActor): Promise<StaffPostPage> {
  const scope = unitScope(actor, UNPUBLISHER_ROLES);
  if (scope !== 'all' && scope.length === 0) return { items: [], nextCursor: null };
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor === undefined ? null : decodeInstantCursor('published', query.cursor);
  let published = staffPostList(db).where('posts.status', '=', 'published').where('posts.publish_at', 'is not', null);
  if (scope !== 'all') published = published.where('posts.unit_id', 'in', scope);
  if (after) published = published.where((eb) => eb(eb.refTuple('posts.publish_at', 'posts.id'), '<', eb.tuple(after.at, after.id)));
  const rows = await published.orderBy('posts.publish_at', 'desc').orderBy('posts.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, toStaffSummary, (row) => encodeInstantCursor('published', { at: row.publish_at!, id: row.id }));
}

/** Posts I wrote, in any status, most recently changed first. */
async function listMyPosts(db: Kysely<Database>, query: StaffPostListQuery, actor: StaffActor): Promise<StaffPostPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor === undefined ? null : decodeInstantCursor('mine', query.cursor);
  let mine = staffPostList(db).where('posts.author_id', '=', actor.userId);
  if (query.stage) mine = mine.where('posts.status', '=', STATUS_OF_STAGE[query.stage]);
  if (after) mine = mine.where((eb) => eb(eb.refTuple('posts.updated_at', 'posts.id'), '<', eb.tuple(after.at, after.id)));
  const rows = await mine.orderBy('posts.updated_at', 'desc').orderBy('posts.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, toStaffSummary, (row) => encodeInstantCursor('mine', { at: row.updated_at, id: row.id }));
}

/**
 * Units where the actor may decide a stage: all of them with the stage's role held for the street,
 * else the communities it is held for; empty when not held at all.
 */
function stageScope(actor: StaffActor, stage: ReviewStage): 'all' | number[] {
  return unitScope(actor, [STAGE_ROLE[stage]]);
}

/**
 * Posts waiting at a stage I may decide, oldest wait first. Leaves out what the rules would refuse
 * me anyway: my own posts, and posts whose current version I already approved at another stage.
 */
async function listReviewQueue(db: Kysely<Database>, query: StaffPostListQuery, actor: StaffActor): Promise<StaffPostPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor === undefined ? null : decodeInstantCursor('queue', query.cursor);
  const stages = (query.stage ? [query.stage] : [...REVIEW_STAGES])
    .map((stage) => ({ stage, scope: stageScope(actor, stage) }))
    .filter(({ scope }) => scope === 'all' || scope.length > 0);
  if (stages.length === 0) return { items: [], nextCursor: null };

  let queue = staffPostList(db)
    .where((eb) =>
      eb.or(
        stages.map(({ stage, scope }) =>
          scope === 'all'
            ? eb('posts.status', '=', STATUS_OF_STAGE[stage])
            : eb.and([eb('posts.status', '=', STATUS_OF_STAGE[stage]), eb('posts.unit_id', 'in', scope)]),
        ),
      ),
    )
    .where('posts.author_id', '<>', actor.userId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('post_reviews')
            .select('post_reviews.id')
            .whereRef('post_reviews.post_id', '=', 'posts.id')
            .whereRef('post_reviews.version', '=', 'posts.version')
            .where('post_reviews.reviewer_id', '=', actor.userId)
            .where('post_reviews.decision', '=', 'approve'),
        ),
      ),
    );
  if (after) queue = queue.where((eb) => eb(eb.refTuple('posts.updated_at', 'posts.id'), '>', eb.tuple(after.at, after.id)));
  const rows = await queue.orderBy('posts.updated_at', 'asc').orderBy('posts.id', 'asc').limit(limit + 1).execute();
  return pageOf(rows, limit, toStaffSummary, (row) => encodeInstantCursor('queue', { at: row.updated_at, id: row.id }));
}
