import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

/**
 * Instants are stored in UTC and shown in Shanghai time, whatever zone the server or phone is
 * in; a day (a talk's "today", the study-points cap) is a Shanghai calendar day.
 */
export const SHANGHAI = 'Asia/Shanghai';

export function inShanghai(instant: string | Date) {
  return dayjs(instant).tz(SHANGHAI);
}

/** The Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(instant: string | Date): string {
  return inShanghai(instant).format('YYYY-MM-DD');
}

/** 刚刚 / 3 小时前 within a week, then 11月29日, then 2025年11月29日 for another year. */
export function formatPublishedAt(instant: string, now: Date = new Date()): string {
  const at = inShanghai(instant);
  const current = inShanghai(now);
  const ageMs = current.valueOf() - at.valueOf();
  if (ageMs >= 0 && ageMs < 60 * 1000) return '刚刚';
  if (ageMs >= 0 && ageMs < 7 * 24 * 3600 * 1000) return at.from(current);
  return at.year() === current.year() ? at.format('M月D日') : at.format('YYYY年M月D日');
}

/** 11月29日 14:30, for talk times and review history. */
export function formatDateTime(instant: string): string {
  return inShanghai(instant).format('M月D日 HH:mm');
}

export { dayjs };
