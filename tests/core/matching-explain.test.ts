import { groupCandidates, historySince, MATCHING_CONFIG, rankOffer, type CandidateRows } from '../../src/core/matching';
import { DANSHUI, HUIYANG, NOW, request, sh, speaker, talk, TOPIC } from './matching-fixtures';

describe('matching explanations a dispatcher reads', () => {
  it('explains a ranked candidate in plain Chinese, in a fixed order', () => {
    const veteran = speaker(1, {
      team: 'veterans',
      dialect: true,
      topics: [{ topicId: TOPIC, level: 3 }],
      ratings: { sum: 57.6, count: 12 },
      talks: [talk('2026-02-20 10:00'), talk('2026-03-06 10:00')],
    });
    const [candidate] = rankOffer(request({ audienceKinds: ['elderly', 'party'] }), [veteran]).ranked;
    expect(candidate.reasons).toEqual(['同社区', '主题专长', '近30天2场（含已排1场）', '评分4.8（12次）', '方言宣讲', '老书记课堂']);
  });

  it('explains distance, a middle level, no ratings and no history', () => {
    const [candidate] = rankOffer(request(), [speaker(1, { communities: [DANSHUI] })]).ranked;
    expect(candidate.reasons).toEqual(['距场地5.0公里', '熟悉该主题', '近30天0场', '暂无评分']);
  });

  it('says so when a speaker has not listed the communities they serve', () => {
    const [candidate] = rankOffer(request(), [speaker(1, { communities: [], topics: [{ topicId: TOPIC, level: 1 }] })]).ranked;
    expect(candidate.reasons.slice(0, 2)).toEqual(['未登记服务社区', '可讲该主题']);
    expect(candidate.terms.distance).toBe(0);
  });

  it('gives every refusal its own code and sentence', () => {
    const result = rankOffer(request(), [
      speaker(1, { approvedAt: null }),
      speaker(2, { pausedAt: sh('2026-02-28 10:00') }),
      speaker(3, { topics: [] }),
      speaker(4, { talks: [talk('2026-03-04 15:00')] }),
      speaker(5, { maxTalksPerWeek: 2, talks: [talk('2026-03-03 10:00'), talk('2026-03-05 10:00')] }),
      speaker(6, { talks: Array.from({ length: 9 }, (_, day) => talk(`2026-02-1${day} 10:00`)) }),
      speaker(7),
      speaker(8),
    ]);
    expect(result.excluded.map(({ speakerId, refusal }) => [speakerId, refusal.code, refusal.reason])).toEqual([
      [1, 'not_approved', '尚未通过审核'],
      [2, 'paused', '已暂停接单'],
      [3, 'topic_not_offered', '未开设该主题'],
      [4, 'no_free_slot', '所选时段没有空闲'],
      [5, 'weekly_limit_reached', '本周已达上限（每周最多2场）'],
      [6, 'over_share', '近期场次明显偏多（近30天9场，人均3场）'],
    ]);
    expect(result.ranked.map((candidate) => candidate.speakerId)).toEqual([7, 8]);
  });

  it('names the recent period from the config', () => {
    const config = { ...MATCHING_CONFIG, recentDays: 60 };
    const [candidate] = rankOffer(request(), [speaker(1, { talks: [talk('2026-01-10 10:00')] })], config).ranked;
    expect(candidate.reasons).toContain('近60天1场');
  });
});

describe('assembling candidates from table rows', () => {
  const rows: CandidateRows = {
    speakers: [
      { id: 1, team: 'veterans', approvedAt: '2025-01-01T00:00:00.000Z', pausedAt: null, resumedAt: null, maxTalksPerWeek: 5, dialect: 1 },
      { id: 2, team: 'troupe', approvedAt: '2025-01-01T00:00:00.000Z', pausedAt: null, resumedAt: null, maxTalksPerWeek: 5, dialect: 0 },
    ],
    topics: [
      { speakerId: 2, topicId: TOPIC, level: 2 },
      { speakerId: 1, topicId: TOPIC, level: 3 },
      { speakerId: 99, topicId: TOPIC, level: 3 },
    ],
    communities: [
      { speakerId: 1, ...HUIYANG },
      { speakerId: 2, ...DANSHUI },
    ],
    availability: [1, 2].flatMap((speakerId) =>
      [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ speakerId, weekday, startMinute: 8 * 60, endMinute: 21 * 60 })),
    ),
    talks: [
      { speakerId: 1, startsAt: sh('2026-03-04 13:00'), endsAt: sh('2026-03-04 14:00'), bookedAt: sh('2026-02-23 08:00'), lat: HUIYANG.lat, lng: HUIYANG.lng },
      { speakerId: 2, startsAt: sh('2026-02-20 10:00'), endsAt: sh('2026-02-20 11:00'), bookedAt: sh('2026-02-23 08:00'), lat: null, lng: null },
    ],
    ratings: [{ speakerId: 1, sum: '57', count: '12' }],
  };

  it('groups each table’s rows under their speaker', () => {
    const [first, second] = groupCandidates(rows);
    expect(first).toMatchObject({ id: 1, dialect: true, topics: [{ topicId: TOPIC, level: 3 }], communities: [HUIYANG], ratings: { sum: 57, count: 12 } });
    expect(first.talks).toEqual([expect.objectContaining({ venue: { lat: HUIYANG.lat, lng: HUIYANG.lng } })]);
    expect(second).toMatchObject({ id: 2, dialect: false, ratings: { sum: 0, count: 0 }, talks: [expect.objectContaining({ venue: null })] });
    expect(second.availability).toHaveLength(7);
  });

  it('ranks what it assembled like hand-built candidates', () => {
    const result = rankOffer(request({ audienceKinds: ['elderly'] }), groupCandidates(rows));
    expect(result.ranked.map((candidate) => [candidate.speakerId, candidate.slot.start])).toEqual([
      [1, sh('2026-03-04 14:30')],
      [2, sh('2026-03-04 14:00')],
    ]);
  });

  it('tells the server from when to load talks', () => {
    expect(historySince(NOW, MATCHING_CONFIG)).toBe(sh('2026-01-31 08:00'));
  });
});
