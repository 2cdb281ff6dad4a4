import { describeEachEngine } from '../support/app';
import { attendees, createTalk, fetchTalkKey, nonce, scan, screenCode } from '../support/checkin';

describeEachEngine('签到: a whole audience at once', (ctx) => {
  beforeEach(() => ctx().clock.set('2026-11-29T06:00:00.000Z'));

  it('checks in 200 distinct attendees scanning concurrently: 200 rows, no error', async () => {
    const talk = await createTalk(ctx());
    const key = await fetchTalkKey(ctx(), talk);
    const audience = await attendees(ctx(), 200, '同场居民');
    const code = screenCode(ctx(), talk.talkId, key);
    const responses = await Promise.all(audience.map((person) => scan(ctx(), person.token, { code })));
    expect(responses.filter((response) => response.statusCode !== 200).map((response) => response.body)).toEqual([]);
    expect(new Set(responses.map((response) => response.json().status))).toEqual(new Set(['checked_in']));
    const rows = await ctx().app.db.selectFrom('checkins').select('user_id').where('talk_id', '=', talk.talkId).execute();
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((row) => row.user_id))).toEqual(new Set(audience.map((person) => person.userId)));
  });

  it('keeps one row when the same attendee scans 20 times concurrently, each answer checked_in or already_checked_in', async () => {
    const talk = await createTalk(ctx());
    const key = await fetchTalkKey(ctx(), talk);
    const [person] = await attendees(ctx(), 1, '连点居民');
    const code = screenCode(ctx(), talk.talkId, key);
    const responses = await Promise.all(Array.from({ length: 20 }, () => scan(ctx(), person.token, { code })));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(20).fill(200));
    const statuses = responses.map((response) => response.json().status);
    expect(statuses.filter((status) => status === 'checked_in')).toHaveLength(1);
    expect(statuses.filter((status) => status === 'already_checked_in')).toHaveLength(19);
    const rows = await ctx().app.db.selectFrom('checkins').selectAll().where('talk_id', '=', talk.talkId).execute();
    expect(rows).toHaveLength(1);
  });

  it('answers the same nonce sent 10 times concurrently with one checked_in answer each and one row', async () => {
    const talk = await createTalk(ctx());
    const key = await fetchTalkKey(ctx(), talk);
    const [person] = await attendees(ctx(), 1, '重发居民');
    const body = { code: screenCode(ctx(), talk.talkId, key), nonce: nonce() };
    const responses = await Promise.all(Array.from({ length: 10 }, () => scan(ctx(), person.token, body)));
    expect(responses.map((response) => response.json().status)).toEqual(Array(10).fill('checked_in'));
    const rows = await ctx().app.db.selectFrom('checkins').selectAll().where('talk_id', '=', talk.talkId).execute();
    expect(rows).toHaveLength(1);
  });
});

describeEachEngine(
  '签到: rate limits',
  (ctx) => {
    it('limits one attendee to 30 scans a minute and answers rate_limited beyond', async () => {
      ctx().clock.set('2026-11-29T06:00:00.000Z');
      const [person] = await attendees(ctx(), 1, '狂点居民');
      const responses = [];
      for (let i = 0; i < 31; i++) responses.push(await scan(ctx(), person.token, { code: 'not-a-code' }));
      expect(responses.slice(0, 30).map((response) => response.statusCode)).toEqual(Array(30).fill(400));
      expect(responses[30].statusCode).toBe(429);
      expect(responses[30].json().code).toBe('rate_limited');
    });

    it('limits scans of one talk per minute across attendees, leaving other talks alone', async () => {
      ctx().clock.set('2026-11-29T06:00:00.000Z');
      const talk = await createTalk(ctx());
      const other = await createTalk(ctx());
      const key = await fetchTalkKey(ctx(), talk);
      const otherKey = await fetchTalkKey(ctx(), other);
      const crowd = await attendees(ctx(), 51, '同一场');
      const code = screenCode(ctx(), talk.talkId, key);
      const statuses = [];
      for (const person of crowd) statuses.push((await scan(ctx(), person.token, { code })).statusCode);
      expect(statuses.slice(0, 50)).toEqual(Array(50).fill(200));
      expect(statuses[50]).toBe(429);
      const elsewhere = await scan(ctx(), crowd[50].token, { code: screenCode(ctx(), other.talkId, otherKey) });
      expect(elsewhere.statusCode).toBe(200);
    });
  },
  // Small limits so the test reaches them; the defaults (30 per attendee, 3,000 per talk) are in config.ts.
  { checkinRateLimitPerUser: 30, checkinRateLimitPerTalk: 50 },
);
