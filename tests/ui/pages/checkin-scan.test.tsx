import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import CheckinScanPage from '../../../src/packages/checkin/scan/index';
import { QUEUE_LIMIT, queueScan, queuedCheckins, syncQueue } from '../../../src/services/offline-queue';
import { clearSession, saveSession } from '../../../src/services/session';
import { codeUrl, talk } from '../support/checkin-fixtures';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { currentPage } from '../support/page-runtime';

const checkedIn = { status: 'checked_in', talk, checkedInAt: '2026-11-29T06:26:00.000Z', offline: false };

function scanned(text: string) {
  currentPage.openWith({ code: encodeURIComponent(text) });
}

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(resident));
});

describe('check-in page', () => {
  it('posts the scanned code with a fresh nonce and shows 签到成功 with the talk and time', async () => {
    const api = fakeApi().on('POST', '/api/checkins', reply(200, checkedIn));
    scanned(codeUrl);

    render(<CheckinScanPage />);

    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(screen.getByText('老书记讲“枫桥经验”')).toBeInTheDocument();
    expect(screen.getByText('11月29日 14:30 · 惠阳社区党群服务中心')).toBeInTheDocument();
    expect(screen.getByText('签到时间 11月29日 14:26')).toBeInTheDocument();
    const [sent] = api.requestsTo('POST', '/api/checkins');
    expect(sent.body).toEqual({ code: codeUrl, nonce: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
    expect(sent.headers.authorization).toBe('Bearer access-7-1');
  });

  it('opened from the code’s own path, rebuilds the code from talk, window and mac', async () => {
    const api = fakeApi().on('POST', '/api/checkins', reply(200, checkedIn));
    currentPage.openWith({ talk: '41', window: '88923456', mac: 'AbCdEfGhIjKlMnOp' });

    render(<CheckinScanPage />);

    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/checkins')[0].body).toMatchObject({ code: '/c/41/88923456/AbCdEfGhIjKlMnOp' });
  });

  it('says 已签到 with the first check-in’s time on a repeat scan', async () => {
    fakeApi().on(
      'POST',
      '/api/checkins',
      reply(200, { status: 'already_checked_in', talk, firstCheckedInAt: '2026-11-29T06:21:00.000Z' }),
    );
    scanned(codeUrl);

    render(<CheckinScanPage />);

    expect(await screen.findByText('已签到')).toBeInTheDocument();
    expect(screen.getByText('您已于 11月29日 14:21 签到，不用再签')).toBeInTheDocument();
    expect(screen.queryByText('签到成功')).not.toBeInTheDocument();
  });

  it('answers a code it cannot read with 无效的二维码 and sends nothing', () => {
    const api = fakeApi();
    scanned('https://example.com/some/other/page');

    render(<CheckinScanPage />);

    expect(screen.getByText('无效的二维码')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });

  it('asks for a new scan when the code has expired', async () => {
    fakeApi().on('POST', '/api/checkins', errorReply(400, 'expired_code', '二维码已过期，请重新扫描', { window: 88923456 }));
    scanned(codeUrl);

    render(<CheckinScanPage />);

    expect(await screen.findByText('二维码已过期，请重新扫描')).toBeInTheDocument();
    expect(screen.getByText('重新扫码')).toBeInTheDocument();
  });

  it('says when check-in opens when it has not opened yet', async () => {
    fakeApi().on(
      'POST',
      '/api/checkins',
      errorReply(409, 'not_open', '签到尚未开始', { opensAt: '2026-11-29T06:00:00.000Z', closesAt: '2026-11-29T08:30:00.000Z' }),
    );
    scanned(codeUrl);

    render(<CheckinScanPage />);

    expect(await screen.findByText('签到尚未开始')).toBeInTheDocument();
    expect(screen.getByText('签到时间从 11月29日 14:00 开始，请到时再扫码')).toBeInTheDocument();
  });

  it('says when check-in closed once it has', async () => {
    fakeApi().on(
      'POST',
      '/api/checkins',
      errorReply(409, 'closed', '签到已结束', { opensAt: '2026-11-29T06:00:00.000Z', closesAt: '2026-11-29T08:30:00.000Z' }),
    );
    scanned(codeUrl);

    render(<CheckinScanPage />);

    expect(await screen.findByText('签到已结束')).toBeInTheDocument();
    expect(screen.getByText('签到已于 11月29日 16:30 截止')).toBeInTheDocument();
  });

  it('says how far away the attendee is when outside the venue’s area', async () => {
    fakeApi().on('POST', '/api/checkins', errorReply(403, 'outside_area', '不在签到范围内', { distanceM: 852.4, radiusM: 200 }));
    scanned(codeUrl);

    render(<CheckinScanPage />);

    expect(await screen.findByText('不在签到范围内')).toBeInTheDocument();
    expect(screen.getByText('您离活动场地约 852 米，需在 200 米以内才能签到')).toBeInTheDocument();
  });

  it('explains and asks for the location when the venue needs it, then checks in with it', async () => {
    const api = fakeApi().on(
      'POST',
      '/api/checkins',
      errorReply(400, 'location_required', '此场地签到需要获取您的位置'),
      reply(200, checkedIn),
    );
    // Taro's h5 getLocation hands over to WeChat's JS-SDK when the page runs inside WeChat; a plain
    // browser only gives WGS-84, which the venues' GCJ-02 radius cannot use.
    // The JS-SDK answers asynchronously, as the real one does.
    const getLocation = jest.fn((options: { success: (result: unknown) => void }) =>
      queueMicrotask(() => options.success({ latitude: 22.55, longitude: 114.06, errMsg: 'getLocation:ok' })),
    );
    Object.assign(window, { wx: { getLocation } });
    scanned(codeUrl);

    render(<CheckinScanPage />);
    expect(await screen.findByText('这场活动要核对您是否在活动场地附近，请允许获取位置后签到。')).toBeInTheDocument();
    fireEvent.click(screen.getByText('获取位置并签到'));

    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    expect(getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'gcj02' }));
    const [first, second] = api.requestsTo('POST', '/api/checkins');
    expect(second.body).toMatchObject({ code: codeUrl, location: { lat: 22.55, lng: 114.06 } });
    // The server replays its answer to a nonce, so the attempt with a location needs a new one.
    expect((second.body as { nonce: string }).nonce).not.toBe((first.body as { nonce: string }).nonce);
    Reflect.deleteProperty(window, 'wx');
  });

  it('says so when the location cannot be had, and sends nothing more', async () => {
    const api = fakeApi().on('POST', '/api/checkins', errorReply(400, 'location_required', '此场地签到需要获取您的位置'));
    const getLocation = jest.fn((options: { fail: (result: unknown) => void }) =>
      queueMicrotask(() => options.fail({ errMsg: 'getLocation:fail auth deny' })),
    );
    Object.assign(window, { wx: { getLocation } });
    scanned(codeUrl);

    render(<CheckinScanPage />);
    fireEvent.click(await screen.findByText('获取位置并签到'));

    expect(await screen.findByText('没有拿到位置。请在设置里允许使用位置信息，再点下面的按钮。')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/checkins')).toHaveLength(1);
    Reflect.deleteProperty(window, 'wx');
  });

  it('saves the scan for later when the network fails, and says so', async () => {
    const api = fakeApi().on('POST', '/api/checkins', networkError);
    scanned(codeUrl);
    const before = Date.now();

    render(<CheckinScanPage />);

    expect(await screen.findByText('已保存，待同步')).toBeInTheDocument();
    expect(screen.getByText('网络恢复后会自动补签到，请不要重复扫码')).toBeInTheDocument();
    expect(screen.getByText('重试')).toBeInTheDocument();
    const [sent] = api.requestsTo('POST', '/api/checkins');
    const [queued] = queuedCheckins();
    expect(queued).toMatchObject({ kind: 'scan', code: codeUrl, nonce: (sent.body as { nonce: string }).nonce });
    // The scan time is when the page got the code, not when the queue sends it.
    expect(Date.parse(queued.scannedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(queued.scannedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('retries a saved scan now as the same attempt at its scan time, and takes it off the queue', async () => {
    const api = fakeApi().on('POST', '/api/checkins', networkError, reply(200, checkedIn));
    scanned(codeUrl);

    render(<CheckinScanPage />);
    expect(await screen.findByText('已保存，待同步')).toBeInTheDocument();
    const [queued] = queuedCheckins();
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('签到成功')).toBeInTheDocument();
    const [first, second] = api.requestsTo('POST', '/api/checkins');
    expect((second.body as { nonce: string }).nonce).toBe((first.body as { nonce: string }).nonce);
    expect(second.body).toMatchObject({ code: codeUrl, scannedAt: queued.scannedAt });
    expect(queuedCheckins()).toEqual([]);
  });

  it('keeps the saved scan when 重试 reaches a server that cannot answer just now', async () => {
    fakeApi().on('POST', '/api/checkins', networkError, errorReply(503, 'internal_error', '服务器开小差了'));
    scanned(codeUrl);

    render(<CheckinScanPage />);
    expect(await screen.findByText('已保存，待同步')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));

    await waitFor(() => expect(screen.getByText('已保存，待同步')).toBeInTheDocument());
    expect(screen.queryByText('正在签到…')).not.toBeInTheDocument();
    expect(queuedCheckins()).toHaveLength(1);
  });

  it('takes the saved scan off the queue when 重试 gets a refusal', async () => {
    fakeApi().on('POST', '/api/checkins', networkError, errorReply(409, 'closed', '签到已结束'));
    scanned(codeUrl);

    render(<CheckinScanPage />);
    expect(await screen.findByText('已保存，待同步')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('签到已结束')).toBeInTheDocument();
    expect(queuedCheckins()).toEqual([]);
  });

  it('shows the answer once the queue has sent the saved scan', async () => {
    fakeApi().on('POST', '/api/checkins', networkError, reply(200, { ...checkedIn, offline: true }));
    scanned(codeUrl);

    render(<CheckinScanPage />);
    expect(await screen.findByText('已保存，待同步')).toBeInTheDocument();
    await act(async () => {
      await syncQueue();
    });

    expect(screen.getByText('签到成功')).toBeInTheDocument();
    expect(screen.getByText('离线签到已同步')).toBeInTheDocument();
    expect(screen.queryByText('已保存，待同步')).not.toBeInTheDocument();
  });

  it('falls back to 网络不给力 with 重试 when the scan cannot be saved', async () => {
    for (let index = 0; index < QUEUE_LIMIT; index += 1) {
      queueScan({ code: codeUrl, scannedAt: '2026-11-29T06:00:00.000Z', nonce: `nonce-earlier-${index}` });
    }
    fakeApi().on('POST', '/api/checkins', networkError, reply(200, checkedIn));
    scanned(codeUrl);

    render(<CheckinScanPage />);
    expect(await screen.findByText('网络不给力')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('签到成功')).toBeInTheDocument();
  });

  it('asks a signed-out attendee to sign in before sending the scan', () => {
    clearSession();
    const api = fakeApi();
    scanned(codeUrl);

    render(<CheckinScanPage />);

    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
