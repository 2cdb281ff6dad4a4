import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import PostEditorPage from '../../../src/packages/admin/editor/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { errorReply, fakeApi, reply } from '../support/fake-api';
import { communityEditor, sessionFor, streetReviewer } from '../support/fixtures';
import { currentPage } from '../support/page-runtime';
import { hoursAgo, staffPost } from '../support/post-fixtures';

let redirectTo: jest.SpyInstance;

beforeEach(() => {
  clearSession();
  localStorage.clear();
  redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
});

afterEach(() => {
  redirectTo.mockRestore();
});

function field<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`no field ${selector}`);
  return found;
}

/** Types and lets the form's asynchronous validation settle, as a user would wait for it. */
async function type(placeholder: string, value: string) {
  // The native field inside Taro's component, which carries the placeholder too.
  const input = await waitFor(() =>
    field<HTMLInputElement>(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`),
  );
  await act(async () => {
    fireEvent.input(input, { target: { value } });
  });
}

async function tap(text: string) {
  await act(async () => {
    fireEvent.click(screen.getByText(text));
  });
}

async function fillNewPost() {
  await type('请输入标题', '垃圾分类新规解读');
  await tap('政策解读');
  await type('如：云溪街道党工委', '惠阳社区居委会');
  await type('可直接粘贴文稿，每行一段；也可粘贴 HTML', '新规从下月起施行。\n\n厨余垃圾要沥干水分再投放。');
}

describe('编辑稿件', () => {
  it('names each missing field in Chinese and sends nothing', async () => {
    saveSession(sessionFor(communityEditor));
    const api = fakeApi();

    render(<PostEditorPage />);
    await tap('保存草稿');

    expect(await screen.findByText('请填写标题')).toBeInTheDocument();
    expect(screen.getByText('请选择栏目')).toBeInTheDocument();
    expect(screen.getByText('请填写来源，如“街道党工委”')).toBeInTheDocument();
    expect(screen.getByText('请填写正文')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/admin/posts')).toHaveLength(0);
  });

  it('accepts only https addresses for the cover and the video', async () => {
    saveSession(sessionFor(communityEditor));
    const api = fakeApi();

    render(<PostEditorPage />);
    await fillNewPost();
    await type('https:// 开头，可不填', 'http://static.example.cn/cover.jpg');
    await tap('保存草稿');

    expect(await screen.findByText('封面图片地址需以 https:// 开头')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/admin/posts')).toHaveLength(0);
  });

  it('saves a new draft for the editor’s unit, with pasted lines as paragraphs', async () => {
    saveSession(sessionFor(communityEditor));
    const api = fakeApi().on('POST', '/api/admin/posts', reply(201, staffPost({ id: 40, status: 'draft' })));

    render(<PostEditorPage />);
    await fillNewPost();
    await tap('保存草稿');

    expect(await screen.findByText('草稿已保存')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/admin/posts')[0].body).toEqual({
      title: '垃圾分类新规解读',
      category: 'policy',
      unitId: 3,
      summary: '',
      source: '惠阳社区居委会',
      bodyHtml: '<p>新规从下月起施行。</p><p>厨余垃圾要沥干水分再投放。</p>',
      coverUrl: null,
      videoUrl: null,
      pinned: false,
      publishAt: null,
    });
  });

  it('saves, then submits for 初审, then shows the post’s review page', async () => {
    saveSession(sessionFor(communityEditor));
    const api = fakeApi()
      .on('POST', '/api/admin/posts', reply(201, staffPost({ id: 40, status: 'draft' })))
      .on('POST', '/api/admin/posts/40/submit', reply(200, staffPost({ id: 40, status: 'first_review' })));

    render(<PostEditorPage />);
    await fillNewPost();
    await tap('提交审核');

    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/admin/review/index?id=40' }));
    expect(api.requestsTo('POST', '/api/admin/posts')).toHaveLength(1);
    expect(api.requestsTo('POST', '/api/admin/posts/40/submit')).toHaveLength(1);
  });

  it('shows the reviewer’s comment on a returned draft and saves the edit to the same post', async () => {
    saveSession(sessionFor(communityEditor));
    currentPage.openWith({ id: '31' });
    const returned = staffPost({
      id: 31,
      status: 'draft',
      history: [
        { at: hoursAgo(3), actorName: '李明', actorId: 12, action: 'submitted', version: 1, stage: null, comment: null },
        { at: hoursAgo(1), actorName: '王芳', actorId: 40, action: 'rejected', version: 1, stage: 'first', comment: '第二段数据请核实' },
      ],
    });
    const api = fakeApi()
      .on('GET', '/api/admin/posts/31', reply(200, returned))
      .on('PATCH', '/api/admin/posts/31', reply(200, { ...returned, version: 2 }));

    render(<PostEditorPage />);

    expect(await screen.findByText('初审退回（王芳）：第二段数据请核实')).toBeInTheDocument();
    await type('请输入标题', '垃圾分类新规解读（修订）');
    await tap('保存草稿');

    expect(await screen.findByText('草稿已保存')).toBeInTheDocument();
    expect(api.requestsTo('PATCH', '/api/admin/posts/31')[0].body).toMatchObject({
      title: '垃圾分类新规解读（修订）',
      category: 'policy',
      unitId: 3,
    });
    expect(api.requestsTo('POST', '/api/admin/posts')).toHaveLength(0);
  });

  it('shows the server’s message when saving is refused', async () => {
    saveSession(sessionFor(communityEditor));
    fakeApi().on('POST', '/api/admin/posts', errorReply(403, 'editor_role_required', '只有编辑可以修改或提交文章'));

    render(<PostEditorPage />);
    await fillNewPost();
    await tap('保存草稿');

    expect(await screen.findByText('只有编辑可以修改或提交文章')).toBeInTheDocument();
  });

  it('does not let a published post be changed', async () => {
    saveSession(sessionFor(communityEditor));
    currentPage.openWith({ id: '31' });
    fakeApi().on('GET', '/api/admin/posts/31', reply(200, staffPost({ id: 31, status: 'published' })));

    render(<PostEditorPage />);

    expect(await screen.findByText('已发布的文章不能直接修改。如需修改，请终审人先撤回文章。')).toBeInTheDocument();
    expect(screen.queryByText('保存草稿')).not.toBeInTheDocument();
    expect(screen.queryByText('提交审核')).not.toBeInTheDocument();
  });

  it('tells someone who is not an editor that only editors write posts', async () => {
    saveSession(sessionFor(streetReviewer));
    fakeApi();

    render(<PostEditorPage />);

    expect(await screen.findByText('只有编辑可以写稿件')).toBeInTheDocument();
  });
});
