import { FEED_CACHE_TTL_MS } from '../../server/services/posts/feed-cache';
import { describeEachEngine } from '../support/app';
import { openNewsroom, publishPost, type Newsroom } from '../support/posts';

describeEachEngine('feed micro-cache', (ctx) => {
  let room: Newsroom;
  const feedTitles = async () =>
    ((await ctx().app.inject({ method: 'GET', url: '/api/posts' })).json().items as { title: string }[]).map((item) => item.title);

  beforeAll(async () => {
    room = await openNewsroom(ctx());
    await publishPost(ctx(), room, { title: '缓存前已发布' });
  });

  it('shows a post published on this instance at once', async () => {
    expect(await feedTitles()).toContain('缓存前已发布');
    await publishPost(ctx(), room, { title: '刚刚终审通过' });
    expect(await feedTitles()).toContain('刚刚终审通过');
  });

  it('hides an unpublished post at once', async () => {
    const post = await publishPost(ctx(), room, { title: '将被撤回' });
    expect(await feedTitles()).toContain('将被撤回');
    const unpublish = await ctx().request(room.approver, {
      method: 'POST',
      url: `/api/admin/posts/${post.id}/unpublish`,
      payload: { reason: '数据需要核实' },
    });
    expect(unpublish.statusCode).toBe(200);
    expect(await feedTitles()).not.toContain('将被撤回');
  });

  it('shows a change made by another instance within the cache lifetime', async () => {
    const cached = await feedTitles();
    // Another instance unpublishes directly in the shared database.
    await ctx().app.db.updateTable('posts').set({ status: 'unpublished' }).where('title', '=', '缓存前已发布').execute();
    expect(await feedTitles()).toEqual(cached);
    ctx().clock.advance(FEED_CACHE_TTL_MS);
    expect(await feedTitles()).not.toContain('缓存前已发布');
  });
});
