import { act, fireEvent, render, screen, within } from '@testing-library/react';
import ScanPersonPage from '../../../src/packages/checkin/scan-person/index';
import { queuedCheckins, syncQueue } from '../../../src/services/offline-queue';
import { clearSession, saveSession } from '../../../src/services/session';
import { talk } from '../support/checkin-fixtures';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { findField } from '../support/fields';
import { communityEditor, sessionFor } from '../support/fixtures';
import { currentPage } from '../support/page-runtime';

/** 张桂兰's 我的签到码, as the text under her QR code reads. */
const guilanCode = 'ywk-p:7:20786:AbCdEfGhIjKlMnOp';
const jianguoCode = 'ywk-p:9:20786:QrStUvWxYz012345';

function checkedIn(name: string, id: number, status: 'checked_in' | 'already_checked_in' = 'checked_in', at = '2026-11-29T06:26:00.000Z') {
  return { status, attendee: { id, name }, talk, checkedInAt: at, offline: false };
}

async function enterCode(text: string) {
  const input = await findField<HTMLInputElement>('input[placeholder="个人签到码"]');
  fireEvent.input(input, { target: { value: text } });
  fireEvent.click(screen.getByText('签到'));
}

/** The row of the running list whose title is `text` (the latest scan is also shown large above it). */
function scanRow(text: string): HTMLElement {
  return screen.getAllByText(text).map((node) => node.closest('.ywk-person-scan')).find(Boolean) as HTMLElement;
}

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(communityEditor));
  currentPage.openWith({ id: '41' });
});

describe('scanning attendees’ personal codes', () => {
  it('checks in the attendee whose code was entered, for this talk, and names them', async () => {
    const api = fakeApi().on('POST', '/api/checkins/personal', reply(200, checkedIn('张桂兰', 7)));

    render(<ScanPersonPage />);
    await enterCode(` ${guilanCode} `);

    expect(await screen.findAllByText('张桂兰 签到成功')).not.toHaveLength(0);
    const [sent] = api.requestsTo('POST', '/api/checkins/personal');
    expect(sent.body).toEqual({ talkId: 41, code: guilanCode, nonce: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
    expect(sent.headers.authorization).toBe('Bearer access-12-1');
  });

  it('says 已签到 with the first time for someone already checked in', async () => {
    fakeApi().on('POST', '/api/checkins/personal', reply(200, checkedIn('张桂兰', 7, 'already_checked_in', '2026-11-29T02:02:00.000Z')));

    render(<ScanPersonPage />);
    await enterCode(guilanCode);

    expect(await screen.findAllByText('张桂兰 已签到（首次 10:02）')).not.toHaveLength(0);
  });

  it('shows the server’s reason when a code is refused', async () => {
    fakeApi().on('POST', '/api/checkins/personal', errorReply(400, 'personal_code_expired', '个人签到码已过期，请重新打开我的签到码'));

    render(<ScanPersonPage />);
    await enterCode(guilanCode);

    expect(await screen.findAllByText('个人签到码已过期，请重新打开我的签到码')).not.toHaveLength(0);
    expect(queuedCheckins()).toEqual([]);
  });

  it('answers something that is not a personal code at once, sending nothing', async () => {
    const api = fakeApi();

    render(<ScanPersonPage />);
    await enterCode('https://ywk.example.cn/c/41/88923456/AbCdEfGhIjKlMnOp');

    expect(await screen.findAllByText('这不是参会者的签到码，请扫对方手机上的“我的签到码”')).not.toHaveLength(0);
    expect(api.requests).toHaveLength(0);
  });

  it('keeps a running list of this session’s scans, newest first', async () => {
    fakeApi().on('POST', '/api/checkins/personal', reply(200, checkedIn('张桂兰', 7)), reply(200, checkedIn('王建国', 9)));

    render(<ScanPersonPage />);
    await enterCode(guilanCode);
    await screen.findAllByText('张桂兰 签到成功');
    await enterCode(jianguoCode);
    await screen.findAllByText('王建国 签到成功');

    const rows = [...document.querySelectorAll('.ywk-person-scan')].map((row) => row.querySelector('.nut-cell-title')?.textContent);
    expect(rows).toEqual(['王建国 签到成功', '张桂兰 签到成功']);
  });

  it('saves a scan made without network as 待同步, and shows the answer once it is synced', async () => {
    const api = fakeApi().on('POST', '/api/checkins/personal', networkError, reply(200, { ...checkedIn('张桂兰', 7), offline: true }));
    const before = Date.now();

    render(<ScanPersonPage />);
    await enterCode(guilanCode);

    expect(await screen.findAllByText('参会者（编号 7） 已保存，待同步')).not.toHaveLength(0);
    expect(within(scanRow('参会者（编号 7） 已保存，待同步')).getByText('待同步')).toBeInTheDocument();
    expect(screen.getByText('还有 1 人待同步')).toBeInTheDocument();
    const [queued] = queuedCheckins();
    const [sent] = api.requestsTo('POST', '/api/checkins/personal');
    expect(queued).toMatchObject({ kind: 'personal', talkId: 41, code: guilanCode, nonce: (sent.body as { nonce: string }).nonce });
    expect(Date.parse(queued.scannedAt)).toBeGreaterThanOrEqual(before);

    await act(async () => {
      await syncQueue();
    });

    expect(screen.getAllByText('张桂兰 签到成功')).not.toHaveLength(0);
    expect(screen.queryByText('还有 1 人待同步')).not.toBeInTheDocument();
    const [, synced] = api.requestsTo('POST', '/api/checkins/personal');
    expect(synced.body).toEqual({ talkId: 41, code: guilanCode, scannedAt: queued.scannedAt, nonce: queued.nonce });
  });

  it('sends the waiting scans on 立即同步', async () => {
    const api = fakeApi().on('POST', '/api/checkins/personal', networkError, reply(200, checkedIn('张桂兰', 7)));

    render(<ScanPersonPage />);
    await enterCode(guilanCode);
    fireEvent.click(await screen.findByText('立即同步'));

    expect(await screen.findAllByText('张桂兰 签到成功')).not.toHaveLength(0);
    expect(api.requestsTo('POST', '/api/checkins/personal')).toHaveLength(2);
    expect(queuedCheckins()).toEqual([]);
  });

  it('says so when opened without a talk', () => {
    currentPage.openWith({});
    fakeApi();

    render(<ScanPersonPage />);

    expect(screen.getByText('找不到这场活动')).toBeInTheDocument();
  });

  it('asks a signed-out organiser to sign in', () => {
    clearSession();
    const api = fakeApi();

    render(<ScanPersonPage />);

    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
