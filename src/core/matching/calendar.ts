/**
 * Shanghai calendar arithmetic on epoch milliseconds. China has kept UTC+8 without daylight
 * saving since 1991, so a fixed offset is exact for every date the app will see, and it keeps
 * ranking 10,000 speakers free of time-zone lookups (tests check it against dayjs' zone data).
 */
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
export const WEEK_MS = 7 * DAY_MS;
export const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS;

/** Days since 1970-01-01 of the Shanghai calendar day containing the instant. */
export function shanghaiDayIndex(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The instant of Shanghai midnight starting that day. */
export function shanghaiMidnight(dayIndex: number): number {
  return dayIndex * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** 0 = Sunday, as speaker_availability stores it (1970-01-01 was a Thursday). */
export function weekdayOfDay(dayIndex: number): number {
  return (((dayIndex + 4) % 7) + 7) % 7;
}

/** Shanghai Monday 00:00 of the ISO week containing the instant. */
export function shanghaiIsoWeekStart(ms: number): number {
  const day = shanghaiDayIndex(ms);
  const daysSinceMonday = (weekdayOfDay(day) + 6) % 7;
  return shanghaiMidnight(day - daysSinceMonday);
}

/** Rounds an instant up to the next multiple of the step. */
export function ceilToStep(ms: number, stepMs: number): number {
  return Math.ceil(ms / stepMs) * stepMs;
}
