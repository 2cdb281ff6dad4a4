import type { Session } from '../../src/core/api/auth';
import { describeEachEngine } from '../support/app';
import { HOUR, MINUTE, SECOND } from '../support/clock';

const STRONG = 'Qiantang-Tide-2026!';

describeEachEngine('staff accounts and password login', (ctx) => {
  let admin: Session;
  let streetId: number;

  beforeAll(async () => {
    admin = await ctx().login('admin', '王海涛');
    streetId = admin.user.roles[0].unitId;
  });

  const createStaff = (username: string, password: string, by: Session = admin) =>
    ctx().request(by, {
      method: 'POST',
      url: '/api/admin/staff',
      payload: { username, name: '测试编辑', password, roles: [{ role: 'editor', unitId: streetId }] },
    });
  const passwordLogin = (username: string, password: string) =>
    ctx().app.inject({ method: 'POST', url: '/api/auth/password', payload: { username, password } });

  it.each([
    ['short', 'Ab1!xyz', 'too_short'],
    ['common', 'password123456', 'common'],
    ['Chinese-common', 'woaini1314520', 'common'],
    ['keyboard walk', 'qwertyuiop123', 'common'],
    ['containing the username', 'editor-wang-2026', 'contains_username'],
  ])('refuses a %s password at creation, and creates nothing', async (_kind, password, reason) => {
    const response = await createStaff('editor-wang', password);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'weak_password', details: { reason } });
    const stored = await ctx().app.db.selectFrom('users').select('id').where('username', '=', 'editor-wang').execute();
    expect(stored).toEqual([]);
  });

  it('creates a staff account with a strong password, audited, and it can sign in', async () => {
    const created = await createStaff('editor-li', STRONG);
    expect(created.statusCode).toBe(201);
    expect(created.json().roles).toEqual([{ role: 'editor', unitId: streetId, unitName: '测试街道', unitKind: 'street' }]);
    const audit = await ctx().app.db.selectFrom('audit_log').selectAll().where('action', '=', 'staff.created').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(admin.user.id);
    expect(audit[0].after).not.toContain(STRONG);

    const login = await passwordLogin('Editor-Li', STRONG);
    expect(login.statusCode).toBe(200);
    expect(login.json().user.roles.map((grant: { role: string }) => grant.role)).toEqual(['editor']);
  });

  it('refuses a username that is taken', async () => {
    const response = await createStaff('editor-li', STRONG);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('username_taken');
  });

  it('lets only an admin create staff', async () => {
    const editor = await ctx().login('editor', '普通编辑');
    const response = await createStaff('sneaky', STRONG, editor);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await passwordLogin('editor-li', 'not-the-password');
    const unknown = await passwordLogin('nobody-here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(unknown.json().message).toBe(wrong.json().message);
  });

  it('locks the account after repeated failures, even for the right password, with growing backoff', async () => {
    expect((await createStaff('editor-lock', STRONG)).statusCode).toBe(201);
    const codes: string[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      codes.push((await passwordLogin('editor-lock', 'wrong-password')).json().code);
    }
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('invalid_credentials'));
    expect(codes[4]).toBe('account_locked');

    const locked = await passwordLogin('editor-lock', STRONG);
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'account_locked', details: { retryAfterSeconds: 60 } });

    ctx().clock.advance(61 * SECOND);
    const sixth = await passwordLogin('editor-lock', 'wrong-password');
    expect(sixth.statusCode).toBe(423);
    expect(sixth.json().details.retryAfterSeconds).toBe(120);

    ctx().clock.advance(2 * MINUTE + SECOND);
    expect((await passwordLogin('editor-lock', STRONG)).statusCode).toBe(200);
    // A success clears the count: the next mistake is an ordinary one.
    expect((await passwordLogin('editor-lock', 'wrong-password')).json().code).toBe('invalid_credentials');
  });

  it('refuses wrong types and oversized fields with the field named', async () => {
    const wrongType = await ctx().app.inject({ method: 'POST', url: '/api/auth/password', payload: { username: 42, password: [] } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().code).toBe('validation_failed');
    const huge = await passwordLogin('x'.repeat(10000), STRONG);
    expect(huge.statusCode).toBe(400);
    expect(huge.json().details.field).toBe('username');
  });
});

describeEachEngine('session tokens', (ctx) => {
  const refresh = (refreshToken: string) =>
    ctx().app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });

  it('expires the access token and tells the app to refresh', async () => {
    const session = await ctx().login('resident', '钱阿姨');
    ctx().clock.advance(16 * MINUTE);
    const expired = await ctx().request(session, { method: 'GET', url: '/api/me' });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('token_expired');

    const renewed = await refresh(session.refreshToken);
    expect(renewed.statusCode).toBe(200);
    const me = await ctx().request(renewed.json(), { method: 'GET', url: '/api/me' });
    expect(me.json().name).toBe('钱阿姨');
  });

  it('rotates refresh tokens, and a reused one ends every session of that user', async () => {
    const session = await ctx().login('resident', '孙大伯');
    const rotated = (await refresh(session.refreshToken)).json();
    expect(rotated.refreshToken).not.toBe(session.refreshToken);

    const replay = await refresh(session.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('refresh_invalid');
    expect((await refresh(rotated.refreshToken)).statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const session = await ctx().login('resident', '周阿婆');
    const logout = await ctx().app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: session.refreshToken } });
    expect(logout.statusCode).toBe(204);
    expect((await refresh(session.refreshToken)).statusCode).toBe(401);
  });

  it('refuses a refresh token past its lifetime', async () => {
    const session = await ctx().login('resident', '吴老师');
    ctx().clock.advance(31 * 24 * HOUR);
    expect((await refresh(session.refreshToken)).json().code).toBe('refresh_invalid');
  });

  it('refuses forged and tampered access tokens', async () => {
    const session = await ctx().login('admin', '管理员甲');
    const [header, payload, signature] = session.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.sub = '999';
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    for (const token of [tampered, `${header}.${payload}.AAAA`, 'not-a-token']) {
      const response = await ctx().request(token, { method: 'GET', url: '/api/me' });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('invalid_token');
    }
  });
});
