import Taro from '@tarojs/taro';
import { meApi } from '../../../src/services/api';
import { clearSession, saveSession } from '../../../src/services/session';
import { watchSessionExpiry } from '../../../src/services/session-expiry';
import { errorReply, fakeApi } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';

let navigateTo: jest.SpyInstance;
let currentPages: jest.SpyInstance;
let stopWatching: () => void;

function onPage(route: string) {
  // The h5 router is not mounted in these tests; the current page is all this flow reads from it.
  currentPages.mockReturnValue([{ route } as Taro.Page]);
}

function serverEndsTheSession() {
  saveSession(sessionFor(resident));
  fakeApi()
    .on('GET', '/api/me', errorReply(401, 'token_expired', '登录已过期，请重新登录'))
    .on('POST', '/api/auth/refresh', errorReply(401, 'refresh_invalid', '登录已失效，请重新登录'));
}

beforeEach(() => {
  clearSession();
  localStorage.clear();
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  currentPages = jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([]);
  stopWatching = watchSessionExpiry();
});

afterEach(() => {
  stopWatching();
  navigateTo.mockRestore();
  currentPages.mockRestore();
});

describe('when the server ends the session on the web', () => {
  it('sends the user to the login page', async () => {
    onPage('pages/mine/index');
    serverEndsTheSession();

    await expect(meApi.get()).rejects.toMatchObject({ code: 'refresh_invalid' });

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/login/index' });
  });

  it('leaves a user who is already on the login page there', async () => {
    onPage('packages/account/login/index');
    serverEndsTheSession();

    await expect(meApi.get()).rejects.toMatchObject({ code: 'refresh_invalid' });

    expect(navigateTo).not.toHaveBeenCalled();
  });
});
