import { DAY_MS, MINUTE_MS, shanghaiDayIndex, shanghaiMidnight, weekdayOfDay } from './calendar';
import type { MatchingConfig } from './config';
import { formatInstant, instantBound, parseInstant, type InstantBound } from './instants';
import type { Instant, MatchRequest } from './types';

/** A Shanghai calendar day a window touches, to lay weekly availability onto. */
export interface WindowDay {
  midnightMs: number;
  /** 0 = Sunday. */
  weekday: number;
}

export interface RequestedWindow {
  startMs: number;
  endMs: number;
  /** Where a slot may start: the window's start, or now if later. */
  fromMs: number;
  /** The Shanghai days from `fromMs` to the end; empty when no talk fits. */
  days: WindowDay[];
}

/** A request with its instants parsed once, shared by every candidate's checks. */
export interface RequestContext {
  request: MatchRequest;
  config: MatchingConfig;
  nowMs: number;
  durationMs: number;
  stepMs: number;
  /** Requested windows in epoch ms; an unparsable or empty window is kept (it finds no slot). */
  windows: RequestedWindow[];
  /** Earliest window start and latest window end: talks far outside cannot clash. */
  windowsFrom: number;
  windowsTo: number;
  /** Start of the "recent talks" period. */
  historyStartMs: number;
  /** Bounds every candidate compares talk times with (week edges, …), formatted once per request. */
  bounds: Map<number, InstantBound>;
}

/** The bound for an instant, shared by all candidates of this request. */
export function boundAt(ctx: RequestContext, ms: number): InstantBound {
  let bound = ctx.bounds.get(ms);
  if (bound === undefined) {
    bound = instantBound(ms);
    ctx.bounds.set(ms, bound);
  }
  return bound;
}

/**
 * The earliest talk start the server must load for each candidate: the recent period for
 * fairness. It also covers the weekly limit (a slot's ISO week starts at most 7 days before now
 * as long as recentDays ≥ 7) and conflicts (slots are never before now).
 */
export function historySince(now: Instant, config: MatchingConfig): Instant {
  return formatInstant(parseInstant(now) - config.recentDays * DAY_MS);
}

export function requestedWindow(startMs: number, endMs: number, nowMs: number, durationMs: number): RequestedWindow {
  const fromMs = Math.max(startMs, nowMs);
  const days: WindowDay[] = [];
  if (fromMs + durationMs <= endMs) {
    for (let day = shanghaiDayIndex(fromMs); day <= shanghaiDayIndex(endMs - 1); day++) {
      days.push({ midnightMs: shanghaiMidnight(day), weekday: weekdayOfDay(day) });
    }
  }
  return { startMs, endMs, fromMs, days };
}

export function prepareRequest(request: MatchRequest, config: MatchingConfig): RequestContext {
  const nowMs = parseInstant(request.now);
  const durationMs = request.durationMin * MINUTE_MS;
  const windows = request.windows.map((window) => requestedWindow(parseInstant(window.start), parseInstant(window.end), nowMs, durationMs));
  return {
    request,
    config,
    nowMs,
    durationMs,
    stepMs: Math.max(1, config.slotStepMinutes) * MINUTE_MS,
    windows,
    windowsFrom: Math.min(...windows.map((window) => window.startMs)),
    windowsTo: Math.max(...windows.map((window) => window.endMs)),
    historyStartMs: nowMs - config.recentDays * DAY_MS,
    bounds: new Map(),
  };
}
