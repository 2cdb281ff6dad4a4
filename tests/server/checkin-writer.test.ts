import type { NewCheckin } from '../../server/services/checkin/record';
import { createCheckinWriter } from '../../server/services/checkin/writer';
import { describeEachEngine } from '../support/app';
import { attendees, createTalk, nonce, type TestTalk } from '../support/checkin';

/** The batches 签到 writes in: what each check-in of a batch comes to, and what is stored. */
describeEachEngine('签到: check-ins written together', (ctx) => {
  let talk: TestTalk;
  beforeAll(async () => {
    ctx().clock.set('2026-11-29T06:00:00.000Z');
    talk = await createTalk(ctx());
  });

  const writer = () => createCheckinWriter(ctx().app.db, ctx().clock.now);
  const checkin = (userId: number, overrides: Partial<NewCheckin> = {}): NewCheckin => ({
    talkId: talk.talkId,
    userId,
    method: 'scan',
    offline: false,
    scannedAtMs: ctx().clock.now().getTime(),
    nonce: nonce(),
    attemptedBy: userId,
    recordedBy: null,
    ...overrides,
  });
  const rowsOf = (userIds: number[]) =>
    ctx().app.db.selectFrom('checkins').select(['user_id', 'nonce']).where('talk_id', '=', talk.talkId).where('user_id', 'in', userIds).execute();

  it('gives each check-in arriving together its own answer: first, repeat, or the retry of a first', async () => {
    const [a, b, c] = await attendees(ctx(), 3, '同批居民');
    const retried = checkin(a.userId);
    const written = writer();
    const outcomes = await Promise.all([
      written.record(retried),
      written.record(checkin(b.userId)),
      written.record({ ...retried }),
      written.record(checkin(b.userId)),
      written.record(checkin(c.userId)),
    ]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['first', 'first', 'first', 'repeat', 'first']);
    const rows = await rowsOf([a.userId, b.userId, c.userId]);
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row.user_id === a.userId)!.nonce).toBe(retried.nonce);
  });

  it('writes nothing for an attempt refused before, and the rest of its batch as usual', async () => {
    const [refused, other] = await attendees(ctx(), 2, '被拒居民');
    const attempt = checkin(refused.userId);
    await ctx()
      .app.db.insertInto('checkin_refusals')
      .values({
        talk_id: talk.talkId,
        user_id: refused.userId,
        attempted_by: refused.userId,
        method: 'scan',
        nonce: attempt.nonce,
        code: 'not_open',
        details: '{}',
        created_at: ctx().clock.now().toISOString(),
      })
      .execute();
    const written = writer();
    const outcomes = await Promise.all([written.record(attempt), written.record(checkin(other.userId))]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['refused', 'first']);
    expect((await rowsOf([refused.userId, other.userId])).map((row) => row.user_id)).toEqual([other.userId]);
  });

  it('fails only the check-in that breaks the statement; the others in its batch are written', async () => {
    const [good, bad] = await attendees(ctx(), 2, '坏批居民');
    const written = writer();
    const [kept, broken] = await Promise.allSettled([
      written.record(checkin(good.userId)),
      written.record(checkin(bad.userId, { talkId: 987_654_321 })), // no such talk: a foreign key violation
    ]);
    expect(kept).toMatchObject({ status: 'fulfilled', value: { kind: 'first' } });
    expect(broken.status).toBe('rejected');
    expect((await rowsOf([good.userId, bad.userId])).map((row) => row.user_id)).toEqual([good.userId]);
  });
});
