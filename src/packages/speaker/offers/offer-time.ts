import type { SpeakerOffer } from '../../../core/api/booking';
import type { OfferStatus } from '../../../core/booking';
import { inShanghai } from '../../../core/time';

const MINUTE_MS = 60_000;
const STEP_MS = 30 * MINUTE_MS;

/** 已处理 offers, as the speaker reads their outcome. */
export const OFFER_STATUS_TEXT: Record<OfferStatus, string> = {
  pending: '待接单',
  accepted: '已接单',
  declined: '已婉拒',
  expired: '已超时',
  withdrawn: '已撤回',
};

/**
 * The starts a speaker may pick when accepting: in each requested window, its own start and then
 * every half hour, as long as the topic still fits before the window ends, never in the past
 * (the server refuses both). Shanghai is a whole-hour offset from UTC, so UTC half hours are
 * Shanghai half hours. Earliest first; overlapping windows give each start once.
 */
export function startChoices(offer: Pick<SpeakerOffer, 'windows' | 'durationMin'>, now: number): string[] {
  const durationMs = offer.durationMin * MINUTE_MS;
  const starts = new Set<number>();
  offer.windows.forEach((window) => {
    const end = Date.parse(window.end);
    for (let start = Date.parse(window.start); start + durationMs <= end; start = Math.floor(start / STEP_MS) * STEP_MS + STEP_MS) {
      if (start >= now) starts.add(start);
    }
  });
  return [...starts].sort((a, b) => a - b).map((start) => new Date(start).toISOString());
}

/** 6月1日 周六 09:00–10:30: the day of the week helps a speaker check their own diary. */
export function startChoiceLabel(startsAt: string, durationMin: number): string {
  const start = inShanghai(startsAt);
  return `${start.format('M月D日 ddd HH:mm')}–${start.add(durationMin, 'minute').format('HH:mm')}`;
}

/** 剩余 5 小时 12 分; null once the deadline has passed. */
export function deadlineText(deadlineAt: string, now: number): string | null {
  const leftMs = Date.parse(deadlineAt) - now;
  if (leftMs <= 0) return null;
  const minutes = Math.floor(leftMs / MINUTE_MS);
  if (minutes === 0) return '剩余不到 1 分';
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `剩余 ${hours} 小时 ${minutes % 60} 分` : `剩余 ${minutes} 分`;
}

/** Under an hour left, the countdown is shown as urgent. */
export function isDeadlineNear(deadlineAt: string, now: number): boolean {
  return Date.parse(deadlineAt) - now < 60 * MINUTE_MS;
}
