import type { Kysely, Transaction } from 'kysely';
import type { ReviewBody, StaffPost, UnpublishBody } from '../../../src/core/api/posts';
import { AppError } from '../../../src/core/errors';
import { decidePostAction, STAGE_OF_STATUS, type PostStatus, type ReviewStage, type VersionReview } from '../../../src/core/posts';
import type { Database } from '../../db/schema';
import { recordAudit } from '../audit';
import type { StaffActor } from '../staff';
import { assertRoleOverUnit, loadPostRow, type PostRow } from './access';
import type { PostAuditState } from './history';
import { loadStaffPost } from './staff-posts';

/** Approvals already given to this version of the post: the rules exclude these reviewers. */
async function loadVersionApprovals(db: Kysely<Database>, post: PostRow): Promise<VersionReview[]> {
  const rows = await db
    .selectFrom('post_reviews')
    .select(['stage', 'reviewer_id'])
    .where('post_id', '=', post.id)
    .where('version', '=', post.version)
    .where('decision', '=', 'approve')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ stage: row.stage as ReviewStage, reviewerId: row.reviewer_id }));
}

/** A decision is about the stage and version the reviewer saw, when the app says which. */
function assertStillAsSeen(post: PostRow, input: ReviewBody): void {
  const movedOn =
    (input.stage !== undefined && STAGE_OF_STATUS[post.status as PostStatus] !== input.stage) ||
    (input.version !== undefined && input.version !== post.version);
  if (movedOn) {
    throw new AppError('post_wrong_state', {
      postId: post.id,
      status: post.status,
      version: post.version,
      stage: STAGE_OF_STATUS[post.status as PostStatus] ?? null,
    });
  }
}

/** When a post approved at `now` becomes visible: its scheduled time if later, else at once. */
function publicationTime(scheduled: string | null, now: Date): string {
  const at = now.toISOString();
  return scheduled !== null && scheduled > at ? scheduled : at;
}

/**
 * Moves the post from the status it was read in, and only from it: of two reviewers deciding the
 * same stage at once, the second finds the status gone and is refused, writing nothing.
 */
async function moveStatus(
  trx: Transaction<Database>,
  post: PostRow,
  changes: { status: PostStatus; published_at?: string; publish_at?: string; unpublished_reason?: string },
  now: Date,
): Promise<void> {
  const updated = await trx
    .updateTable('posts')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('id', '=', post.id)
    .where('status', '=', post.status)
    .where('version', '=', post.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('post_wrong_state', { postId: post.id });
}

/**
 * 三审三校: one stage's decision. The stage is the one the post waits at; who may decide it is
 * decidePostAction's answer for the caller's roles over the post's unit and this version's
 * approvals. A rejection returns the post to draft with the comment; 终审 approval publishes it.
 */
export async function reviewPost(
  db: Kysely<Database>,
  postId: number,
  input: ReviewBody,
  actor: StaffActor,
  now: Date,
): Promise<StaffPost> {
  const post = await loadPostRow(db, postId);
  const roles = assertRoleOverUnit(actor, post.unit_id, ['reviewer', 'approver']);
  assertStillAsSeen(post, input);
  const approvals = await loadVersionApprovals(db, post);
  const decision = decidePostAction(
    { status: post.status as PostStatus, authorId: post.author_id },
    approvals,
    { userId: actor.userId, roles },
    { action: input.decision, text: input.comment },
  );
  if (!decision.ok) throw new AppError(decision.code, { postId, status: post.status, stage: decision.stage ?? null });
  const stage = decision.stage!;
  const comment = input.comment?.trim() || null;
  const publishes = decision.status === 'published';
  const publishAt = publishes ? publicationTime(post.publish_at, now) : undefined;

  await db.transaction().execute(async (trx) => {
    await moveStatus(
      trx,
      post,
      publishes ? { status: decision.status, published_at: now.toISOString(), publish_at: publishAt } : { status: decision.status },
      now,
    );
    const review = await trx
      .insertInto('post_reviews')
      .values({
        post_id: post.id,
        version: post.version,
        stage,
        reviewer_id: actor.userId,
        decision: input.decision,
        comment,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before: PostAuditState = { status: post.status, version: post.version };
    const after: PostAuditState = { status: decision.status, version: post.version, stage, reviewId: review.id };
    await recordAudit(
      trx,
      {
        actorId: actor.userId,
        action: input.decision === 'approve' ? 'post.approved' : 'post.rejected',
        entity: 'post',
        entityId: post.id,
        before,
        after,
        ip: actor.ip,
      },
      now,
    );
    if (publishes) {
      await recordAudit(
        trx,
        {
          actorId: actor.userId,
          action: 'post.published',
          entity: 'post',
          entityId: post.id,
          before,
          after: { status: decision.status, version: post.version, publishAt } satisfies PostAuditState,
          ip: actor.ip,
        },
        now,
      );
    }
  });
  return loadStaffPost(db, postId);
}

/** 撤回: a published post leaves the feed, with the reason kept and shown to staff. */
export async function unpublishPost(
  db: Kysely<Database>,
  postId: number,
  input: UnpublishBody,
  actor: StaffActor,
  now: Date,
): Promise<StaffPost> {
  const post = await loadPostRow(db, postId);
  const roles = assertRoleOverUnit(actor, post.unit_id, ['approver', 'admin']);
  const decision = decidePostAction(
    { status: post.status as PostStatus, authorId: post.author_id },
    [],
    { userId: actor.userId, roles },
    { action: 'unpublish', text: input.reason },
  );
  if (!decision.ok) throw new AppError(decision.code, { postId, status: post.status });
  const reason = input.reason.trim();
  await db.transaction().execute(async (trx) => {
    await moveStatus(trx, post, { status: decision.status, unpublished_reason: reason }, now);
    await recordAudit(
      trx,
      {
        actorId: actor.userId,
        action: 'post.unpublished',
        entity: 'post',
        entityId: post.id,
        before: { status: post.status, version: post.version } satisfies PostAuditState,
        after: { status: decision.status, version: post.version, reason } satisfies PostAuditState,
        ip: actor.ip,
      },
      now,
    );
  });
  return loadStaffPost(db, postId);
}
