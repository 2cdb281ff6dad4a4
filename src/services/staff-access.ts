import type { Me } from '../core/api/auth';
import { REVIEW_STAGES, STAGE_ROLE, type ReviewStage } from '../core/posts';
import { LEDGER_ROLES, type Role } from '../core/roles';

/**
 * What the signed-in staff member may do with posts and talk requests, read from their role
 * grants. It only decides what the app offers; the server checks every action again.
 */

type RoleGrantView = Me['roles'][number];

export interface PublishingUnit {
  id: number;
  name: string;
}

const POST_STAFF_ROLES: readonly Role[] = ['editor', 'reviewer', 'approver', 'admin'];

/** Whether 我的 offers 稿件与审核. */
export function worksOnPosts(user: Me): boolean {
  return user.roles.some((grant) => POST_STAFF_ROLES.includes(grant.role));
}

/** The units a user may write posts for: those they hold the editor role for. */
export function editorUnits(user: Me): PublishingUnit[] {
  const units = new Map<number, string>();
  user.roles
    .filter((grant) => grant.role === 'editor')
    .forEach((grant) => units.set(grant.unitId, grant.unitName));
  return [...units].map(([id, name]) => ({ id, name }));
}

/** The review stages a user holds the role for somewhere: reviewers 初审/复审, approvers 终审. */
export function reviewStagesOf(user: Me): ReviewStage[] {
  return REVIEW_STAGES.filter((stage) => user.roles.some((grant) => grant.role === STAGE_ROLE[stage]));
}

function covers(grant: RoleGrantView, unitId: number): boolean {
  // A grant held for the street covers all its communities (谁主办谁管理).
  return grant.unitKind === 'street' || grant.unitId === unitId;
}

/** The roles a user holds over one unit, as the review rules in src/core/posts expect them. */
export function rolesOverUnit(user: Me, unitId: number): Role[] {
  return [...new Set(user.roles.filter((grant) => covers(grant, unitId)).map((grant) => grant.role))];
}

/** 撤回 is for approvers and admins; they reach a published post from the feed. */
export function mayUnpublish(user: Me): boolean {
  return user.roles.some((grant) => grant.role === 'approver' || grant.role === 'admin');
}

/** The roles the server lets into 派单 (server/routes/admin/talk-requests.ts). */
const DISPATCH_ROLES: readonly Role[] = ['dispatcher', 'admin'];

/** Whether 我的 offers 派单台; a community's dispatcher still sees only that community's requests. */
export function isDispatcher(user: Me): boolean {
  return user.roles.some((grant) => DISPATCH_ROLES.includes(grant.role));
}

/** Whether 我的 offers 签到台账; a community's staff still see only their community's talks. */
export function runsLedger(user: Me): boolean {
  return user.roles.some((grant) => (LEDGER_ROLES as readonly Role[]).includes(grant.role));
}
