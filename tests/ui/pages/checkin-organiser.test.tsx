import { setKeepScreenOn } from '@tarojs/taro-h5';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { qrCodeDataUrl } from '../../../src/components/qr-code';
import CheckinScreenPage from '../../../src/packages/checkin/organiser/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { talk } from '../support/checkin-fixtures';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { findField } from '../support/fields';
import { resident, sessionFor } from '../support/fixtures';
import { spyOnNavigation } from '../support/navigation';
import { currentPage } from '../support/page-runtime';
import { attendance, attendanceEntry, codeInfo, countsOf, expectedCodeUrl, speaker } from '../support/organiser-fixtures';

// The h5 build turns Taro.setKeepScreenOn into this module's named export
// (babel-plugin-transform-taroapi), which cannot be spied on in place. It fails as Taro's h5 does
// ("not supported"), so the tests also show the page carries on without it.
jest.mock('@tarojs/taro-h5', () => ({
  __esModule: true,
  ...jest.requireActual('@tarojs/taro-h5'),
  setKeepScreenOn: jest.fn(() => Promise.reject({ errMsg: 'setKeepScreenOn:fail 暂时不支持 API' })),
}));

/** The server's clock when it answers: 14:20:05 Shanghai, 5 s into a 20-second window. */
const SERVER_NOW = Date.parse('2026-11-29T06:20:05.000Z');
const CODE_KEY_PATH = '/api/talks/41/checkin-code';
const ATTENDANCE_PATH = '/api/talks/41/attendance';
const MANUAL_PATH = '/api/talks/41/checkins/manual';

const navigateTo = spyOnNavigation();
const keepScreenOn = jest.mocked(setKeepScreenOn);

/** Starts the phone's clock `behindMs` behind the server's (negative: ahead). */
function phoneClock(behindMs = 0) {
  jest.useFakeTimers({ now: SERVER_NOW - behindMs });
}

async function advanceSeconds(seconds: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(seconds * 1000);
  });
}

function qrImage(): HTMLElement | null {
  return screen.queryByLabelText('签到二维码');
}

async function findQrSrc(): Promise<string | null> {
  const image = await waitFor(() => {
    const found = qrImage();
    if (!found) throw new Error('no QR code on the screen yet');
    return found;
  });
  return image.getAttribute('src');
}

function online(overrides: Parameters<typeof codeInfo>[0] = {}) {
  return fakeApi()
    .on('GET', CODE_KEY_PATH, reply(200, codeInfo(overrides)))
    .on('GET', ATTENDANCE_PATH, reply(200, attendance({ counts: countsOf(3) })));
}

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(speaker));
  currentPage.openWith({ id: '41' });
  keepScreenOn.mockClear();
});

afterEach(async () => {
  // Taro's web components render on a (faked) animation frame; one left pending when the fake
  // clock is dropped would stop them rendering in every later test of this file. React's own
  // scheduler, after a test that failed waiting, needs one real turn of the event loop likewise;
  // without it one failure would fail every test after it.
  act(() => {
    jest.runOnlyPendingTimers();
  });
  jest.useRealTimers();
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});

describe('签到二维码', () => {
  it('draws the code for the current window from the talk’s key, and the next one when the window turns', async () => {
    phoneClock();
    const api = online();

    render(<CheckinScreenPage />);

    expect(await findQrSrc()).toBe(qrCodeDataUrl(expectedCodeUrl(SERVER_NOW)));
    expect(screen.getByText('15 秒后更换')).toBeInTheDocument();
    expect(screen.getByText(expectedCodeUrl(SERVER_NOW))).toBeInTheDocument();

    await advanceSeconds(14);
    expect(qrImage()).toHaveAttribute('src', qrCodeDataUrl(expectedCodeUrl(SERVER_NOW)));
    expect(screen.getByText('1 秒后更换')).toBeInTheDocument();

    await advanceSeconds(1);
    expect(qrImage()).toHaveAttribute('src', qrCodeDataUrl(expectedCodeUrl(SERVER_NOW + 20_000)));
    expect(screen.getByText('20 秒后更换')).toBeInTheDocument();

    await advanceSeconds(20);
    expect(qrImage()).toHaveAttribute('src', qrCodeDataUrl(expectedCodeUrl(SERVER_NOW + 40_000)));
    // The key is fetched once; every later code is made on the phone.
    expect(api.requestsTo('GET', CODE_KEY_PATH)).toHaveLength(1);
  });

  it('corrects a slow phone clock by the server’s time', async () => {
    // 90 s slow: uncorrected, the phone would draw a code from four and a half windows ago.
    phoneClock(90_000);
    online();

    render(<CheckinScreenPage />);

    expect(await findQrSrc()).toBe(qrCodeDataUrl(expectedCodeUrl(SERVER_NOW)));
    expect(screen.getByText('15 秒后更换')).toBeInTheDocument();
  });

  it('corrects a fast phone clock by the server’s time', async () => {
    phoneClock(-47_000);
    online();

    render(<CheckinScreenPage />);

    expect(await findQrSrc()).toBe(qrCodeDataUrl(expectedCodeUrl(SERVER_NOW)));
    expect(screen.getByText('15 秒后更换')).toBeInTheDocument();
  });

  it('shows the talk and the number checked in, updated every 5 seconds', async () => {
    phoneClock();
    fakeApi()
      .on('GET', CODE_KEY_PATH, reply(200, codeInfo()))
      .on(
        'GET',
        ATTENDANCE_PATH,
        reply(200, attendance({ counts: countsOf(3) })),
        reply(200, attendance({ counts: countsOf(4) })),
      );

    render(<CheckinScreenPage />);

    expect(await screen.findByText('已签到 3 人')).toBeInTheDocument();
    expect(screen.getByText('老书记讲“枫桥经验”')).toBeInTheDocument();
    expect(screen.getByText('11月29日 14:30 · 惠阳社区党群服务中心')).toBeInTheDocument();

    await advanceSeconds(5);
    expect(screen.getByText('已签到 4 人')).toBeInTheDocument();
  });

  it('stops polling and lets the screen sleep while hidden, and starts again when shown', async () => {
    phoneClock();
    const api = online();

    const page = render(<CheckinScreenPage />);
    await screen.findByText('已签到 3 人');
    expect(keepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: true });

    currentPage.hide();
    expect(keepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: false });
    const polledBeforeHiding = api.requestsTo('GET', ATTENDANCE_PATH).length;
    await advanceSeconds(30);
    expect(api.requestsTo('GET', ATTENDANCE_PATH)).toHaveLength(polledBeforeHiding);

    currentPage.show();
    expect(keepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: true });
    await advanceSeconds(0);
    expect(api.requestsTo('GET', ATTENDANCE_PATH)).toHaveLength(polledBeforeHiding + 1);
    // The code was not drawn while hidden; on return it is the one for now, not the last one shown.
    expect(qrImage()).toHaveAttribute('src', qrCodeDataUrl(expectedCodeUrl(Date.now())));
    expect(expectedCodeUrl(Date.now())).not.toBe(expectedCodeUrl(SERVER_NOW));

    page.unmount();
    expect(keepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: false });
  });

  it('keeps the last count and the code when the network drops, and says so', async () => {
    phoneClock();
    fakeApi()
      .on('GET', CODE_KEY_PATH, reply(200, codeInfo()))
      .on('GET', ATTENDANCE_PATH, reply(200, attendance({ counts: countsOf(3) })), networkError);

    render(<CheckinScreenPage />);
    await screen.findByText('已签到 3 人');
    expect(screen.queryByText(/网络中断/)).not.toBeInTheDocument();

    await advanceSeconds(5);

    expect(screen.getByText(/网络中断，二维码仍可使用/)).toBeInTheDocument();
    expect(screen.getByText('已签到 3 人')).toBeInTheDocument();
    await advanceSeconds(15);
    expect(qrImage()).toHaveAttribute('src', qrCodeDataUrl(expectedCodeUrl(SERVER_NOW + 20_000)));
  });

  it('reopened with no network, draws codes from the key kept on the phone, with its clock correction', async () => {
    phoneClock(90_000);
    online();
    const first = render(<CheckinScreenPage />);
    await screen.findByText('已签到 3 人');
    first.unmount();

    // Ten minutes later, in a room without signal.
    await advanceSeconds(600);
    fakeApi().on('GET', CODE_KEY_PATH, networkError).on('GET', ATTENDANCE_PATH, networkError);
    render(<CheckinScreenPage />);

    expect(await findQrSrc()).toBe(qrCodeDataUrl(expectedCodeUrl(Date.now() + 90_000)));
    expect(expectedCodeUrl(Date.now() + 90_000)).not.toBe(expectedCodeUrl(SERVER_NOW));
    expect(screen.getByText('老书记讲“枫桥经验”')).toBeInTheDocument();
    expect(await screen.findByText(/网络中断，二维码仍可使用/)).toBeInTheDocument();
  });

  it('does not show another user’s kept key on the same phone', async () => {
    phoneClock();
    online();
    const first = render(<CheckinScreenPage />);
    await findQrSrc();
    first.unmount();

    saveSession(sessionFor(resident));
    fakeApi().on('GET', CODE_KEY_PATH, networkError).on('GET', ATTENDANCE_PATH, networkError);
    render(<CheckinScreenPage />);

    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    expect(qrImage()).not.toBeInTheDocument();
  });

  it('says check-in has not started, with the opening time, and shows the code once it opens', async () => {
    // 13:50 Shanghai: check-in opens at 14:00.
    const tenMinutesEarly = Date.parse('2026-11-29T05:50:00.000Z');
    jest.useFakeTimers({ now: tenMinutesEarly });
    online({ serverTime: '2026-11-29T05:50:00.000Z' });

    render(<CheckinScreenPage />);

    expect(await screen.findByText('签到尚未开始')).toBeInTheDocument();
    expect(screen.getByText('签到时间从 11月29日 14:00 开始，到时这里会自动出现二维码')).toBeInTheDocument();
    expect(qrImage()).not.toBeInTheDocument();
    expect(screen.queryByText('代签到')).not.toBeInTheDocument();
    expect(screen.getByText('签到名单')).toBeInTheDocument();

    await advanceSeconds(600);
    expect(qrImage()).toHaveAttribute('src', qrCodeDataUrl(expectedCodeUrl(Date.parse('2026-11-29T06:00:00.000Z'))));
  });

  it('says check-in has ended once it has closed', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-29T08:31:00.000Z') });
    online({ serverTime: '2026-11-29T08:31:00.000Z' });

    render(<CheckinScreenPage />);

    expect(await screen.findByText('签到已结束')).toBeInTheDocument();
    expect(screen.getByText('签到已于 11月29日 16:30 截止')).toBeInTheDocument();
    expect(qrImage()).not.toBeInTheDocument();
  });

  it('checks a person in by hand, only with a name and a valid phone, and says so', async () => {
    phoneClock();
    const api = online().on(
      'POST',
      MANUAL_PATH,
      reply(200, attendanceEntry({ id: 9, userId: null, name: '刘奶奶', method: 'manual', how: 'manual', recordedBy: '王建国' })),
    );

    render(<CheckinScreenPage />);
    await screen.findByText('已签到 3 人');
    fireEvent.click(screen.getByText('代签到'));
    const name = await findField<HTMLInputElement>('input[placeholder="请输入姓名"]');
    const phone = await findField<HTMLInputElement>('input[placeholder="11 位手机号"]');

    fireEvent.click(screen.getByText('确认签到'));
    expect(await screen.findByText('请填写姓名')).toBeInTheDocument();

    fireEvent.input(name, { target: { value: ' 刘奶奶 ' } });
    fireEvent.input(phone, { target: { value: '23812345678' } });
    fireEvent.click(screen.getByText('确认签到'));
    expect(await screen.findByText('手机号应为 1 开头的 11 位数字，也可以不填')).toBeInTheDocument();
    expect(api.requestsTo('POST', MANUAL_PATH)).toHaveLength(0);

    const polledBefore = api.requestsTo('GET', ATTENDANCE_PATH).length;
    fireEvent.input(phone, { target: { value: '13812345678' } });
    fireEvent.click(screen.getByText('确认签到'));

    expect(await screen.findByText('已为 刘奶奶 代签到')).toBeInTheDocument();
    const [sent] = api.requestsTo('POST', MANUAL_PATH);
    expect(sent.body).toEqual({ name: '刘奶奶', phone: '13812345678', nonce: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
    // The count is asked for at once rather than at the next poll.
    expect(api.requestsTo('GET', ATTENDANCE_PATH).length).toBeGreaterThan(polledBefore);
  });

  it('shows the server’s reason when a check-in by hand is refused', async () => {
    phoneClock();
    online().on('POST', MANUAL_PATH, errorReply(409, 'closed', '签到已结束', { closesAt: '2026-11-29T08:30:00.000Z' }));

    render(<CheckinScreenPage />);
    await screen.findByText('已签到 3 人');
    fireEvent.click(screen.getByText('代签到'));
    fireEvent.input(await findField<HTMLInputElement>('input[placeholder="请输入姓名"]'), { target: { value: '刘奶奶' } });
    fireEvent.click(screen.getByText('确认签到'));

    expect(await screen.findByText('签到已结束')).toBeInTheDocument();
    expect(screen.queryByText('已为 刘奶奶 代签到')).not.toBeInTheDocument();
  });

  it('opens the personal-code scanner and the attendance list for this talk', async () => {
    phoneClock();
    online();

    render(<CheckinScreenPage />);
    await screen.findByText('已签到 3 人');
    fireEvent.click(screen.getByText('扫签到码'));
    fireEvent.click(screen.getByText('签到名单'));

    expect(navigateTo).toHaveBeenNthCalledWith(1, { url: `/packages/checkin/scan-person/index?id=${talk.id}` });
    expect(navigateTo).toHaveBeenNthCalledWith(2, { url: `/packages/checkin/attendance/index?id=${talk.id}` });
  });

  it('shows the server’s message to someone who is not the talk’s organiser, and no code', async () => {
    phoneClock();
    saveSession(sessionFor(resident));
    const api = fakeApi().on('GET', CODE_KEY_PATH, errorReply(403, 'forbidden', '没有权限进行此操作', { talkId: 41 }));

    render(<CheckinScreenPage />);

    expect(await screen.findByText('没有权限进行此操作')).toBeInTheDocument();
    expect(screen.getByText('只有这场宣讲的宣讲员，或主办社区的工作人员，才能打开签到二维码和签到名单。')).toBeInTheDocument();
    expect(qrImage()).not.toBeInTheDocument();
    expect(screen.queryByText('重试')).not.toBeInTheDocument();
    expect(api.requestsTo('GET', ATTENDANCE_PATH)).toHaveLength(0);
  });

  it('asks a signed-out visitor to sign in and fetches nothing', () => {
    phoneClock();
    clearSession();
    const api = fakeApi();

    render(<CheckinScreenPage />);

    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
