import { describeEachEngine } from '../support/app';

describeEachEngine('bad input answered in our error shape', (ctx) => {
  const post = (payload: string, contentType = 'application/json') =>
    ctx().app.inject({ method: 'POST', url: '/api/auth/password', payload, headers: { 'content-type': contentType } });

  const expectErrorShape = (body: Record<string, unknown>) => {
    expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['code', 'message']));
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|SELECT|INSERT|sqlite|stack/i);
  };

  it('answers malformed JSON with 400 bad_json', async () => {
    const response = await post('{"username": "a", ');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('bad_json');
    expectErrorShape(response.json());
  });

  it('answers missing fields with 400 and the field named', async () => {
    const response = await post(JSON.stringify({ username: 'someone' }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', details: { field: 'password' } });
    expectErrorShape(response.json());
  });

  it('answers unknown fields with 400 rather than ignoring them', async () => {
    const response = await post(JSON.stringify({ username: 'a', password: 'b', isAdmin: true }));
    expect(response.statusCode).toBe(400);
    expect(response.json().details.field).toBe('isAdmin');
  });

  it('answers a body over the limit with 413', async () => {
    const response = await post(JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
    expectErrorShape(response.json());
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await post('username=a&password=b', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_media_type');
  });

  it('answers an unknown API path with 404 in the same shape', async () => {
    const response = await ctx().app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
    expectErrorShape(response.json());
  });

  it('answers a missing or malformed bearer token on a protected route with 401', async () => {
    for (const authorization of [undefined, 'Bearer', 'Basic abc', 'Bearer a.b.c']) {
      const response = await ctx().app.inject({ method: 'GET', url: '/api/me', headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expectErrorShape(response.json());
    }
  });

  it('answers a wrong type for a setting with 400 and changes nothing', async () => {
    const session = await ctx().login('resident', '测试居民');
    const response = await ctx().request(session, { method: 'PATCH', url: '/api/me', payload: { elderMode: 'very' } });
    expect(response.statusCode).toBe(400);
    const me = await ctx().request(session, { method: 'GET', url: '/api/me' });
    expect(me.json().elderMode).toBe(false);
    const ok = await ctx().request(session, { method: 'PATCH', url: '/api/me', payload: { elderMode: true } });
    expect(ok.json().elderMode).toBe(true);
  });

  it('publishes the OpenAPI document with the routes and their schemas', async () => {
    const response = await ctx().app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/auth/wechat', '/api/me', '/api/health']));
    expect(paths['/api/auth/password'].post.requestBody).toBeDefined();
  });
});
