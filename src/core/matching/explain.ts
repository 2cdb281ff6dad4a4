import type { Refusal } from './types';

/**
 * Every sentence a dispatcher reads about a candidate, in one file so the wording stays
 * consistent and tests can pin it.
 */

/** 2 → "2", 2.46 → "2.5": counts and averages without a trailing ".0". */
function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** 4.8 → "4.8", 5 → "5.0" (toFixed without its cost, on ranking's hot path). */
function oneDecimal(value: number): string {
  const tenths = Math.round(value * 10);
  return `${Math.trunc(tenths / 10)}.${Math.abs(tenths % 10)}`;
}

export const refusals = {
  notApproved: (): Refusal => ({ code: 'not_approved', reason: '尚未通过审核' }),
  paused: (): Refusal => ({ code: 'paused', reason: '已暂停接单' }),
  topicNotOffered: (): Refusal => ({ code: 'topic_not_offered', reason: '未开设该主题' }),
  noFreeSlot: (): Refusal => ({ code: 'no_free_slot', reason: '所选时段没有空闲' }),
  outsideWindows: (): Refusal => ({ code: 'outside_windows', reason: '不在所选时段内' }),
  clash: (): Refusal => ({ code: 'clash', reason: '与已安排的宣讲时间冲突（含路程）' }),
  /** The week is the Shanghai ISO week of the slot the speaker would otherwise have had. */
  weeklyLimitReached: (maxTalksPerWeek: number): Refusal => ({
    code: 'weekly_limit_reached',
    reason: `本周已达上限（每周最多${maxTalksPerWeek}场）`,
  }),
  overShare: (recentDays: number, load: number, averageLoad: number): Refusal => ({
    code: 'over_share',
    reason: `近期场次明显偏多（近${recentDays}天${formatNumber(load)}场，人均${formatNumber(averageLoad)}场）`,
  }),
};

export const reasons = {
  sameCommunity: () => '同社区',
  distance: (km: number) => `距场地${oneDecimal(km)}公里`,
  noCommunities: () => '未登记服务社区',
  topicLevel: (level: number) => (level >= 3 ? '主题专长' : level === 2 ? '熟悉该主题' : '可讲该主题'),
  recentTalks: (recentDays: number, count: number, upcoming: number) =>
    upcoming > 0 ? `近${recentDays}天${count}场（含已排${upcoming}场）` : `近${recentDays}天${count}场`,
  newSpeakerCredited: () => '新加入，按人均场次计',
  returningSpeakerCredited: () => '恢复接单，按人均场次计',
  rating: (mean: number, count: number) => (count > 0 ? `评分${oneDecimal(mean)}（${count}次）` : '暂无评分'),
  dialect: () => '方言宣讲',
  veterans: () => '老书记课堂',
  youthTeam: () => '青年说',
};
