import type { AuthOptions, Me, Session } from '../../../src/core/api/auth';

export const resident: Me = {
  id: 7,
  name: '张桂兰',
  roles: [{ role: 'resident', unitId: 3, unitName: '惠阳社区', unitKind: 'community' }],
  community: { id: 3, name: '惠阳社区' },
  elderMode: false,
  phone: '138****5678',
};

export const communityEditor: Me = {
  id: 12,
  name: '李明',
  roles: [
    { role: 'editor', unitId: 3, unitName: '惠阳社区', unitKind: 'community' },
    { role: 'reviewer', unitId: 1, unitName: '云溪街道', unitKind: 'street' },
  ],
  community: null,
  elderMode: false,
  phone: null,
};

export function sessionFor(user: Me, tokenSuffix = '1'): Session {
  return {
    accessToken: `access-${user.id}-${tokenSuffix}`,
    expiresIn: 900,
    refreshToken: `refresh-${user.id}-${tokenSuffix}`,
    user,
  };
}

export const demoOptions: AuthOptions = {
  devLogin: true,
  passwordLogin: true,
  demoAccounts: [
    { role: 'resident', name: '张桂兰', label: '居民 · 张桂兰' },
    { role: 'speaker', name: '王建国', label: '宣讲员 · 王建国' },
    { role: 'editor', name: '李明', label: '编辑 · 李明' },
  ],
};

/** 初审/复审 for the whole street. */
export const streetReviewer: Me = {
  id: 21,
  name: '王芳',
  roles: [{ role: 'reviewer', unitId: 1, unitName: '云溪街道', unitKind: 'street' }],
  community: null,
  elderMode: false,
  phone: null,
};

/** 终审, and 撤回 of published posts, for the whole street. */
export const streetApprover: Me = {
  id: 22,
  name: '赵强',
  roles: [{ role: 'approver', unitId: 1, unitName: '云溪街道', unitKind: 'street' }],
  community: null,
  elderMode: false,
  phone: null,
};
