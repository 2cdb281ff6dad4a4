import { act, render, screen, waitFor } from '@testing-library/react';
import PostDetailPage from '../../../src/packages/post/detail/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { communityEditor, resident, sessionFor } from '../support/fixtures';
import { currentPage } from '../support/page-runtime';
import { postDetail, readProgress } from '../support/post-fixtures';

const post = postDetail({
  id: 5,
  title: '老书记讲“枫桥经验”',
  source: '惠阳社区居委会',
  unitName: '惠阳社区',
  authorName: '王建国',
  readCount: 56,
  coverUrl: 'https://static.example.cn/covers/fengqiao.jpg',
  bodyHtml: '<p>矛盾不上交，就地化解。</p><p>老书记讲了三个调解的故事。</p>',
  requiredSeconds: 20,
});

const NOT_FOUND = errorReply(404, 'not_found', '内容不存在或已删除');

beforeEach(() => {
  clearSession();
  localStorage.clear();
  currentPage.openWith({ id: '5' });
});

afterEach(() => {
  jest.useRealTimers();
});

async function advanceSeconds(seconds: number) {
  await act(async () => {
    jest.advanceTimersByTime(seconds * 1000);
  });
}

describe('文章详情', () => {
  it('shows the post: title, source, unit, author, date, cover, body and read count', async () => {
    fakeApi().on('GET', '/api/posts/5', reply(200, post));

    const { container } = render(<PostDetailPage />);

    expect(await screen.findByText('老书记讲“枫桥经验”')).toBeInTheDocument();
    expect(screen.getByText('来源：惠阳社区居委会')).toBeInTheDocument();
    expect(screen.getByText('发布单位：惠阳社区')).toBeInTheDocument();
    expect(screen.getByText('作者：王建国')).toBeInTheDocument();
    expect(screen.getByText('3 小时前')).toBeInTheDocument();
    // RichText draws the body in its own render pass.
    expect(await screen.findByText('矛盾不上交，就地化解。')).toBeInTheDocument();
    expect(screen.getByText('老书记讲了三个调解的故事。')).toBeInTheDocument();
    expect(screen.getByText('阅读 56')).toBeInTheDocument();
    expect(container.querySelector('.ywk-post-article__cover')).toHaveAttribute(
      'src',
      'https://static.example.cn/covers/fengqiao.jpg',
    );
    expect(container.querySelector('taro-video-core')).not.toBeInTheDocument();
  });

  it('plays the post’s video when it has one', async () => {
    fakeApi().on('GET', '/api/posts/5', reply(200, { ...post, videoUrl: 'https://static.example.cn/v/fengqiao.mp4' }));

    const { container } = render(<PostDetailPage />);
    await screen.findByText('老书记讲“枫桥经验”');

    // Taro's Video draws its player in its own render pass.
    await waitFor(() =>
      expect(container.querySelector('video')).toHaveAttribute('src', 'https://static.example.cn/v/fengqiao.mp4'),
    );
  });

  it('keeps pictures in the body within the screen', async () => {
    fakeApi().on('GET', '/api/posts/5', reply(200, { ...post, bodyHtml: '<p>合影</p><img src="https://static.example.cn/a.jpg">' }));

    const { container } = render(<PostDetailPage />);
    await screen.findByText('合影');

    expect(container.querySelector('.ywk-post-article__body img')).toHaveStyle({ maxWidth: '100%' });
  });

  it('shows on opening how much of the post the reader already studied', async () => {
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', '/api/posts/5', reply(200, post))
      .on('GET', '/api/posts/5/reads/mine', reply(200, readProgress({ postId: 5, seconds: 12 })));

    render(<PostDetailPage />);

    expect(await screen.findByText('已学习 12 秒 / 需 20 秒')).toBeInTheDocument();
  });

  it('reports reading time every 15 seconds with a fresh nonce, and shows the progress, then completion', async () => {
    jest.useFakeTimers();
    saveSession(sessionFor(resident));
    const api = fakeApi()
      .on('GET', '/api/posts/5', reply(200, post))
      .on(
        'POST',
        '/api/posts/5/reads',
        reply(200, readProgress({ postId: 5, seconds: 15 })),
        reply(200, readProgress({ postId: 5, seconds: 30, studied: true, points: 2, todayPoints: 6 })),
      );

    render(<PostDetailPage />);
    await screen.findByText('矛盾不上交，就地化解。');
    expect(screen.getByText('阅读满 20 秒计为已学习')).toBeInTheDocument();

    await advanceSeconds(14);
    expect(api.requestsTo('POST', '/api/posts/5/reads')).toHaveLength(0);

    await advanceSeconds(1);
    expect(await screen.findByText('已学习 15 秒 / 需 20 秒')).toBeInTheDocument();

    await advanceSeconds(15);
    expect(await screen.findByText('已完成学习 +2 积分')).toBeInTheDocument();

    const reports = api.requestsTo('POST', '/api/posts/5/reads');
    expect(reports.map((report) => (report.body as { seconds: number }).seconds)).toEqual([15, 15]);
    const nonces = reports.map((report) => (report.body as { nonce: string }).nonce);
    nonces.forEach((nonce) => expect(nonce).toMatch(/^[A-Za-z0-9_-]{8,64}$/));
    expect(new Set(nonces).size).toBe(2);
    expect(reports[0].headers.authorization).toBe('Bearer access-7-1');
  });

  it('reports the time read so far when the page is hidden, and nothing while it stays hidden', async () => {
    jest.useFakeTimers();
    saveSession(sessionFor(resident));
    const api = fakeApi()
      .on('GET', '/api/posts/5', reply(200, post))
      .on('POST', '/api/posts/5/reads', reply(200, readProgress({ postId: 5, seconds: 7 })));

    render(<PostDetailPage />);
    await screen.findByText('矛盾不上交，就地化解。');

    await advanceSeconds(7);
    currentPage.hide();
    await advanceSeconds(60);

    const reports = api.requestsTo('POST', '/api/posts/5/reads');
    expect(reports.map((report) => (report.body as { seconds: number }).seconds)).toEqual([7]);

    currentPage.show();
    await advanceSeconds(15);
    expect(api.requestsTo('POST', '/api/posts/5/reads').map((report) => (report.body as { seconds: number }).seconds)).toEqual([
      7, 15,
    ]);
  });

  it('says when the daily cap has been reached instead of promising points', async () => {
    jest.useFakeTimers();
    saveSession(sessionFor(resident));
    fakeApi()
      .on('GET', '/api/posts/5', reply(200, post))
      .on(
        'POST',
        '/api/posts/5/reads',
        reply(200, readProgress({ postId: 5, seconds: 20, studied: true, points: 0, todayPoints: 10 })),
      );

    render(<PostDetailPage />);
    await screen.findByText('矛盾不上交，就地化解。');
    await advanceSeconds(15);

    expect(await screen.findByText('已完成学习，今日积分已满（10/10）')).toBeInTheDocument();
  });

  it('sends no reading reports for a reader who is not signed in, and offers to sign in', async () => {
    jest.useFakeTimers();
    const api = fakeApi().on('GET', '/api/posts/5', reply(200, post));

    render(<PostDetailPage />);
    await screen.findByText('矛盾不上交，就地化解。');
    await advanceSeconds(45);

    expect(screen.getByText('登录后，阅读时长计入学习记录和学习积分')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/posts/5/reads')).toHaveLength(0);
  });

  it('says the post does not exist or was withdrawn when the server does not show it', async () => {
    fakeApi().on('GET', '/api/posts/5', NOT_FOUND);

    render(<PostDetailPage />);

    expect(await screen.findByText('文章不存在或已撤回')).toBeInTheDocument();
    expect(screen.getByText('返回微课堂')).toBeInTheDocument();
  });

  it('treats a link without a post id as a post that does not exist', async () => {
    currentPage.openWith({});
    const api = fakeApi();

    render(<PostDetailPage />);

    expect(await screen.findByText('文章不存在或已撤回')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });

  it('shares to a friend and to 朋友圈 with the title and cover, linking to this post', async () => {
    fakeApi().on('GET', '/api/posts/5', reply(200, post));

    render(<PostDetailPage />);
    await screen.findByText('矛盾不上交，就地化解。');

    expect(currentPage.shareToFriend()).toEqual({
      title: '老书记讲“枫桥经验”',
      path: '/packages/post/detail/index?id=5',
      imageUrl: 'https://static.example.cn/covers/fengqiao.jpg',
    });
    expect(currentPage.shareToTimeline()).toEqual({
      title: '老书记讲“枫桥经验”',
      query: 'id=5',
      imageUrl: 'https://static.example.cn/covers/fengqiao.jpg',
    });
  });

  it('shows a post opened before, marked as offline, when the network fails', async () => {
    fakeApi().on('GET', '/api/posts/5', reply(200, post));
    const online = render(<PostDetailPage />);
    await screen.findByText('矛盾不上交，就地化解。');
    online.unmount();

    fakeApi().on('GET', '/api/posts/5', networkError);
    render(<PostDetailPage />);

    expect(await screen.findByText('矛盾不上交，就地化解。')).toBeInTheDocument();
    expect(screen.getByText('离线内容，联网后自动更新')).toBeInTheDocument();
  });

  it('no longer keeps a withdrawn post for offline reading', async () => {
    fakeApi().on('GET', '/api/posts/5', reply(200, post), NOT_FOUND, networkError);
    const first = render(<PostDetailPage />);
    await screen.findByText('矛盾不上交，就地化解。');
    first.unmount();
    const second = render(<PostDetailPage />);
    await screen.findByText('文章不存在或已撤回');
    second.unmount();

    render(<PostDetailPage />);

    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    expect(screen.queryByText('矛盾不上交，就地化解。')).not.toBeInTheDocument();
  });

  it('offers 稿件管理 to an approver, who may withdraw the post', async () => {
    saveSession(
      sessionFor({
        ...communityEditor,
        roles: [{ role: 'approver', unitId: 1, unitName: '云溪街道', unitKind: 'street' }],
      }),
    );
    fakeApi().on('GET', '/api/posts/5', reply(200, post));

    render(<PostDetailPage />);
    await screen.findByText('矛盾不上交，就地化解。');

    expect(screen.getByText('稿件管理')).toBeInTheDocument();
  });

  it('does not offer 稿件管理 to a resident', async () => {
    saveSession(sessionFor(resident));
    fakeApi().on('GET', '/api/posts/5', reply(200, post));

    render(<PostDetailPage />);
    await screen.findByText('矛盾不上交，就地化解。');

    expect(screen.queryByText('稿件管理')).not.toBeInTheDocument();
  });
});
