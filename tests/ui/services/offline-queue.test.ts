import {
  OUTCOME_LIMIT,
  QUEUE_LIMIT,
  dismissOutcomes,
  forgetQueued,
  queuePersonalScan,
  queueScan,
  queuedCheckins,
  startQueueSync,
  syncOutcomes,
  syncQueue,
} from '../../../src/services/offline-queue';
import { clearSession, saveSession } from '../../../src/services/session';
import { codeUrl, talk } from '../support/checkin-fixtures';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { communityEditor, resident, sessionFor } from '../support/fixtures';

const scannedAt = '2026-11-29T06:26:05.000Z';
const personalCode = 'ywk-p:7:20786:AbCdEfGhIjKlMnOp';

function scan(nonce: string, overrides: Partial<Parameters<typeof queueScan>[0]> = {}) {
  return queueScan({ code: codeUrl, scannedAt, nonce, ...overrides });
}

const checkedIn = { status: 'checked_in', talk, checkedInAt: scannedAt, offline: true };

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(resident));
});

describe('offline check-in queue', () => {
  it('keeps a queued scan across a restart of the app', () => {
    scan('nonce-restart-1', { label: '老书记讲“枫桥经验”' });

    let afterRestart: unknown[] = [];
    jest.isolateModules(() => {
      // A fresh copy of the modules, as after closing and reopening the mini-program.
      const fresh = jest.requireActual<typeof import('../../../src/services/offline-queue')>('../../../src/services/offline-queue');
      afterRestart = fresh.queuedCheckins();
    });

    expect(afterRestart).toEqual([
      { kind: 'scan', code: codeUrl, scannedAt, nonce: 'nonce-restart-1', label: '老书记讲“枫桥经验”', userId: resident.id },
    ]);
  });

  it('keeps one entry per nonce, with the first scan time', () => {
    scan('nonce-same-1');
    const again = scan('nonce-same-1', { scannedAt: '2026-11-29T06:40:00.000Z', lastError: '网络不给力' });

    expect(queuedCheckins()).toHaveLength(1);
    expect(again?.scannedAt).toBe(scannedAt);
  });

  it('refuses a new entry once full, keeping the ones already saved', () => {
    for (let index = 0; index < QUEUE_LIMIT; index += 1) expect(scan(`nonce-full-${index}`)).not.toBeNull();

    expect(scan('nonce-one-too-many')).toBeNull();
    expect(queuedCheckins()).toHaveLength(QUEUE_LIMIT);
    expect(queuedCheckins()[0].nonce).toBe('nonce-full-0');
  });

  it('keeps nothing for someone signed out', () => {
    clearSession();

    expect(scan('nonce-signed-out')).toBeNull();
    expect(localStorage.length).toBe(0);
  });

  it('sends a queued scan with its own nonce and scan time, drops it, and records 签到成功', async () => {
    const api = fakeApi().on('POST', '/api/checkins', reply(200, checkedIn));
    scan('nonce-sync-ok-1', { location: { lat: 22.55, lng: 114.06 } });

    const report = await syncQueue();

    expect(api.requestsTo('POST', '/api/checkins').map((request) => request.body)).toEqual([
      { code: codeUrl, scannedAt, nonce: 'nonce-sync-ok-1', location: { lat: 22.55, lng: 114.06 } },
    ]);
    expect(queuedCheckins()).toEqual([]);
    expect(report).toMatchObject({ remaining: 0, settled: [{ nonce: 'nonce-sync-ok-1', accepted: true }] });
    expect(syncOutcomes()).toEqual([
      expect.objectContaining({ nonce: 'nonce-sync-ok-1', title: talk.title, accepted: true, message: '签到成功' }),
    ]);
  });

  it('records a repeat as 已签到 with the first check-in’s time', async () => {
    fakeApi().on('POST', '/api/checkins', reply(200, { status: 'already_checked_in', talk, firstCheckedInAt: '2026-11-29T02:02:00.000Z' }));
    scan('nonce-repeat-1');

    await syncQueue();

    expect(syncOutcomes()[0]).toMatchObject({ accepted: true, message: '已签到（首次 10:02）' });
  });

  it('keeps every entry when the network is still down, noting why, and stops trying the rest', async () => {
    const api = fakeApi().on('POST', '/api/checkins', networkError);
    scan('nonce-down-1');
    scan('nonce-down-2');

    const report = await syncQueue();

    expect(api.requestsTo('POST', '/api/checkins')).toHaveLength(1);
    expect(report.remaining).toBe(2);
    expect(queuedCheckins().map((entry) => entry.nonce)).toEqual(['nonce-down-1', 'nonce-down-2']);
    expect(queuedCheckins()[0].lastError).toBe('网络不给力，请检查网络后重试');
    expect(syncOutcomes()).toEqual([]);
  });

  it('drops an entry the server refused and records the refusal’s message, then sends the next', async () => {
    const api = fakeApi().on(
      'POST',
      '/api/checkins',
      errorReply(409, 'offline_sync_too_late', '离线签到上传过晚，请联系组织者代签到', { maxDelayHours: 24 }),
      reply(200, checkedIn),
    );
    scan('nonce-late-1', { label: '惠阳社区的宣讲' });
    scan('nonce-late-2');

    await syncQueue();

    expect(api.requestsTo('POST', '/api/checkins')).toHaveLength(2);
    expect(queuedCheckins()).toEqual([]);
    expect(syncOutcomes()).toEqual([
      expect.objectContaining({ nonce: 'nonce-late-2', accepted: true, message: '签到成功' }),
      expect.objectContaining({
        nonce: 'nonce-late-1',
        title: '惠阳社区的宣讲',
        accepted: false,
        message: '离线签到上传过晚，请联系组织者代签到',
      }),
    ]);
  });

  it('keeps an entry the server failed on (5xx) or rate-limited, for the next sync', async () => {
    fakeApi().on(
      'POST',
      '/api/checkins',
      errorReply(503, 'internal_error', '服务器开小差了'),
      errorReply(429, 'rate_limited', '操作过于频繁，请稍后再试'),
    );
    scan('nonce-busy-1');
    scan('nonce-busy-2');

    await syncQueue();

    expect(queuedCheckins().map((entry) => [entry.nonce, entry.lastError])).toEqual([
      ['nonce-busy-1', '服务器开小差了'],
      ['nonce-busy-2', '操作过于频繁，请稍后再试'],
    ]);
    expect(syncOutcomes()).toEqual([]);
  });

  it('sends an organiser’s personal-code scan for its talk and records who was checked in', async () => {
    saveSession(sessionFor(communityEditor));
    const api = fakeApi().on(
      'POST',
      '/api/checkins/personal',
      reply(200, { status: 'checked_in', attendee: { id: 7, name: '张桂兰' }, talk, checkedInAt: scannedAt, offline: true }),
    );
    queuePersonalScan({ talkId: 41, code: personalCode, scannedAt, nonce: 'nonce-person-1', label: '参会者（编号 7）' });

    await syncQueue();

    expect(api.requestsTo('POST', '/api/checkins/personal')[0].body).toEqual({
      talkId: 41,
      code: personalCode,
      scannedAt,
      nonce: 'nonce-person-1',
    });
    expect(queuedCheckins()).toEqual([]);
    expect(syncOutcomes()[0]).toMatchObject({ kind: 'personal', accepted: true, message: '张桂兰 签到成功' });
  });

  it('runs one sync at a time: a second call joins the first and nothing is sent twice', async () => {
    let answer: (value: { status: number; body?: unknown }) => void = () => undefined;
    const api = fakeApi().on('POST', '/api/checkins', { pending: new Promise((resolve) => (answer = resolve)) });
    scan('nonce-once-1');

    const first = syncQueue();
    const second = syncQueue();
    await new Promise((resolve) => setTimeout(resolve, 0));
    answer({ status: 200, body: checkedIn });

    expect(second).toBe(first);
    await first;
    expect(api.requestsTo('POST', '/api/checkins')).toHaveLength(1);
    expect(queuedCheckins()).toEqual([]);
  });

  it('never sends someone else’s queued scans under the signed-in user', async () => {
    const api = fakeApi().on('POST', '/api/checkins', reply(200, checkedIn));
    scan('nonce-other-1');
    saveSession(sessionFor(communityEditor));

    const report = await syncQueue();

    expect(api.requests).toHaveLength(0);
    expect(report.remaining).toBe(0);
    saveSession(sessionFor(resident));
    expect(queuedCheckins()).toHaveLength(1);
  });

  it('syncs on start and again when the network comes back', async () => {
    const api = fakeApi().on('POST', '/api/checkins', networkError, reply(200, checkedIn));
    scan('nonce-reconnect-1');

    const stop = startQueueSync();
    try {
      await syncQueue();
      expect(queuedCheckins()).toHaveLength(1);

      window.dispatchEvent(new Event('online'));
      await syncQueue();

      expect(api.requestsTo('POST', '/api/checkins')).toHaveLength(2);
      expect(queuedCheckins()).toEqual([]);
    } finally {
      stop();
    }
  });

  it('forgets an entry the page got an answer for, and clears results once seen', async () => {
    fakeApi().on('POST', '/api/checkins', reply(200, checkedIn));
    scan('nonce-page-1');
    scan('nonce-page-2');
    forgetQueued('nonce-page-1');

    await syncQueue();
    expect(syncOutcomes().map((outcome) => outcome.nonce)).toEqual(['nonce-page-2']);
    dismissOutcomes();

    expect(syncOutcomes()).toEqual([]);
  });

  it('keeps only the most recent results', async () => {
    fakeApi().on('POST', '/api/checkins', reply(200, checkedIn));
    for (let index = 0; index < OUTCOME_LIMIT + 3; index += 1) scan(`nonce-many-${index}`);

    await syncQueue();

    expect(syncOutcomes()).toHaveLength(OUTCOME_LIMIT);
    expect(syncOutcomes()[0].nonce).toBe(`nonce-many-${OUTCOME_LIMIT + 2}`);
  });
});
