import type { Me } from '../../../src/core/api/auth';
import type { LedgerExportLink, LedgerStats } from '../../../src/core/api/ledger';

/** 管理员 for the whole street: the 台账 of every unit. */
export const streetAdmin: Me = {
  id: 41,
  name: '陈静',
  roles: [{ role: 'admin', unitId: 1, unitName: '云溪街道', unitKind: 'street' }],
  community: null,
  elderMode: false,
  phone: null,
};

/** 派单员 of one community: the 台账 of that community only. */
export const communityDispatcher: Me = {
  id: 42,
  name: '周丽',
  roles: [{ role: 'dispatcher', unitId: 3, unitName: '惠阳社区', unitKind: 'community' }],
  community: { id: 3, name: '惠阳社区' },
  elderMode: false,
  phone: null,
};

export const streetChoices: LedgerStats['choices'] = [
  { unitId: 1, name: '云溪街道' },
  { unitId: 3, name: '惠阳社区' },
  { unitId: 4, name: '桃源社区' },
];

export function ledgerStats(overrides: Partial<LedgerStats> = {}): LedgerStats {
  return {
    year: 2026,
    scopeName: '云溪街道',
    talks: 12,
    held: 9,
    checkins: 340,
    byHow: { scan: 251, personal_code: 62, manual: 18, offline: 9 },
    ratings: { count: 96, mean: 4.6 },
    demand: {
      requests: 15,
      held: 9,
      inProgress: 3,
      unmatched: 1,
      cancelled: 2,
      topTopics: [
        { title: '垃圾分类进社区', requests: 5 },
        { title: '基层治理与居民自治', requests: 4 },
      ],
    },
    units: [
      { unitId: 3, name: '惠阳社区', talks: 7, checkins: 215 },
      { unitId: 4, name: '桃源社区', talks: 5, checkins: 125 },
      { unitId: 1, name: '云溪街道', talks: 0, checkins: 0 },
    ],
    choices: streetChoices,
    ...overrides,
  };
}

/** A year in which none of the units held or scheduled a talk. */
export function emptyYear(year: number): LedgerStats {
  return ledgerStats({
    year,
    talks: 0,
    held: 0,
    checkins: 0,
    byHow: { scan: 0, personal_code: 0, manual: 0, offline: 0 },
    ratings: { count: 0, mean: null },
    demand: { requests: 0, held: 0, inProgress: 0, unmatched: 0, cancelled: 0, topTopics: [] },
    units: streetChoices.map((choice) => ({ ...choice, talks: 0, checkins: 0 })),
  });
}

export function exportLink(overrides: Partial<LedgerExportLink> = {}): LedgerExportLink {
  return {
    path: '/api/admin/exports/attendance/file?ticket=t-2025-abc',
    fileName: '云溪街道2025年签到台账.xlsx',
    expiresAt: '2026-06-15T02:05:00.000Z',
    ...overrides,
  };
}
