import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AttendanceListPage from '../../../src/packages/checkin/attendance/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { pullDown } from '../support/gestures';
import { currentPage } from '../support/page-runtime';
import { attendance, attendanceEntry, countsOf, refusedAttempt, speaker } from '../support/organiser-fixtures';

const ATTENDANCE_PATH = '/api/talks/41/attendance';

const checkins = [
  attendanceEntry({
    id: 14,
    userId: null,
    name: '刘奶奶',
    phone: '139****0001',
    method: 'manual',
    how: 'manual',
    checkedInAt: '2026-11-29T06:28:00.000Z',
    recordedBy: '王建国',
  }),
  attendanceEntry({
    id: 13,
    userId: 9,
    name: '陈阿姨',
    phone: null,
    method: 'personal_code',
    how: 'personal_code',
    checkedInAt: '2026-11-29T06:25:00.000Z',
    recordedBy: '王建国',
  }),
  attendanceEntry({
    id: 12,
    userId: 10,
    name: '赵师傅',
    method: 'scan',
    offline: true,
    how: 'offline',
    checkedInAt: '2026-11-29T06:23:00.000Z',
  }),
  attendanceEntry({ id: 11, name: '张桂兰', checkedInAt: '2026-11-29T06:21:00.000Z' }),
];

const refusals = [
  // A 代签到 refused after closing: no account, the typed name is in the details.
  refusedAttempt({
    id: 3,
    userId: null,
    name: null,
    code: 'closed',
    message: '签到已结束',
    details: { name: '孙大爷' },
    at: '2026-11-29T08:35:00.000Z',
  }),
  refusedAttempt({ id: 2, name: '李大爷', code: 'expired_code', message: '二维码已过期，请重新扫描', at: '2026-11-29T06:22:00.000Z' }),
];

const fullDay = attendance({
  counts: countsOf(4, { scan: 2, personalCode: 1, manual: 1, offline: 1, refused: 2 }),
  checkins,
  refusals,
});

function rowNames(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.ywk-attendance-row__name')).map((name) => name.textContent ?? '');
}

beforeEach(() => {
  clearSession();
  localStorage.clear();
  saveSession(sessionFor(speaker));
  currentPage.openWith({ id: '41' });
});

describe('签到名单', () => {
  it('shows the talk and the counts by way of check-in', async () => {
    fakeApi().on('GET', ATTENDANCE_PATH, reply(200, fullDay));

    render(<AttendanceListPage />);

    expect(await screen.findByText('已签到 4 人')).toBeInTheDocument();
    expect(screen.getByText('老书记讲“枫桥经验”')).toBeInTheDocument();
    expect(screen.getByText('11月29日 14:30 · 惠阳社区党群服务中心')).toBeInTheDocument();
    expect(screen.getByText('扫码 2 · 签到码 1 · 代签到 1')).toBeInTheDocument();
    expect(screen.getByText('其中离线补传 1 人 · 被拒 2 次')).toBeInTheDocument();
  });

  it('lists check-ins newest first: masked phone, Shanghai time, how, and who vouched for a person', async () => {
    fakeApi().on('GET', ATTENDANCE_PATH, reply(200, fullDay));

    const { container } = render(<AttendanceListPage />);
    await screen.findByText('刘奶奶');

    expect(rowNames(container)).toEqual(['刘奶奶', '陈阿姨', '赵师傅', '张桂兰']);
    expect(screen.getByText('139****0001 · 11月29日 14:28')).toBeInTheDocument();
    expect(screen.getByText('代签人：王建国')).toBeInTheDocument();
    expect(screen.getByText('核对人：王建国')).toBeInTheDocument();
    expect(screen.getByText('11月29日 14:25')).toBeInTheDocument();
    expect(screen.getByText('138****5678 · 11月29日 14:21')).toBeInTheDocument();
    const rows = Array.from(container.querySelectorAll('.ywk-attendance-row__how')).map((how) => how.textContent);
    expect(rows).toEqual(['代签到', '个人签到码', '离线补传', '扫码']);
  });

  it('shows refused attempts with the reason and time on the 被拒记录 tab', async () => {
    fakeApi().on('GET', ATTENDANCE_PATH, reply(200, fullDay));

    const { container } = render(<AttendanceListPage />);
    await screen.findByText('刘奶奶');
    fireEvent.click(screen.getByText('被拒记录'));

    expect(await screen.findByText('二维码已过期，请重新扫描')).toBeInTheDocument();
    // A refused 代签到 has no account; the name typed for it is shown.
    expect(rowNames(container)).toEqual(['孙大爷', '李大爷']);
    expect(screen.getByText('签到已结束')).toBeInTheDocument();
    expect(screen.getByText('11月29日 16:35')).toBeInTheDocument();
    expect(screen.getByText('11月29日 14:22')).toBeInTheDocument();
    expect(screen.queryByText('刘奶奶')).not.toBeInTheDocument();
  });

  it('says nobody has checked in yet, and that nothing was refused', async () => {
    fakeApi().on('GET', ATTENDANCE_PATH, reply(200, attendance()));

    render(<AttendanceListPage />);

    expect(await screen.findByText('还没有人签到')).toBeInTheDocument();
    expect(screen.getByText('已签到 0 人')).toBeInTheDocument();
    fireEvent.click(screen.getByText('被拒记录'));
    expect(await screen.findByText('没有被拒的签到')).toBeInTheDocument();
  });

  it('shows who came since when pulled down', async () => {
    const api = fakeApi().on(
      'GET',
      ATTENDANCE_PATH,
      reply(200, attendance({ counts: countsOf(1), checkins: [checkins[3]] })),
      reply(200, attendance({ counts: countsOf(2), checkins: [attendanceEntry({ id: 15, name: '周大姐' }), checkins[3]] })),
    );

    const { container } = render(<AttendanceListPage />);
    await screen.findByText('已签到 1 人');
    await pullDown(container);

    expect(await screen.findByText('周大姐')).toBeInTheDocument();
    expect(screen.getByText('已签到 2 人')).toBeInTheDocument();
    expect(api.requestsTo('GET', ATTENDANCE_PATH)).toHaveLength(2);
  });

  it('says when only the newest entries are shown', async () => {
    fakeApi().on('GET', ATTENDANCE_PATH, reply(200, attendance({ counts: countsOf(250), checkins: [checkins[3]] })));

    render(<AttendanceListPage />);

    expect(await screen.findByText('只显示最近 1 人')).toBeInTheDocument();
  });

  it('offers 重试 when the list cannot be loaded', async () => {
    fakeApi().on('GET', ATTENDANCE_PATH, networkError, networkError, reply(200, fullDay));

    render(<AttendanceListPage />);
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('已签到 4 人')).toBeInTheDocument();
  });

  it('shows the server’s message to someone who is not the talk’s organiser', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', ATTENDANCE_PATH, errorReply(403, 'forbidden', '没有权限进行此操作', { talkId: 41 }));

    render(<AttendanceListPage />);

    expect(await screen.findByText('没有权限进行此操作')).toBeInTheDocument();
    expect(screen.getByText('只有这场宣讲的宣讲员，或主办社区的工作人员，才能打开签到二维码和签到名单。')).toBeInTheDocument();
    expect(screen.queryByText('重试')).not.toBeInTheDocument();
  });

  it('asks a signed-out visitor to sign in and fetches nothing', async () => {
    clearSession();
    const api = fakeApi();

    render(<AttendanceListPage />);

    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    await waitFor(() => expect(api.requests).toHaveLength(0));
  });
});
