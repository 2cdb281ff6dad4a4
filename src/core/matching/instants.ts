import { DAY_MS, MINUTE_MS } from './calendar';
import type { SpeakerTalk } from './types';

/**
 * Stored instants: reading, writing and comparing them, and a speaker's talk times. Instants are
 * stored as `toISOString()` text, which is read and written here with integer arithmetic
 * (several times faster than Date) and, being fixed-width, orders like time. Ranking 10,000
 * speakers touches about 50,000 talks, so these sit together in one module on the hot path.
 */

function digitsAt(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Whether text is an instant as stored (`toISOString()` of a year 1000–9999, e.g.
 * `2026-03-04T06:00:00.000Z`). Such texts order as their instants do, which lets ranking compare
 * most talk times without parsing them.
 */
export function isCanonicalInstant(text: string): boolean {
  return text.length === 24 && text.charCodeAt(10) === 84 /* T */ && text.charCodeAt(23) === 90 /* Z */;
}

/** An instant to compare talk times with: as ms, and as canonical text when it has one. */
export interface InstantBound {
  ms: number;
  text: string | null;
}

export function instantBound(ms: number): InstantBound {
  if (!Number.isFinite(ms)) return { ms, text: null };
  const text = formatInstant(ms);
  return { ms, text: isCanonicalInstant(text) ? text : null };
}

/**
 * Epoch ms of an instant. Stored instants are always `toISOString()` output
 * (`2026-03-04T06:00:00.000Z`), which is read here with integer arithmetic, several times
 * faster than `Date.parse`; anything else falls back to `Date.parse`.
 */
export function parseInstant(text: string): number {
  if (isCanonicalInstant(text)) {
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    const hour = digitsAt(text, 11, 2);
    const minute = digitsAt(text, 14, 2);
    const second = digitsAt(text, 17, 2);
    const milli = digitsAt(text, 20, 3);
    const valid =
      year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
      hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60 && milli >= 0;
    if (valid) {
      return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * MINUTE_MS + second * 1000 + milli;
    }
  }
  return Date.parse(text);
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : `${value}`);
const pad3 = (value: number) => (value < 10 ? `00${value}` : value < 100 ? `0${value}` : `${value}`);

/** The same string as `new Date(ms).toISOString()` for years 1000–9999, built without a Date. */
export function formatInstant(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (!Number.isFinite(ms) || year < 1000 || year > 9999) return new Date(ms).toISOString();
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / MINUTE_MS);
  rest -= minute * MINUTE_MS;
  const second = Math.floor(rest / 1000);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(rest - second * 1000)}Z`;
}

/**
 * A speaker's talk times, read only as far as a step needs them. Stored instants are canonical
 * text that orders like time (isCanonicalInstant), so placing a talk before or after a bound is
 * a string comparison; a talk is parsed only when its exact time matters (near the requested
 * windows) or its text is not canonical. This keeps ranking 10,000 speakers cheap.
 */
export class TalkTimes {
  private readonly starts: (number | undefined)[] = [];

  constructor(readonly talks: readonly SpeakerTalk[]) {}

  get count(): number {
    return this.talks.length;
  }

  start(index: number): number {
    let start = this.starts[index];
    if (start === undefined) {
      start = parseInstant(this.talks[index].startsAt);
      this.starts[index] = start;
    }
    return start;
  }

  /** Whether talk `index` starts before the bound. */
  startsBefore(index: number, bound: InstantBound): boolean {
    const text = this.talks[index].startsAt;
    if (bound.text !== null && isCanonicalInstant(text)) return text < bound.text;
    return this.start(index) < bound.ms;
  }

  /** How many talks start in [from, to). */
  countStarting(from: InstantBound, to: InstantBound): number {
    let count = 0;
    for (let i = 0; i < this.talks.length; i++) if (!this.startsBefore(i, from) && this.startsBefore(i, to)) count++;
    return count;
  }

  /** When the latest of these talks was booked; null for none. */
  latestBooking(indexes: readonly number[]): number | null {
    let latestText: string | null = null;
    let allCanonical = true;
    for (const index of indexes) {
      const text = this.talks[index].bookedAt;
      allCanonical &&= isCanonicalInstant(text);
      if (latestText === null || text > latestText) latestText = text;
    }
    if (latestText === null) return null;
    if (allCanonical) return parseInstant(latestText);
    let latest: number | null = null;
    for (const index of indexes) {
      const booked = parseInstant(this.talks[index].bookedAt);
      if (latest === null || booked > latest) latest = booked;
    }
    return latest;
  }
}
