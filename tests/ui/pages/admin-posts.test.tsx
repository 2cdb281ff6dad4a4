import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import StaffPostsPage from '../../../src/packages/admin/posts/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { fakeApi, reply } from '../support/fake-api';
import { communityEditor, sessionFor, streetApprover } from '../support/fixtures';
import { spyOnNavigation } from '../support/navigation';
import { currentPage } from '../support/page-runtime';
import { hoursAgo, staffPost, staffPostPage } from '../support/post-fixtures';

const draft = staffPost({ id: 40, title: '社区志愿服务积分办法', status: 'draft', updatedAt: hoursAgo(2) });
const inReview = staffPost({ id: 41, title: '垃圾分类新规解读', status: 'second_review' });
const waitingForMe = staffPost({ id: 52, title: '四史教育读书会纪要', status: 'first_review', authorName: '陈静' });

const navigateTo = spyOnNavigation();

beforeEach(() => {
  clearSession();
  localStorage.clear();
});

function texts(selector: string): string[] {
  return Array.from(document.querySelectorAll(selector)).map((element) => (element.textContent ?? '').trim());
}

describe('稿件与审核', () => {
  it('lists my posts with their status, and a tab per review stage I may decide', async () => {
    saveSession(sessionFor(communityEditor));
    const api = fakeApi().on('GET', '/api/admin/posts', reply(200, staffPostPage([draft, inReview])));

    render(<StaffPostsPage />);

    expect(await screen.findByText('社区志愿服务积分办法')).toBeInTheDocument();
    expect(texts('.nut-tag')).toEqual(['草稿', '待复审']);
    expect(texts('.nut-tabs-titles-item')).toEqual(['我的稿件', '待初审', '待复审']);
    expect(api.requestsTo('GET', '/api/admin/posts')[0].query).toEqual({ scope: 'mine', limit: '20' });
  });

  it('asks for the posts waiting at a stage when its tab is chosen', async () => {
    saveSession(sessionFor(communityEditor));
    const api = fakeApi().on('GET', '/api/admin/posts', (request) =>
      request.query.scope === 'queue' ? reply(200, staffPostPage([waitingForMe])) : reply(200, staffPostPage([draft])),
    );

    render(<StaffPostsPage />);
    await screen.findByText('社区志愿服务积分办法');
    fireEvent.click(screen.getByText('待初审'));

    expect(await screen.findByText('四史教育读书会纪要')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/api/admin/posts')[1].query).toEqual({ scope: 'queue', stage: 'first', limit: '20' });
  });

  it('opens a draft in the editor and any other post on its review page', async () => {
    saveSession(sessionFor(communityEditor));
    fakeApi().on('GET', '/api/admin/posts', reply(200, staffPostPage([draft, inReview])));

    render(<StaffPostsPage />);
    fireEvent.click(await screen.findByText('社区志愿服务积分办法'));
    fireEvent.click(screen.getByText('垃圾分类新规解读'));

    await waitFor(() =>
      expect(navigateTo.mock.calls).toEqual([
        [{ url: '/packages/admin/editor/index?id=40' }],
        [{ url: '/packages/admin/review/index?id=41' }],
      ]),
    );
  });

  it('says when nothing waits for 终审', async () => {
    saveSession(sessionFor(streetApprover));
    fakeApi().on('GET', '/api/admin/posts', reply(200, staffPostPage([])));

    render(<StaffPostsPage />);

    expect(await screen.findByText('没有待终审的稿件')).toBeInTheDocument();
    expect(screen.queryByText('写新稿件')).not.toBeInTheDocument();
  });

  it('gives an approver a tab of published posts to open and withdraw', async () => {
    saveSession(sessionFor(streetApprover));
    const published = staffPost({ id: 60, title: '学习贯彻党的二十大精神', status: 'published' });
    const api = fakeApi().on('GET', '/api/admin/posts', (request) =>
      request.query.scope === 'published' ? reply(200, staffPostPage([published])) : reply(200, staffPostPage([])),
    );

    render(<StaffPostsPage />);
    expect(texts('.nut-tabs-titles-item')).toEqual(['待终审', '已发布']);
    fireEvent.click(screen.getByText('已发布'));
    fireEvent.click(await screen.findByText('学习贯彻党的二十大精神'));

    expect(api.requestsTo('GET', '/api/admin/posts').at(-1)?.query).toEqual({ scope: 'published', limit: '20' });
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/review/index?id=60' }));
  });

  it('loads the list again when the user comes back from a post', async () => {
    saveSession(sessionFor(communityEditor));
    const api = fakeApi().on(
      'GET',
      '/api/admin/posts',
      reply(200, staffPostPage([draft])),
      reply(200, staffPostPage([{ ...draft, status: 'first_review' }])),
    );

    render(<StaffPostsPage />);
    await screen.findByText('草稿');
    // The first show is the page appearing; the second is the user coming back to it.
    currentPage.show();
    currentPage.show();

    await waitFor(() => expect(texts('.nut-tag')).toEqual(['待初审']));
    expect(api.requestsTo('GET', '/api/admin/posts')).toHaveLength(2);
  });

  it('starts a new post from 写新稿件', async () => {
    saveSession(sessionFor(communityEditor));
    fakeApi().on('GET', '/api/admin/posts', reply(200, staffPostPage([])));

    render(<StaffPostsPage />);
    fireEvent.click(await screen.findByText('写新稿件'));

    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/editor/index' }));
  });
});
