import {
  CHECKIN_CLOSES_AFTER_END_MINUTES,
  CHECKIN_OPENS_BEFORE_START_MINUTES,
  checkinPeriod,
  checkinPeriodStatus,
} from '../../src/core/checkin';

/** A talk on 2026-11-29 from 14:30 to 16:00 Shanghai. */
const TALK = { startsAt: '2026-11-29T06:30:00.000Z', endsAt: '2026-11-29T08:00:00.000Z' };
const OPENS = Date.parse('2026-11-29T06:00:00.000Z');
const CLOSES = Date.parse('2026-11-29T08:30:00.000Z');

describe('check-in period of a talk', () => {
  it('opens 30 minutes before the start and closes 30 minutes after the end', () => {
    expect(CHECKIN_OPENS_BEFORE_START_MINUTES).toBe(30);
    expect(CHECKIN_CLOSES_AFTER_END_MINUTES).toBe(30);
    expect(checkinPeriod(TALK)).toEqual({ opensAt: '2026-11-29T06:00:00.000Z', closesAt: '2026-11-29T08:30:00.000Z' });
  });

  it('is not open until the opening instant, open from it', () => {
    expect(checkinPeriodStatus(TALK, OPENS - 1).state).toBe('not_open');
    expect(checkinPeriodStatus(TALK, OPENS).state).toBe('open');
    expect(checkinPeriodStatus(TALK, OPENS - 7 * 24 * 3600 * 1000).state).toBe('not_open');
  });

  it('is open during the talk', () => {
    for (const at of [TALK.startsAt, '2026-11-29T07:15:00.000Z', TALK.endsAt]) expect(checkinPeriodStatus(TALK, at).state).toBe('open');
  });

  it('is open until just before the closing instant, closed from it', () => {
    expect(checkinPeriodStatus(TALK, CLOSES - 1).state).toBe('open');
    expect(checkinPeriodStatus(TALK, CLOSES).state).toBe('closed');
    expect(checkinPeriodStatus(TALK, CLOSES + 24 * 3600 * 1000).state).toBe('closed');
  });

  it('gives the opening and closing instants for the message', () => {
    expect(checkinPeriodStatus(TALK, OPENS - 60_000)).toEqual({
      state: 'not_open',
      opensAt: '2026-11-29T06:00:00.000Z',
      closesAt: '2026-11-29T08:30:00.000Z',
    });
  });

  it('takes instants as ISO text, Date or milliseconds alike', () => {
    const asDates = { startsAt: new Date(TALK.startsAt), endsAt: new Date(TALK.endsAt) };
    const asMs = { startsAt: Date.parse(TALK.startsAt), endsAt: Date.parse(TALK.endsAt) };
    for (const talk of [TALK, asDates, asMs]) {
      expect(checkinPeriodStatus(talk, new Date(OPENS)).state).toBe('open');
      expect(checkinPeriodStatus(talk, '2026-11-29T05:59:59.999Z').state).toBe('not_open');
      expect(checkinPeriodStatus(talk, '2026-11-29T16:30:00+08:00').state).toBe('closed');
    }
  });

  it('treats an instant that is not a time as a bug rather than as open', () => {
    expect(() => checkinPeriodStatus(TALK, Number.NaN)).toThrow(RangeError);
    expect(() => checkinPeriodStatus({ ...TALK, endsAt: 'soon' }, OPENS)).toThrow(RangeError);
  });
});
