import type { TalkSummary } from '../../../core/api/booking';
import type { TalkStatus } from '../../../core/booking';
import { inShanghai, shanghaiDay } from '../../../core/time';

/** How the calendar and the talk page word a talk; times are Shanghai time on every phone. */

export const TALK_STATUS_LABELS: Record<TalkStatus, string> = {
  scheduled: '待举办',
  held: '已举办',
  cancelled: '已取消',
};

/** 12月3日 周四 */
export function dayLabel(instant: string): string {
  return inShanghai(instant).format('M月D日 ddd');
}

/** 14:30–16:00, with the end's day as well in the rare talk that runs past midnight. */
export function timeRange(startsAt: string, endsAt: string): string {
  const start = inShanghai(startsAt).format('HH:mm');
  const end = shanghaiDay(startsAt) === shanghaiDay(endsAt) ? inShanghai(endsAt).format('HH:mm') : inShanghai(endsAt).format('M月D日 HH:mm');
  return `${start}–${end}`;
}

/** 已报名 12/80 */
export function seatsText(talk: Pick<TalkSummary, 'registrations' | 'capacity'>): string {
  return `已报名 ${talk.registrations}/${talk.capacity}`;
}

export function isFull(talk: Pick<TalkSummary, 'registrations' | 'capacity'>): boolean {
  return talk.registrations >= talk.capacity;
}
