import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import StudyRecordPage from '../../../src/packages/post/study/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { pullDown, scrollToEnd } from '../support/gestures';
import { spyOnNavigation } from '../support/navigation';
import { hoursAgo, studyRecord } from '../support/post-fixtures';

const navigateTo = spyOnNavigation();

beforeEach(() => {
  clearSession();
  localStorage.clear();
});

const laterPage = studyRecord({
  items: [
    { postId: 8, title: '垃圾分类新规解读', category: 'policy', studiedAt: hoursAgo(30), seconds: 3720, points: 0 },
  ],
  nextCursor: null,
});

describe('我的学习', () => {
  it('shows the totals, 学习积分 and the studied posts', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/me/study', reply(200, studyRecord()));

    render(<StudyRecordPage />);

    expect(await screen.findByText('学习贯彻党的二十大精神宣讲走进惠阳社区')).toBeInTheDocument();
    expect(screen.getByText('12 分钟')).toBeInTheDocument();
    expect(screen.getByText('5 篇')).toBeInTheDocument();
    expect(screen.getByText('36')).toBeInTheDocument();
    expect(screen.getByText('学习积分（今日 4/10）')).toBeInTheDocument();
    expect(screen.getByText('学习 1 分钟')).toBeInTheDocument();
    expect(screen.getByText('+2 积分')).toBeInTheDocument();
  });

  it('loads more studied posts with the cursor when scrolled to the end', async () => {
    saveSession(sessionFor(resident));
    const api = fakeApi().on('GET', '/api/me/study', (request) =>
      request.query.cursor === 'r2' ? reply(200, laterPage) : reply(200, studyRecord({ nextCursor: 'r2' })),
    );

    const { container } = render(<StudyRecordPage />);
    await screen.findByText('学习贯彻党的二十大精神宣讲走进惠阳社区');
    await scrollToEnd(container);

    expect(await screen.findByText('垃圾分类新规解读')).toBeInTheDocument();
    expect(screen.getByText('学习 1 小时 2 分钟')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/me/study').map((request) => request.query)).toEqual([
      { limit: '20' },
      { limit: '20', cursor: 'r2' },
    ]);
  });

  it('keeps the record on screen and says why when pulling down to refresh fails', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/me/study', reply(200, studyRecord()), networkError);

    const { container } = render(<StudyRecordPage />);
    await screen.findByText('学习贯彻党的二十大精神宣讲走进惠阳社区');
    await pullDown(container);

    expect(await screen.findByText('网络不给力，请检查网络后重试', { selector: '.nut-toast-text' })).toBeInTheDocument();
    expect(screen.getByText('学习贯彻党的二十大精神宣讲走进惠阳社区')).toBeInTheDocument();
  });

  it('opens a studied post', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/me/study', reply(200, studyRecord()));

    render(<StudyRecordPage />);
    fireEvent.click(await screen.findByText('学习贯彻党的二十大精神宣讲走进惠阳社区'));

    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/post/detail/index?id=1' }));
  });

  it('explains how studying counts before anything has been studied', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on(
      'GET',
      '/api/me/study',
      reply(200, studyRecord({ totalSeconds: 0, studiedCount: 0, totalPoints: 0, todayPoints: 0, items: [] })),
    );

    render(<StudyRecordPage />);

    expect(await screen.findByText('还没有学完的文章')).toBeInTheDocument();
    expect(screen.getByText('在“微课堂”里打开文章，阅读一会儿就计入学习记录，每天最多得 10 积分。')).toBeInTheDocument();
  });

  it('shows an error with 重试 that recovers', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/me/study', errorReply(500, 'internal_error', '系统繁忙，请稍后再试'), reply(200, studyRecord()));

    render(<StudyRecordPage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('学习贯彻党的二十大精神宣讲走进惠阳社区')).toBeInTheDocument();
  });

  it('asks a signed-out visitor to sign in', async () => {
    const api = fakeApi();

    render(<StudyRecordPage />);

    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
