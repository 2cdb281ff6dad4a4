import type { Me } from '../../../core/api/auth';
import type { StaffPost } from '../../../core/api/posts';
import {
  type PostAction,
  type PostDecision,
  type ReviewStage,
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
}

/** Allowed, or refused only for want of the comment or reason the dialog will ask for. */
function allowedOnceExplained(decision: PostDecision): boolean {
  return decision.ok || decision.code === 'comment_required' || decision.code === 'reason_required';
}

/**
 * Asks the one review state machine (src/core/posts) what this user may do. It cannot know who
 * already reviewed this version (the history names people, not ids), so a second review by the
 * same person is offered and the server refuses it with its own message.
 */
export function offeredActions(post: StaffPost, user: Me): OfferedActions {
  const actor = { userId: user.id, roles: rolesOverUnit(user, post.unitId) };
  const state = { status: post.status, authorId: post.authorId };
  const allows = (action: PostAction) => allowedOnceExplained(decidePostAction(state, [], actor, { action }));
  return {
    reviewStage: allows('approve') ? STAGE_OF_STATUS[post.status] : undefined,
    unpublish: allows('unpublish'),
    edit: allows('edit'),
  };
}
