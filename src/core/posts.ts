import type { Role } from './roles';

/**
 * 云上微课堂 post lifecycle. 三审三校: 初审 → 复审 → 终审, each by a different person who is not
 * the author. The server applies these rules and nothing else decides a post's status.
 *
 *   draft ─submit→ first_review ─approve→ second_review ─approve→ final_review ─approve→ published
 *     ↑                 │reject               │reject                │reject               │unpublish
 *     └─────────────────┴─────────────────────┴──────────────────────┘                     ↓
 *     └── edit (from any status but published: a new version, review starts over) ── unpublished
 */
export const POST_STATUSES = ['draft', 'first_review', 'second_review', 'final_review', 'published', 'unpublished'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const REVIEW_STAGES = ['first', 'second', 'final'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const REVIEW_STAGE_LABELS: Record<ReviewStage, string> = { first: '初审', second: '复审', final: '终审' };

export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: '草稿',
  first_review: '待初审',
  second_review: '待复审',
  final_review: '待终审',
  published: '已发布',
  unpublished: '已撤回',
};

/** The stage a post waits on in each review status. */
export const STAGE_OF_STATUS: Partial<Record<PostStatus, ReviewStage>> = {
  first_review: 'first',
  second_review: 'second',
  final_review: 'final',
};

/** Who may decide each stage: reviewers do 初审 and 复审, an approver does 终审. */
export const STAGE_ROLE: Record<ReviewStage, Role> = { first: 'reviewer', second: 'reviewer', final: 'approver' };

const NEXT_STATUS: Record<ReviewStage, PostStatus> = {
  first: 'second_review',
  second: 'final_review',
  final: 'published',
};

export type PostAction = 'edit' | 'submit' | 'approve' | 'reject' | 'unpublish';

export interface PostState {
  status: PostStatus;
  authorId: number;
}

/** Approvals already given to the current version of the post. */
export interface VersionReview {
  stage: ReviewStage;
  reviewerId: number;
}

export interface PostActor {
  userId: number;
  /** Roles the actor holds over the post's unit (the caller resolves unit scope). */
  roles: readonly Role[];
}

export type PostRefusal =
  | 'post_wrong_state'
  | 'editor_role_required'
  | 'review_role_required'
  | 'reviewer_is_author'
  | 'reviewer_already_reviewed'
  | 'comment_required'
  | 'reason_required';

export type PostDecision =
  | { ok: true; status: PostStatus; stage?: ReviewStage }
  | { ok: false; code: PostRefusal; stage?: ReviewStage };

export interface PostActionInput {
  action: PostAction;
  /** Reviewer's comment (reject) or the unpublish reason. */
  text?: string;
}

const refuse = (code: PostRefusal, stage?: ReviewStage): PostDecision => ({ ok: false, code, stage });

function hasText(text: string | undefined): boolean {
  return (text ?? '').trim().length > 0;
}

/**
 * Decides one action on a post. Pure: the server loads the post, the current version's
 * approvals and the actor's roles, asks this, and writes what it answers.
 */
export function decidePostAction(
  post: PostState,
  reviews: readonly VersionReview[],
  actor: PostActor,
  input: PostActionInput,
): PostDecision {
  const isEditor = actor.roles.includes('editor');
  switch (input.action) {
    case 'edit':
      if (!isEditor) return refuse('editor_role_required');
      // What residents read must be what was approved: a published post is unpublished (with a
      // reason) before it can change. Any other edit makes a new version that starts review over.
      if (post.status === 'published') return refuse('post_wrong_state');
      return { ok: true, status: 'draft' };
    case 'submit':
      if (!isEditor) return refuse('editor_role_required');
      if (post.status !== 'draft') return refuse('post_wrong_state');
      return { ok: true, status: 'first_review' };
    case 'approve':
    case 'reject': {
      const stage = STAGE_OF_STATUS[post.status];
      if (!stage) return refuse('post_wrong_state');
      if (!actor.roles.includes(STAGE_ROLE[stage])) return refuse('review_role_required', stage);
      if (actor.userId === post.authorId) return refuse('reviewer_is_author', stage);
      if (reviews.some((review) => review.reviewerId === actor.userId)) return refuse('reviewer_already_reviewed', stage);
      if (input.action === 'reject') {
        if (!hasText(input.text)) return refuse('comment_required', stage);
        return { ok: true, status: 'draft', stage };
      }
      return { ok: true, status: NEXT_STATUS[stage], stage };
    }
    case 'unpublish':
      if (!actor.roles.includes('approver') && !actor.roles.includes('admin')) return refuse('review_role_required');
      if (post.status !== 'published') return refuse('post_wrong_state');
      if (!hasText(input.text)) return refuse('reason_required');
      return { ok: true, status: 'unpublished' };
  }
}
