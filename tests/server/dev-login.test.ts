import { describeEachEngine } from '../support/app';

describeEachEngine(
  'dev login when disabled',
  (ctx) => {
    it('answers 404 as if the route did not exist', async () => {
      const response = await ctx().app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'admin' } });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    });

    it('lists no demo accounts on the login page', async () => {
      const response = await ctx().app.inject({ method: 'GET', url: '/api/auth/options' });
      expect(response.json()).toEqual({ devLogin: false, passwordLogin: true, demoAccounts: [] });
    });
  },
  { devLogin: false },
);

describeEachEngine('dev login when enabled', (ctx) => {
  it('signs in a named demo identity with its role, and the same name again as the same user', async () => {
    const first = await ctx().login('dispatcher', '吴敏');
    expect(first.user.name).toBe('吴敏');
    expect(first.user.roles.map((grant) => grant.role)).toEqual(['resident', 'dispatcher']);
    const again = await ctx().login('dispatcher', '吴敏');
    expect(again.user.id).toBe(first.user.id);
  });

  it('offers the demo identities on the login page', async () => {
    await ctx().login('editor', '李晓雯');
    const options = (await ctx().app.inject({ method: 'GET', url: '/api/auth/options' })).json();
    expect(options.devLogin).toBe(true);
    expect(options.demoAccounts).toEqual(
      expect.arrayContaining([{ role: 'editor', name: '李晓雯', label: '编辑 · 李晓雯' }]),
    );
  });

  it('refuses an unknown role with the field named', async () => {
    const response = await ctx().app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'king' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', details: { field: 'role' } });
  });
});
