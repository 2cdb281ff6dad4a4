import Taro from '@tarojs/taro';
import { authApi, meApi } from '../../../src/services/api';
import { ApiError } from '../../../src/services/api-error';
import {
  SESSION_EXPIRED_EVENT,
  SESSION_STORAGE_KEY,
  clearSession,
  getSession,
  saveSession,
} from '../../../src/services/session';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';

const expired = errorReply(401, 'token_expired', '登录已过期，请重新登录');

beforeEach(() => {
  clearSession();
  localStorage.clear();
});

describe('API client', () => {
  it('turns the server error body into an ApiError with its code, message and details', async () => {
    fakeApi().on(
      'POST',
      '/api/auth/password',
      errorReply(423, 'account_locked', '密码错误次数过多，账号已暂时锁定', { retryAfterSeconds: 600 }),
    );

    const failure = authApi.passwordLogin({ username: 'wangli', password: 'wrong' });

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      code: 'account_locked',
      message: '密码错误次数过多，账号已暂时锁定',
      status: 423,
      details: { retryAfterSeconds: 600 },
    });
  });

  it('sends the signed-in user’s access token', async () => {
    saveSession(sessionFor(resident));
    const api = fakeApi().on('GET', '/api/me', reply(200, resident));

    await meApi.get();

    expect(api.requests[0].headers.authorization).toBe('Bearer access-7-1');
  });

  it('retries a GET once when the network fails', async () => {
    const api = fakeApi().on('GET', '/api/auth/options', networkError, reply(200, { devLogin: false, passwordLogin: true, demoAccounts: [] }));

    await expect(authApi.options()).resolves.toMatchObject({ passwordLogin: true });
    expect(api.requestsTo('GET', '/api/auth/options')).toHaveLength(2);
  });

  it('gives up on a GET after the one retry fails too', async () => {
    const api = fakeApi().on('GET', '/api/auth/options', networkError);

    await expect(authApi.options()).rejects.toMatchObject({
      code: 'network_error',
      message: '网络不给力，请检查网络后重试',
      status: 0,
    });
    expect(api.requestsTo('GET', '/api/auth/options')).toHaveLength(2);
  });

  it('does not resend a POST after a network failure', async () => {
    const api = fakeApi().on('POST', '/api/auth/dev', networkError, reply(200, sessionFor(resident)));

    await expect(authApi.devLogin({ role: 'resident' })).rejects.toMatchObject({ code: 'network_error' });
    expect(api.requestsTo('POST', '/api/auth/dev')).toHaveLength(1);
  });

  it('does not retry an HTTP error', async () => {
    const api = fakeApi().on('GET', '/api/auth/options', errorReply(500, 'internal_error', '系统繁忙，请稍后再试'));

    await expect(authApi.options()).rejects.toMatchObject({ code: 'internal_error', status: 500 });
    expect(api.requestsTo('GET', '/api/auth/options')).toHaveLength(1);
  });

  it('refreshes an expired access token once and replays the request with the new one', async () => {
    saveSession(sessionFor(resident, 'old'));
    const refreshed = sessionFor(resident, 'new');
    const api = fakeApi()
      .on('GET', '/api/me', expired, reply(200, resident))
      .on('POST', '/api/auth/refresh', reply(200, refreshed));

    await expect(meApi.get()).resolves.toEqual(resident);

    expect(api.requests.map((request) => `${request.method} ${request.path} ${request.headers.authorization ?? ''}`)).toEqual([
      'GET /api/me Bearer access-7-old',
      'POST /api/auth/refresh ',
      'GET /api/me Bearer access-7-new',
    ]);
    expect(api.requestsTo('POST', '/api/auth/refresh')[0].body).toEqual({ refreshToken: 'refresh-7-old' });
    expect(getSession()).toEqual(refreshed);
    expect(Taro.getStorageSync(SESSION_STORAGE_KEY)).toEqual(refreshed);
  });

  it('shares one refresh between requests that find the token expired at the same time', async () => {
    saveSession(sessionFor(resident, 'old'));
    let finishRefresh: (value: { status: number; body: unknown }) => void = () => undefined;
    const api = fakeApi()
      .on('GET', '/api/me', (request) =>
        request.headers.authorization === 'Bearer access-7-new' ? reply(200, resident) : expired,
      )
      .on('POST', '/api/auth/refresh', {
        pending: new Promise((resolve) => {
          finishRefresh = resolve;
        }),
      });

    const first = meApi.get();
    const second = meApi.get();
    await waitUntil(() => api.requestsTo('POST', '/api/auth/refresh').length === 1);
    finishRefresh({ status: 200, body: sessionFor(resident, 'new') });

    await expect(Promise.all([first, second])).resolves.toEqual([resident, resident]);
    expect(api.requestsTo('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  it('clears the session and announces it when the refresh is refused', async () => {
    saveSession(sessionFor(resident, 'old'));
    const expiredListener = jest.fn();
    Taro.eventCenter.on(SESSION_EXPIRED_EVENT, expiredListener);
    const api = fakeApi()
      .on('GET', '/api/me', expired)
      .on('POST', '/api/auth/refresh', errorReply(401, 'refresh_invalid', '登录已失效，请重新登录'));

    await expect(meApi.get()).rejects.toMatchObject({ code: 'refresh_invalid', message: '登录已失效，请重新登录' });

    expect(getSession()).toBeNull();
    expect(Taro.getStorageSync(SESSION_STORAGE_KEY)).toBeFalsy();
    expect(expiredListener).toHaveBeenCalledTimes(1);
    expect(api.requestsTo('GET', '/api/me')).toHaveLength(1);
    Taro.eventCenter.off(SESSION_EXPIRED_EVENT, expiredListener);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 50 && !condition(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (!condition()) throw new Error('condition never became true');
}
