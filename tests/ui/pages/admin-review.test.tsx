import { fireEvent, render, screen } from '@testing-library/react';
import PostReviewPage from '../../../src/packages/admin/review/index';
import { clearSession, saveSession } from '../../../src/services/session';
import { errorReply, fakeApi, reply } from '../support/fake-api';
import { communityEditor, sessionFor, streetApprover, streetReviewer } from '../support/fixtures';
import { spyOnNavigation } from '../support/navigation';
import { currentPage } from '../support/page-runtime';
import { hoursAgo, staffPost } from '../support/post-fixtures';
import { findTextArea } from '../support/fields';

const waiting = staffPost({ id: 31, status: 'first_review', version: 1 });

spyOnNavigation();

beforeEach(() => {
  clearSession();
  localStorage.clear();
  currentPage.openWith({ id: '31' });
});

function signInAs(user: typeof streetReviewer) {
  saveSession(sessionFor(user));
}

describe('稿件审核', () => {
  it('shows the post as residents will see it, its status and its history', async () => {
    signInAs(streetReviewer);
    fakeApi().on(
      'GET',
      '/api/admin/posts/31',
      reply(200, {
        ...waiting,
        status: 'second_review',
        history: [
          ...waiting.history,
          { at: hoursAgo(0.5), actorName: '王芳', actorId: 40, action: 'approved', version: 1, stage: 'first', comment: '内容准确' },
        ],
      }),
    );

    render(<PostReviewPage />);

    expect(await screen.findByText('垃圾分类新规解读')).toBeInTheDocument();
    expect(screen.getByText('待复审')).toBeInTheDocument();
    expect(screen.getByText('第 1 版 · 惠阳社区 · 作者 李明')).toBeInTheDocument();
    // RichText draws the body in its own render pass.
    expect(await screen.findByText('社区宣讲员用群众听得懂的话，讲清楚二十大报告中与居民生活息息相关的内容。')).toBeInTheDocument();
    expect(screen.getByText('李明 创建草稿')).toBeInTheDocument();
    expect(screen.getByText('李明 提交审核')).toBeInTheDocument();
    expect(screen.getByText('王芳 初审通过')).toBeInTheDocument();
    expect(screen.getByText('意见：内容准确')).toBeInTheDocument();
  });

  it('approves the stage the post waits at and shows its new status', async () => {
    signInAs(streetReviewer);
    const api = fakeApi()
      .on('GET', '/api/admin/posts/31', reply(200, waiting))
      .on(
        'POST',
        '/api/admin/posts/31/review',
        reply(200, {
          ...waiting,
          status: 'second_review',
          history: [
            ...waiting.history,
            { at: hoursAgo(0), actorName: '王芳', actorId: 40, action: 'approved', version: 1, stage: 'first', comment: null },
          ],
        }),
      );

    render(<PostReviewPage />);
    expect(await screen.findByText('待初审')).toBeInTheDocument();
    fireEvent.click(screen.getByText('初审通过'));

    expect(await screen.findByText('待复审')).toBeInTheDocument();
    expect(screen.getByText('王芳 初审通过')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/admin/posts/31/review')[0].body).toEqual({
      decision: 'approve',
      stage: 'first',
      version: 1,
    });
    expect(screen.queryByText('初审通过', { selector: '.nut-button *' })).not.toBeInTheDocument();
  });

  it('does not send 退回修改 without a comment, and says what is missing', async () => {
    signInAs(streetReviewer);
    const api = fakeApi().on('GET', '/api/admin/posts/31', reply(200, waiting));

    render(<PostReviewPage />);
    fireEvent.click(await screen.findByText('退回修改'));
    fireEvent.click(await screen.findByText('确认退回'));

    expect(await screen.findByText('请填写退回意见，说明需要修改的地方')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/admin/posts/31/review')).toHaveLength(0);
    expect(screen.getByText('待初审')).toBeInTheDocument();
  });

  it('returns the post to its author with the reviewer’s comment', async () => {
    signInAs(streetReviewer);
    const api = fakeApi()
      .on('GET', '/api/admin/posts/31', reply(200, waiting))
      .on(
        'POST',
        '/api/admin/posts/31/review',
        reply(200, {
          ...waiting,
          status: 'draft',
          history: [
            ...waiting.history,
            { at: hoursAgo(0), actorName: '王芳', actorId: 40, action: 'rejected', version: 1, stage: 'first', comment: '第二段数据请核实' },
          ],
        }),
      );

    render(<PostReviewPage />);
    fireEvent.click(await screen.findByText('退回修改'));
    const comment = await findTextArea('textarea[placeholder="请写明需要修改的地方"]');
    fireEvent.input(comment, { target: { value: '第二段数据请核实' } });
    fireEvent.click(screen.getByText('确认退回'));

    expect(await screen.findByText('草稿')).toBeInTheDocument();
    expect(screen.getByText('王芳 初审退回修改')).toBeInTheDocument();
    expect(screen.getByText('意见：第二段数据请核实')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/admin/posts/31/review')[0].body).toEqual({
      decision: 'reject',
      comment: '第二段数据请核实',
      stage: 'first',
      version: 1,
    });
  });

  it('shows the server’s reason when it refuses a decision', async () => {
    signInAs(streetReviewer);
    fakeApi()
      .on('GET', '/api/admin/posts/31', reply(200, waiting))
      .on(
        'POST',
        '/api/admin/posts/31/review',
        errorReply(403, 'reviewer_already_reviewed', '同一人不能审核同一篇文章的两个环节'),
      );

    render(<PostReviewPage />);
    fireEvent.click(await screen.findByText('初审通过'));

    expect(await screen.findByText('同一人不能审核同一篇文章的两个环节')).toBeInTheDocument();
    expect(screen.getByText('待初审')).toBeInTheDocument();
  });

  it('tells a reviewer who passed 初审 that 复审 needs someone else, instead of offering it', async () => {
    signInAs(streetReviewer);
    fakeApi().on(
      'GET',
      '/api/admin/posts/31',
      reply(200, {
        ...waiting,
        status: 'second_review',
        history: [
          ...waiting.history,
          { at: hoursAgo(0.5), actorName: '陈国平', actorId: streetReviewer.id, action: 'approved', version: 1, stage: 'first', comment: null },
        ],
      }),
    );

    render(<PostReviewPage />);

    expect(await screen.findByText('您已审核过这一稿，复审需由其他审核人员完成。')).toBeInTheDocument();
    expect(screen.queryByText('复审通过')).not.toBeInTheDocument();
    expect(screen.queryByText('退回修改')).not.toBeInTheDocument();
  });

  it('offers 复审 again once the post was edited, since the new version starts review over', async () => {
    signInAs(streetReviewer);
    fakeApi().on(
      'GET',
      '/api/admin/posts/31',
      reply(200, {
        ...waiting,
        status: 'second_review',
        version: 2,
        history: [
          ...waiting.history,
          { at: hoursAgo(0.5), actorName: '陈国平', actorId: streetReviewer.id, action: 'approved', version: 1, stage: 'first', comment: null },
        ],
      }),
    );

    render(<PostReviewPage />);

    expect(await screen.findByText('复审通过')).toBeInTheDocument();
  });

  it('asks before 终审 publishes the post to residents', async () => {
    signInAs(streetApprover);
    const atFinal = staffPost({ id: 31, status: 'final_review' });
    const api = fakeApi()
      .on('GET', '/api/admin/posts/31', reply(200, atFinal))
      .on('POST', '/api/admin/posts/31/review', reply(200, { ...atFinal, status: 'published', publishedAt: hoursAgo(0) }));

    render(<PostReviewPage />);
    fireEvent.click(await screen.findByText('终审通过'));

    expect(await screen.findByText('通过后，文章将立即向居民发布。确定通过吗？')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/admin/posts/31/review')).toHaveLength(0);

    fireEvent.click(screen.getByText('确定通过'));

    expect(await screen.findByText('已发布')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/admin/posts/31/review')[0].body).toEqual({
      decision: 'approve',
      stage: 'final',
      version: 1,
    });
  });

  it('tells the approver when a scheduled post will reach residents', async () => {
    signInAs(streetApprover);
    fakeApi().on(
      'GET',
      '/api/admin/posts/31',
      reply(200, staffPost({ id: 31, status: 'final_review', publishAt: '2099-06-01T02:00:00.000Z' })),
    );

    render(<PostReviewPage />);
    expect(await screen.findByText('定时发布：6月1日 10:00')).toBeInTheDocument();
    fireEvent.click(screen.getByText('终审通过'));

    expect(await screen.findByText('通过后，文章将于 6月1日 10:00 向居民发布。确定通过吗？')).toBeInTheDocument();
  });

  it('shows when a published post went out, not as a schedule', async () => {
    signInAs(streetApprover);
    fakeApi().on(
      'GET',
      '/api/admin/posts/31',
      reply(
        200,
        staffPost({
          id: 31,
          status: 'published',
          publishAt: '2026-03-02T01:30:00.000Z',
          publishedAt: '2026-03-02T01:30:00.000Z',
        }),
      ),
    );

    render(<PostReviewPage />);

    expect(await screen.findByText('发布时间：3月2日 09:30')).toBeInTheDocument();
    expect(screen.queryByText(/定时发布/)).not.toBeInTheDocument();
  });

  it('offers no review to the post’s own author', async () => {
    signInAs(communityEditor);
    fakeApi().on('GET', '/api/admin/posts/31', reply(200, { ...waiting, authorId: communityEditor.id }));

    render(<PostReviewPage />);
    await screen.findByText('待初审');

    expect(screen.queryByText('初审通过')).not.toBeInTheDocument();
    expect(screen.queryByText('退回修改')).not.toBeInTheDocument();
    expect(screen.getByText('修改稿件')).toBeInTheDocument();
  });

  it('withdraws a published post only with a reason, after asking', async () => {
    signInAs(streetApprover);
    const published = staffPost({ id: 31, status: 'published' });
    const api = fakeApi()
      .on('GET', '/api/admin/posts/31', reply(200, published))
      .on(
        'POST',
        '/api/admin/posts/31/unpublish',
        reply(200, { ...published, status: 'unpublished', unpublishedReason: '政策已更新' }),
      );

    render(<PostReviewPage />);
    fireEvent.click(await screen.findByText('撤回文章'));
    expect(await screen.findByText('撤回后居民将看不到这篇文章，撤回原因会记入审核记录。')).toBeInTheDocument();

    fireEvent.click(screen.getByText('确认撤回'));
    expect(await screen.findByText('请填写撤回原因')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/admin/posts/31/unpublish')).toHaveLength(0);

    const reason = await findTextArea('textarea[placeholder="请写明撤回原因"]');
    fireEvent.input(reason, { target: { value: '政策已更新' } });
    fireEvent.click(screen.getByText('确认撤回'));

    expect(await screen.findByText('已撤回')).toBeInTheDocument();
    expect(screen.getByText('撤回原因：政策已更新')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/api/admin/posts/31/unpublish')[0].body).toEqual({ reason: '政策已更新' });
  });

  it('shows an error with 重试 when the post cannot be loaded', async () => {
    signInAs(streetReviewer);
    fakeApi().on(
      'GET',
      '/api/admin/posts/31',
      errorReply(500, 'internal_error', '系统繁忙，请稍后再试'),
      reply(200, waiting),
    );

    render(<PostReviewPage />);
    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('垃圾分类新规解读')).toBeInTheDocument();
  });
});
