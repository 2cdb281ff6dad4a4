import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import CheckinPage from '../../../src/pages/checkin/index';
import { queueScan, queuedCheckins, syncOutcomes } from '../../../src/services/offline-queue';
import { clearSession, saveSession } from '../../../src/services/session';
import { codeUrl, myCheckins, talk, todayTalk, todayTalks } from '../support/checkin-fixtures';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { findField } from '../support/fields';
import { spyOnNavigation } from '../support/navigation';

const laterTalk = { id: 42, title: '防范电信诈骗', venueName: '惠阳社区老年活动室', startsAt: '2026-11-29T11:00:00.000Z' };

const navigateTo = spyOnNavigation();

beforeEach(() => {
  clearSession();
  localStorage.clear();
});

function talkRow(title: string): HTMLElement {
  return screen.getByText(title).closest('.ywk-today-talk') as HTMLElement;
}

describe('签到 tab', () => {
  it('asks a signed-out visitor to sign in and loads nothing', () => {
    const api = fakeApi();

    render(<CheckinPage />);

    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    expect(screen.getByText('登录')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });

  it('lists today’s registered talks with time and venue, marking the ones already checked in', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on(
        'GET',
        '/api/me/talks/today',
        reply(200, todayTalks([todayTalk({ checkedInAt: '2026-11-29T06:25:00.000Z' }), todayTalk({ talk: laterTalk, endsAt: '2026-11-29T12:00:00.000Z' })])),
      )
      .on('GET', '/api/me/checkins', reply(200, myCheckins([])));

    render(<CheckinPage />);

    expect(await screen.findByText('老书记讲“枫桥经验”')).toBeInTheDocument();
    expect(within(talkRow('老书记讲“枫桥经验”')).getByText('14:30–16:00 · 惠阳社区党群服务中心')).toBeInTheDocument();
    expect(within(talkRow('老书记讲“枫桥经验”')).getByText(/已签到/)).toBeInTheDocument();
    expect(within(talkRow('防范电信诈骗')).getByText('19:00–20:00 · 惠阳社区老年活动室')).toBeInTheDocument();
    expect(within(talkRow('防范电信诈骗')).queryByText(/已签到/)).not.toBeInTheDocument();
    expect(within(talkRow('防范电信诈骗')).getByText('未签到')).toBeInTheDocument();
    expect(await screen.findByText('还没有签到记录')).toBeInTheDocument();
  });

  it('shows the check-in record with when each check-in happened', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', '/api/me/talks/today', reply(200, todayTalks([])))
      .on(
        'GET',
        '/api/me/checkins',
        reply(200, myCheckins([{ talk, method: 'scan', offline: false, checkedInAt: '2026-11-29T06:25:00.000Z' }])),
      );

    render(<CheckinPage />);

    expect(await screen.findByText('惠阳社区党群服务中心 · 签到于 11月29日 14:25')).toBeInTheDocument();
    expect(screen.getByText('今天没有您报名的宣讲')).toBeInTheDocument();
  });

  it('offers 重试 when today’s talks fail to load', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', '/api/me/talks/today', errorReply(500, 'internal_error', '服务器开小差了'), reply(200, todayTalks([todayTalk()])))
      .on('GET', '/api/me/checkins', reply(200, myCheckins([])));

    render(<CheckinPage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('老书记讲“枫桥经验”')).toBeInTheDocument();
  });

  it('on the web, where there is no scanner, opens the check-in page with the code typed in', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', '/api/me/talks/today', reply(200, todayTalks([])))
      .on('GET', '/api/me/checkins', reply(200, myCheckins([])));

    render(<CheckinPage />);
    await screen.findByText('今天没有您报名的宣讲');
    const input = await findField<HTMLInputElement>('input[placeholder="签到码链接"]');
    fireEvent.input(input, { target: { value: ` ${codeUrl} ` } });
    fireEvent.click(screen.getByText('签到'));

    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/checkin/scan/index?code=${encodeURIComponent(codeUrl)}` });
  });

  it('leads to 我的签到码', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', '/api/me/talks/today', reply(200, todayTalks([])))
      .on('GET', '/api/me/checkins', reply(200, myCheckins([])));

    render(<CheckinPage />);
    await screen.findByText('今天没有您报名的宣讲');
    fireEvent.click(screen.getByText('我的签到码'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/checkin/my-code/index' });
  });
  it('opens the talk from an entry of the check-in record', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', '/api/me/talks/today', reply(200, todayTalks([])))
      .on('GET', '/api/me/checkins', reply(200, myCheckins([{ talk, method: 'scan', offline: false, checkedInAt: '2026-11-29T06:25:00.000Z' }])));

    render(<CheckinPage />);
    fireEvent.click(await screen.findByText('惠阳社区党群服务中心 · 签到于 11月29日 14:25'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/talk/index?id=41' });
  });

  it('shows no 待同步 section when nothing is waiting', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', '/api/me/talks/today', reply(200, todayTalks([])))
      .on('GET', '/api/me/checkins', reply(200, myCheckins([])));

    render(<CheckinPage />);
    await screen.findByText('今天没有您报名的宣讲');

    expect(screen.queryByText('待同步')).not.toBeInTheDocument();
    expect(screen.queryByText('立即同步')).not.toBeInTheDocument();
  });

  it('lists scans saved offline and, on 立即同步, sends them and shows how it went', async () => {
    saveSession(sessionFor(resident));
    queueScan({ code: codeUrl, scannedAt: '2026-11-29T06:26:00.000Z', nonce: 'nonce-tab-1', lastError: '网络不给力，请检查网络后重试' });
    const api = fakeApi()
      .on('GET', '/api/me/talks/today', reply(200, todayTalks([todayTalk()])), reply(200, todayTalks([todayTalk({ checkedInAt: '2026-11-29T06:26:00.000Z' })])))
      .on('GET', '/api/me/checkins', reply(200, myCheckins([])))
      .on('POST', '/api/checkins', reply(200, { status: 'checked_in', talk, checkedInAt: '2026-11-29T06:26:00.000Z', offline: true }));

    render(<CheckinPage />);
    const queued = (await screen.findByText('扫码签到')).closest('.ywk-queued-checkin') as HTMLElement;
    expect(within(queued).getByText('扫码于 11月29日 14:26 · 网络不给力，请检查网络后重试')).toBeInTheDocument();
    expect(within(queued).getByText('待同步')).toBeInTheDocument();
    fireEvent.click(screen.getByText('立即同步'));

    expect(await screen.findByText('离线签到已同步：签到成功')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/checkins')[0].body).toEqual({
      code: codeUrl,
      scannedAt: '2026-11-29T06:26:00.000Z',
      nonce: 'nonce-tab-1',
    });
    expect(screen.queryByText('扫码签到')).not.toBeInTheDocument();
    // The lists load again, so the talk shows as checked in.
    await waitFor(() => expect(document.querySelector('.ywk-today-talk')).toHaveTextContent('已签到'));
  });

  it('keeps a scan waiting while the network is still down', async () => {
    saveSession(sessionFor(resident));
    queueScan({ code: codeUrl, scannedAt: '2026-11-29T06:26:00.000Z', nonce: 'nonce-tab-2' });
    fakeApi()
      .on('GET', '/api/me/talks/today', reply(200, todayTalks([])))
      .on('GET', '/api/me/checkins', reply(200, myCheckins([])))
      .on('POST', '/api/checkins', networkError);

    render(<CheckinPage />);
    fireEvent.click(await screen.findByText('立即同步'));

    expect(await screen.findByText('扫码于 11月29日 14:26 · 网络不给力，请检查网络后重试')).toBeInTheDocument();
    expect(screen.getByText('立即同步')).toBeInTheDocument();
    expect(queuedCheckins()).toHaveLength(1);
  });

  it('shows why a synced scan was refused until the attendee has seen it', async () => {
    saveSession(sessionFor(resident));
    queueScan({ code: codeUrl, scannedAt: '2026-11-27T06:26:00.000Z', nonce: 'nonce-tab-3' });
    fakeApi()
      .on('GET', '/api/me/talks/today', reply(200, todayTalks([])))
      .on('GET', '/api/me/checkins', reply(200, myCheckins([])))
      .on('POST', '/api/checkins', errorReply(409, 'offline_sync_too_late', '离线签到上传过晚，请联系组织者代签到'));

    render(<CheckinPage />);
    fireEvent.click(await screen.findByText('立即同步'));

    expect(await screen.findByText('离线签到没有成功：离线签到上传过晚，请联系组织者代签到')).toBeInTheDocument();
    fireEvent.click(screen.getByText('知道了'));

    expect(screen.queryByText('离线签到没有成功：离线签到上传过晚，请联系组织者代签到')).not.toBeInTheDocument();
    expect(syncOutcomes()).toEqual([]);
  });
});
