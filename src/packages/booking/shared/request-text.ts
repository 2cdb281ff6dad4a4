import type { TalkRequestView } from '../../../core/api/booking';
import { audienceLabel } from '../../../core/catalog';
import { formatDateTime, inShanghai, shanghaiDay } from '../../../core/time';

/** A talk request's wishes in words, as the resident, the dispatcher and the offered speaker see them. */

/** 约 30 人 · 老年人、党员 */
export function audienceText(audience: Pick<TalkRequestView, 'audienceSize' | 'audienceKinds'>): string {
  return `约 ${audience.audienceSize} 人 · ${audience.audienceKinds.map(audienceLabel).join('、')}`;
}

/** 6月1日 09:00–10:30, or both ends in full when a window runs past midnight. */
export function windowText(window: TalkRequestView['windows'][number]): string {
  return shanghaiDay(window.start) === shanghaiDay(window.end)
    ? `${formatDateTime(window.start)}–${inShanghai(window.end).format('HH:mm')}`
    : `${formatDateTime(window.start)} 至 ${formatDateTime(window.end)}`;
}
