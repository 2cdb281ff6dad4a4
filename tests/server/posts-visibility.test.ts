import type { Session } from '../../src/core/api/auth';
import { describeEachEngine } from '../support/app';
import { HOUR, MINUTE } from '../support/clock';
import { approve, createDraft, draftBody, feedIds, openNewsroom, publishPost, submit, type Newsroom } from '../support/posts';

describeEachEngine('what residents can see', (ctx) => {
  let room: Newsroom;
  let resident: Session;
  /** Each hidden post carries this word, so a search for it must find nothing. */
  const SECRET = '内部稿件';

  beforeAll(async () => {
    room = await openNewsroom(ctx());
    resident = await ctx().login('resident', '居民赵大爷');
  });

  const hiddenBody = (title: string) =>
    draftBody(room.streetId, { title: `${title}${SECRET}`, bodyHtml: `<p>${SECRET}：${title}</p>` });

  async function hiddenPosts(): Promise<Record<string, number>> {
    const draft = await createDraft(ctx(), room.editor, hiddenBody('草稿'));
    const inFirst = await createDraft(ctx(), room.editor, hiddenBody('待初审'));
    await submit(ctx(), room.editor, inFirst.id);
    const inSecond = await createDraft(ctx(), room.editor, hiddenBody('待复审'));
    await submit(ctx(), room.editor, inSecond.id);
    await approve(ctx(), room.firstReviewer, inSecond.id);
    const inFinal = await createDraft(ctx(), room.editor, hiddenBody('待终审'));
    await submit(ctx(), room.editor, inFinal.id);
    await approve(ctx(), room.firstReviewer, inFinal.id);
    await approve(ctx(), room.secondReviewer, inFinal.id);
    const unpublished = await publishPost(ctx(), room, hiddenBody('已撤回'));
    const withdrawn = await ctx().request(room.approver, {
      method: 'POST',
      url: `/api/admin/posts/${unpublished.id}/unpublish`,
      payload: { reason: '内容过时' },
    });
    expect(withdrawn.statusCode).toBe(200);
    const scheduled = await publishPost(ctx(), room, {
      ...hiddenBody('定时发布'),
      publishAt: new Date(ctx().clock.now().getTime() + 24 * HOUR).toISOString(),
    });
    expect(scheduled.status).toBe('published');
    return {
      draft: draft.id,
      first_review: inFirst.id,
      second_review: inSecond.id,
      final_review: inFinal.id,
      unpublished: unpublished.id,
      scheduled: scheduled.id,
    };
  }

  it('never shows a draft, in-review, unpublished or scheduled post: not in the feed, search, detail or reads', async () => {
    const visible = await publishPost(ctx(), room, { title: '已发布的文章' });
    const hidden = await hiddenPosts();
    const missing = await ctx().request(null, { method: 'GET', url: '/api/posts/987654' });
    expect(missing.statusCode).toBe(404);

    for (const session of [null, resident, room.editor]) {
      const page = await ctx().request(session, { method: 'GET', url: '/api/posts?limit=50' });
      const ids = page.json().items.map((item: { id: number }) => item.id);
      expect(ids).toContain(visible.id);
      const search = await ctx().request(session, { method: 'GET', url: `/api/posts?q=${encodeURIComponent(SECRET)}` });
      expect(search.json().items).toEqual([]);
      for (const [state, id] of Object.entries(hidden)) {
        expect({ state, listed: ids.includes(id) }).toEqual({ state, listed: false });
        for (const category of ['theory']) {
          expect(await feedIds(ctx(), `?category=${category}&limit=50`)).not.toContain(id);
        }
        // A shared link to it answers exactly as a link to nothing.
        const detail = await ctx().request(session, { method: 'GET', url: `/api/posts/${id}` });
        expect({ state, status: detail.statusCode, body: detail.json() }).toEqual({ state, status: 404, body: missing.json() });
      }
    }

    for (const id of Object.values(hidden)) {
      const read = await ctx().request(resident, { method: 'POST', url: `/api/posts/${id}/reads`, payload: { seconds: 10, nonce: `hidden-${id}-a` } });
      expect(read.statusCode).toBe(404);
    }
    const reads = await ctx().app.db.selectFrom('post_reads').select('id').where('post_id', 'in', Object.values(hidden)).execute();
    expect(reads).toEqual([]);
  });

  it('shows a scheduled post once the clock passes its time, with no job and no restart', async () => {
    const at = new Date(ctx().clock.now().getTime() + 2 * HOUR).toISOString();
    const scheduled = await publishPost(ctx(), room, { title: '定时发布的学习文章', publishAt: at });
    expect(scheduled).toMatchObject({ status: 'published', publishAt: at, publishedAt: at });
    expect(await feedIds(ctx())).not.toContain(scheduled.id);
    expect((await ctx().request(null, { method: 'GET', url: `/api/posts/${scheduled.id}` })).statusCode).toBe(404);

    ctx().clock.advance(2 * HOUR - MINUTE);
    expect(await feedIds(ctx())).not.toContain(scheduled.id);
    ctx().clock.advance(MINUTE);
    expect((await feedIds(ctx()))[0]).toBe(scheduled.id);
    const detail = await ctx().request(resident, { method: 'GET', url: `/api/posts/${scheduled.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().publishedAt).toBe(at);
  });

  it('publishes at once when the scheduled time has already passed at 终审', async () => {
    const past = new Date(ctx().clock.now().getTime() - HOUR).toISOString();
    const post = await publishPost(ctx(), room, { publishAt: past });
    expect(post.publishAt).toBe(ctx().clock.now().toISOString());
    expect(await feedIds(ctx())).toContain(post.id);
  });
  // The clock moves by hours here; sessions outlive it, as the refresh flow is not under test.
}, { accessTokenTtlSeconds: 30 * 24 * 3600 });
