import type { InjectOptions } from 'fastify';
import type { Session } from '../../src/core/api/auth';
import type { StaffPost } from '../../src/core/api/posts';
import { describeEachEngine } from '../support/app';
import { addCommunity, createDraft, draftBody, openNewsroom, publishPost, staffAccount, submit, type Newsroom } from '../support/posts';

type Case = [string, InjectOptions & { session?: 'editor' | 'reviewer' | 'approver' | 'resident' | 'community' }, number, string?];

describeEachEngine('bad input on the 微课堂 routes', (ctx) => {
  let room: Newsroom;
  let resident: Session;
  let communityEditor: Session;
  let published: StaffPost;
  let inReview: StaffPost;
  let draft: StaffPost;
  let streetDraft: StaffPost;

  beforeAll(async () => {
    room = await openNewsroom(ctx());
    resident = await ctx().login('resident', '居民钱阿姨');
    const huiyang = await addCommunity(ctx(), room.streetId, 'huiyang', '惠阳社区');
    const admin = await ctx().login('admin', '管理员');
    communityEditor = await staffAccount(ctx(), admin, 'huiyang-editor', [{ role: 'editor', unitId: huiyang }]);
    published = await publishPost(ctx(), room);
    inReview = await createDraft(ctx(), room.editor, draftBody(room.streetId));
    await submit(ctx(), room.editor, inReview.id);
    draft = await createDraft(ctx(), room.editor, draftBody(room.streetId));
    streetDraft = await createDraft(ctx(), room.editor, draftBody(room.streetId, { title: '街道草稿' }));
  });

  /** Everything a refused request could have changed. */
  async function snapshot() {
    const db = ctx().app.db;
    const [posts, reviews, reads, audit] = await Promise.all([
      db.selectFrom('posts').selectAll().orderBy('id').execute(),
      db.selectFrom('post_reviews').selectAll().orderBy('id').execute(),
      db.selectFrom('post_reads').selectAll().orderBy('id').execute(),
      db.selectFrom('audit_log').select(['id', 'action']).orderBy('id').execute(),
    ]);
    return { posts, reviews, reads, audit };
  }

  const sessionFor = (who: Case[1]['session']) =>
    who === 'editor'
      ? room.editor
      : who === 'reviewer'
        ? room.firstReviewer
        : who === 'approver'
          ? room.approver
          : who === 'community'
            ? communityEditor
            : who === 'resident'
              ? resident
              : null;

  const huge = '学'.repeat(300000);
  const id = () => ({ published: published.id, inReview: inReview.id, draft: draft.id, street: streetDraft.id });

  const cases = (): Case[] => [
    // GET /api/posts
    ['feed: unknown category', { method: 'GET', url: '/api/posts?category=gossip' }, 400, 'category'],
    ['feed: empty search', { method: 'GET', url: '/api/posts?q=' }, 400, 'q'],
    ['feed: unknown parameter', { method: 'GET', url: '/api/posts?offset=20' }, 400, 'offset'],
    ['feed: limit as text', { method: 'GET', url: '/api/posts?limit=all' }, 400, 'limit'],
    ['feed: garbled cursor', { method: 'GET', url: '/api/posts?cursor=%25%25' }, 400, 'cursor'],
    // GET /api/posts/:id
    ['detail: id as text', { method: 'GET', url: '/api/posts/abc' }, 400, 'id'],
    ['detail: id zero', { method: 'GET', url: '/api/posts/0' }, 400, 'id'],
    ['detail: id beyond an integer', { method: 'GET', url: '/api/posts/99999999999' }, 400, 'id'],
    ['detail: unknown id', { method: 'GET', url: '/api/posts/424242' }, 404],
    // POST /api/posts/:id/reads
    ['reads: negative seconds', { session: 'resident', method: 'POST', url: `/api/posts/${id().published}/reads`, payload: { seconds: -1, nonce: 'nonce-abcdef' } }, 400, 'seconds'],
    ['reads: seconds as text', { session: 'resident', method: 'POST', url: `/api/posts/${id().published}/reads`, payload: { seconds: 'lots', nonce: 'nonce-abcdef' } }, 400, 'seconds'],
    ['reads: seconds over an hour', { session: 'resident', method: 'POST', url: `/api/posts/${id().published}/reads`, payload: { seconds: 3601, nonce: 'nonce-abcdef' } }, 400, 'seconds'],
    ['reads: short nonce', { session: 'resident', method: 'POST', url: `/api/posts/${id().published}/reads`, payload: { seconds: 5, nonce: 'abc' } }, 400, 'nonce'],
    ['reads: nonce with odd characters', { session: 'resident', method: 'POST', url: `/api/posts/${id().published}/reads`, payload: { seconds: 5, nonce: "x' or 1=1 --" } }, 400, 'nonce'],
    ['reads: huge nonce', { session: 'resident', method: 'POST', url: `/api/posts/${id().published}/reads`, payload: { seconds: 5, nonce: 'n'.repeat(10000) } }, 400, 'nonce'],
    ['reads: extra field', { session: 'resident', method: 'POST', url: `/api/posts/${id().published}/reads`, payload: { seconds: 5, nonce: 'nonce-abcdef', points: 100 } }, 400, 'points'],
    ['reads: missing nonce', { session: 'resident', method: 'POST', url: `/api/posts/${id().published}/reads`, payload: { seconds: 5 } }, 400, 'nonce'],
    ['reads: unknown post', { session: 'resident', method: 'POST', url: '/api/posts/424242/reads', payload: { seconds: 5, nonce: 'nonce-abcdef' } }, 404],
    ['reads: a draft', { session: 'resident', method: 'POST', url: `/api/posts/${id().draft}/reads`, payload: { seconds: 5, nonce: 'nonce-abcdef' } }, 404],
    // GET /api/me/study
    ['study: limit zero', { session: 'resident', method: 'GET', url: '/api/me/study?limit=0' }, 400, 'limit'],
    ['study: forged cursor', { session: 'resident', method: 'GET', url: '/api/me/study?cursor=abc' }, 400, 'cursor'],
    // POST /api/admin/posts
    ['create: missing title', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: { ...draftBody(room.streetId), title: undefined } }, 400, 'title'],
    ['create: title of spaces', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: draftBody(room.streetId, { title: '   ' }) }, 400, 'title'],
    ['create: title too long', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: draftBody(room.streetId, { title: '长'.repeat(81) }) }, 400, 'title'],
    ['create: huge body', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: draftBody(room.streetId, { bodyHtml: huge }) }, 400, 'bodyHtml'],
    ['create: unknown category', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: { ...draftBody(room.streetId), category: 'gossip' } }, 400, 'category'],
    ['create: http cover', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: draftBody(room.streetId, { coverUrl: 'http://img.example/a.png' }) }, 400, 'coverUrl'],
    ['create: javascript video', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: draftBody(room.streetId, { videoUrl: 'javascript:alert(1)' }) }, 400, 'videoUrl'],
    ['create: publish time not a date', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: draftBody(room.streetId, { publishAt: 'tomorrow' }) }, 400, 'publishAt'],
    ['create: unit as text', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: { ...draftBody(room.streetId), unitId: 'street' } }, 400, 'unitId'],
    ['create: unknown unit', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: draftBody(424242) }, 400, 'unitId'],
    ['create: set its own status', { session: 'editor', method: 'POST', url: '/api/admin/posts', payload: { ...draftBody(room.streetId), status: 'published' } }, 400, 'status'],
    ['create: a community editor for the street', { session: 'community', method: 'POST', url: '/api/admin/posts', payload: draftBody(room.streetId) }, 403],
    // PATCH/PUT /api/admin/posts/:id
    ['edit: nothing to change', { session: 'editor', method: 'PATCH', url: `/api/admin/posts/${id().draft}`, payload: {} }, 400, 'body'],
    ['edit: pinned as text', { session: 'editor', method: 'PATCH', url: `/api/admin/posts/${id().draft}`, payload: { pinned: 'yes' } }, 400, 'pinned'],
    ['edit: huge title', { session: 'editor', method: 'PUT', url: `/api/admin/posts/${id().draft}`, payload: { title: huge } }, 400, 'title'],
    ['edit: unknown field', { session: 'editor', method: 'PATCH', url: `/api/admin/posts/${id().draft}`, payload: { version: 9 } }, 400, 'version'],
    ['edit: unknown id', { session: 'editor', method: 'PATCH', url: '/api/admin/posts/424242', payload: { title: '新标题' } }, 404],
    ['edit: id as text', { session: 'editor', method: 'PATCH', url: '/api/admin/posts/new', payload: { title: '新标题' } }, 400, 'id'],
    ['edit: another unit’s post', { session: 'community', method: 'PATCH', url: `/api/admin/posts/${id().street}`, payload: { title: '社区改街道' } }, 403],
    ['edit: a published post', { session: 'editor', method: 'PATCH', url: `/api/admin/posts/${id().published}`, payload: { title: '发布后修改' } }, 409],
    // POST /api/admin/posts/:id/submit
    ['submit: unknown id', { session: 'editor', method: 'POST', url: '/api/admin/posts/424242/submit' }, 404],
    ['submit: already in review', { session: 'editor', method: 'POST', url: `/api/admin/posts/${id().inReview}/submit` }, 409],
    ['submit: another unit’s post', { session: 'community', method: 'POST', url: `/api/admin/posts/${id().street}/submit` }, 403],
    // POST /api/admin/posts/:id/review
    ['review: unknown decision', { session: 'reviewer', method: 'POST', url: `/api/admin/posts/${id().inReview}/review`, payload: { decision: 'maybe' } }, 400, 'decision'],
    ['review: missing decision', { session: 'reviewer', method: 'POST', url: `/api/admin/posts/${id().inReview}/review`, payload: { comment: '好' } }, 400, 'decision'],
    ['review: huge comment', { session: 'reviewer', method: 'POST', url: `/api/admin/posts/${id().inReview}/review`, payload: { decision: 'reject', comment: huge } }, 400, 'comment'],
    ['review: unknown stage', { session: 'reviewer', method: 'POST', url: `/api/admin/posts/${id().inReview}/review`, payload: { decision: 'approve', stage: 'fourth' } }, 400, 'stage'],
    ['review: reject without comment', { session: 'reviewer', method: 'POST', url: `/api/admin/posts/${id().inReview}/review`, payload: { decision: 'reject' } }, 400],
    ['review: unknown id', { session: 'reviewer', method: 'POST', url: '/api/admin/posts/424242/review', payload: { decision: 'approve' } }, 404],
    ['review: a draft', { session: 'reviewer', method: 'POST', url: `/api/admin/posts/${id().draft}/review`, payload: { decision: 'approve' } }, 409],
    // POST /api/admin/posts/:id/unpublish
    ['unpublish: empty reason', { session: 'approver', method: 'POST', url: `/api/admin/posts/${id().published}/unpublish`, payload: { reason: '' } }, 400, 'reason'],
    ['unpublish: huge reason', { session: 'approver', method: 'POST', url: `/api/admin/posts/${id().published}/unpublish`, payload: { reason: huge } }, 400, 'reason'],
    ['unpublish: missing body', { session: 'approver', method: 'POST', url: `/api/admin/posts/${id().published}/unpublish` }, 400],
    ['unpublish: unknown id', { session: 'approver', method: 'POST', url: '/api/admin/posts/424242/unpublish', payload: { reason: '过时' } }, 404],
    ['unpublish: a draft', { session: 'approver', method: 'POST', url: `/api/admin/posts/${id().draft}/unpublish`, payload: { reason: '过时' } }, 409],
    // GET /api/admin/posts and /:id
    ['staff list: missing scope', { session: 'editor', method: 'GET', url: '/api/admin/posts' }, 400, 'scope'],
    ['staff list: unknown scope', { session: 'editor', method: 'GET', url: '/api/admin/posts?scope=everything' }, 400, 'scope'],
    ['staff list: unknown stage', { session: 'reviewer', method: 'GET', url: '/api/admin/posts?scope=queue&stage=fourth' }, 400, 'stage'],
    ['staff list: a mine cursor on the queue', { session: 'reviewer', method: 'GET', url: `/api/admin/posts?scope=queue&cursor=${Buffer.from(JSON.stringify(['mine', '2026-11-29T02:00:00.000Z', 1])).toString('base64url')}` }, 400, 'cursor'],
    ['staff view: unknown id', { session: 'editor', method: 'GET', url: '/api/admin/posts/424242' }, 404],
    ['staff view: another unit’s post', { session: 'community', method: 'GET', url: `/api/admin/posts/${id().street}` }, 403],
    ['staff view: a resident', { session: 'resident', method: 'GET', url: `/api/admin/posts/${id().draft}` }, 403],
  ];

  it('answers every bad request with a 4xx in the error shape, and changes nothing', async () => {
    const list = cases();
    expect(list.length).toBeGreaterThan(50);
    for (const [name, { session, ...options }, status, field] of list) {
      const before = await snapshot();
      const response = await ctx().request(sessionFor(session), options);
      const body = response.json();
      expect({ name, status: response.statusCode }).toEqual({ name, status });
      expect(body).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fa5]/) }));
      expect(JSON.stringify(body)).not.toMatch(/SELECT|INSERT|UPDATE |sqlite|postgres|stack|\.ts:\d+/i);
      if (field) expect({ name, field: body.details?.field }).toEqual({ name, field });
      expect({ name, after: await snapshot() }).toEqual({ name, after: before });
    }
  });
});
