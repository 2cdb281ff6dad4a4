import { act, fireEvent, render, screen, within } from '@testing-library/react';
import StudyPage from '../../../src/pages/study/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { errorReply, fakeApi, networkError, reply } from '../support/fake-api';
import { resident, sessionFor } from '../support/fixtures';
import { pullDown, scrollToEnd } from '../support/gestures';
import { spyOnNavigation } from '../support/navigation';
import { feedPage, hoursAgo, postSummary } from '../support/post-fixtures';
import { findField } from '../support/fields';

const pinned = postSummary({ id: 1, title: '街道2025年理论宣讲工作安排', pinned: true, publishedAt: hoursAgo(30 * 24) });
const recent = postSummary({
  id: 2,
  title: '老书记讲“枫桥经验”',
  category: 'stories',
  source: '惠阳社区居委会',
  unitName: '惠阳社区',
  publishedAt: hoursAgo(3),
  readCount: 56,
  hasVideo: true,
});
const older = postSummary({ id: 3, title: '垃圾分类新规解读', category: 'policy', publishedAt: hoursAgo(50) });

const navigateTo = spyOnNavigation();

beforeEach(() => {
  clearSession();
  localStorage.clear();
});

function cardTitles(): string[] {
  return Array.from(document.querySelectorAll('.ywk-post-card__title')).map((title) =>
    (title.textContent ?? '').replace(/^置顶/, ''),
  );
}

function card(title: string): HTMLElement {
  return screen.getByText(title).closest('.ywk-post-card') as HTMLElement;
}

async function typeSearch(text: string) {
  const input = await findField<HTMLInputElement>('input[placeholder="搜索文章标题或正文"]');
  fireEvent.input(input, { target: { value: text } });
}

describe('微课堂 feed', () => {
  it('shows the posts in the server’s order, pinned ones marked 置顶, with when, where from and how often read', async () => {
    fakeApi().on('GET', '/api/posts', reply(200, feedPage([pinned, recent, older])));

    render(<StudyPage />);

    expect(await screen.findByText('老书记讲“枫桥经验”')).toBeInTheDocument();
    expect(cardTitles()).toEqual(['街道2025年理论宣讲工作安排', '老书记讲“枫桥经验”', '垃圾分类新规解读']);
    expect(within(card('街道2025年理论宣讲工作安排')).getByText('置顶')).toBeInTheDocument();
    expect(within(card('老书记讲“枫桥经验”')).queryByText('置顶')).not.toBeInTheDocument();

    const recentCard = within(card('老书记讲“枫桥经验”'));
    expect(recentCard.getByText('3 小时前')).toBeInTheDocument();
    expect(recentCard.getByText('惠阳社区居委会 · 惠阳社区')).toBeInTheDocument();
    expect(recentCard.getByText('阅读 56')).toBeInTheDocument();
    expect(recentCard.getByText('视频')).toBeInTheDocument();
    expect(within(card('垃圾分类新规解读')).getByText('2 天前')).toBeInTheDocument();
    expect(within(card('垃圾分类新规解读')).queryByText('视频')).not.toBeInTheDocument();
  });

  it('asks for the whole feed, 20 at a time, before any category is chosen', async () => {
    const api = fakeApi().on('GET', '/api/posts', reply(200, feedPage([recent])));

    render(<StudyPage />);

    await screen.findByText('老书记讲“枫桥经验”');
    expect(api.requestsTo('GET', '/api/posts')[0].query).toEqual({ limit: '20' });
  });

  it('loads the next page with the server’s cursor when the reader scrolls to the end', async () => {
    const api = fakeApi().on('GET', '/api/posts', (request) =>
      request.query.cursor === 'page-2' ? reply(200, feedPage([older])) : reply(200, feedPage([pinned, recent], 'page-2')),
    );

    const { container } = render(<StudyPage />);
    await screen.findByText('老书记讲“枫桥经验”');
    expect(screen.queryByText('垃圾分类新规解读')).not.toBeInTheDocument();

    await scrollToEnd(container);

    expect(await screen.findByText('垃圾分类新规解读')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/posts').map((request) => request.query)).toEqual([
      { limit: '20' },
      { limit: '20', cursor: 'page-2' },
    ]);
    expect(cardTitles()).toHaveLength(3);
    expect(await screen.findByText('没有更多文章了')).toBeInTheDocument();
  });

  it('does not ask for more after the last page', async () => {
    const api = fakeApi().on('GET', '/api/posts', reply(200, feedPage([pinned, recent])));

    const { container } = render(<StudyPage />);
    await screen.findByText('老书记讲“枫桥经验”');
    await scrollToEnd(container);

    expect(api.requestsTo('GET', '/api/posts')).toHaveLength(1);
  });

  it('reloads the first page when the reader pulls down', async () => {
    const api = fakeApi().on(
      'GET',
      '/api/posts',
      reply(200, feedPage([recent], 'page-2')),
      reply(200, feedPage([postSummary({ id: 9, title: '新发布：社区志愿服务有新规' }), recent])),
    );

    const { container } = render(<StudyPage />);
    await screen.findByText('老书记讲“枫桥经验”');
    await pullDown(container);

    expect(await screen.findByText('新发布：社区志愿服务有新规')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/posts').map((request) => request.query)).toEqual([
      { limit: '20' },
      { limit: '20' },
    ]);
  });

  it('says plainly when nothing has been published yet', async () => {
    fakeApi().on('GET', '/api/posts', reply(200, feedPage([])));

    render(<StudyPage />);

    expect(await screen.findByText('暂无文章')).toBeInTheDocument();
  });

  it('shows the server’s message and 重试 when the feed cannot load, and recovers on 重试', async () => {
    fakeApi().on(
      'GET',
      '/api/posts',
      errorReply(500, 'internal_error', '系统繁忙，请稍后再试'),
      reply(200, feedPage([recent])),
    );

    render(<StudyPage />);

    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('老书记讲“枫桥经验”')).toBeInTheDocument();
    expect(screen.queryByText('系统繁忙，请稍后再试')).not.toBeInTheDocument();
  });

  it('asks for a category’s posts when its tab is chosen', async () => {
    const api = fakeApi().on('GET', '/api/posts', (request) =>
      request.query.category === 'policy' ? reply(200, feedPage([older])) : reply(200, feedPage([pinned, recent])),
    );

    render(<StudyPage />);
    await screen.findByText('老书记讲“枫桥经验”');
    fireEvent.click(screen.getByText('政策解读'));

    expect(await screen.findByText('垃圾分类新规解读')).toBeInTheDocument();
    expect(screen.queryByText('老书记讲“枫桥经验”')).not.toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/posts')[1].query).toEqual({ category: 'policy', limit: '20' });
  });

  it('searches titles and bodies for what the reader types and shows the results in the list', async () => {
    const api = fakeApi().on('GET', '/api/posts', (request) =>
      request.query.q === '垃圾' ? reply(200, feedPage([older])) : reply(200, feedPage([pinned, recent])),
    );

    render(<StudyPage />);
    await screen.findByText('老书记讲“枫桥经验”');
    await typeSearch('垃圾');

    expect(await screen.findByText('垃圾分类新规解读')).toBeInTheDocument();
    expect(screen.getByText('“垃圾”的搜索结果')).toBeInTheDocument();
    expect(screen.queryByText('老书记讲“枫桥经验”')).not.toBeInTheDocument();
    const searches = api.requestsTo('GET', '/api/posts').filter((request) => request.query.q !== undefined);
    expect(searches.map((request) => request.query)).toEqual([{ q: '垃圾', limit: '20' }]);
  });

  it('says so when a search finds nothing, and returns to the feed when the box is cleared', async () => {
    fakeApi().on('GET', '/api/posts', (request) =>
      request.query.q ? reply(200, feedPage([])) : reply(200, feedPage([recent])),
    );

    render(<StudyPage />);
    await screen.findByText('老书记讲“枫桥经验”');
    await typeSearch('火星');

    expect(await screen.findByText('没有找到相关文章')).toBeInTheDocument();
    expect(screen.getByText('没有标题或正文含有“火星”的文章，换个词试试。')).toBeInTheDocument();

    await typeSearch('');
    expect(await screen.findByText('老书记讲“枫桥经验”')).toBeInTheDocument();
  });

  it('does not search for blank space', async () => {
    const api = fakeApi().on('GET', '/api/posts', reply(200, feedPage([recent])));

    render(<StudyPage />);
    await screen.findByText('老书记讲“枫桥经验”');
    await typeSearch('   ');
    await new Promise((resolve) => setTimeout(resolve, 600));

    expect(api.requestsTo('GET', '/api/posts').every((request) => request.query.q === undefined)).toBe(true);
  });

  it('opens the post when its card is tapped', async () => {
    fakeApi().on('GET', '/api/posts', reply(200, feedPage([recent])));

    render(<StudyPage />);
    fireEvent.click(await screen.findByText('老书记讲“枫桥经验”'));

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/post/detail/index?id=2' });
  });

  it('shows the last loaded feed, marked as offline, when the network fails', async () => {
    fakeApi().on('GET', '/api/posts', reply(200, feedPage([pinned, recent])));
    const online = render(<StudyPage />);
    await screen.findByText('老书记讲“枫桥经验”');
    online.unmount();

    fakeApi().on('GET', '/api/posts', networkError);
    render(<StudyPage />);

    expect(await screen.findByText('离线内容，联网后自动更新')).toBeInTheDocument();
    expect(cardTitles()).toEqual(['街道2025年理论宣讲工作安排', '老书记讲“枫桥经验”']);
  });

  it('replaces the offline feed with the server’s once the network is back', async () => {
    fakeApi().on('GET', '/api/posts', reply(200, feedPage([recent])));
    const online = render(<StudyPage />);
    await screen.findByText('老书记讲“枫桥经验”');
    online.unmount();
    fakeApi().on('GET', '/api/posts', networkError, networkError, reply(200, feedPage([older, recent])));
    render(<StudyPage />);
    await screen.findByText('离线内容，联网后自动更新');

    act(() => {
      window.dispatchEvent(new Event('online'));
    });

    expect(await screen.findByText('垃圾分类新规解读')).toBeInTheDocument();
    expect(screen.queryByText('离线内容，联网后自动更新')).not.toBeInTheDocument();
  });

  it('says the network failed, with 重试, when nothing was loaded before', async () => {
    fakeApi().on('GET', '/api/posts', networkError);

    render(<StudyPage />);

    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeInTheDocument();
    expect(screen.getByText('重试')).toBeInTheDocument();
  });

  it('uses the 长辈模式 theme once the reader has turned it on', async () => {
    saveSession(sessionFor({ ...resident, elderMode: true }));
    fakeApi().on('GET', '/api/posts', reply(200, feedPage([recent])));

    const { container } = render(<StudyPage />);
    await screen.findByText('老书记讲“枫桥经验”');

    expect(container.querySelector('.ywk-page')).toHaveClass('ywk-elder', 'ywk-font-2');
  });
});
