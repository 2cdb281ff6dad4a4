import type { MatchRequest, SpeakerCandidate, SpeakerTalk } from '../../src/core/matching';
import { dayjs, SHANGHAI } from '../../src/core/time';

/** A Shanghai wall-clock time as a UTC instant, via dayjs' zone data (not matching's own). */
export function sh(localTime: string): string {
  return dayjs.tz(localTime, SHANGHAI).toISOString();
}

/** Monday 2 March 2026, 08:00 in Shanghai. */
export const NOW = sh('2026-03-02 08:00');

/** 惠阳社区, where the venue is, and two other communities 1 km and 5 km east of it. */
export const HUIYANG = { unitId: 2, lat: 22.8, lng: 114.45 };
/** One degree of longitude at 22.8°N is about 102.5 km. */
export const TAOYUAN = { unitId: 3, lat: 22.8, lng: 114.45 + 1 / 102.5 };
export const DANSHUI = { unitId: 4, lat: 22.8, lng: 114.45 + 5 / 102.5 };

export const TOPIC = 1;

const EVERY_DAY_8_TO_21 = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 21 * 60 }));

/** An approved, active speaker serving 惠阳, free 08:00–21:00 every day, no history. */
export function speaker(id: number, overrides: Partial<SpeakerCandidate> = {}): SpeakerCandidate {
  return {
    id,
    team: 'troupe',
    approvedAt: '2025-01-01T00:00:00.000Z',
    pausedAt: null,
    resumedAt: null,
    topics: [{ topicId: TOPIC, level: 2 }],
    communities: [HUIYANG],
    availability: EVERY_DAY_8_TO_21,
    maxTalksPerWeek: 5,
    dialect: false,
    talks: [],
    ratings: [],
    ...overrides,
  };
}

/** A one-hour talk from a Shanghai wall-clock time, booked a week before `NOW`, at 惠阳. */
export function talk(localStart: string, overrides: Partial<SpeakerTalk> = {}): SpeakerTalk {
  const startsAt = sh(localStart);
  return {
    startsAt,
    endsAt: dayjs(startsAt).add(1, 'hour').toISOString(),
    bookedAt: sh('2026-02-23 08:00'),
    venue: { lat: HUIYANG.lat, lng: HUIYANG.lng },
    ...overrides,
  };
}

/** A one-hour talk at 惠阳, Wednesday 4 March 14:00–17:00 Shanghai, for residents. */
export function request(overrides: Partial<MatchRequest> = {}): MatchRequest {
  return {
    topicId: TOPIC,
    venue: HUIYANG,
    windows: [{ start: sh('2026-03-04 14:00'), end: sh('2026-03-04 17:00') }],
    durationMin: 60,
    audienceKinds: ['residents'],
    audienceSize: 40,
    now: NOW,
    ...overrides,
  };
}
