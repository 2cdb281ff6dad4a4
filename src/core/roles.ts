/** Roles are held for a unit (the street or one community): (user, role, unit) grants. */
export const ROLES = ['resident', 'speaker', 'editor', 'reviewer', 'approver', 'dispatcher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  speaker: '宣讲员',
  editor: '编辑',
  reviewer: '审核员',
  approver: '终审人',
  dispatcher: '派单员',
  admin: '管理员',
};

/** Who keeps a 签到台账: the staff who run talks (谁主办谁管理), for the units they hold the role for. */
export const LEDGER_ROLES = ['admin', 'dispatcher'] as const satisfies readonly Role[];

/** Roles that belong to the street's staff; their actions are audited. */
export const STAFF_ROLES: readonly Role[] = ['editor', 'reviewer', 'approver', 'dispatcher', 'admin'];

export type UnitKind = 'street' | 'community';

export interface RoleGrant {
  role: Role;
  unitId: number;
}

/**
 * Whether grants allow `role` over `unitId`. A grant held for the street covers every community
 * of it (谁主办谁管理: the street's staff manage all; a community's staff only their own).
 */
export function hasRole(
  grants: readonly RoleGrant[],
  role: Role,
  unitId: number | null,
  streetId: number,
): boolean {
  return grants.some(
    (grant) => grant.role === role && (grant.unitId === streetId || unitId === null || grant.unitId === unitId),
  );
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
