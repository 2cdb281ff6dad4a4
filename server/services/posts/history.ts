import type { Kysely } from 'kysely';
import type { PostHistoryEntry } from '../../../src/core/api/posts';
import type { ReviewStage } from '../../../src/core/posts';
import type { Database } from '../../db/schema';

/** What a post's audit entries hold, beyond who and when (see review.ts, drafts.ts). */
export interface PostAuditState {
  status: string;
  version: number;
  stage?: ReviewStage;
  reviewId?: number;
  reason?: string;
  publishAt?: string | null;
}

/** The history actions, from the audit actions `post.<action>`. */
const HISTORY_ACTIONS = new Set(['created', 'edited', 'submitted', 'approved', 'rejected', 'published', 'unpublished']);
const SYSTEM_ACTOR = '系统';

/**
 * A post's history: who created, edited, submitted, approved, rejected, published and unpublished
 * it, and when — the proof that a published post passed 三审三校. Audit entries give the order (by
 * id, one per step, written in the step's transaction); each review's stage and comment come from
 * post_reviews, the table the rules read. Reviews recorded without an audit entry (imported or
 * seeded posts) are merged in by time.
 */
export async function loadPostHistory(db: Kysely<Database>, postId: number): Promise<PostHistoryEntry[]> {
  const [audits, reviews] = await Promise.all([
    db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select(['audit_log.id', 'audit_log.action', 'audit_log.after', 'audit_log.created_at', 'audit_log.actor_id', 'users.name as actor_name'])
      .where('audit_log.entity', '=', 'post')
      .where('audit_log.entity_id', '=', postId)
      .orderBy('audit_log.id')
      .execute(),
    db
      .selectFrom('post_reviews')
      .innerJoin('users', 'users.id', 'post_reviews.reviewer_id')
      .select([
        'post_reviews.id',
        'post_reviews.reviewer_id',
        'post_reviews.version',
        'post_reviews.stage',
        'post_reviews.decision',
        'post_reviews.comment',
        'post_reviews.created_at',
        'users.name as reviewer_name',
      ])
      .where('post_reviews.post_id', '=', postId)
      .orderBy('post_reviews.id')
      .execute(),
  ]);

  const reviewById = new Map(reviews.map((review) => [review.id, review]));
  const audited = new Set<number>();
  const fromAudit: PostHistoryEntry[] = [];
  for (const audit of audits) {
    const action = audit.action.replace(/^post\./, '');
    if (!HISTORY_ACTIONS.has(action)) continue;
    const state = (audit.after ? JSON.parse(audit.after) : {}) as Partial<PostAuditState>;
    const review = state.reviewId === undefined ? undefined : reviewById.get(state.reviewId);
    if (review) audited.add(review.id);
    fromAudit.push({
      at: audit.created_at,
      actorName: audit.actor_name ?? SYSTEM_ACTOR,
      actorId: audit.actor_name === null ? null : audit.actor_id,
      action,
      version: review?.version ?? state.version ?? 1,
      stage: (review?.stage as ReviewStage | undefined) ?? null,
      comment: review?.comment ?? state.reason ?? null,
    });
  }

  const unaudited: PostHistoryEntry[] = reviews
    .filter((review) => !audited.has(review.id))
    .map((review) => ({
      at: review.created_at,
      actorName: review.reviewer_name,
      actorId: review.reviewer_id,
      action: review.decision === 'approve' ? 'approved' : 'rejected',
      version: review.version,
      stage: review.stage as ReviewStage,
      comment: review.comment,
    }));
  return mergeByTime(unaudited, fromAudit);
}

/** Merges two lists already in order; on equal times the first list's entry comes first. */
function mergeByTime(first: PostHistoryEntry[], second: PostHistoryEntry[]): PostHistoryEntry[] {
  const merged: PostHistoryEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    if (j >= second.length || (i < first.length && first[i].at <= second[j].at)) merged.push(first[i++]);
    else merged.push(second[j++]);
  }
  return merged;
}
