/** A clock tests move by hand; the app reads it through `now()`. */
export class TestClock {
  private current: number;

  constructor(start = '2026-11-29T02:00:00.000Z') {
    this.current = Date.parse(start);
  }

  now = (): Date => new Date(this.current);

  advance(ms: number): void {
    this.current += ms;
  }

  set(iso: string): void {
    this.current = Date.parse(iso);
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
