import type { Kysely, Updateable } from 'kysely';
import type { PostDraftBody, PostEditBody, StaffPost } from '../../../src/core/api/posts';
import { AppError, ERRORS } from '../../../src/core/errors';
import { decidePostAction, type PostStatus } from '../../../src/core/posts';
import { textLength } from '../../../src/core/study';
import type { Database, PostTable } from '../../db/schema';
import { recordAudit } from '../audit';
import type { StaffActor } from '../staff';
import { assertRoleOverUnit, assertUnitExists, loadPostRow, type PostRow } from './access';
import type { PostAuditState } from './history';
import { sanitizeBodyHtml } from './sanitize';
import { searchTextOf } from './search';
import { loadStaffPost } from './staff-posts';

function invalidField(field: string, message: string): AppError {
  return new AppError('validation_failed', { field }, `${message}（${field}）`);
}

/** Plain-text fields are stored trimmed; one that is only spaces counts as empty. */
function requiredText(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw invalidField(field, '内容不能为空');
  return trimmed;
}

/** Sanitised body; refused when nothing a reader could see is left (e.g. only a script). */
function cleanBody(bodyHtml: string): string {
  const body = sanitizeBodyHtml(bodyHtml);
  if (textLength(body) === 0 && !body.includes('<img')) throw invalidField('bodyHtml', '正文不能为空');
  return body;
}

function instantOrNull(value: string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

function auditState(post: { status: string; version: number }): PostAuditState {
  return { status: post.status, version: post.version };
}

/** An editor of the unit (or of the street) starts a draft: version 1, not yet submitted. */
export async function createDraft(db: Kysely<Database>, input: PostDraftBody, actor: StaffActor, now: Date): Promise<StaffPost> {
  await assertUnitExists(db, input.unitId);
  assertRoleOverUnit(actor, input.unitId, ['editor']);
  const title = requiredText('title', input.title);
  const bodyHtml = cleanBody(input.bodyHtml);
  const at = now.toISOString();
  const postId = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('posts')
      .values({
        unit_id: input.unitId,
        author_id: actor.userId,
        title,
        category: input.category,
        summary: input.summary.trim(),
        cover_url: input.coverUrl ?? null,
        body_html: bodyHtml,
        video_url: input.videoUrl ?? null,
        source: requiredText('source', input.source),
        status: 'draft',
        version: 1,
        pinned: input.pinned ? 1 : 0,
        publish_at: instantOrNull(input.publishAt),
        published_at: null,
        unpublished_reason: null,
        read_count: 0,
        search_text: searchTextOf(title, bodyHtml),
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      { actorId: actor.userId, action: 'post.created', entity: 'post', entityId: created.id, after: auditState({ status: 'draft', version: 1 }), ip: actor.ip },
      now,
    );
    return created.id;
  });
  return loadStaffPost(db, postId);
}

/** The columns an edit writes, from the fields it carries; untouched fields keep their value. */
function editedColumns(post: PostRow, input: PostEditBody): Updateable<PostTable> {
  const changes: Updateable<PostTable> = {};
  if (input.title !== undefined) changes.title = requiredText('title', input.title);
  if (input.category !== undefined) changes.category = input.category;
  if (input.summary !== undefined) changes.summary = input.summary.trim();
  if (input.bodyHtml !== undefined) changes.body_html = cleanBody(input.bodyHtml);
  if (input.source !== undefined) changes.source = requiredText('source', input.source);
  if (input.coverUrl !== undefined) changes.cover_url = input.coverUrl;
  if (input.videoUrl !== undefined) changes.video_url = input.videoUrl;
  if (input.unitId !== undefined) changes.unit_id = input.unitId;
  if (input.pinned !== undefined) changes.pinned = input.pinned ? 1 : 0;
  if (input.publishAt !== undefined) changes.publish_at = instantOrNull(input.publishAt);
  if (changes.title !== undefined || changes.body_html !== undefined) {
    changes.search_text = searchTextOf(changes.title ?? post.title, changes.body_html ?? post.body_html);
  }
  return changes;
}

/**
 * An edit makes a new version and sends the post back to draft: approvals belong to the version
 * they approved, so review starts over. A published post must be unpublished first (the rules).
 */
export async function editPost(
  db: Kysely<Database>,
  postId: number,
  input: PostEditBody,
  actor: StaffActor,
  now: Date,
): Promise<StaffPost> {
  if (Object.keys(input).length === 0) {
    throw new AppError('validation_failed', { field: 'body', reason: 'empty' }, `${ERRORS.validation_failed.message}（没有要修改的内容）`);
  }
  const post = await loadPostRow(db, postId);
  const roles = assertRoleOverUnit(actor, post.unit_id, ['editor']);
  if (input.unitId !== undefined && input.unitId !== post.unit_id) {
    // Moving a post to another unit needs the editor role on both sides.
    await assertUnitExists(db, input.unitId);
    assertRoleOverUnit(actor, input.unitId, ['editor']);
  }
  const decision = decidePostAction(
    { status: post.status as PostStatus, authorId: post.author_id },
    [],
    { userId: actor.userId, roles },
    { action: 'edit' },
  );
  if (!decision.ok) throw new AppError(decision.code, { postId, status: post.status });
  const changes = editedColumns(post, input);

  await db.transaction().execute(async (trx) => {
    const version = post.version + 1;
    const updated = await trx
      .updateTable('posts')
      .set({
        ...changes,
        status: decision.status,
        version,
        // The published version is gone; what is there now has not been published.
        published_at: null,
        unpublished_reason: null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', postId)
      .where('status', '=', post.status)
      .where('version', '=', post.version)
      .executeTakeFirst();
    // Someone else changed the post since we read it; the editor reloads and edits that.
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('conflict', { postId });
    await recordAudit(
      trx,
      {
        actorId: actor.userId,
        action: 'post.edited',
        entity: 'post',
        entityId: postId,
        before: auditState(post),
        after: { ...auditState({ status: decision.status, version }), fields: Object.keys(input) },
        ip: actor.ip,
      },
      now,
    );
  });
  return loadStaffPost(db, postId);
}

/** 提交审核: a draft goes to 初审. */
export async function submitPost(db: Kysely<Database>, postId: number, actor: StaffActor, now: Date): Promise<StaffPost> {
  const post = await loadPostRow(db, postId);
  const roles = assertRoleOverUnit(actor, post.unit_id, ['editor']);
  const decision = decidePostAction(
    { status: post.status as PostStatus, authorId: post.author_id },
    [],
    { userId: actor.userId, roles },
    { action: 'submit' },
  );
  if (!decision.ok) throw new AppError(decision.code, { postId, status: post.status });
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('posts')
      .set({ status: decision.status, updated_at: now.toISOString() })
      .where('id', '=', postId)
      .where('status', '=', post.status)
      .where('version', '=', post.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError('post_wrong_state', { postId });
    await recordAudit(
      trx,
      {
        actorId: actor.userId,
        action: 'post.submitted',
        entity: 'post',
        entityId: postId,
        before: auditState(post),
        after: auditState({ status: decision.status, version: post.version }),
        ip: actor.ip,
      },
      now,
    );
  });
  return loadStaffPost(db, postId);
}
