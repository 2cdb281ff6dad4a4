import { AUDIENCE_KINDS, type AudienceKind } from './catalog';

/**
 * 百姓点单: the talk request lifecycle. The server applies these rules and nothing else decides a
 * request's status.
 *
 *   submitted ─offer→ offered ─accept→ accepted ─talk created→ scheduled ─held→ held ─rate→ rated
 *       │               │  ↑ decline/expire → next candidate (stays offered)
 *       └──────┬────────┘  no candidate left / last window passed → unmatched
 *              cancel (requester or staff, with a reason) from any status before held → cancelled
 */
export const TALK_REQUEST_STATUSES = [
  'submitted',
  'offered',
  'accepted',
  'scheduled',
  'held',
  'rated',
  'cancelled',
  'unmatched',
] as const;
export type TalkRequestStatus = (typeof TALK_REQUEST_STATUSES)[number];

export const TALK_REQUEST_STATUS_LABELS: Record<TalkRequestStatus, string> = {
  submitted: '已提交',
  offered: '已派单',
  accepted: '已接单',
  scheduled: '已安排',
  held: '已举办',
  rated: '已评价',
  cancelled: '已取消',
  unmatched: '未匹配',
};

/** The steps the app shows as NutUI Steps, in order. */
export const TALK_REQUEST_STEPS: readonly TalkRequestStatus[] = ['submitted', 'offered', 'accepted', 'scheduled', 'held', 'rated'];

export type TalkRequestAction = 'offer' | 'unmatch' | 'accept' | 'schedule' | 'hold' | 'rate' | 'cancel';

const TRANSITIONS: Record<TalkRequestAction, Partial<Record<TalkRequestStatus, TalkRequestStatus>>> = {
  // Offering again (the next candidate, a dispatcher's override) keeps the request offered.
  offer: { submitted: 'offered', offered: 'offered', unmatched: 'offered' },
  unmatch: { submitted: 'unmatched', offered: 'unmatched' },
  accept: { offered: 'accepted' },
  schedule: { accepted: 'scheduled', offered: 'scheduled' },
  hold: { scheduled: 'held' },
  rate: { held: 'rated' },
  cancel: { submitted: 'cancelled', offered: 'cancelled', accepted: 'cancelled', scheduled: 'cancelled', unmatched: 'cancelled' },
};

export type TalkRequestDecision =
  | { ok: true; status: TalkRequestStatus }
  | { ok: false; code: 'talk_request_wrong_state' };

/** Where `action` takes a request in `status`, or the refusal. */
export function decideTalkRequest(status: TalkRequestStatus, action: TalkRequestAction): TalkRequestDecision {
  const next = TRANSITIONS[action][status];
  return next ? { ok: true, status: next } : { ok: false, code: 'talk_request_wrong_state' };
}

/** Statuses a dispatcher still has work on. */
export const OPEN_TALK_REQUEST_STATUSES: readonly TalkRequestStatus[] = ['submitted', 'offered', 'unmatched'];

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const TALK_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type TalkStatus = (typeof TALK_STATUSES)[number];

/** Knobs of 派单 outside the matching score. */
export const BOOKING_CONFIG = {
  /** How long a speaker has to answer an offer. */
  offerDeadlineHours: 24,
  /** How far ahead a window may be requested. */
  maxDaysAhead: 60,
  minWindows: 1,
  maxWindows: 3,
  minAudience: 1,
  maxAudience: 500,
  maxNoteLength: 200,
  maxReasonLength: 200,
  maxCommentLength: 200,
  /** How often the server sweeps expired offers. */
  sweepIntervalMs: 60_000,
} as const;

export interface OrderWindow {
  start: string;
  end: string;
}

/** The order form (点单), as the app sends it and the server rechecks it. */
export interface TalkOrder {
  windows: readonly OrderWindow[];
  audienceSize: number;
  audienceKinds: readonly string[];
  note?: string;
}

export interface OrderIssue {
  field: string;
  rule: string;
  message: string;
}

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const KIND_KEYS: readonly string[] = AUDIENCE_KINDS.map((kind) => kind.key);

export function isAudienceKind(value: string): value is AudienceKind {
  return KIND_KEYS.includes(value);
}

/**
 * The order form's rules, shared by the app (before sending) and the server (again): one to three
 * windows, each not in the past, ending after it starts, at least the topic's duration long and
 * within `maxDaysAhead`; an audience of 1–500 of known kinds; a short note. Returns every issue,
 * first field first; empty when the order is acceptable.
 */
export function validateTalkOrder(order: TalkOrder, durationMin: number, now: Date): OrderIssue[] {
  const issues: OrderIssue[] = [];
  const nowMs = now.getTime();
  const { windows } = order;
  if (windows.length < BOOKING_CONFIG.minWindows || windows.length > BOOKING_CONFIG.maxWindows) {
    issues.push({ field: 'windows', rule: 'count', message: '请选择1至3个时间段' });
  }
  windows.forEach((window, index) => {
    const field = `windows.${index}`;
    const start = Date.parse(window.start);
    const end = Date.parse(window.end);
    if (!Number.isFinite(start) || !Number.isFinite(end)) {
      issues.push({ field, rule: 'format', message: '时间格式有误' });
    } else if (end <= start) {
      issues.push({ field, rule: 'order', message: '结束时间须晚于开始时间' });
    } else if (start < nowMs) {
      issues.push({ field, rule: 'past', message: '不能选择已过去的时间' });
    } else if (end - start < durationMin * 60_000) {
      issues.push({ field, rule: 'duration', message: `时间段不能短于宣讲时长（${durationMin}分钟）` });
    } else if (end > nowMs + BOOKING_CONFIG.maxDaysAhead * DAY_MS) {
      issues.push({ field, rule: 'too_far', message: `只能预约${BOOKING_CONFIG.maxDaysAhead}天内的时间` });
    }
  });
  if (!Number.isInteger(order.audienceSize) || order.audienceSize < BOOKING_CONFIG.minAudience || order.audienceSize > BOOKING_CONFIG.maxAudience) {
    issues.push({ field: 'audienceSize', rule: 'range', message: '预计人数须在1至500之间' });
  }
  if (order.audienceKinds.length === 0 || order.audienceKinds.some((kind) => !isAudienceKind(kind))) {
    issues.push({ field: 'audienceKinds', rule: 'enum', message: '请选择听众类型' });
  }
  if ((order.note ?? '').length > BOOKING_CONFIG.maxNoteLength) {
    issues.push({ field: 'note', rule: 'maxLength', message: '备注不能超过200字' });
  }
  return issues;
}

/** The latest end of the requested windows: after it, nobody can take the talk any more. */
export function lastWindowEnd(windows: readonly OrderWindow[]): string {
  return windows.reduce((latest, window) => (window.end > latest ? window.end : latest), windows[0]?.end ?? '');
}
