import { formatDateTime, inShanghai } from '../../../core/time';

/** 6月1日 09:00–10:30, or with the end's day too when it ends on another Shanghai day. */
export function timeRangeText(start: string, end: string): string {
  const sameDay = inShanghai(start).format('YYYY-MM-DD') === inShanghai(end).format('YYYY-MM-DD');
  return `${formatDateTime(start)}–${sameDay ? inShanghai(end).format('HH:mm') : formatDateTime(end)}`;
}
