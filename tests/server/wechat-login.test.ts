import { describeEachEngine } from '../support/app';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat';

let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

describeEachEngine(
  'WeChat login',
  (ctx) => {
    const login = (code: string) => ctx().app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } });
    const userCount = async () =>
      Number((await ctx().app.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('exchanges the code with jscode2session and signs a new resident in', async () => {
      const response = await login('ok:openid-resident-1');
      expect(response.statusCode).toBe(200);
      const session = response.json();
      expect(session.user.name).toBe('微信用户');
      expect(session.user.roles.map((grant: { role: string }) => grant.role)).toEqual(['resident']);
      expect(session.accessToken).toEqual(expect.any(String));
      expect(session.refreshToken).toEqual(expect.any(String));
      const call = wechat.requests.at(-1)!;
      expect(call.path).toBe('/sns/jscode2session');
      expect(call.query).toEqual({
        appid: 'wx-test-app',
        secret: 'test-secret',
        js_code: 'ok:openid-resident-1',
        grant_type: 'authorization_code',
      });
      const me = await ctx().request(session, { method: 'GET', url: '/api/me' });
      expect(me.json().id).toBe(session.user.id);
    });

    it('finds the same user on the next login of that WeChat account', async () => {
      const first = (await login('ok:openid-returning')).json();
      const before = await userCount();
      const second = (await login('ok:openid-returning')).json();
      expect(second.user.id).toBe(first.user.id);
      expect(await userCount()).toBe(before);
    });

    it.each([
      ['err:40029', 400, 'wechat_code_invalid'],
      ['err:40163', 400, 'wechat_code_used'],
      ['err:45011', 429, 'wechat_rate_limited'],
      ['err:40226', 403, 'wechat_user_blocked'],
      ['err:-1', 502, 'wechat_unavailable'],
      ['http:503', 502, 'wechat_unavailable'],
      ['junk', 502, 'wechat_unavailable'],
      ['hang', 502, 'wechat_unavailable'],
    ])('maps WeChat answer %s to %i %s and creates no user', async (code, status, errorCode) => {
      const before = await userCount();
      const response = await login(code);
      expect(response.statusCode).toBe(status);
      const body = response.json();
      expect(body.code).toBe(errorCode);
      expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await userCount()).toBe(before);
    });

    it('refuses an empty or oversized code before calling WeChat', async () => {
      const calls = wechat.requests.length;
      expect((await login('')).statusCode).toBe(400);
      expect((await login('x'.repeat(500))).json().code).toBe('validation_failed');
      expect(wechat.requests.length).toBe(calls);
    });
  },
  () => ({ wechat: { apiBase: wechat.baseUrl, appId: 'wx-test-app', appSecret: 'test-secret', timeoutMs: 300 } }),
);
