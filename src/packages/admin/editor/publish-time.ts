import { SHANGHAI, dayjs, inShanghai } from '../../../core/time';

/**
 * The DatePicker works in the phone's own time zone, but a post is scheduled in Shanghai time
 * whatever zone the phone is set to: the picked wall-clock time is read as Shanghai time.
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

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
