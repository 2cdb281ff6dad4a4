import type { Session } from '../../src/core/api/auth';
import type { ReadProgress, StudyRecord } from '../../src/core/api/posts';
import { DAILY_POINTS_CAP, MIN_STUDY_SECONDS, POINTS_PER_STUDIED_POST, READ_HEARTBEAT_SECONDS } from '../../src/core/study';
import { describeEachEngine } from '../support/app';
import { DAY, HOUR, MINUTE, SECOND } from '../support/clock';
import { openNewsroom, publishPost, type Newsroom } from '../support/posts';

/** A short body: studied after MIN_STUDY_SECONDS (20 s), i.e. after two heartbeats. */
const SHORT_BODY = '<p>学习二十大精神，争做文明居民。</p>';

describeEachEngine('学习记录 and 学习积分', (ctx) => {
  let room: Newsroom;
  let nonceSerial = 0;

  beforeAll(async () => {
    room = await openNewsroom(ctx());
  });

  const newPost = async (title = '学习文章') => (await publishPost(ctx(), room, { title, bodyHtml: SHORT_BODY })).id;
  const nextNonce = () => `nonce-${(nonceSerial += 1).toString().padStart(6, '0')}`;
  const report = (reader: Session, postId: number, seconds: number, nonce = nextNonce()) =>
    ctx().request(reader, { method: 'POST', url: `/api/posts/${postId}/reads`, payload: { seconds, nonce } });
  const progress = async (reader: Session, postId: number, seconds: number, nonce?: string): Promise<ReadProgress> => {
    const response = await report(reader, postId, seconds, nonce);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  /** Reads a short post to completion: a heartbeat, 15 s of reading, another heartbeat. */
  const study = async (reader: Session, postId: number): Promise<ReadProgress> => {
    await progress(reader, postId, READ_HEARTBEAT_SECONDS);
    ctx().clock.advance(READ_HEARTBEAT_SECONDS * SECOND);
    return progress(reader, postId, READ_HEARTBEAT_SECONDS);
  };
  const record = async (reader: Session, query = ''): Promise<StudyRecord> =>
    (await ctx().request(reader, { method: 'GET', url: `/api/me/study${query}` })).json();
  const readCountOf = async (postId: number) =>
    (await ctx().app.db.selectFrom('posts').select('read_count').where('id', '=', postId).executeTakeFirstOrThrow()).read_count;

  it('caps a report that claims more time than has passed by the server clock', async () => {
    const reader = await ctx().login('resident', '读者甲');
    const postId = await newPost();
    // Nothing proves when reading began: the first report is worth one heartbeat at most.
    expect((await progress(reader, postId, 600)).seconds).toBe(READ_HEARTBEAT_SECONDS);
    ctx().clock.advance(2 * SECOND);
    // Two seconds later, plus the network slack of five.
    expect((await progress(reader, postId, 60)).seconds).toBe(READ_HEARTBEAT_SECONDS + 7);
  });

  it('credits nothing for a replayed report, and answers the same progress', async () => {
    const reader = await ctx().login('resident', '读者乙');
    const postId = await newPost();
    const first = await progress(reader, postId, 10, 'replayed-nonce-1');
    ctx().clock.advance(10 * SECOND);
    const replay = await progress(reader, postId, 10, 'replayed-nonce-1');
    expect(replay).toEqual(first);
    ctx().clock.advance(DAY);
    expect(await progress(reader, postId, 10, 'replayed-nonce-1')).toEqual(first);
    const rows = await ctx().app.db.selectFrom('post_reads').select('seconds').where('post_id', '=', postId).execute();
    expect(rows).toEqual([{ seconds: 10 }]);
  });

  it('does not let a burst of fresh reports add up to time that did not pass', async () => {
    const reader = await ctx().login('resident', '读者丙');
    const postId = await newPost();
    let last: ReadProgress | undefined;
    for (let index = 0; index < 12; index += 1) last = await progress(reader, postId, 60);
    // One heartbeat for the first report, and the slack of five seconds once.
    expect(last!.seconds).toBe(READ_HEARTBEAT_SECONDS + 5);
    expect(last!.studied).toBe(true);
  });

  it('counts a post as studied at its required time, and gives its points once', async () => {
    const reader = await ctx().login('resident', '读者丁');
    const postId = await newPost();
    const detail = (await ctx().request(null, { method: 'GET', url: `/api/posts/${postId}` })).json();
    expect(detail.requiredSeconds).toBe(MIN_STUDY_SECONDS);

    const halfway = await progress(reader, postId, READ_HEARTBEAT_SECONDS);
    expect(halfway).toMatchObject({ seconds: 15, requiredSeconds: 20, studied: false, points: 0, todayPoints: 0 });
    ctx().clock.advance(4 * SECOND);
    const almost = await progress(reader, postId, 4);
    expect(almost).toMatchObject({ seconds: 19, studied: false, points: 0 });
    ctx().clock.advance(1 * SECOND);
    const done = await progress(reader, postId, 1);
    expect(done).toMatchObject({ seconds: 20, studied: true, points: POINTS_PER_STUDIED_POST, todayPoints: POINTS_PER_STUDIED_POST, dailyCap: DAILY_POINTS_CAP });

    ctx().clock.advance(15 * SECOND);
    const more = await progress(reader, postId, 15);
    expect(more).toMatchObject({ seconds: 35, studied: true, points: POINTS_PER_STUDIED_POST, todayPoints: POINTS_PER_STUDIED_POST });
  });

  it('answers my progress on a post when I open it again, without crediting any time', async () => {
    const reader = await ctx().login('resident', '读者戊');
    const postId = await newPost();
    const mine = (who: Session | null, id = postId) => ctx().request(who, { method: 'GET', url: `/api/posts/${id}/reads/mine` });

    expect((await mine(reader)).json()).toMatchObject({ postId, seconds: 0, studied: false, points: 0, requiredSeconds: MIN_STUDY_SECONDS });
    await progress(reader, postId, READ_HEARTBEAT_SECONDS);
    ctx().clock.advance(HOUR);
    expect((await mine(reader)).json()).toMatchObject({ seconds: READ_HEARTBEAT_SECONDS, studied: false });
    expect((await mine(reader)).json()).toMatchObject({ seconds: READ_HEARTBEAT_SECONDS });

    expect((await mine(null)).statusCode).toBe(401);
    expect((await mine(reader, 99999999)).json()).toMatchObject({ code: 'not_found' });
  });

  it('gives no points today for a post studied yesterday', async () => {
    const reader = await ctx().login('resident', '读者戊');
    const postId = await newPost();
    expect((await study(reader, postId)).points).toBe(POINTS_PER_STUDIED_POST);
    ctx().clock.advance(DAY);
    const again = await study(reader, postId);
    expect(again).toMatchObject({ studied: true, points: POINTS_PER_STUDIED_POST, todayPoints: 0, seconds: 60 });
    const rows = await ctx().app.db.selectFrom('post_reads').select(['day', 'points']).where('post_id', '=', postId).orderBy('day').execute();
    expect(rows.map((row) => row.points)).toEqual([POINTS_PER_STUDIED_POST, 0]);
  });

  it('caps the points of a Shanghai day across many posts, and starts again at Shanghai midnight (16:00 UTC)', async () => {
    ctx().clock.set('2026-12-02T15:50:00.000Z');
    const reader = await ctx().login('resident', '读者己');
    const posts: number[] = [];
    for (let index = 0; index < 7; index += 1) posts.push(await newPost(`封顶测试${index}`));

    const earned: number[] = [];
    for (const postId of posts.slice(0, 6)) earned.push((await study(reader, postId)).points);
    expect(earned).toEqual([2, 2, 2, 2, 2, 0]);
    expect(ctx().clock.now().toISOString() < '2026-12-02T16:00:00.000Z').toBe(true);
    expect((await record(reader)).todayPoints).toBe(DAILY_POINTS_CAP);

    ctx().clock.set('2026-12-02T16:00:00.000Z');
    const afterMidnight = await study(reader, posts[6]);
    expect(afterMidnight).toMatchObject({ points: POINTS_PER_STUDIED_POST, todayPoints: POINTS_PER_STUDIED_POST });
    const studied = await record(reader);
    expect(studied).toMatchObject({ studiedCount: 7, totalPoints: DAILY_POINTS_CAP + POINTS_PER_STUDIED_POST, todayPoints: 2 });
  });

  it('credits 20 concurrent copies of one report once, and counts the reader once', async () => {
    const reader = await ctx().login('resident', '读者庚');
    const postId = await newPost();
    const before = await readCountOf(postId);
    const responses = await Promise.all(Array.from({ length: 20 }, () => report(reader, postId, 12, 'same-report-20')));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(20).fill(200));
    expect(new Set(responses.map((response) => response.body)).size).toBe(1);
    expect(responses[0].json()).toMatchObject({ seconds: 12, studied: false });
    const rows = await ctx().app.db.selectFrom('post_reads').select('seconds').where('post_id', '=', postId).execute();
    expect(rows).toEqual([{ seconds: 12 }]);
    expect(await readCountOf(postId)).toBe(before + 1);
  });

  it('gives points once when concurrent reports complete the same post', async () => {
    const reader = await ctx().login('resident', '读者辛');
    const postId = await newPost();
    await progress(reader, postId, READ_HEARTBEAT_SECONDS);
    ctx().clock.advance(READ_HEARTBEAT_SECONDS * SECOND);
    const responses = await Promise.all(Array.from({ length: 10 }, () => report(reader, postId, READ_HEARTBEAT_SECONDS)));
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    const rows = await ctx().app.db.selectFrom('post_reads').select(['points', 'completed_at']).where('post_id', '=', postId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].points).toBe(POINTS_PER_STUDIED_POST);
    expect((await record(reader)).totalPoints).toBe(POINTS_PER_STUDIED_POST);
  });

  it('counts each reader once in the read count, whatever they report', async () => {
    const postId = await newPost();
    const first = await ctx().login('resident', '读者壬');
    const second = await ctx().login('resident', '读者癸');
    await progress(first, postId, 5);
    ctx().clock.advance(5 * SECOND);
    await progress(first, postId, 5);
    ctx().clock.advance(DAY);
    await progress(first, postId, 5);
    await progress(second, postId, 5);
    expect(await readCountOf(postId)).toBe(2);
    const detail = (await ctx().request(null, { method: 'GET', url: `/api/posts/${postId}` })).json();
    expect(detail.readCount).toBe(2);
  });

  it('shows my studied posts newest first, with time read and totals, page by page', async () => {
    const reader = await ctx().login('resident', '读者子');
    const empty = await record(reader);
    expect(empty).toEqual({ totalSeconds: 0, studiedCount: 0, totalPoints: 0, todayPoints: 0, dailyCap: DAILY_POINTS_CAP, items: [], nextCursor: null });

    const titles = ['记录一', '记录二', '记录三'];
    const ids: number[] = [];
    for (const title of titles) {
      const postId = await newPost(title);
      ids.push(postId);
      await study(reader, postId);
      ctx().clock.advance(MINUTE);
    }
    const unfinished = await newPost('只读了一点');
    await progress(reader, unfinished, 10);

    const firstPage = await record(reader, '?limit=2');
    expect(firstPage).toMatchObject({ totalSeconds: 3 * 30 + 10, studiedCount: 3, totalPoints: 6, todayPoints: 6 });
    expect(firstPage.items.map((item) => item.title)).toEqual(['记录三', '记录二']);
    expect(firstPage.items[0]).toMatchObject({ postId: ids[2], category: 'theory', seconds: 30, points: 2 });
    const secondPage = await record(reader, `?limit=2&cursor=${firstPage.nextCursor}`);
    expect(secondPage.items.map((item) => item.postId)).toEqual([ids[0]]);
    expect(secondPage.nextCursor).toBeNull();

    const other = await ctx().login('resident', '别人');
    expect((await record(other)).studiedCount).toBe(0);
  });

  it('refuses a feed cursor or a forged one on the study record', async () => {
    const reader = await ctx().login('resident', '读者丑');
    const feedCursor = Buffer.from(JSON.stringify(['feed', 0, '2026-11-29T02:00:00.000Z', 3])).toString('base64url');
    for (const cursor of [feedCursor, 'garbage!', 'abcd']) {
      const response = await ctx().request(reader, { method: 'GET', url: `/api/me/study?cursor=${encodeURIComponent(cursor)}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().details.field).toBe('cursor');
    }
  });

  it('needs a signed-in reader, and a post residents can see', async () => {
    const postId = await newPost();
    const anonymous = await ctx().request(null, { method: 'POST', url: `/api/posts/${postId}/reads`, payload: { seconds: 5, nonce: 'anonymous-1' } });
    expect(anonymous.statusCode).toBe(401);
    const reader = await ctx().login('resident', '读者寅');
    const missing = await report(reader, 987654, 5);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    ctx().clock.advance(HOUR);
  });
}, { accessTokenTtlSeconds: 30 * 24 * 3600 });
