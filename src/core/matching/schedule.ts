import { ceilToStep, DAY_MS, MINUTE_MS, shanghaiIsoWeekStart, WEEK_MS } from './calendar';
import type { MatchingConfig } from './config';
import { boundAt, prepareRequest, type RequestContext, type RequestedWindow } from './context';
import { refusals } from './explain';
import { haversineKm } from './geo';
import { parseInstant, TalkTimes } from './instants';
import type { GeoPoint, Instant, MatchRequest, Refusal, SpeakerCandidate, WeeklyAvailability } from './types';

/**
 * The schedule filters: free in a requested window, and under the weekly limit. They are one
 * search because a full week rules out only the slots in that week, not the whole window: the
 * search skips to the next week and the refusal says which of the two stopped it.
 */

/** A longer buffer would mean another city; it also bounds which talks can matter. */
const MAX_BUFFER_MS = DAY_MS;
/** A talk lasts hours: one that started a day before a window cannot reach into it. */
const MAX_TALK_MS = DAY_MS;

interface Interval {
  start: number;
  end: number;
}

export type ScheduleCheck =
  | { ok: true; slotStarts: (number | null)[]; earliestWindow: number }
  | { ok: false; refusal: Refusal };

/** Time kept free around a talk at `talkVenue` before or after one at `venue`. */
export function travelBufferMs(talkVenue: GeoPoint | null, venue: GeoPoint, config: MatchingConfig): number {
  const byDistance = talkVenue === null ? 0 : haversineKm(talkVenue, venue) * config.travelMinutesPerKm;
  return Math.min(MAX_BUFFER_MS, Math.max(config.travelBufferMinutes, byDistance) * MINUTE_MS);
}

/** One speaker's commitments as seen by one request. */
class SpeakerCalendar {
  /** Talks near [from, to), widened by the travel buffer. */
  private readonly busy: Interval[] = [];
  private readonly maxTalksPerWeek: number;
  private countedWeek = NaN;
  private countedTalks = 0;
  weekFullSeen = false;

  constructor(
    speaker: SpeakerCandidate,
    private readonly times: TalkTimes,
    private readonly ctx: RequestContext,
    from: number,
    to: number,
  ) {
    const nearFrom = boundAt(ctx, from - MAX_TALK_MS - MAX_BUFFER_MS);
    const nearTo = boundAt(ctx, to + MAX_BUFFER_MS);
    for (let i = 0; i < times.count; i++) {
      if (times.startsBefore(i, nearFrom) || !times.startsBefore(i, nearTo)) continue;
      const end = parseInstant(speaker.talks[i].endsAt);
      if (end + MAX_BUFFER_MS <= from) continue;
      const buffer = travelBufferMs(speaker.talks[i].venue, ctx.request.venue, ctx.config);
      this.busy.push({ start: times.start(i) - buffer, end: end + buffer });
    }
    this.maxTalksPerWeek = speaker.maxTalksPerWeek;
  }

  clashesWith(start: number, end: number): boolean {
    return this.busy.some((busy) => busy.start < end && busy.end > start);
  }

  weekIsFull(start: number): boolean {
    const weekStart = shanghaiIsoWeekStart(start);
    if (weekStart !== this.countedWeek) {
      this.countedWeek = weekStart;
      this.countedTalks = this.times.countStarting(boundAt(this.ctx, weekStart), boundAt(this.ctx, weekStart + WEEK_MS));
    }
    return this.countedTalks >= this.maxTalksPerWeek;
  }

  /** Earliest start in [from, to) clear of every busy interval and in a week with room. */
  earliestIn(from: number, to: number): number | null {
    const { durationMs, stepMs } = this.ctx;
    let start = ceilToStep(from, stepMs);
    while (start + durationMs <= to) {
      const end = start + durationMs;
      let clearFrom = -Infinity;
      for (const busy of this.busy) if (busy.start < end && busy.end > start) clearFrom = Math.max(clearFrom, busy.end);
      if (clearFrom > -Infinity) {
        start = ceilToStep(clearFrom, stepMs);
        continue;
      }
      if (this.weekIsFull(start)) {
        this.weekFullSeen = true;
        start = ceilToStep(shanghaiIsoWeekStart(start) + WEEK_MS, stepMs);
        continue;
      }
      return start;
    }
    return null;
  }
}

/** The speaker's availability on one weekday in minutes, sorted (usually one or two entries). */
function availabilityOn(weekday: number, availability: readonly WeeklyAvailability[]): WeeklyAvailability[] {
  const day: WeeklyAvailability[] = [];
  for (const window of availability) if (window.weekday === weekday && window.endMinute > window.startMinute) day.push(window);
  if (day.length > 1) day.sort((a, b) => a.startMinute - b.startMinute);
  return day;
}

/**
 * The earliest start inside one requested window: within the speaker's weekly availability laid
 * onto the window's Shanghai days (overlapping or adjacent pieces join, so availability may run
 * past midnight), not before now, clear of their talks and buffers, in a week under their limit.
 */
function earliestInWindow(
  calendar: SpeakerCalendar,
  availability: readonly WeeklyAvailability[],
  window: RequestedWindow,
): number | null {
  let open: Interval | null = null;
  for (const day of window.days) {
    for (const minutes of availabilityOn(day.weekday, availability)) {
      const start = Math.max(day.midnightMs + minutes.startMinute * MINUTE_MS, window.fromMs);
      const end = Math.min(day.midnightMs + minutes.endMinute * MINUTE_MS, window.endMs);
      if (end <= start) continue;
      if (open !== null && start <= open.end) {
        open.end = Math.max(open.end, end);
        continue;
      }
      if (open !== null) {
        const found = calendar.earliestIn(open.start, open.end);
        if (found !== null) return found;
      }
      open = { start, end };
    }
  }
  return open === null ? null : calendar.earliestIn(open.start, open.end);
}

/** Free in at least one requested window, under the weekly limit: the earliest slot per window. */
export function checkSchedule(speaker: SpeakerCandidate, times: TalkTimes, ctx: RequestContext): ScheduleCheck {
  const calendar = new SpeakerCalendar(speaker, times, ctx, ctx.windowsFrom, ctx.windowsTo);
  const slotStarts: (number | null)[] = [];
  let earliestStart = Infinity;
  let earliestWindow = -1;
  ctx.windows.forEach((window, index) => {
    const start = earliestInWindow(calendar, speaker.availability, window);
    slotStarts.push(start);
    if (start !== null && start < earliestStart) {
      earliestStart = start;
      earliestWindow = index;
    }
  });
  if (earliestWindow >= 0) return { ok: true, slotStarts, earliestWindow };
  return {
    ok: false,
    refusal: calendar.weekFullSeen ? refusals.weeklyLimitReached(speaker.maxTalksPerWeek) : refusals.noFreeSlot(),
  };
}

/**
 * Rechecks a start the speaker picked when accepting (接单), inside the accept transaction: in a
 * requested window and not past, clear of their talks with the travel buffer, under the weekly
 * limit. Their standing weekly availability is not applied: picking the time is their own say.
 */
export function checkChosenSlot(
  speaker: SpeakerCandidate,
  request: MatchRequest,
  start: Instant,
  config: MatchingConfig,
): Refusal | null {
  const ctx = prepareRequest(request, config);
  const startMs = parseInstant(start);
  const endMs = startMs + ctx.durationMs;
  const inWindow = ctx.windows.some((window) => startMs >= window.startMs && endMs <= window.endMs);
  if (!inWindow || !(startMs >= ctx.nowMs)) return refusals.outsideWindows();
  const calendar = new SpeakerCalendar(speaker, new TalkTimes(speaker.talks), ctx, startMs, endMs);
  if (calendar.clashesWith(startMs, endMs)) return refusals.clash();
  if (calendar.weekIsFull(startMs)) return refusals.weeklyLimitReached(speaker.maxTalksPerWeek);
  return null;
}
