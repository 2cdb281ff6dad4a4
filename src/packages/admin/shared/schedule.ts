import { dayjs, formatDateTime } from '../../../core/time';

/**
 * The 定时发布 time, while it is still ahead. Once a post is out, its publish time is simply when
 * it went out (the server records it there too), so it is not a schedule any more.
 */
export function scheduledFor(publishAt: string | null, now: Date = new Date()): string | null {
  return publishAt && dayjs(publishAt).isAfter(now) ? formatDateTime(publishAt) : null;
}
