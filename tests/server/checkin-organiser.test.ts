import type { Session } from '../../src/core/api/auth';
import type { Attendance, CheckinCodeInfo } from '../../src/core/api/checkin';
import {
  checkinCodeUrl,
  decodeTalkKey,
  deriveTalkKey,
  derivePersonalCodeKey,
  personalCode,
  verifyCheckinCode,
  parseCheckinCode,
  windowAt,
} from '../../src/core/checkin';
import { describeEachEngine } from '../support/app';
import { attendees, createTalk, fetchTalkKey, nonce, scan, screenCode, type TestTalk } from '../support/checkin';
import { DAY, HOUR, MINUTE } from '../support/clock';
import { staffAccount } from '../support/posts';

describeEachEngine('签到: organisers, personal codes and 代签到', (ctx) => {
  let talk: TestTalk;
  let resident: Session;

  beforeAll(async () => {
    ctx().clock.set('2026-11-29T02:00:00.000Z');
    talk = await createTalk(ctx(), { startsInMinutes: 10 });
  });
  beforeEach(async () => {
    ctx().clock.set('2026-11-29T02:00:00.000Z');
    resident = await ctx().login('resident', '普通居民王阿姨');
  });

  const get = (session: Session | string, url: string) => ctx().request(session, { method: 'GET', url });
  const attendance = async (session: Session | string = talk.speaker): Promise<Attendance> => {
    const response = await get(session, `/api/talks/${talk.talkId}/attendance`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  describe('GET /api/talks/:id/checkin-code', () => {
    it("gives the speaker the talk's key, from which valid codes are made offline", async () => {
      const speaker = ctx().app.tokens.issueAccess({ userId: talk.speaker.user.id, grants: [] });
      const response = await get(speaker, `/api/talks/${talk.talkId}/checkin-code`);
      expect(response.statusCode).toBe(200);
      const info = response.json() as CheckinCodeInfo;
      expect(info).toMatchObject({
        talkId: talk.talkId,
        rotationSeconds: 20,
        serverTime: '2026-11-29T02:00:00.000Z',
        opensAt: '2026-11-29T01:40:00.000Z',
        closesAt: '2026-11-29T03:40:00.000Z',
        origin: 'http://localhost:3000',
      });
      const key = decodeTalkKey(info.key)!;
      const code = parseCheckinCode(checkinCodeUrl(info.origin, talk.talkId, windowAt(Date.parse(info.serverTime)), key))!;
      expect(verifyCheckinCode(code, key, Date.parse(info.serverTime))).toEqual({ ok: true });
      // The key is the server's derivation from the master secret and this talk's secret.
      const { checkin_secret } = await ctx().app.db.selectFrom('talks').select('checkin_secret').where('id', '=', talk.talkId).executeTakeFirstOrThrow();
      expect(key).toEqual(deriveTalkKey(ctx().app.config.tokenSecret, talk.talkId, checkin_secret));
    });

    it('refuses a resident and staff of another community with 403', async () => {
      expect((await get(resident, `/api/talks/${talk.talkId}/checkin-code`)).statusCode).toBe(403);
      const admin = await ctx().login('admin', '街道管理员');
      const streetId = admin.user.roles[0].unitId;
      const other = await ctx()
        .app.db.insertInto('units')
        .values({ kind: 'community', name: '别的社区', parent_id: streetId, code: 'other-community', created_at: ctx().clock.now().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const otherDispatcher = await staffAccount(ctx(), admin, 'dispatcher_other', [{ role: 'dispatcher', unitId: other.id }]);
      expect((await get(otherDispatcher, `/api/talks/${talk.talkId}/checkin-code`)).statusCode).toBe(403);
      const ownDispatcher = await staffAccount(ctx(), admin, 'dispatcher_own', [{ role: 'dispatcher', unitId: talk.unitId }]);
      expect((await get(ownDispatcher, `/api/talks/${talk.talkId}/checkin-code`)).statusCode).toBe(200);
      expect((await get(admin, `/api/talks/${talk.talkId}/checkin-code`)).statusCode).toBe(200);
    });

    it('answers 404 for a talk that does not exist', async () => {
      expect((await get(talk.speaker.accessToken, '/api/talks/999999/checkin-code')).statusCode).toBe(404);
    });
  });

  describe('代签到 (manual check-in)', () => {
    const manual = (session: Session | string, payload: Record<string, unknown>) =>
      ctx().request(session, { method: 'POST', url: `/api/talks/${talk.talkId}/checkins/manual`, payload });

    it('refuses a non-organiser with 403 and records nothing', async () => {
      const response = await manual(resident, { name: '冒名顶替' });
      expect(response.statusCode).toBe(403);
      const rows = await ctx().app.db.selectFrom('checkins').selectAll().where('attendee_name', '=', '冒名顶替').execute();
      expect(rows).toHaveLength(0);
    });

    it('checks a person in by hand for the organiser, marked manual and audited', async () => {
      const response = await manual(talk.speaker, { name: '张大爷', phone: '13812345678' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ name: '张大爷', phone: '138****5678', method: 'manual', how: 'manual', userId: null });
      const row = await ctx().app.db.selectFrom('checkins').selectAll().where('id', '=', response.json().id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ method: 'manual', user_id: null, attendee_name: '张大爷', recorded_by: talk.speaker.user.id });
      const audit = await ctx()
        .app.db.selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'checkin.manual_recorded')
        .where('entity_id', '=', talk.talkId)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_id).toBe(talk.speaker.user.id);
      expect(JSON.parse(audit[0].after!)).toMatchObject({ name: '张大爷', phone: '138****5678' });
    });

    it('records a 代签到 sent twice with the same nonce once, audited once', async () => {
      const payload = { name: '重复提交的刘奶奶', nonce: nonce() };
      const [first, second] = await Promise.all([manual(talk.speaker, payload), manual(talk.speaker, payload)]);
      expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
      expect(second.json().id).toBe(first.json().id);
      const rows = await ctx().app.db.selectFrom('checkins').select('id').where('attendee_name', '=', '重复提交的刘奶奶').execute();
      expect(rows).toHaveLength(1);
      const audit = await ctx().app.db.selectFrom('audit_log').select('after').where('action', '=', 'checkin.manual_recorded').execute();
      expect(audit.filter((entry) => entry.after?.includes('重复提交的刘奶奶'))).toHaveLength(1);
    });

    it('refuses 代签到 after the period closed, and stores the refusal', async () => {
      ctx().clock.advance(3 * HOUR);
      const speaker = ctx().app.tokens.issueAccess({ userId: talk.speaker.user.id, grants: [] });
      const response = await manual(speaker, { name: '迟到的李阿姨' });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('closed');
      const stored = await ctx().app.db.selectFrom('checkin_refusals').selectAll().where('talk_id', '=', talk.talkId).where('method', '=', 'manual').execute();
      expect(stored.map((row) => [row.code, JSON.parse(row.details).name])).toEqual([['closed', '迟到的李阿姨']]);
    });
  });

  describe('personal codes (我的签到码)', () => {
    const personal = (session: Session | string, body: Record<string, unknown>) =>
      ctx().request(session, { method: 'POST', url: '/api/checkins/personal', payload: { talkId: talk.talkId, nonce: nonce(), ...body } });

    it('issues my personal code with its expiry', async () => {
      const response = await get(resident, '/api/me/checkin-code');
      expect(response.statusCode).toBe(200);
      expect(response.json().code).toMatch(new RegExp(`^ywk-p:${resident.user.id}:`));
      expect(response.json().expiresAt).toBe('2026-12-05T16:00:00.000Z');
    });

    it('checks in the attendee whose personal code the organiser scans', async () => {
      const { code } = (await get(resident, '/api/me/checkin-code')).json();
      const response = await personal(talk.speaker, { code });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        status: 'checked_in',
        attendee: { id: resident.user.id, name: '普通居民王阿姨' },
        offline: false,
      });
      const again = await personal(talk.speaker, { code });
      expect(again.json().status).toBe('already_checked_in');
      const rows = await ctx().app.db.selectFrom('checkins').selectAll().where('talk_id', '=', talk.talkId).where('user_id', '=', resident.user.id).execute();
      expect(rows).toEqual([expect.objectContaining({ method: 'personal_code', recorded_by: talk.speaker.user.id })]);
    });

    it('accepts a personal code scanned offline and synced later, marked offline', async () => {
      const [person] = await attendees(ctx(), 1, '离线个人码');
      const code = personalCode(derivePersonalCodeKey(ctx().app.config.tokenSecret), person.userId, ctx().clock.now().getTime());
      const scannedAt = ctx().clock.now().toISOString();
      ctx().clock.advance(2 * HOUR);
      const speaker = ctx().app.tokens.issueAccess({ userId: talk.speaker.user.id, grants: [] });
      const response = await personal(speaker, { code, scannedAt });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'checked_in', offline: true, checkedInAt: scannedAt });
    });

    it('refuses a forged personal code as personal_code_invalid and stores it', async () => {
      const forged = personalCode(derivePersonalCodeKey('not-the-server-secret-not-the-server'), resident.user.id, ctx().clock.now().getTime());
      const response = await personal(talk.speaker, { code: forged });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('personal_code_invalid');
      const garbage = await personal(talk.speaker, { code: 'ywk-p:garbage' });
      expect(garbage.json().code).toBe('personal_code_invalid');
      const stored = await ctx()
        .app.db.selectFrom('checkin_refusals')
        .select('code')
        .where('talk_id', '=', talk.talkId)
        .where('method', '=', 'personal_code')
        .execute();
      expect(stored.filter((row) => row.code === 'personal_code_invalid').length).toBeGreaterThanOrEqual(2);
    });

    it('refuses a personal code issued more than a week before as personal_code_expired', async () => {
      const old = personalCode(derivePersonalCodeKey(ctx().app.config.tokenSecret), resident.user.id, ctx().clock.now().getTime() - 8 * DAY);
      const response = await personal(talk.speaker, { code: old });
      expect(response.json().code).toBe('personal_code_expired');
    });

    it('refuses a personal-code scan by someone who does not organise the talk', async () => {
      const { code } = (await get(resident, '/api/me/checkin-code')).json();
      const stranger = await ctx().login('resident', '陌生人');
      expect((await personal(stranger, { code })).statusCode).toBe(403);
    });
  });

  describe('attendance', () => {
    it('shows the organiser who checked in, how, and the refused attempts with their reasons', async () => {
      const key = await fetchTalkKey(ctx(), talk);
      const [live, late, refused] = await attendees(ctx(), 3, '名单居民');
      expect((await scan(ctx(), live.token, { code: screenCode(ctx(), talk.talkId, key) })).statusCode).toBe(200);
      const scannedAt = ctx().clock.now().getTime();
      const offlineCode = screenCode(ctx(), talk.talkId, key, scannedAt);
      expect((await scan(ctx(), refused.token, { code: screenCode(ctx(), talk.talkId, key, scannedAt - 10 * MINUTE) })).statusCode).toBe(400);
      ctx().clock.advance(MINUTE);
      const lateToken = ctx().app.tokens.issueAccess({ userId: late.userId, grants: [] });
      expect((await scan(ctx(), lateToken, { code: offlineCode, scannedAt: new Date(scannedAt).toISOString() })).json().offline).toBe(true);

      const record = await attendance();
      expect(record.counts.checkedIn).toBeGreaterThanOrEqual(2);
      expect(record.counts.offline).toBeGreaterThanOrEqual(1);
      const byUser = new Map(record.checkins.map((entry) => [entry.userId, entry]));
      expect(byUser.get(live.userId)).toMatchObject({ how: 'scan', method: 'scan', name: '名单居民0', phone: '139****0000' });
      expect(byUser.get(late.userId)).toMatchObject({ how: 'offline', offline: true });
      const refusal = record.refusals.find((entry) => entry.userId === refused.userId);
      expect(refusal).toMatchObject({ code: 'expired_code', message: '二维码已过期，请重新扫描', name: '名单居民2' });
      expect(record.counts.refused).toBe(record.refusals.length);
      expect(record.counts.checkedIn).toBe(record.counts.scan + record.counts.personalCode + record.counts.manual);
    });

    it('refuses everyone else, the attendees themselves included', async () => {
      expect((await get(resident, `/api/talks/${talk.talkId}/attendance`)).statusCode).toBe(403);
      expect((await ctx().request(null, { method: 'GET', url: `/api/talks/${talk.talkId}/attendance` })).statusCode).toBe(401);
    });
  });

  describe('我的签到', () => {
    it("lists my check-ins and today's registered talks (Shanghai day) with whether I am checked in", async () => {
      const [person] = await attendees(ctx(), 1, '今日居民');
      const key = await fetchTalkKey(ctx(), talk);
      const tomorrow = await createTalk(ctx(), { startsInMinutes: 24 * 60 });
      const at = ctx().clock.now().toISOString();
      await ctx()
        .app.db.insertInto('registrations')
        .values([
          { talk_id: talk.talkId, user_id: person.userId, created_at: at, cancelled_at: null },
          { talk_id: tomorrow.talkId, user_id: person.userId, created_at: at, cancelled_at: null },
        ])
        .execute();
      const before = (await get(person.token, '/api/me/talks/today')).json();
      expect(before.day).toBe('2026-11-29');
      expect(before.items).toEqual([expect.objectContaining({ talk: expect.objectContaining({ id: talk.talkId }), checkedInAt: null, requiresLocation: false })]);

      await scan(ctx(), person.token, { code: screenCode(ctx(), talk.talkId, key) });
      const after = (await get(person.token, '/api/me/talks/today')).json();
      expect(after.items[0].checkedInAt).toBe('2026-11-29T02:00:00.000Z');
      const history = (await get(person.token, '/api/me/checkins')).json();
      expect(history.items).toEqual([expect.objectContaining({ talk: expect.objectContaining({ id: talk.talkId }), method: 'scan', offline: false })]);
    });
  });

  describe('a cancelled talk', () => {
    let cancelled: TestTalk;
    let key: Uint8Array;
    beforeAll(async () => {
      ctx().clock.set('2026-11-29T02:00:00.000Z');
      cancelled = await createTalk(ctx(), { startsInMinutes: 10 });
      key = await fetchTalkKey(ctx(), cancelled);
      // One scan before the cancellation, so the talk is already known to the scan path.
      const [early] = await attendees(ctx(), 1, '取消前签到');
      expect((await scan(ctx(), early.token, { code: screenCode(ctx(), cancelled.talkId, key) })).json().status).toBe('checked_in');
      await ctx().app.db.updateTable('talks').set({ status: 'cancelled' }).where('id', '=', cancelled.talkId).execute();
    });
    const storedFor = (talkId: number) => ctx().app.db.selectFrom('checkin_refusals').select(['code', 'method']).where('talk_id', '=', talkId).execute();

    it('tells the organiser so instead of showing a code', async () => {
      const response = await get(cancelled.speaker, `/api/talks/${cancelled.talkId}/checkin-code`);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'talk_cancelled', message: '这场宣讲已取消，无需签到' });
    });

    it('refuses scans, personal codes and 代签到 as talk_cancelled, stores each refusal, and checks no one in', async () => {
      const [late] = await attendees(ctx(), 1, '取消后扫码');
      const scanned = await scan(ctx(), late.token, { code: screenCode(ctx(), cancelled.talkId, key) });
      expect([scanned.statusCode, scanned.json().code]).toEqual([409, 'talk_cancelled']);

      const { code } = (await get(resident, '/api/me/checkin-code')).json();
      const personal = await ctx().request(cancelled.speaker, { method: 'POST', url: '/api/checkins/personal', payload: { talkId: cancelled.talkId, code, nonce: nonce() } });
      expect([personal.statusCode, personal.json().code]).toEqual([409, 'talk_cancelled']);

      const manual = await ctx().request(cancelled.speaker, { method: 'POST', url: `/api/talks/${cancelled.talkId}/checkins/manual`, payload: { name: '取消后代签' } });
      expect([manual.statusCode, manual.json().code]).toEqual([409, 'talk_cancelled']);

      expect((await storedFor(cancelled.talkId)).sort((a, b) => String(a.method).localeCompare(String(b.method)))).toEqual([
        { code: 'talk_cancelled', method: 'manual' },
        { code: 'talk_cancelled', method: 'personal_code' },
        { code: 'talk_cancelled', method: 'scan' },
      ]);
      const rows = await ctx().app.db.selectFrom('checkins').select('user_id').where('talk_id', '=', cancelled.talkId).execute();
      expect(rows).toHaveLength(1);
    });
  });
});
