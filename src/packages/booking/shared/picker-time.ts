import { SHANGHAI, dayjs, inShanghai } from '../../../core/time';

/**
 * The DatePicker works in the phone's own time zone, but talks happen in Shanghai time whatever
 * zone the phone is set to: a picked wall-clock time is read as Shanghai time.
 */

/** Picker column values (年, 月, 日, 时, 分) as a Shanghai instant in ISO form. */
export function instantFromPicker(values: ReadonlyArray<string | number | null>): string {
  const [year, month, day, hour, minute] = values.map(Number);
  const wallClock = `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
  return dayjs.tz(wallClock, SHANGHAI).toISOString();
}

/** The instant as the picker's Date, showing the same wall-clock time as in Shanghai. */
export function pickerDateOf(instant: string): Date {
  const at = inShanghai(instant);
  return new Date(at.year(), at.month(), at.date(), at.hour(), at.minute());
}

/** A first suggestion for a window: tomorrow 09:00 in Shanghai, most often a free morning. */
export function tomorrowMorning(now: Date): string {
  const tomorrow = inShanghai(now).add(1, 'day').format('YYYY-MM-DD');
  return dayjs.tz(`${tomorrow} 09:00`, SHANGHAI).toISOString();
}

export function addMinutes(instant: string, minutes: number): string {
  return dayjs(instant).add(minutes, 'minute').toISOString();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
