import { seedDemoStreet } from '../../server/db/seed';
import { describeEachEngine } from '../support/app';

const DEMO_PASSWORD = 'Demo-Street-Pass-2026';

describeEachEngine('demo street seed', (ctx) => {
  const count = async (table: 'units' | 'venues' | 'topics' | 'speakers' | 'posts' | 'users') =>
    Number((await ctx().app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    const result = await seedDemoStreet(ctx().app.db, ctx().clock.now(), DEMO_PASSWORD);
    expect(result.seeded).toBe(true);
  });

  it('creates the street, 19 communities, venues with coordinates, the topic menu and 30 speakers', async () => {
    const units = await ctx().app.db.selectFrom('units').select(['kind', 'name']).execute();
    expect(units.filter((unit) => unit.kind === 'street').map((unit) => unit.name)).toEqual(['云溪街道']);
    expect(units.filter((unit) => unit.kind === 'community')).toHaveLength(19);
    expect(await count('venues')).toBeGreaterThanOrEqual(25);
    const venues = await ctx().app.db.selectFrom('venues').select(['lat', 'lng']).execute();
    for (const venue of venues) {
      expect(venue.lat).toBeGreaterThan(18);
      expect(venue.lng).toBeGreaterThan(100);
    }
    expect(await count('topics')).toBeGreaterThanOrEqual(12);
    expect(await count('speakers')).toBe(30);
  });

  it('publishes 60 posts across every category, each approved by three different people', async () => {
    const posts = await ctx().app.db.selectFrom('posts').select(['id', 'category', 'status', 'body_html']).execute();
    expect(posts).toHaveLength(60);
    expect(new Set(posts.map((post) => post.category)).size).toBe(6);
    expect(posts.every((post) => post.status === 'published')).toBe(true);
    const reviews = await ctx().app.db.selectFrom('post_reviews').select(['post_id', 'reviewer_id', 'stage']).execute();
    for (const post of posts) {
      const mine = reviews.filter((review) => review.post_id === post.id);
      expect(mine.map((review) => review.stage)).toEqual(['first', 'second', 'final']);
      expect(new Set(mine.map((review) => review.reviewer_id)).size).toBe(3);
    }
  });

  it('does nothing when run again', async () => {
    const before = await count('users');
    const again = await seedDemoStreet(ctx().app.db, ctx().clock.now(), DEMO_PASSWORD);
    expect(again.seeded).toBe(false);
    expect(await count('users')).toBe(before);
  });

  it('offers one demo account per role, and staff can sign in with the demo password', async () => {
    const options = (await ctx().app.inject({ method: 'GET', url: '/api/auth/options' })).json();
    const roles = options.demoAccounts.map((account: { role: string }) => account.role);
    expect(roles).toEqual(['resident', 'speaker', 'editor', 'reviewer', 'reviewer', 'approver', 'dispatcher', 'admin']);
    expect(options.demoAccounts[0]).toEqual({ role: 'resident', name: '张桂兰', label: '居民 · 张桂兰' });

    const resident = await ctx().login('resident');
    expect(resident.user).toMatchObject({ name: '张桂兰', community: { name: '惠阳社区' } });

    const staff = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { username: 'reviewer2', password: DEMO_PASSWORD },
    });
    expect(staff.statusCode).toBe(200);
    expect(staff.json().user.name).toBe('刘芳');
  });
});
