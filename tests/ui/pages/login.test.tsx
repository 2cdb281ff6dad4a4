import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import LoginPage from '../../../src/packages/account/login/index';
import { SESSION_STORAGE_KEY, clearSession } from '../../../src/services/session';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { demoOptions, resident, sessionFor } from '../support/fixtures';

let switchTab: jest.SpyInstance;

beforeEach(() => {
  clearSession();
  localStorage.clear();
  switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' });
});

afterEach(() => {
  switchTab.mockRestore();
});

async function typeInto(placeholder: string, value: string) {
  const field = await waitFor(() => {
    const input = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!input) throw new Error(`no input with placeholder ${placeholder}`);
    return input;
  });
  // Typing validates the field asynchronously; let that settle like the tap below.
  await act(async () => {
    fireEvent.input(field, { target: { value } });
  });
}

/** Taps and lets the form's asynchronous validation settle, as a user would wait for it. */
async function tap(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

/** The 登录 button of the staff form (each demo identity row also says 登录). */
async function passwordSubmitButton(): Promise<HTMLElement> {
  const section = (await screen.findByText('工作人员登录')).parentElement as HTMLElement;
  return within(section).getByText('登录');
}

describe('登录页', () => {
  it('lists the demo identities the server offers', async () => {
    fakeApi().on('GET', '/api/auth/options', reply(200, demoOptions));

    render(<LoginPage />);

    expect(await screen.findByText('演示账号')).toBeInTheDocument();
    expect(screen.getByText('居民 · 张桂兰')).toBeInTheDocument();
    expect(screen.getByText('宣讲员 · 王建国')).toBeInTheDocument();
    expect(screen.getByText('编辑 · 李明')).toBeInTheDocument();
  });

  it('signs in as a demo identity with one tap, keeps the session and opens 我的', async () => {
    const session = sessionFor(resident);
    const api = fakeApi()
      .on('GET', '/api/auth/options', reply(200, demoOptions))
      .on('POST', '/api/auth/dev', reply(200, session));

    render(<LoginPage />);
    fireEvent.click(await screen.findByText('居民 · 张桂兰'));

    await waitFor(() => expect(switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' }));
    expect(api.requestsTo('POST', '/api/auth/dev')[0].body).toEqual({ role: 'resident', name: '张桂兰' });
    expect(Taro.getStorageSync(SESSION_STORAGE_KEY)).toEqual(session);
  });

  it('hides the demo identities when the server does not offer them', async () => {
    fakeApi().on('GET', '/api/auth/options', reply(200, { devLogin: false, passwordLogin: true, demoAccounts: [] }));

    render(<LoginPage />);

    expect(await screen.findByText('工作人员登录')).toBeInTheDocument();
    expect(screen.queryByText('演示账号')).not.toBeInTheDocument();
  });

  it('asks for the username and password before sending anything', async () => {
    const api = fakeApi().on('GET', '/api/auth/options', reply(200, demoOptions));

    render(<LoginPage />);
    await tap(await passwordSubmitButton());

    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/auth/password')).toHaveLength(0);
  });

  it('shows the server’s message when the password is wrong', async () => {
    const api = fakeApi()
      .on('GET', '/api/auth/options', reply(200, demoOptions))
      .on('POST', '/api/auth/password', errorReply(401, 'invalid_credentials', '用户名或密码错误'));

    render(<LoginPage />);
    await typeInto('请输入用户名', 'wangli');
    await typeInto('请输入密码', 'not-the-password');
    await tap(await passwordSubmitButton());

    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/auth/password')[0].body).toEqual({
      username: 'wangli',
      password: 'not-the-password',
    });
    expect(switchTab).not.toHaveBeenCalled();
    expect(Taro.getStorageSync(SESSION_STORAGE_KEY)).toBeFalsy();
  });

  it('tells a locked-out user when to try again', async () => {
    fakeApi()
      .on('GET', '/api/auth/options', reply(200, demoOptions))
      .on(
        'POST',
        '/api/auth/password',
        errorReply(423, 'account_locked', '密码错误次数过多，账号已暂时锁定', { retryAfterSeconds: 540 }),
      );

    render(<LoginPage />);
    await typeInto('请输入用户名', 'wangli');
    await typeInto('请输入密码', 'again-wrong');
    await tap(await passwordSubmitButton());

    expect(await screen.findByText('密码错误次数过多，账号已暂时锁定，请9分钟后再试')).toBeInTheDocument();
  });

  it('shows an error with 重试 when the sign-in options cannot be loaded, and 重试 loads them', async () => {
    fakeApi().on('GET', '/api/auth/options', networkError, networkError, reply(200, demoOptions));

    render(<LoginPage />);

    expect(await screen.findByText('登录方式加载失败')).toBeInTheDocument();
    expect(screen.getByText('网络不给力，请检查网络后重试')).toBeInTheDocument();

    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('居民 · 张桂兰')).toBeInTheDocument();
    expect(screen.queryByText('登录方式加载失败')).not.toBeInTheDocument();
  });
});
