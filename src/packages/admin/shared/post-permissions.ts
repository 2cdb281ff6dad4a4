import type { Me } from '../../../core/api/auth';
import type { StaffPost } from '../../../core/api/posts';
import {
  type PostAction,
  type PostDecision,
  type ReviewStage,
  type VersionReview,
  STAGE_OF_STATUS,
  decidePostAction,
} from '../../../core/posts';
import { rolesOverUnit } from '../../../services/staff-access';

/** What the review page offers this user for this post. */
export interface OfferedActions {
  /** The stage the user may approve or reject now, if any. */
  reviewStage?: ReviewStage;
  unpublish: boolean;
  edit: boolean;
  /** The user approved an earlier stage of this version, so the next stage needs someone else. */
  alreadyReviewed: boolean;
}

/** Allowed, or refused only for want of the comment or reason the dialog will ask for. */
function allowedOnceExplained(decision: PostDecision): boolean {
  return decision.ok || decision.code === 'comment_required' || decision.code === 'reason_required';
}

/** The approvals this version already has, read from its history as the server's rule reads its reviews. */
export function versionApprovals(post: StaffPost): VersionReview[] {
  return post.history.flatMap((entry) =>
    entry.action === 'approved' && entry.version === post.version && entry.stage !== null && entry.actorId !== null
      ? [{ stage: entry.stage, reviewerId: entry.actorId }]
      : [],
  );
}

/** Asks the one review state machine (src/core/posts) what this user may do with this version. */
export function offeredActions(post: StaffPost, user: Me): OfferedActions {
  const actor = { userId: user.id, roles: rolesOverUnit(user, post.unitId) };
  const state = { status: post.status, authorId: post.authorId };
  const approvals = versionApprovals(post);
  const decide = (action: PostAction) => decidePostAction(state, approvals, actor, { action });
  const allows = (action: PostAction) => allowedOnceExplained(decide(action));
  const approval = decide('approve');
  return {
    reviewStage: allowedOnceExplained(approval) ? STAGE_OF_STATUS[post.status] : undefined,
    unpublish: allows('unpublish'),
    edit: allows('edit'),
    alreadyReviewed: !approval.ok && approval.code === 'reviewer_already_reviewed',
  };
}
