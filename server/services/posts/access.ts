import type { Kysely } from 'kysely';
import { AppError } from '../../../src/core/errors';
import { hasRole, ROLES, type Role } from '../../../src/core/roles';
import type { Database } from '../../db/schema';
import type { StaffActor } from '../staff';

/**
 * 谁主办谁管理: a staff role counts for a post only if it is held for the post's unit or for the
 * street. The route has already checked that the caller holds one of its roles somewhere.
 */
export function rolesOverUnit(actor: StaffActor, unitId: number): Role[] {
  return ROLES.filter((role) => hasRole(actor.grants, role, unitId, actor.streetId));
}

/** The caller's roles over the unit, or 403 when none of `roles` is among them. */
export function assertRoleOverUnit(actor: StaffActor, unitId: number, roles: readonly Role[]): Role[] {
  const held = rolesOverUnit(actor, unitId);
  if (!roles.some((role) => held.includes(role))) throw new AppError('forbidden', { unitId, requiredRoles: roles });
  return held;
}

export async function loadPostRow(db: Kysely<Database>, postId: number) {
  const post = await db.selectFrom('posts').selectAll().where('id', '=', postId).executeTakeFirst();
  if (!post) throw new AppError('not_found', { postId });
  return post;
}
export type PostRow = Awaited<ReturnType<typeof loadPostRow>>;

export async function assertUnitExists(db: Kysely<Database>, unitId: number): Promise<void> {
  const unit = await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw new AppError('validation_failed', { field: 'unitId', unitId }, '所选单位不存在');
}
