import { checkinCodeUrl, windowAt } from '../../src/core/checkin';
import { describeEachEngine } from '../support/app';
import { attendees, createTalk, fetchTalkKey, nonce, scan, screenCode, type TestTalk } from '../support/checkin';
import { HOUR, MINUTE, SECOND } from '../support/clock';

describeEachEngine('签到: scanning the rotating code', (ctx) => {
  let talk: TestTalk;
  let key: Uint8Array;
  let serial = 0;
  /** A signed-in attendee whose token is fresh at the clock's current time. */
  const attendee = async () => (await attendees(ctx(), 1, `扫码居民${(serial += 1)}-`))[0];
  const refusalsOf = async (userId: number) =>
    ctx().app.db.selectFrom('checkin_refusals').selectAll().where('attempted_by', '=', userId).execute();
  const checkinsOf = async (talkId: number, userId: number) =>
    ctx().app.db.selectFrom('checkins').selectAll().where('talk_id', '=', talkId).where('user_id', '=', userId).execute();

  beforeAll(async () => {
    ctx().clock.set('2026-11-29T02:00:00.000Z');
    talk = await createTalk(ctx(), { startsInMinutes: 10, durationMinutes: 60 });
    key = await fetchTalkKey(ctx(), talk);
  });

  beforeEach(() => ctx().clock.set('2026-11-29T02:00:00.000Z'));

  it('checks an attendee in with the code on the screen and answers 签到成功 with the talk', async () => {
    const person = await attendee();
    const response = await scan(ctx(), person.token, { code: screenCode(ctx(), talk.talkId, key) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'checked_in',
      talk: { id: talk.talkId, title: '垃圾分类进社区', venueName: expect.any(String), startsAt: talk.startsAt },
      checkedInAt: '2026-11-29T02:00:00.000Z',
      offline: false,
    });
    expect(await checkinsOf(talk.talkId, person.userId)).toHaveLength(1);
  });

  it('answers a second check-in with 已签到 and the first time, never a second row', async () => {
    const person = await attendee();
    await scan(ctx(), person.token, { code: screenCode(ctx(), talk.talkId, key) });
    ctx().clock.advance(3 * MINUTE);
    const again = await scan(ctx(), person.token, { code: screenCode(ctx(), talk.talkId, key) });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'already_checked_in', firstCheckedInAt: '2026-11-29T02:00:00.000Z' });
    expect(await checkinsOf(talk.talkId, person.userId)).toHaveLength(1);
  });

  it('answers a retry with the same nonce exactly as the first attempt', async () => {
    const person = await attendee();
    const body = { code: screenCode(ctx(), talk.talkId, key), nonce: nonce() };
    const first = await scan(ctx(), person.token, body);
    ctx().clock.advance(2 * MINUTE); // the code has long expired: a retry is still the same attempt
    const retry = await scan(ctx(), person.token, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(retry.json().status).toBe('checked_in');
    expect(await checkinsOf(talk.talkId, person.userId)).toHaveLength(1);
  });

  it('answers a refused attempt retried with its nonce with the same refusal, stored once', async () => {
    const person = await attendee();
    const body = { code: screenCode(ctx(), talk.talkId, key, Date.parse('2026-11-29T01:50:00.000Z')), nonce: nonce() };
    const first = await scan(ctx(), person.token, body);
    const retry = await scan(ctx(), person.token, body);
    expect(first.json().code).toBe('expired_code');
    expect(retry.statusCode).toBe(first.statusCode);
    expect(retry.json()).toEqual(first.json());
    expect(await refusalsOf(person.userId)).toHaveLength(1);
  });

  it('keeps the refusal of an attempt retried once it would pass, and checks no one in', async () => {
    ctx().clock.set('2026-11-29T01:39:50.000Z'); // ten seconds before the period opens
    const person = await attendee();
    const body = { code: screenCode(ctx(), talk.talkId, key), nonce: nonce() };
    const first = await scan(ctx(), person.token, body);
    expect(first.json().code).toBe('not_open');

    ctx().clock.advance(15 * SECOND); // open now, and the code is still the previous window
    const neighbour = await attendee();
    expect((await scan(ctx(), neighbour.token, { code: body.code })).json().status).toBe('checked_in');
    const retry = await scan(ctx(), person.token, body);
    expect(retry.statusCode).toBe(first.statusCode);
    expect(retry.json()).toEqual(first.json());
    expect(await checkinsOf(talk.talkId, person.userId)).toHaveLength(0);
    expect(await refusalsOf(person.userId)).toHaveLength(1);
  });

  it('accepts the previous window, the code drawn just before the rotation', async () => {
    const person = await attendee();
    const drawnAt = ctx().clock.now().getTime();
    const code = screenCode(ctx(), talk.talkId, key, drawnAt);
    ctx().clock.set(new Date((windowAt(drawnAt) + 1) * 20 * SECOND + 19 * SECOND).toISOString());
    expect((await scan(ctx(), person.token, { code })).json().status).toBe('checked_in');
  });

  describe('refusals, each with its own code and stored for the organiser', () => {
    const expectRefused = async (userId: number, response: { statusCode: number; json(): any }, code: string, status: number) => {
      expect(response.statusCode).toBe(status);
      expect(response.json().code).toBe(code);
      const stored = await refusalsOf(userId);
      expect(stored.map((row) => row.code)).toEqual([code]);
      return { body: response.json(), stored: stored[0] };
    };

    it('refuses garbage as invalid_code', async () => {
      const person = await attendee();
      await expectRefused(person.userId, await scan(ctx(), person.token, { code: '你好，世界' }), 'invalid_code', 400);
    });

    it('refuses a forged MAC as invalid_code', async () => {
      const person = await attendee();
      const real = screenCode(ctx(), talk.talkId, key);
      const forged = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
      const { stored } = await expectRefused(person.userId, await scan(ctx(), person.token, { code: forged }), 'invalid_code', 400);
      expect(stored.talk_id).toBe(talk.talkId);
    });

    it("refuses one talk's code presented as another talk's as invalid_code", async () => {
      const person = await attendee();
      const other = await createTalk(ctx(), { startsInMinutes: 10 });
      const code = checkinCodeUrl('http://localhost:3000', other.talkId, windowAt(ctx().clock.now().getTime()), key);
      await expectRefused(person.userId, await scan(ctx(), person.token, { code }), 'invalid_code', 400);
    });

    it('refuses a code naming a talk that does not exist as invalid_code', async () => {
      const person = await attendee();
      const code = checkinCodeUrl('http://localhost:3000', 999999, windowAt(ctx().clock.now().getTime()), key);
      await expectRefused(person.userId, await scan(ctx(), person.token, { code }), 'invalid_code', 400);
    });

    it('refuses a photographed code used 5 minutes later as expired_code', async () => {
      const person = await attendee();
      const photo = screenCode(ctx(), talk.talkId, key);
      ctx().clock.advance(5 * MINUTE);
      const fresh = (await attendees(ctx(), 1, '拍照者'))[0];
      await expectRefused(fresh.userId, await scan(ctx(), fresh.token, { code: photo }), 'expired_code', 400);
      expect(person.userId).not.toBe(fresh.userId);
    });

    it('refuses before the period opens as not_open, with the times', async () => {
      ctx().clock.set('2026-11-29T01:00:00.000Z');
      const person = await attendee();
      const { body } = await expectRefused(
        person.userId,
        await scan(ctx(), person.token, { code: screenCode(ctx(), talk.talkId, key) }),
        'not_open',
        409,
      );
      expect(body.details).toEqual({ opensAt: '2026-11-29T01:40:00.000Z', closesAt: '2026-11-29T03:40:00.000Z' });
    });

    it('refuses after the period closed as closed, with the times', async () => {
      ctx().clock.set('2026-11-29T03:40:00.000Z');
      const person = await attendee();
      const { body } = await expectRefused(
        person.userId,
        await scan(ctx(), person.token, { code: screenCode(ctx(), talk.talkId, key) }),
        'closed',
        409,
      );
      expect(body.details).toMatchObject({ closesAt: '2026-11-29T03:40:00.000Z' });
    });

    it('refuses a scan without location at a venue that requires it as location_required', async () => {
      const fenced = await createTalk(ctx(), { requiresLocation: true, venue: { lat: 30.2741, lng: 120.1551, radiusM: 100 } });
      const fencedKey = await fetchTalkKey(ctx(), fenced);
      const person = await attendee();
      await expectRefused(
        person.userId,
        await scan(ctx(), person.token, { code: screenCode(ctx(), fenced.talkId, fencedKey) }),
        'location_required',
        400,
      );
      const inside = await attendee();
      const ok = await scan(ctx(), inside.token, { code: screenCode(ctx(), fenced.talkId, fencedKey), location: { lat: 30.2745, lng: 120.1551 } });
      expect(ok.json().status).toBe('checked_in');
    });

    it('refuses a scan outside the venue radius as outside_area, with the distance and radius', async () => {
      const fenced = await createTalk(ctx(), { requiresLocation: true, venue: { lat: 30.2741, lng: 120.1551, radiusM: 100 } });
      const fencedKey = await fetchTalkKey(ctx(), fenced);
      const person = await attendee();
      const { body } = await expectRefused(
        person.userId,
        await scan(ctx(), person.token, { code: screenCode(ctx(), fenced.talkId, fencedKey), location: { lat: 30.2841, lng: 120.1551 } }),
        'outside_area',
        403,
      );
      expect(body.details.radiusM).toBe(100);
      expect(body.details.distanceM).toBeGreaterThan(1000);
    });

    it('refuses a scan time in the future as scan_time_in_future', async () => {
      const person = await attendee();
      const ahead = new Date(ctx().clock.now().getTime() + 2 * MINUTE);
      await expectRefused(
        person.userId,
        await scan(ctx(), person.token, { code: screenCode(ctx(), talk.talkId, key, ahead.getTime()), scannedAt: ahead.toISOString() }),
        'scan_time_in_future',
        400,
      );
    });
  });

  describe('offline scans', () => {
    it('accepts a queued scan synced hours later when its scan time is inside the code window, marked offline', async () => {
      const scannedAt = new Date(ctx().clock.now().getTime() + 5 * SECOND);
      const code = screenCode(ctx(), talk.talkId, key, scannedAt.getTime());
      ctx().clock.advance(6 * HOUR);
      const person = await attendee();
      const response = await scan(ctx(), person.token, { code, scannedAt: scannedAt.toISOString() });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'checked_in', offline: true, checkedInAt: scannedAt.toISOString() });
      const [row] = await checkinsOf(talk.talkId, person.userId);
      expect(row).toMatchObject({ offline: 1, method: 'scan', scanned_at: scannedAt.toISOString() });
    });

    it('refuses a queued scan whose scan time is outside the code window as expired_code', async () => {
      const drawnAt = ctx().clock.now().getTime();
      const code = screenCode(ctx(), talk.talkId, key, drawnAt);
      const scannedAt = new Date(drawnAt + 2 * MINUTE);
      ctx().clock.advance(HOUR);
      const person = await attendee();
      const response = await scan(ctx(), person.token, { code, scannedAt: scannedAt.toISOString() });
      expect(response.json().code).toBe('expired_code');
      expect((await refusalsOf(person.userId)).map((row) => row.code)).toEqual(['expired_code']);
    });

    it('refuses a queued scan that arrives more than 24 h later as offline_sync_too_late', async () => {
      const scannedAt = ctx().clock.now();
      const code = screenCode(ctx(), talk.talkId, key, scannedAt.getTime());
      ctx().clock.advance(24 * HOUR + MINUTE);
      const person = await attendee();
      const response = await scan(ctx(), person.token, { code, scannedAt: scannedAt.toISOString() });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'offline_sync_too_late', details: { maxDelayHours: 24 } });
      expect((await refusalsOf(person.userId)).map((row) => row.code)).toEqual(['offline_sync_too_late']);
      expect(await checkinsOf(talk.talkId, person.userId)).toHaveLength(0);
    });
  });

  it('answers bad input with 400 naming the field and stores nothing', async () => {
    const person = await attendee();
    const response = await ctx().request(person.token, { method: 'POST', url: '/api/checkins', payload: { code: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation_failed');
    expect(await refusalsOf(person.userId)).toHaveLength(0);
  });

  it('refuses an anonymous scan', async () => {
    const response = await ctx().request(null, { method: 'POST', url: '/api/checkins', payload: { code: 'x', nonce: nonce() } });
    expect(response.statusCode).toBe(401);
  });
});
