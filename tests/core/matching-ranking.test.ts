import { MATCHING_CONFIG, rankOffer, type MatchRequest, type SpeakerCandidate, type SpeakerTalk } from '../../src/core/matching';
import { dayjs } from '../../src/core/time';
import { DANSHUI, HUIYANG, NOW, request, sh, speaker, talk, TAOYUAN } from './matching-fixtures';

const order = (req: MatchRequest, speakers: SpeakerCandidate[]) => rankOffer(req, speakers).ranked.map((candidate) => candidate.speakerId);

/** A request on a given Shanghai day (14:00–17:00), asked at `now`. */
function requestOn(day: string, now: string): MatchRequest {
  return request({ windows: [{ start: sh(`${day} 14:00`), end: sh(`${day} 17:00`) }], now });
}

const DAYS = ['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-09', '2026-03-10'];

/**
 * Successive requests, each booked to the top candidate as a talk: who got each one.
 * Requests are an hour apart and on different days, so only fairness can move the winner.
 */
function simulateBookings(speakers: SpeakerCandidate[], count: number): number[] {
  const pool = new Map(speakers.map((candidate) => [candidate.id, { ...candidate, talks: [...candidate.talks] }]));
  const winners: number[] = [];
  for (let booking = 0; booking < count; booking++) {
    const now = dayjs(NOW).add(booking, 'hour').toISOString();
    const [top] = rankOffer(requestOn(DAYS[booking], now), [...pool.values()]).ranked;
    const booked: SpeakerTalk = { startsAt: top.slot.start, endsAt: top.slot.end, bookedAt: now, venue: HUIYANG };
    pool.get(top.speakerId)!.talks.push(booked);
    winners.push(top.speakerId);
  }
  return winners;
}

/** Three talks in February, booked on the 1st. */
const threeRecentTalks = () =>
  ['2026-02-10 10:00', '2026-02-15 10:00', '2026-02-20 10:00'].map((at) => talk(at, { bookedAt: sh('2026-02-01 09:00') }));

describe('matching score: fairness (Cal.com rule)', () => {
  it('rotates among otherwise equal speakers: each booking goes to someone new until all had one', () => {
    const equals = [speaker(4), speaker(2), speaker(3), speaker(1)];
    const winners = simulateBookings(equals, 4);
    expect(new Set(winners).size).toBe(4);
    expect(winners).toEqual([1, 2, 3, 4]);
  });

  it('then goes back to the least recently booked', () => {
    expect(simulateBookings([speaker(1), speaker(2), speaker(3)], 5)).toEqual([1, 2, 3, 1, 2]);
  });

  it('puts the speaker furthest below their share first, whatever their id', () => {
    const busy = speaker(1, { talks: threeRecentTalks() });
    const idle = speaker(2);
    expect(order(request(), [busy, idle])).toEqual([2, 1]);
  });

  it('credits a new speaker with the average load, so they are not flooded', () => {
    const established = [1, 2, 3].map((id) => speaker(id, { talks: threeRecentTalks() }));
    const newcomer = speaker(9, { approvedAt: dayjs(NOW).subtract(2, 'day').toISOString() });
    const winners = simulateBookings([...established, newcomer], 4);
    expect(winners.filter((id) => id === 9)).toHaveLength(1);
    expect(new Set(winners)).toEqual(new Set([1, 2, 3, 9]));
    const candidate = rankOffer(request(), [...established, newcomer]).ranked.find((entry) => entry.speakerId === 9)!;
    expect(candidate.reasons).toEqual(expect.arrayContaining(['近30天0场', '新加入，按人均场次计']));
  });

  it('lets a long-standing speaker who really had no talks catch up', () => {
    const established = [1, 2, 3].map((id) => speaker(id, { talks: threeRecentTalks() }));
    const quiet = speaker(9);
    expect(simulateBookings([...established, quiet], 4)).toEqual([9, 9, 9, 1]);
  });

  it('credits a speaker back from a pause the same way, ignoring talks before the pause', () => {
    const established = [1, 2, 3].map((id) => speaker(id, { talks: threeRecentTalks() }));
    const returning = speaker(9, {
      pausedAt: sh('2026-02-12 09:00'),
      resumedAt: dayjs(NOW).subtract(2, 'day').toISOString(),
      talks: [talk('2026-02-05 10:00')],
    });
    const winners = simulateBookings([...established, returning], 4);
    expect(winners.filter((id) => id === 9)).toHaveLength(1);
    expect(new Set(winners)).toEqual(new Set([1, 2, 3, 9]));
    const candidate = rankOffer(request(), [...established, returning]).ranked.find((entry) => entry.speakerId === 9)!;
    expect(candidate.reasons).toEqual(expect.arrayContaining(['近30天1场', '恢复接单，按人均场次计']));
  });

  it('caps out a speaker far ahead of their share, with the reason', () => {
    const eightTalks = Array.from({ length: 8 }, (_, day) => talk(`2026-02-${String(10 + day).padStart(2, '0')} 10:00`));
    const result = rankOffer(request(), [speaker(1, { talks: eightTalks }), speaker(2), speaker(3)]);
    expect(result.ranked.map((candidate) => candidate.speakerId)).toEqual([2, 3]);
    expect(result.excluded).toEqual([
      { speakerId: 1, refusal: { code: 'over_share', reason: '近期场次明显偏多（近30天8场，人均2.7场）' } },
    ]);
  });

  it('keeps a speaker moderately ahead in the ranking, last', () => {
    const fourTalks = ['2026-02-10', '2026-02-11', '2026-02-12', '2026-02-13'].map((day) => talk(`${day} 10:00`));
    expect(order(request(), [speaker(1, { talks: fourTalks }), speaker(2), speaker(3)])).toEqual([2, 3, 1]);
  });

  it('never caps out the only candidate', () => {
    const busy = speaker(1, { talks: Array.from({ length: 9 }, (_, day) => talk(`2026-02-1${day} 10:00`)) });
    expect(order(request(), [busy])).toEqual([1]);
  });
});

describe('matching score: distance, level, rating, audience', () => {
  it('prefers a speaker of the venue’s own community, then the nearer one', () => {
    const fiveKm = speaker(1, { communities: [DANSHUI] });
    const oneKm = speaker(2, { communities: [TAOYUAN] });
    const sameCommunity = speaker(3, { communities: [HUIYANG] });
    const result = rankOffer(request(), [fiveKm, oneKm, sameCommunity]);
    expect(result.ranked.map((candidate) => [candidate.speakerId, candidate.reasons[0]])).toEqual([
      [3, '同社区'],
      [2, '距场地1.0公里'],
      [1, '距场地5.0公里'],
    ]);
  });

  it('measures from the nearest community a speaker serves', () => {
    const both = speaker(1, { communities: [DANSHUI, TAOYUAN] });
    expect(rankOffer(request(), [both]).ranked[0].reasons[0]).toBe('距场地1.0公里');
  });

  it('prefers the higher topic level when all else is equal', () => {
    const beginner = speaker(1, { topics: [{ topicId: 1, level: 1 }] });
    const expert = speaker(2, { topics: [{ topicId: 1, level: 3 }] });
    const result = rankOffer(request(), [beginner, expert]);
    expect(result.ranked.map((candidate) => [candidate.speakerId, candidate.reasons[1]])).toEqual([
      [2, '主题专长'],
      [1, '可讲该主题'],
    ]);
  });

  it('ranks by the Bayesian rating: a 5.0 from one rating does not beat a 4.8 from forty', () => {
    const oneFive = speaker(1, { ratings: [5] });
    const fortyRatings = speaker(2, { ratings: [...Array(32).fill(5), ...Array(8).fill(4)] });
    const result = rankOffer(request(), [oneFive, fortyRatings]);
    expect(result.ranked.map((candidate) => [candidate.speakerId, candidate.reasons[3]])).toEqual([
      [2, '评分4.8（40次）'],
      [1, '评分5.0（1次）'],
    ]);
  });

  it('reads ratings as a list or as the sum and count from SQL alike', () => {
    const asList = rankOffer(request(), [speaker(1, { ratings: [5, 4, 4] })]).ranked[0];
    const asSum = rankOffer(request(), [speaker(1, { ratings: { sum: 13, count: 3 } })]).ranked[0];
    expect(asSum).toEqual(asList);
  });

  it('fits dialect speakers and veterans to an elderly audience', () => {
    const elderly = request({ audienceKinds: ['elderly'] });
    const plain = speaker(1);
    const dialect = speaker(2, { dialect: true });
    const veteranWithDialect = speaker(3, { dialect: true, team: 'veterans' });
    const result = rankOffer(elderly, [plain, dialect, veteranWithDialect]);
    expect(result.ranked.map((candidate) => candidate.speakerId)).toEqual([3, 2, 1]);
    expect(result.ranked[0].reasons.slice(4)).toEqual(['方言宣讲', '老书记课堂']);
  });

  it('fits 青年说 to young people and veterans to party members', () => {
    const youngster = speaker(1, { team: 'youth' });
    const veteran = speaker(2, { team: 'veterans' });
    expect(order(request({ audienceKinds: ['youth'] }), [veteran, youngster])).toEqual([1, 2]);
    expect(order(request({ audienceKinds: ['party'] }), [youngster, veteran])).toEqual([2, 1]);
    expect(rankOffer(request({ audienceKinds: ['youth'] }), [youngster]).ranked[0].reasons).toContain('青年说');
  });

  it('takes its weights from the config', () => {
    const nearBeginner = speaker(1, { topics: [{ topicId: 1, level: 1 }] });
    const farExpert = speaker(2, { topics: [{ topicId: 1, level: 3 }], communities: [DANSHUI] });
    const byDistance = { ...MATCHING_CONFIG, weights: { level: 0, distance: 1, fairness: 0, rating: 0, audience: 0 } };
    const byLevel = { ...MATCHING_CONFIG, weights: { level: 1, distance: 0, fairness: 0, rating: 0, audience: 0 } };
    expect(rankOffer(request(), [nearBeginner, farExpert], byDistance).ranked.map((c) => c.speakerId)).toEqual([1, 2]);
    expect(rankOffer(request(), [nearBeginner, farExpert], byLevel).ranked.map((c) => c.speakerId)).toEqual([2, 1]);
  });

  it('keeps every term and the score in [0, 1]', () => {
    const extremes = [
      speaker(1, { topics: [{ topicId: 1, level: 7 }], ratings: [5, 5, 5, 5, 5, 5, 5, 5], dialect: true, team: 'veterans' }),
      speaker(2, { topics: [{ topicId: 1, level: 0.5 }], ratings: [1, 1, 1], communities: [] }),
    ];
    for (const candidate of rankOffer(request({ audienceKinds: ['elderly', 'party'] }), extremes).ranked) {
      for (const value of [candidate.score, ...Object.values(candidate.terms)]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('matching: never offers to a paused speaker', () => {
  it('leaves out a paused speaker however well they would score, and says why', () => {
    const star = { topics: [{ topicId: 1, level: 3 }], ratings: Array(30).fill(5), dialect: true, team: 'veterans' as const };
    const paused = speaker(1, { ...star, pausedAt: sh('2026-02-28 10:00') });
    const result = rankOffer(request({ audienceKinds: ['elderly'] }), [paused, speaker(2), speaker(3)]);
    expect(result.ranked.map((candidate) => candidate.speakerId)).toEqual([2, 3]);
    expect(result.excluded).toEqual([{ speakerId: 1, refusal: { code: 'paused', reason: '已暂停接单' } }]);
  });

  it('keeps them out across a run of bookings', () => {
    const paused = speaker(1, { pausedAt: sh('2026-02-28 10:00') });
    expect(simulateBookings([paused, speaker(2), speaker(3)], 4)).not.toContain(1);
  });
});

describe('matching: deterministic', () => {
  /** A small seeded crowd: varied levels, communities, ratings, history, teams. */
  function crowd(): SpeakerCandidate[] {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const communities = [HUIYANG, TAOYUAN, DANSHUI];
    const teams = ['veterans', 'youth', 'troupe'] as const;
    return Array.from({ length: 60 }, (_, index) => {
      const talks = Array.from({ length: Math.floor(random() * 5) }, (_, n) =>
        talk(`2026-02-${String(5 + n * 4).padStart(2, '0')} ${String(9 + Math.floor(random() * 8)).padStart(2, '0')}:00`),
      );
      return speaker(index + 1, {
        team: teams[Math.floor(random() * 3)],
        communities: [communities[Math.floor(random() * 3)]],
        dialect: random() < 0.3,
        ratings: Array.from({ length: Math.floor(random() * 6) }, () => 3 + Math.floor(random() * 3)),
        approvedAt: random() < 0.1 ? sh('2026-02-25 09:00') : '2025-01-01T00:00:00.000Z',
        topics: [{ topicId: random() < 0.1 ? 2 : 1, level: 1 + Math.floor(random() * 3) }],
        talks: random() < 0.2 ? [...talks, talk('2026-03-04 15:00')] : talks,
      });
    });
  }

  it('gives the same answer for the same speakers in any order', () => {
    const speakers = crowd();
    const req = request({ audienceKinds: ['elderly', 'party'] });
    const expected = rankOffer(req, speakers);
    expect(expected.ranked.length).toBeGreaterThan(20);
    expect(expected.excluded.length).toBeGreaterThan(0);
    const reversed = [...speakers].reverse();
    const interleaved = [...speakers.filter((_, i) => i % 2 === 1), ...speakers.filter((_, i) => i % 2 === 0)];
    expect(rankOffer(req, reversed)).toEqual(expected);
    expect(rankOffer(req, interleaved)).toEqual(expected);
    expect(JSON.stringify(rankOffer(req, speakers))).toBe(JSON.stringify(expected));
  });

  it('breaks exact ties by speaker id and numbers the ranks', () => {
    const result = rankOffer(request(), [speaker(30), speaker(10), speaker(20)]);
    expect(result.ranked.map((candidate) => [candidate.rank, candidate.speakerId])).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(new Set(result.ranked.map((candidate) => candidate.score)).size).toBe(1);
  });

  it('does not change its input', () => {
    const speakers = crowd();
    const copy = JSON.parse(JSON.stringify(speakers));
    rankOffer(request(), speakers);
    expect(speakers).toEqual(copy);
  });
});
