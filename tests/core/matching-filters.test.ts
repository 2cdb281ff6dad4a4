import { checkChosenSlot, MATCHING_CONFIG, rankOffer, type MatchRequest, type SpeakerCandidate } from '../../src/core/matching';
import { shanghaiDayIndex, shanghaiIsoWeekStart, weekdayOfDay } from '../../src/core/matching/calendar';
import { formatInstant, parseInstant } from '../../src/core/matching/instants';
import { dayjs, inShanghai } from '../../src/core/time';
import { HUIYANG, request, sh, speaker, talk, TOPIC } from './matching-fixtures';

/** What the dispatcher sees for one speaker: the refusal, or the offered slot. */
function outcome(candidate: SpeakerCandidate, req: MatchRequest = request()) {
  const result = rankOffer(req, [candidate]);
  const excluded = result.excluded.find((entry) => entry.speakerId === candidate.id);
  if (excluded) return { refused: excluded.refusal.reason, code: excluded.refusal.code };
  const [ranked] = result.ranked;
  return { slot: ranked.slot.start, slots: ranked.slots.map((slot) => slot?.start ?? null) };
}

describe('matching hard filters: who may be offered the talk', () => {
  it('offers the talk to an approved, active speaker who teaches the topic', () => {
    expect(outcome(speaker(1))).toEqual({ slot: sh('2026-03-04 14:00'), slots: [sh('2026-03-04 14:00')] });
  });

  it('refuses a speaker who is not approved yet', () => {
    expect(outcome(speaker(1, { approvedAt: null }))).toEqual({ refused: '尚未通过审核', code: 'not_approved' });
  });

  it('refuses a paused speaker, and takes them back once resumed', () => {
    expect(outcome(speaker(1, { pausedAt: '2026-02-20T00:00:00.000Z' }))).toEqual({ refused: '已暂停接单', code: 'paused' });
    expect(
      outcome(speaker(1, { pausedAt: '2026-02-20T00:00:00.000Z', resumedAt: '2026-01-10T00:00:00.000Z' })),
    ).toMatchObject({ refused: '已暂停接单' });
    expect(
      outcome(speaker(1, { pausedAt: '2026-01-20T00:00:00.000Z', resumedAt: '2026-02-10T00:00:00.000Z' })),
    ).toMatchObject({ slot: sh('2026-03-04 14:00') });
  });

  it('refuses a speaker who does not teach the topic', () => {
    expect(outcome(speaker(1, { topics: [{ topicId: TOPIC + 1, level: 3 }] }))).toEqual({ refused: '未开设该主题', code: 'topic_not_offered' });
  });
});

describe('matching hard filters: free in a requested window (Shanghai time)', () => {
  /** Monday 9 March 06:00–10:00 in Shanghai: Sunday 22:00 to Monday 02:00 in UTC. */
  const acrossUtcMidnight = request({ windows: [{ start: sh('2026-03-09 06:00'), end: sh('2026-03-09 10:00') }] });

  it('reads weekly availability in Shanghai time across the UTC day boundary', () => {
    const mondayMorning = speaker(1, { availability: [{ weekday: 1, startMinute: 7 * 60, endMinute: 9 * 60 }] });
    const sundayMorning = speaker(2, { availability: [{ weekday: 0, startMinute: 7 * 60, endMinute: 9 * 60 }] });
    expect(outcome(mondayMorning, acrossUtcMidnight)).toMatchObject({ slot: '2026-03-08T23:00:00.000Z' });
    expect(outcome(sundayMorning, acrossUtcMidnight)).toEqual({ refused: '所选时段没有空闲', code: 'no_free_slot' });
  });

  it('needs the whole talk inside one availability window and one requested window', () => {
    const short = speaker(1, { availability: [{ weekday: 3, startMinute: 14 * 60, endMinute: 14 * 60 + 45 }] });
    expect(outcome(short)).toMatchObject({ refused: '所选时段没有空闲' });
    const lateAfternoon = speaker(2, { availability: [{ weekday: 3, startMinute: 16 * 60 + 30, endMinute: 20 * 60 }] });
    expect(outcome(lateAfternoon)).toMatchObject({ refused: '所选时段没有空闲' });
    const fromFour = speaker(3, { availability: [{ weekday: 3, startMinute: 16 * 60, endMinute: 20 * 60 }] });
    expect(outcome(fromFour)).toMatchObject({ slot: sh('2026-03-04 16:00') });
  });

  it('joins overlapping availability pieces, in whatever order they were saved', () => {
    const pieces = speaker(1, {
      availability: [
        { weekday: 3, startMinute: 14 * 60 + 30, endMinute: 16 * 60 },
        { weekday: 3, startMinute: 14 * 60, endMinute: 15 * 60 },
      ],
    });
    expect(outcome(pieces, request({ durationMin: 90 }))).toMatchObject({ slot: sh('2026-03-04 14:00') });
  });

  it('joins availability that runs past midnight into the next day', () => {
    const nightOwl = speaker(1, {
      availability: [
        { weekday: 6, startMinute: 20 * 60, endMinute: 24 * 60 },
        { weekday: 0, startMinute: 0, endMinute: 2 * 60 },
      ],
    });
    const req = request({ durationMin: 240, windows: [{ start: sh('2026-03-07 22:00'), end: sh('2026-03-08 03:00') }] });
    expect(outcome(nightOwl, req)).toMatchObject({ slot: sh('2026-03-07 22:00') });
  });

  it('returns the earliest slot in each window and offers the earliest of all', () => {
    const busyWednesday = speaker(1, { talks: [talk('2026-03-04 14:00')] });
    const req = request({
      windows: [
        { start: sh('2026-03-05 09:00'), end: sh('2026-03-05 12:00') },
        { start: sh('2026-03-04 14:00'), end: sh('2026-03-04 17:00') },
        { start: sh('2026-03-06 19:00'), end: sh('2026-03-06 23:00') },
      ],
    });
    expect(outcome(busyWednesday, req)).toEqual({
      slot: sh('2026-03-04 15:30'),
      slots: [sh('2026-03-05 09:00'), sh('2026-03-04 15:30'), sh('2026-03-06 19:00')],
    });
    const ranked = rankOffer(req, [busyWednesday]).ranked[0];
    expect(ranked.slot).toEqual({ start: sh('2026-03-04 15:30'), end: sh('2026-03-04 16:30'), windowIndex: 1 });
  });

  it('rounds a slot start up to the five-minute step and never offers the past', () => {
    expect(outcome(speaker(1), request({ windows: [{ start: sh('2026-03-04 14:02'), end: sh('2026-03-04 17:00') }] }))).toMatchObject({
      slot: sh('2026-03-04 14:05'),
    });
    const halfPast = request({ now: sh('2026-03-04 14:21') });
    expect(outcome(speaker(1), halfPast)).toMatchObject({ slot: sh('2026-03-04 14:25') });
    expect(outcome(speaker(1), request({ now: sh('2026-03-04 16:30') }))).toMatchObject({ refused: '所选时段没有空闲' });
  });
});

describe('matching hard filters: travel buffer around other talks', () => {
  it('keeps 30 minutes free after a talk nearby', () => {
    expect(outcome(speaker(1, { talks: [talk('2026-03-04 13:00')] }))).toMatchObject({ slot: sh('2026-03-04 14:30') });
  });

  it('keeps 30 minutes free before a talk nearby', () => {
    expect(outcome(speaker(1, { talks: [talk('2026-03-04 15:30')] }))).toMatchObject({ slot: sh('2026-03-04 14:00') });
    expect(outcome(speaker(2, { talks: [talk('2026-03-04 15:00')] }))).toEqual({ refused: '所选时段没有空闲', code: 'no_free_slot' });
  });

  it('keeps longer between venues far apart (3 minutes per km)', () => {
    /** 19.9 km north (one degree of latitude is 111.2 km): 59.7 minutes, then the 5-minute step. */
    const farAway = { lat: HUIYANG.lat + 19.9 / 111.195, lng: HUIYANG.lng };
    expect(outcome(speaker(1, { talks: [talk('2026-03-04 13:00', { venue: farAway })] }))).toMatchObject({ slot: sh('2026-03-04 15:00') });
  });

  it('applies the fixed buffer when the other venue is unknown', () => {
    expect(outcome(speaker(1, { talks: [talk('2026-03-04 13:00', { venue: null })] }))).toMatchObject({ slot: sh('2026-03-04 14:30') });
  });

  it('takes the buffer from the config', () => {
    const config = { ...MATCHING_CONFIG, travelBufferMinutes: 60 };
    const result = rankOffer(request(), [speaker(1, { talks: [talk('2026-03-04 13:00')] })], config);
    expect(result.ranked[0].slot.start).toBe(sh('2026-03-04 15:00'));
  });
});

describe('matching hard filters: weekly limit in the Shanghai ISO week', () => {
  /** Monday 9 March 07:00–09:00 Shanghai, which is still Sunday 8 March in UTC. */
  const mondayMorning = request({ windows: [{ start: sh('2026-03-09 07:00'), end: sh('2026-03-09 09:00') }] });
  const fromSeven = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 7 * 60, endMinute: 21 * 60 }));

  it('counts a Shanghai Sunday talk in the previous week, though UTC puts both on one Sunday', () => {
    const sundayTalk = speaker(1, { availability: fromSeven, maxTalksPerWeek: 1, talks: [talk('2026-03-08 10:00')] });
    expect(outcome(sundayTalk, mondayMorning)).toMatchObject({ slot: sh('2026-03-09 07:00') });
  });

  it('refuses a speaker whose Shanghai week of the slot is full', () => {
    const mondayNoonTalk = speaker(1, { availability: fromSeven, maxTalksPerWeek: 1, talks: [talk('2026-03-09 12:00')] });
    expect(outcome(mondayNoonTalk, mondayMorning)).toEqual({ refused: '本周已达上限（每周最多1场）', code: 'weekly_limit_reached' });
    const twoAllowed = speaker(2, { availability: fromSeven, maxTalksPerWeek: 2, talks: [talk('2026-03-09 12:00')] });
    expect(outcome(twoAllowed, mondayMorning)).toMatchObject({ slot: sh('2026-03-09 07:00') });
  });

  it('skips a full week inside a long window and offers the next week', () => {
    const fullThisWeek = speaker(1, { maxTalksPerWeek: 2, talks: [talk('2026-03-03 10:00'), talk('2026-03-05 10:00')] });
    const twoWeeks = request({ windows: [{ start: sh('2026-03-04 09:00'), end: sh('2026-03-12 18:00') }] });
    expect(outcome(fullThisWeek, twoWeeks)).toMatchObject({ slot: sh('2026-03-09 08:00') });
  });

  it('says the schedule, not the limit, when no slot was free at all', () => {
    const fullAndBusy = speaker(1, { maxTalksPerWeek: 1, talks: [talk('2026-03-04 15:00')] });
    expect(outcome(fullAndBusy)).toMatchObject({ code: 'no_free_slot' });
  });
});

describe('rechecking the start a speaker picks when accepting', () => {
  const config = MATCHING_CONFIG;

  it('accepts a start inside a window, clear of other talks', () => {
    expect(checkChosenSlot(speaker(1), request(), sh('2026-03-04 15:10'), config)).toBeNull();
  });

  it('refuses a start outside the requested windows, or running past one', () => {
    expect(checkChosenSlot(speaker(1), request(), sh('2026-03-04 16:30'), config)).toEqual({ code: 'outside_windows', reason: '不在所选时段内' });
    expect(checkChosenSlot(speaker(1), request(), sh('2026-03-04 13:00'), config)?.code).toBe('outside_windows');
  });

  it('refuses a start that clashes with another talk including the buffer', () => {
    const busy = speaker(1, { talks: [talk('2026-03-04 13:00')] });
    expect(checkChosenSlot(busy, request(), sh('2026-03-04 14:15'), config)).toEqual({ code: 'clash', reason: '与已安排的宣讲时间冲突（含路程）' });
    expect(checkChosenSlot(busy, request(), sh('2026-03-04 14:30'), config)).toBeNull();
  });

  it('refuses a start in a full week', () => {
    const full = speaker(1, { maxTalksPerWeek: 1, talks: [talk('2026-03-06 10:00')] });
    expect(checkChosenSlot(full, request(), sh('2026-03-04 14:00'), config)?.code).toBe('weekly_limit_reached');
  });
});

describe('Shanghai calendar arithmetic', () => {
  it('agrees with dayjs time-zone data on weekday and ISO week for every hour of a year', () => {
    const start = dayjs('2026-01-01T00:00:00.000Z');
    for (let hour = 0; hour < 366 * 24; hour += 7) {
      const instant = start.add(hour, 'hour');
      const local = inShanghai(instant.toDate());
      expect(weekdayOfDay(shanghaiDayIndex(instant.valueOf()))).toBe(local.day());
      const monday = local.subtract((local.day() + 6) % 7, 'day').startOf('day');
      expect(shanghaiIsoWeekStart(instant.valueOf())).toBe(monday.valueOf());
    }
  });

  it('reads and writes stored instants exactly as Date.parse and toISOString do', () => {
    for (let ms = Date.UTC(1999, 11, 31, 23, 59, 59, 999); ms < Date.UTC(2101, 0, 1); ms += 86_399_997 * 3) {
      const text = new Date(ms).toISOString();
      expect(parseInstant(text)).toBe(ms);
      expect(formatInstant(ms)).toBe(text);
    }
    expect(parseInstant('2028-02-29T12:00:00.000Z')).toBe(Date.parse('2028-02-29T12:00:00.000Z'));
  });

  it('leaves other spellings and odd dates to Date.parse', () => {
    expect(parseInstant('2026-03-04T14:00:00+08:00')).toBe(Date.parse('2026-03-04T06:00:00.000Z'));
    expect(parseInstant('2026-03-04T06:00:00Z')).toBe(Date.parse('2026-03-04T06:00:00.000Z'));
    for (const odd of ['2026-02-29T06:00:00.000Z', '2026-13-01T06:00:00.000Z', '2026-03-04T24:00:00.000Z', 'not a time']) {
      expect(parseInstant(odd)).toBe(Date.parse(odd));
    }
  });
});
