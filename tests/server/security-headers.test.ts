import { describeEachEngine } from '../support/app';

describeEachEngine('security headers', (ctx) => {
  it('gives API answers a policy that lets a browser load nothing from them', async () => {
    const response = await ctx().app.inject({ method: 'GET', url: '/api/posts' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('gives the same headers to an API refusal', async () => {
    const response = await ctx().app.inject({ method: 'GET', url: '/api/me' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
  });

  it('gives pages the policy the h5 app runs under: its own scripts only, https images', async () => {
    const response = await ctx().app.inject({ method: 'GET', url: '/packages/booking/calendar/index', headers: { accept: 'text/html' } });
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("img-src 'self' data: blob: https:");
    expect(policy).toContain("object-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
