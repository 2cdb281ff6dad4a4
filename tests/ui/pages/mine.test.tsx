import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MinePage from '../../../src/pages/mine/index';
import { SESSION_STORAGE_KEY, clearSession, getSession, saveSession } from '../../../src/services/session';
import { errorReply, fakeApi, reply } from '../support/fake-api';
import { communityEditor, resident, sessionFor } from '../support/fixtures';
import { streetDispatcher } from '../support/dispatch-fixtures';
import { communityDispatcher, streetAdmin } from '../support/ledger-fixtures';
import { spyOnNavigation } from '../support/navigation';
import { studyRecord } from '../support/post-fixtures';
import { speakerUser } from '../support/speaker-fixtures';

const navigateTo = spyOnNavigation();

beforeEach(() => {
  clearSession();
  localStorage.clear();
});

function elderModeSwitch(container: HTMLElement): HTMLElement {
  const toggle = container.querySelector<HTMLElement>('.nut-switch');
  if (!toggle) throw new Error('the 长辈模式 switch is not on the page');
  return toggle;
}

describe('我的', () => {
  it('asks a signed-out visitor to sign in and opens the login page', async () => {
    fakeApi();

    render(<MinePage />);

    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    fireEvent.click(screen.getByText('登录'));
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/login/index' }));
  });

  it('shows who is signed in: name, roles with their community, community and masked phone', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/me', reply(200, resident));

    render(<MinePage />);

    expect(await screen.findByText('张桂兰')).toBeInTheDocument();
    expect(screen.getByText('居民 · 惠阳社区')).toBeInTheDocument();
    expect(screen.getByText('所属社区：惠阳社区')).toBeInTheDocument();
    expect(screen.getByText('手机号：138****5678')).toBeInTheDocument();
  });

  it('labels a street-wide role without a unit and a community role with its community', async () => {
    saveSession(sessionFor(communityEditor));
    fakeApi().on('GET', '/api/me', reply(200, communityEditor));

    render(<MinePage />);

    expect(await screen.findByText('编辑 · 惠阳社区')).toBeInTheDocument();
    expect(screen.getByText('审核员')).toBeInTheDocument();
    expect(screen.queryByText(/手机号/)).not.toBeInTheDocument();
  });

  it('shows the latest profile from the server rather than the stored one', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/me', reply(200, { ...resident, name: '张桂英' }));

    render(<MinePage />);

    expect(await screen.findByText('张桂英')).toBeInTheDocument();
  });

  it('shows an error with 重试 when the profile cannot be loaded', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/me', errorReply(500, 'internal_error', '系统繁忙，请稍后再试'), reply(200, resident));

    render(<MinePage />);

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('张桂兰')).toBeInTheDocument();
  });

  it('asks before signing out, then ends the session and shows the signed-out state', async () => {
    saveSession(sessionFor(resident));
    const api = fakeApi().on('GET', '/api/me', reply(200, resident)).on('POST', '/api/auth/logout', reply(204));

    render(<MinePage />);
    fireEvent.click(await screen.findByText('退出登录'));

    expect(await screen.findByText('退出后，点单、签到需要重新登录。确定退出吗？')).toBeInTheDocument();
    expect(getSession()).not.toBeNull();

    fireEvent.click(screen.getByText('退出'));

    expect(await screen.findByText('您还没有登录')).toBeInTheDocument();
    expect(getSession()).toBeNull();
    expect(Taro.getStorageSync(SESSION_STORAGE_KEY)).toBeFalsy();
    await waitFor(() => expect(api.requestsTo('POST', '/api/auth/logout')).toHaveLength(1));
    expect(api.requestsTo('POST', '/api/auth/logout')[0].body).toEqual({ refreshToken: 'refresh-7-1' });
  });

  it('keeps the user signed in when they cancel signing out', async () => {
    saveSession(sessionFor(resident));
    const api = fakeApi().on('GET', '/api/me', reply(200, resident));

    render(<MinePage />);
    fireEvent.click(await screen.findByText('退出登录'));
    fireEvent.click(await screen.findByText('取消'));

    await waitFor(() => expect(screen.queryByText('退出后，点单、签到需要重新登录。确定退出吗？')).not.toBeVisible());
    expect(screen.getByText('张桂兰')).toBeInTheDocument();
    expect(getSession()).not.toBeNull();
    expect(api.requestsTo('POST', '/api/auth/logout')).toHaveLength(0);
  });

  it('saves 长辈模式 on the account and switches the page to the larger theme', async () => {
    saveSession(sessionFor(resident));
    const api = fakeApi()
      .on('GET', '/api/me', reply(200, resident))
      .on('PATCH', '/api/me', reply(200, { ...resident, elderMode: true }));

    const { container } = render(<MinePage />);
    await screen.findByText('张桂兰');
    expect(container.querySelector('.ywk-page')).not.toHaveClass('ywk-elder');

    fireEvent.click(elderModeSwitch(container));

    await waitFor(() => expect(container.querySelector('.ywk-page')).toHaveClass('ywk-elder', 'ywk-font-2'));
    expect(elderModeSwitch(container)).not.toHaveClass('nut-switch-close');
    expect(api.requestsTo('PATCH', '/api/me')[0].body).toEqual({ elderMode: true });
    expect(getSession()?.user.elderMode).toBe(true);
    expect(await screen.findByText('已开启长辈模式')).toBeInTheDocument();
  });

  it('leaves 长辈模式 off and says why when saving fails', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', '/api/me', reply(200, resident))
      .on('PATCH', '/api/me', errorReply(500, 'internal_error', '系统繁忙，请稍后再试'));

    const { container } = render(<MinePage />);
    await screen.findByText('张桂兰');
    fireEvent.click(elderModeSwitch(container));

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument();
    expect(container.querySelector('.ywk-page')).not.toHaveClass('ywk-elder');
    expect(elderModeSwitch(container)).toHaveClass('nut-switch-close');
    expect(getSession()?.user.elderMode).toBe(false);
  });
});

describe('我的 · 学习', () => {
  it('shows the study totals and 学习积分 with today’s share of the daily cap', async () => {
    saveSession(sessionFor(resident));
    const api = fakeApi()
      .on('GET', '/api/me', reply(200, resident))
      .on('GET', '/api/me/study', reply(200, studyRecord({ totalSeconds: 750, studiedCount: 5, totalPoints: 36, todayPoints: 4 })));

    render(<MinePage />);

    expect(await screen.findByText('累计学习 12 分钟 · 已学 5 篇')).toBeInTheDocument();
    expect(screen.getByText('学习积分 36')).toBeInTheDocument();
    expect(screen.getByText('今日 4/10')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/me/study')[0].query).toEqual({ limit: '1' });
  });

  it('opens the study record from the summary', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/me', reply(200, resident)).on('GET', '/api/me/study', reply(200, studyRecord()));

    render(<MinePage />);
    await screen.findByText('累计学习 12 分钟 · 已学 5 篇');
    fireEvent.click(screen.getByText('我的学习'));

    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/post/study/index' }));
  });

  it('says why the totals could not load, and loads them again when tapped', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', '/api/me', reply(200, resident))
      .on('GET', '/api/me/study', errorReply(500, 'internal_error', '系统繁忙，请稍后再试'), reply(200, studyRecord()));

    render(<MinePage />);
    fireEvent.click(await screen.findByText('系统繁忙，请稍后再试，点此重试'));

    expect(await screen.findByText('累计学习 12 分钟 · 已学 5 篇')).toBeInTheDocument();
  });

  it('offers 稿件与审核 to editors and reviewers only', async () => {
    saveSession(sessionFor(communityEditor));
    fakeApi().on('GET', '/api/me', reply(200, communityEditor)).on('GET', '/api/me/study', reply(200, studyRecord()));

    render(<MinePage />);
    fireEvent.click(await screen.findByText('稿件与审核'));

    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/posts/index' }));
  });

  it('does not offer 稿件与审核 to a resident', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/me', reply(200, resident)).on('GET', '/api/me/study', reply(200, studyRecord()));

    render(<MinePage />);
    await screen.findByText('累计学习 12 分钟 · 已学 5 篇');

    expect(screen.queryByText('稿件与审核')).not.toBeInTheDocument();
    expect(screen.queryByText('派单台')).not.toBeInTheDocument();
  });

  it('offers a speaker the way to offers, talks and profile', async () => {
    saveSession(sessionFor(speakerUser));
    fakeApi().on('GET', '/api/me', reply(200, speakerUser)).on('GET', '/api/me/study', reply(200, studyRecord()));

    render(<MinePage />);
    fireEvent.click(await screen.findByText('待接的单'));

    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/speaker/offers/index' }));
    expect(screen.getByText('我的宣讲')).toBeInTheDocument();
    expect(screen.queryByText('派单台')).not.toBeInTheDocument();
  });

  it('offers 派单台 to dispatchers', async () => {
    saveSession(sessionFor(streetDispatcher));
    fakeApi().on('GET', '/api/me', reply(200, streetDispatcher)).on('GET', '/api/me/study', reply(200, studyRecord()));

    render(<MinePage />);
    fireEvent.click(await screen.findByText('派单台'));

    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/talk-requests/index' }));
  });

  it('offers 签到台账 to the street’s admins', async () => {
    saveSession(sessionFor(streetAdmin));
    fakeApi().on('GET', '/api/me', reply(200, streetAdmin)).on('GET', '/api/me/study', reply(200, studyRecord()));

    render(<MinePage />);
    fireEvent.click(await screen.findByText('签到台账'));

    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/ledger/index' }));
  });

  it('offers 签到台账 to a community’s dispatcher, and not to residents, editors or speakers', async () => {
    saveSession(sessionFor(communityDispatcher));
    fakeApi().on('GET', '/api/me', reply(200, communityDispatcher)).on('GET', '/api/me/study', reply(200, studyRecord()));

    const { unmount } = render(<MinePage />);
    expect(await screen.findByText('签到台账')).toBeInTheDocument();
    unmount();

    for (const user of [resident, communityEditor, speakerUser]) {
      saveSession(sessionFor(user));
      fakeApi().on('GET', '/api/me', reply(200, user)).on('GET', '/api/me/study', reply(200, studyRecord()));
      const view = render(<MinePage />);
      await screen.findByText('累计学习 12 分钟 · 已学 5 篇');
      expect(screen.queryByText('签到台账')).not.toBeInTheDocument();
      view.unmount();
    }
  });
});
