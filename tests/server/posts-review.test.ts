import type { Session } from '../../src/core/api/auth';
import type { StaffPost } from '../../src/core/api/posts';
import { describeEachEngine } from '../support/app';
import { MINUTE } from '../support/clock';
import {
  addCommunity,
  approve,
  createDraft,
  draftBody,
  feedIds,
  openNewsroom,
  publishPost,
  review,
  staffAccount,
  submit,
  type Newsroom,
} from '../support/posts';

describeEachEngine('三审三校: drafting, review and publishing', (ctx) => {
  let room: Newsroom;
  let resident: Session;

  beforeAll(async () => {
    room = await openNewsroom(ctx());
    resident = await ctx().login('resident', '居民张桂兰');
  });

  const staffView = async (postId: number, by: Session = room.editor): Promise<StaffPost> =>
    (await ctx().request(by, { method: 'GET', url: `/api/admin/posts/${postId}` })).json();
  const historyOf = async (postId: number) =>
    (await staffView(postId)).history.map((entry) => [entry.action, entry.stage, entry.actorName, entry.version, entry.comment]);
  const edit = (postId: number, payload: object, method: 'PATCH' | 'PUT' = 'PATCH', by: Session = room.editor) =>
    ctx().request(by, { method, url: `/api/admin/posts/${postId}`, payload });

  it('takes a post from draft through 初审, 复审 and 终审 to residents, with the record of who approved', async () => {
    const created = await ctx().request(room.editor, {
      method: 'POST',
      url: '/api/admin/posts',
      payload: draftBody(room.streetId, { title: '全链路审核的学习文章', bodyHtml: '<p>全过程人民民主的生动实践</p>' }),
    });
    expect(created.statusCode).toBe(201);
    const draft: StaffPost = created.json();
    expect(draft).toMatchObject({ status: 'draft', version: 1, publishedAt: null, authorName: '编辑李晓雯' });
    expect(await feedIds(ctx())).not.toContain(draft.id);

    ctx().clock.advance(MINUTE);
    expect((await submit(ctx(), room.editor, draft.id)).status).toBe('first_review');
    ctx().clock.advance(MINUTE);
    expect((await approve(ctx(), room.firstReviewer, draft.id)).status).toBe('second_review');
    ctx().clock.advance(MINUTE);
    expect((await approve(ctx(), room.secondReviewer, draft.id)).status).toBe('final_review');
    ctx().clock.advance(MINUTE);
    const published = await approve(ctx(), room.approver, draft.id);
    expect(published).toMatchObject({ status: 'published', version: 1, publishedAt: ctx().clock.now().toISOString() });

    expect(await feedIds(ctx())).toContain(draft.id);
    expect(await feedIds(ctx(), `?q=${encodeURIComponent('民主')}`)).toEqual([draft.id]);
    const detail = await ctx().request(resident, { method: 'GET', url: `/api/posts/${draft.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ title: '全链路审核的学习文章', bodyHtml: '<p>全过程人民民主的生动实践</p>', authorName: '编辑李晓雯' });

    expect(await historyOf(draft.id)).toEqual([
      ['created', null, '编辑李晓雯', 1, null],
      ['submitted', null, '编辑李晓雯', 1, null],
      ['approved', 'first', '初审陈静', 1, null],
      ['approved', 'second', '复审刘芳', 1, null],
      ['approved', 'final', '终审周建国', 1, null],
      ['published', null, '终审周建国', 1, null],
    ]);
    // The app reads who approved this version from the history, to offer the next stage only to someone else.
    const approvers = (await staffView(draft.id)).history.filter((entry) => entry.action === 'approved').map((entry) => entry.actorId);
    expect(approvers).toEqual([room.firstReviewer.user.id, room.secondReviewer.user.id, room.approver.user.id]);
    const audit = await ctx()
      .app.db.selectFrom('audit_log')
      .select(['action', 'actor_id', 'before', 'after'])
      .where('entity', '=', 'post')
      .where('entity_id', '=', draft.id)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'post.created',
      'post.submitted',
      'post.approved',
      'post.approved',
      'post.approved',
      'post.published',
    ]);
    expect(JSON.parse(audit[4].before!)).toEqual({ status: 'final_review', version: 1 });
    expect(JSON.parse(audit[4].after!)).toMatchObject({ status: 'published', version: 1, stage: 'final' });
    expect(audit[4].actor_id).toBe(room.approver.user.id);
  });

  it.each([
    ['初审', 0],
    ['复审', 1],
    ['终审', 2],
  ])('returns the post to draft when %s rejects it, with the comment in its history', async (_stage, approvals) => {
    const draft = await createDraft(ctx(), room.editor, draftBody(room.streetId));
    await submit(ctx(), room.editor, draft.id);
    const reviewers = [room.firstReviewer, room.secondReviewer, room.approver];
    for (const reviewer of reviewers.slice(0, approvals)) await approve(ctx(), reviewer, draft.id);

    const rejecter = reviewers[approvals];
    const withoutComment = await review(ctx(), rejecter, draft.id, 'reject', '   ');
    expect(withoutComment.statusCode).toBe(400);
    expect(withoutComment.json().code).toBe('comment_required');

    const rejected = await review(ctx(), rejecter, draft.id, 'reject', '数据来源请注明出处');
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'draft', version: 1 });
    const last = rejected.json().history.at(-1);
    expect(last).toMatchObject({ action: 'rejected', stage: ['first', 'second', 'final'][approvals], comment: '数据来源请注明出处' });
    expect(await feedIds(ctx())).not.toContain(draft.id);
  });

  it('restarts review after an edit: approvals of the earlier version no longer count', async () => {
    const draft = await createDraft(ctx(), room.editor, draftBody(room.streetId));
    await submit(ctx(), room.editor, draft.id);
    await approve(ctx(), room.firstReviewer, draft.id);
    await approve(ctx(), room.secondReviewer, draft.id);

    const edited = await edit(draft.id, { title: '修改后的标题' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'draft', version: 2, title: '修改后的标题' });

    await submit(ctx(), room.editor, draft.id);
    // The same two reviewers may review version 2 again, in the other order.
    expect((await approve(ctx(), room.secondReviewer, draft.id)).status).toBe('second_review');
    const again = await review(ctx(), room.secondReviewer, draft.id, 'approve');
    expect(again.json().code).toBe('reviewer_already_reviewed');
    expect((await approve(ctx(), room.firstReviewer, draft.id)).status).toBe('final_review');
    expect((await approve(ctx(), room.approver, draft.id)).status).toBe('published');

    const history = await historyOf(draft.id);
    expect(history.map(([action, , , version]) => `${action}@${version}`)).toEqual([
      'created@1',
      'submitted@1',
      'approved@1',
      'approved@1',
      'edited@2',
      'submitted@2',
      'approved@2',
      'approved@2',
      'approved@2',
      'published@2',
    ]);
  });

  it('accepts an edit sent as PUT, as wx.request must', async () => {
    const draft = await createDraft(ctx(), room.editor, draftBody(room.streetId));
    const edited = await edit(draft.id, { summary: '用 PUT 修改的摘要' }, 'PUT');
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ summary: '用 PUT 修改的摘要', version: 2 });
  });

  it('refuses the same person at a second stage with reviewer_already_reviewed, and changes nothing', async () => {
    const draft = await createDraft(ctx(), room.editor, draftBody(room.streetId));
    await submit(ctx(), room.editor, draft.id);
    await approve(ctx(), room.firstReviewer, draft.id);
    const twice = await review(ctx(), room.firstReviewer, draft.id, 'approve');
    expect(twice.statusCode).toBe(403);
    expect(twice.json()).toMatchObject({ code: 'reviewer_already_reviewed', details: { stage: 'second' } });
    const rejectTwice = await review(ctx(), room.firstReviewer, draft.id, 'reject', '再看看');
    expect(rejectTwice.json().code).toBe('reviewer_already_reviewed');
    expect((await staffView(draft.id)).status).toBe('second_review');
  });

  it('refuses a reviewer who wrote the post with reviewer_is_author', async () => {
    const admin = await ctx().login('admin', '管理员王海涛');
    const editorReviewer = await staffAccount(ctx(), admin, 'editor-reviewer', [
      { role: 'editor', unitId: room.streetId },
      { role: 'reviewer', unitId: room.streetId },
    ]);
    const draft = await createDraft(ctx(), editorReviewer, draftBody(room.streetId));
    await submit(ctx(), editorReviewer, draft.id);
    const own = await review(ctx(), editorReviewer, draft.id, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('reviewer_is_author');
    expect((await staffView(draft.id)).status).toBe('first_review');
  });

  it('refuses the wrong role for a stage: a reviewer at 终审, an approver at 初审, an editor at any', async () => {
    const draft = await createDraft(ctx(), room.editor, draftBody(room.streetId));
    await submit(ctx(), room.editor, draft.id);
    const approverAtFirst = await review(ctx(), room.approver, draft.id, 'approve');
    expect(approverAtFirst.statusCode).toBe(403);
    expect(approverAtFirst.json()).toMatchObject({ code: 'review_role_required', details: { stage: 'first' } });
    const editorReviews = await review(ctx(), room.editor, draft.id, 'approve');
    expect(editorReviews.statusCode).toBe(403);
    expect(editorReviews.json().code).toBe('forbidden');

    await approve(ctx(), room.firstReviewer, draft.id);
    await approve(ctx(), room.secondReviewer, draft.id);
    const thirdReviewer = await ctx().login('reviewer', '第三位审核员');
    const reviewerAtFinal = await review(ctx(), thirdReviewer, draft.id, 'approve');
    expect(reviewerAtFinal.statusCode).toBe(403);
    expect(reviewerAtFinal.json()).toMatchObject({ code: 'review_role_required', details: { stage: 'final' } });
    expect((await staffView(draft.id)).status).toBe('final_review');
  });

  it('refuses a review of a draft, a second submit, and an edit of a published post with post_wrong_state', async () => {
    const draft = await createDraft(ctx(), room.editor, draftBody(room.streetId));
    const early = await review(ctx(), room.firstReviewer, draft.id, 'approve');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('post_wrong_state');
    await submit(ctx(), room.editor, draft.id);
    const resubmit = await ctx().request(room.editor, { method: 'POST', url: `/api/admin/posts/${draft.id}/submit` });
    expect(resubmit.statusCode).toBe(409);

    const published = await publishPost(ctx(), room);
    const editPublished = await edit(published.id, { title: '发布后偷偷修改' });
    expect(editPublished.statusCode).toBe(409);
    expect(editPublished.json().code).toBe('post_wrong_state');
    expect((await staffView(published.id)).title).toBe(published.title);
  });

  it('lets only one of two reviewers deciding the same stage at once win', async () => {
    const other = await ctx().login('reviewer', '并发审核员');
    const approveFirstStage = (reviewer: Session, postId: number) =>
      ctx().request(reviewer, {
        method: 'POST',
        url: `/api/admin/posts/${postId}/review`,
        payload: { decision: 'approve', stage: 'first', version: 1 },
      });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const draft = await createDraft(ctx(), room.editor, draftBody(room.streetId));
      await submit(ctx(), room.editor, draft.id);
      const responses = await Promise.all([approveFirstStage(room.firstReviewer, draft.id), approveFirstStage(other, draft.id)]);
      const statuses = responses.map((response) => response.statusCode).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = responses.find((response) => response.statusCode === 409)!;
      expect(loser.json().code).toBe('post_wrong_state');
      const reviews = await ctx().app.db.selectFrom('post_reviews').select('stage').where('post_id', '=', draft.id).execute();
      expect(reviews).toEqual([{ stage: 'first' }]);
      expect((await staffView(draft.id)).status).toBe('second_review');
    }
  });

  it('never records one stage twice when approvals race without saying which stage they saw', async () => {
    const others = [await ctx().login('reviewer', '并发审核员'), await ctx().login('reviewer', '并发审核员二')];
    const draft = await createDraft(ctx(), room.editor, draftBody(room.streetId));
    await submit(ctx(), room.editor, draft.id);
    const responses = await Promise.all([room.firstReviewer, ...others].map((reviewer) => review(ctx(), reviewer, draft.id, 'approve')));
    const won = responses.filter((response) => response.statusCode === 200).length;
    const reviews = await ctx().app.db.selectFrom('post_reviews').select('stage').where('post_id', '=', draft.id).orderBy('id').execute();
    expect(reviews.map((row) => row.stage)).toEqual(['first', 'second'].slice(0, won));
    expect((await staffView(draft.id)).status).toBe(['first_review', 'second_review', 'final_review'][won]);
  });

  it('refuses a decision on a version or stage the reviewer did not see', async () => {
    const draft = await createDraft(ctx(), room.editor, draftBody(room.streetId));
    await submit(ctx(), room.editor, draft.id);
    await approve(ctx(), room.firstReviewer, draft.id);
    const staleStage = await ctx().request(room.secondReviewer, {
      method: 'POST',
      url: `/api/admin/posts/${draft.id}/review`,
      payload: { decision: 'approve', stage: 'first' },
    });
    expect(staleStage.statusCode).toBe(409);
    expect(staleStage.json()).toMatchObject({ code: 'post_wrong_state', details: { stage: 'second' } });

    await ctx().request(room.editor, { method: 'PATCH', url: `/api/admin/posts/${draft.id}`, payload: { title: '新版本' } });
    await submit(ctx(), room.editor, draft.id);
    const staleVersion = await ctx().request(room.secondReviewer, {
      method: 'POST',
      url: `/api/admin/posts/${draft.id}/review`,
      payload: { decision: 'approve', stage: 'first', version: 1 },
    });
    expect(staleVersion.statusCode).toBe(409);
    expect((await staffView(draft.id)).status).toBe('first_review');
  });

  it('unpublishes with a reason: residents lose it, staff see why, and an edit then starts over', async () => {
    const published = await publishPost(ctx(), room, { title: '需要撤回的文章' });
    const noReason = await ctx().request(room.approver, {
      method: 'POST',
      url: `/api/admin/posts/${published.id}/unpublish`,
      payload: { reason: '  ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('reason_required');
    const editorTries = await ctx().request(room.editor, {
      method: 'POST',
      url: `/api/admin/posts/${published.id}/unpublish`,
      payload: { reason: '编辑想撤回' },
    });
    expect(editorTries.statusCode).toBe(403);

    const unpublished = await ctx().request(room.approver, {
      method: 'POST',
      url: `/api/admin/posts/${published.id}/unpublish`,
      payload: { reason: '政策已更新，待修订' },
    });
    expect(unpublished.statusCode).toBe(200);
    expect(unpublished.json()).toMatchObject({ status: 'unpublished', unpublishedReason: '政策已更新，待修订' });
    expect(unpublished.json().history.at(-1)).toMatchObject({ action: 'unpublished', comment: '政策已更新，待修订', actorName: '终审周建国' });
    expect((await ctx().request(null, { method: 'GET', url: `/api/posts/${published.id}` })).statusCode).toBe(404);

    const revised = await edit(published.id, { bodyHtml: '<p>修订后的内容</p>' });
    expect(revised.json()).toMatchObject({ status: 'draft', version: 2, publishedAt: null, unpublishedReason: null });
  });

  it('lists the published posts an approver may withdraw, newest first, page by page, without withdrawn ones', async () => {
    const publishedRoom = await openNewsroom(ctx(), '已发布');
    const listed = async (who: Session, extra = '') => {
      const response = await ctx().request(who, { method: 'GET', url: `/api/admin/posts?scope=published${extra}` });
      expect(response.statusCode).toBe(200);
      return response.json() as { items: { id: number; status: string }[]; nextCursor: string | null };
    };
    const older = await publishPost(ctx(), publishedRoom);
    ctx().clock.advance(MINUTE);
    const newer = await publishPost(ctx(), publishedRoom);
    ctx().clock.advance(MINUTE);
    const withdrawn = await publishPost(ctx(), publishedRoom);
    const unpublished = await ctx().request(publishedRoom.approver, {
      method: 'POST',
      url: `/api/admin/posts/${withdrawn.id}/unpublish`,
      payload: { reason: '内容需更新' },
    });
    expect(unpublished.statusCode).toBe(200);

    const firstPage = await listed(publishedRoom.approver, '&limit=1');
    expect(firstPage.items.map((item) => item.id)).toEqual([newer.id]);
    const secondPage = await listed(publishedRoom.approver, `&limit=1&cursor=${encodeURIComponent(firstPage.nextCursor!)}`);
    expect(secondPage.items.map((item) => item.id)).toEqual([older.id]);
    const all = (await listed(publishedRoom.approver, '&limit=50')).items;
    expect(all.every((item) => item.status === 'published')).toBe(true);
    expect(all.map((item) => item.id)).not.toContain(withdrawn.id);
    // A reviewer cannot withdraw posts, so has nothing in this list.
    expect((await listed(publishedRoom.firstReviewer)).items).toEqual([]);
  });

  it('lists my posts newest change first, and a review queue per stage without my own or already approved posts', async () => {
    const queueRoom = await openNewsroom(ctx(), '队列');
    const queueOf = async (who: Session, stage = '') =>
      (await ctx().request(who, { method: 'GET', url: `/api/admin/posts?scope=queue${stage}` })).json().items.map((item: { id: number }) => item.id);
    const first = await createDraft(ctx(), queueRoom.editor, draftBody(queueRoom.streetId));
    ctx().clock.advance(MINUTE);
    const second = await createDraft(ctx(), queueRoom.editor, draftBody(queueRoom.streetId));
    ctx().clock.advance(MINUTE);
    await submit(ctx(), queueRoom.editor, second.id);
    ctx().clock.advance(MINUTE);
    await submit(ctx(), queueRoom.editor, first.id);

    const mine = await ctx().request(queueRoom.editor, { method: 'GET', url: '/api/admin/posts?scope=mine&limit=1' });
    expect(mine.json().items.map((item: { id: number }) => item.id)).toEqual([first.id]);
    const mineNext = await ctx().request(queueRoom.editor, {
      method: 'GET',
      url: `/api/admin/posts?scope=mine&limit=1&cursor=${mine.json().nextCursor}`,
    });
    expect(mineNext.json().items.map((item: { id: number }) => item.id)).toEqual([second.id]);

    // Oldest wait first; the author never sees their own post in a queue.
    const waiting = await queueOf(queueRoom.firstReviewer, '&stage=first');
    expect(waiting.indexOf(second.id)).toBeLessThan(waiting.indexOf(first.id));
    expect(await queueOf(queueRoom.editor)).toEqual([]);

    await approve(ctx(), queueRoom.firstReviewer, second.id);
    expect(await queueOf(queueRoom.firstReviewer)).not.toContain(second.id);
    expect(await queueOf(queueRoom.secondReviewer, '&stage=second')).toContain(second.id);
    expect(await queueOf(queueRoom.secondReviewer, '&stage=first')).not.toContain(second.id);
    // 终审 is an approver's: a reviewer's queue never holds it.
    await approve(ctx(), queueRoom.secondReviewer, second.id);
    expect(await queueOf(queueRoom.firstReviewer, '&stage=final')).toEqual([]);
    expect(await queueOf(queueRoom.approver, '&stage=final')).toContain(second.id);
  });

  describe('谁主办谁管理: a community’s staff manage only that community', () => {
    let huiyang: number;
    let xiyuan: number;
    let communityEditor: Session;
    let communityReviewer: Session;

    beforeAll(async () => {
      huiyang = await addCommunity(ctx(), room.streetId, 'huiyang', '惠阳社区');
      xiyuan = await addCommunity(ctx(), room.streetId, 'xiyuan', '西苑社区');
      const admin = await ctx().login('admin', '管理员王海涛');
      communityEditor = await staffAccount(ctx(), admin, 'huiyang-editor', [{ role: 'editor', unitId: huiyang }]);
      communityReviewer = await staffAccount(ctx(), admin, 'huiyang-reviewer', [{ role: 'reviewer', unitId: huiyang }]);
    });

    it('lets a community editor draft for the community but not for the street or another community', async () => {
      const own = await ctx().request(communityEditor, { method: 'POST', url: '/api/admin/posts', payload: draftBody(huiyang) });
      expect(own.statusCode).toBe(201);
      expect(own.json().unitName).toBe('惠阳社区');
      for (const unitId of [room.streetId, xiyuan]) {
        const other = await ctx().request(communityEditor, { method: 'POST', url: '/api/admin/posts', payload: draftBody(unitId) });
        expect(other.statusCode).toBe(403);
        expect(other.json().code).toBe('forbidden');
      }
      const moved = await edit(own.json().id, { unitId: room.streetId }, 'PATCH', communityEditor);
      expect(moved.statusCode).toBe(403);
    });

    it('refuses a community editor editing, submitting or viewing the street’s or another community’s post', async () => {
      const streetPost = await createDraft(ctx(), room.editor, draftBody(room.streetId, { title: '街道的文章' }));
      const xiyuanPost = await createDraft(ctx(), room.editor, draftBody(xiyuan, { title: '西苑的文章' }));
      for (const post of [streetPost, xiyuanPost]) {
        const edited = await edit(post.id, { title: '社区编辑改的' }, 'PATCH', communityEditor);
        expect(edited.statusCode).toBe(403);
        expect(edited.json().code).toBe('forbidden');
        const submitted = await ctx().request(communityEditor, { method: 'POST', url: `/api/admin/posts/${post.id}/submit` });
        expect(submitted.statusCode).toBe(403);
        const viewed = await ctx().request(communityEditor, { method: 'GET', url: `/api/admin/posts/${post.id}` });
        expect(viewed.statusCode).toBe(403);
        const stored = await staffView(post.id);
        expect(stored).toMatchObject({ title: post.title, version: 1, status: 'draft' });
      }
    });

    it('lets the street’s editor edit a community’s post, and a community reviewer review only its own', async () => {
      const huiyangPost = await createDraft(ctx(), communityEditor, draftBody(huiyang));
      const streetEdit = await edit(huiyangPost.id, { summary: '街道编辑润色' });
      expect(streetEdit.statusCode).toBe(200);
      await submit(ctx(), communityEditor, huiyangPost.id);
      expect((await approve(ctx(), communityReviewer, huiyangPost.id)).status).toBe('second_review');

      const streetPost = await createDraft(ctx(), room.editor, draftBody(room.streetId));
      await submit(ctx(), room.editor, streetPost.id);
      const refused = await review(ctx(), communityReviewer, streetPost.id, 'approve');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('forbidden');
      const queue = await ctx().request(communityReviewer, { method: 'GET', url: '/api/admin/posts?scope=queue' });
      expect(queue.json().items.map((item: { id: number }) => item.id)).not.toContain(streetPost.id);
    });
  });
});
