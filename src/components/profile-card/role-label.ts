import type { Me } from '../../core/api/auth';
import { ROLE_LABELS } from '../../core/roles';

type RoleGrantView = Me['roles'][number];

/** e.g. 编辑 · 惠阳社区 for a community's editor, 编辑 for the street's (which covers all). */
export function roleGrantLabel(grant: RoleGrantView): string {
  const role = ROLE_LABELS[grant.role];
  return grant.unitKind === 'street' ? role : `${role} · ${grant.unitName}`;
}
