import type { Kysely } from 'kysely';
import type { Session } from '../../src/core/api/auth';
import type { TalkRequestView } from '../../src/core/api/booking';
import { inShanghai } from '../../src/core/time';
import { migrateToLatest } from '../../server/db/migrations';
import type { Database } from '../../server/db/schema';
import { seedDemoStreet } from '../../server/db/seed';
import { DEMO_ACCOUNTS } from '../../server/db/seed/demo-accounts';
import { SPEAKERS } from '../../server/db/seed/data/speakers';
import { describeEachEngine } from '../support/app';
import { DAY, MINUTE } from '../support/clock';
import { createTestDatabase } from '../support/databases';

const DEMO_PASSWORD = 'Demo-Street-Pass-2026';

/** What the seeded year of talks comes to, in a form two seeds can be compared by. */
async function historyFingerprint(db: Kysely<Database>): Promise<string[]> {
  const talks = await db
    .selectFrom('talks')
    .innerJoin('speakers', 'speakers.id', 'talks.speaker_id')
    .innerJoin('users', 'users.id', 'speakers.user_id')
    .innerJoin('units', 'units.id', 'talks.unit_id')
    .innerJoin('topics', 'topics.id', 'talks.topic_id')
    .select((eb) => [
      'talks.starts_at',
      'users.name',
      'units.code',
      'topics.code as topic',
      eb.selectFrom('checkins').select((sub) => sub.fn.countAll().as('n')).whereRef('checkins.talk_id', '=', 'talks.id').as('checkins'),
      eb.selectFrom('feedback').select((sub) => sub.fn.sum('feedback.rating').as('n')).whereRef('feedback.talk_id', '=', 'talks.id').as('stars'),
    ])
    .orderBy('talks.starts_at')
    .execute();
  return talks.map((talk) => [talk.starts_at, talk.name, talk.code, talk.topic, Number(talk.checkins), Number(talk.stars)].join(' '));
}

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

  describe('a year of held talks', () => {
    const db = () => ctx().app.db;
    const nowMs = () => ctx().clock.now().getTime();
    const demoSpeakerName = DEMO_ACCOUNTS.find((account) => account.role === 'speaker')!.name;
    const demoResidentName = DEMO_ACCOUNTS.find((account) => account.role === 'resident')!.name;

    const loadTalks = () =>
      db()
        .selectFrom('talks')
        .innerJoin('speakers', 'speakers.id', 'talks.speaker_id')
        .innerJoin('users', 'users.id', 'speakers.user_id')
        .select([
          'talks.id',
          'talks.request_id',
          'talks.topic_id',
          'talks.unit_id',
          'talks.venue_id',
          'talks.speaker_id',
          'talks.starts_at',
          'talks.ends_at',
          'talks.status',
          'talks.held_at',
          'talks.created_at',
          'speakers.user_id as speaker_user_id',
          'speakers.max_talks_per_week',
          'users.name as speaker_name',
        ])
        .orderBy('talks.starts_at')
        .execute();

    it('holds about 60 talks between 330 and 35 days ago, nothing in the last 30 days', async () => {
      const talks = await loadTalks();
      expect(talks.length).toBeGreaterThanOrEqual(55);
      expect(talks.length).toBeLessThanOrEqual(65);
      for (const talk of talks) {
        expect(talk.status).toBe('held');
        expect(Date.parse(talk.starts_at)).toBeGreaterThanOrEqual(nowMs() - 331 * DAY);
        expect(Date.parse(talk.starts_at)).toBeLessThan(nowMs() - 34 * DAY);
        expect(talk.held_at! >= talk.starts_at).toBe(true);
      }
      // Matching's 30-day window (fairness, 近30天N场) sees none of it: no row of the history is that recent.
      const since = new Date(nowMs() - 30 * DAY).toISOString();
      const recent = await Promise.all([
        db().selectFrom('talks').select('id').where('starts_at', '>=', since).execute(),
        db().selectFrom('talk_requests').select('id').where('updated_at', '>=', since).execute(),
        db().selectFrom('offers').select('id').where('responded_at', '>=', since).execute(),
        db().selectFrom('checkins').select('id').where('created_at', '>=', since).execute(),
        db().selectFrom('registrations').select('id').where('created_at', '>=', since).execute(),
        db().selectFrom('feedback').select('id').where('created_at', '>=', since).execute(),
      ]);
      expect(recent.map((rows) => rows.length)).toEqual([0, 0, 0, 0, 0, 0]);
    });

    it('comes from requests with one accepted offer each, rated exactly when the requester rated the talk', async () => {
      const talks = await loadTalks();
      const requests = await db().selectFrom('talk_requests').selectAll().execute();
      const offers = await db().selectFrom('offers').selectAll().execute();
      const feedback = await db().selectFrom('feedback').select(['talk_id', 'user_id']).execute();
      expect(requests).toHaveLength(talks.length);
      for (const talk of talks) {
        const request = requests.find((candidate) => candidate.id === talk.request_id)!;
        expect(request).toMatchObject({ topic_id: talk.topic_id, unit_id: talk.unit_id });
        if (request.venue_id !== null) expect(request.venue_id).toBe(talk.venue_id);
        const windows: { start: string; end: string }[] = JSON.parse(request.windows);
        expect(windows.some((window) => window.start <= talk.starts_at && talk.ends_at <= window.end)).toBe(true);
        expect(windows.every((window) => window.start > request.created_at)).toBe(true);

        const mine = offers.filter((offer) => offer.request_id === request.id);
        expect(mine.map((offer) => [offer.status, offer.speaker_id])).toEqual([['accepted', talk.speaker_id]]);
        expect(mine[0].responded_at! < mine[0].deadline_at).toBe(true);
        expect(mine[0].responded_at).toBe(talk.created_at);
        expect(JSON.parse(mine[0].reasons)).toContain('同社区');

        const requesterRated = feedback.some((entry) => entry.talk_id === talk.id && entry.user_id === request.requester_id);
        expect(request.status).toBe(requesterRated ? 'rated' : 'held');
      }
      expect(new Set(requests.map((request) => request.status))).toEqual(new Set(['held', 'rated']));
    });

    it('covers every community, at its own venues, by speakers who teach the topic, serve the community and are free then', async () => {
      const talks = await loadTalks();
      const communities = await db().selectFrom('units').select('id').where('kind', '=', 'community').execute();
      expect(new Set(talks.map((talk) => talk.unit_id))).toEqual(new Set(communities.map((unit) => unit.id)));
      const venues = await db().selectFrom('venues').select(['id', 'unit_id']).execute();
      const teaches = await db().selectFrom('speaker_topics').select(['speaker_id', 'topic_id']).execute();
      const serves = await db().selectFrom('speaker_units').select(['speaker_id', 'unit_id']).execute();
      const availability = await db().selectFrom('speaker_availability').selectAll().execute();
      for (const talk of talks) {
        expect(venues.find((venue) => venue.id === talk.venue_id)!.unit_id).toBe(talk.unit_id);
        expect(teaches.some((row) => row.speaker_id === talk.speaker_id && row.topic_id === talk.topic_id)).toBe(true);
        expect(serves.some((row) => row.speaker_id === talk.speaker_id && row.unit_id === talk.unit_id)).toBe(true);
        const start = inShanghai(talk.starts_at);
        const end = inShanghai(talk.ends_at);
        const fits = availability.some(
          (window) =>
            window.speaker_id === talk.speaker_id &&
            window.weekday === start.day() &&
            start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD') &&
            window.start_minute <= start.hour() * 60 + start.minute() &&
            end.hour() * 60 + end.minute() <= window.end_minute,
        );
        expect(fits).toBe(true);
      }
    });

    it('never books a speaker into two talks at once, nor past their weekly limit', async () => {
      const talks = await loadTalks();
      const bySpeaker = new Map<number, typeof talks>();
      for (const talk of talks) bySpeaker.set(talk.speaker_id, [...(bySpeaker.get(talk.speaker_id) ?? []), talk]);
      for (const own of bySpeaker.values()) {
        for (let i = 1; i < own.length; i++) expect(own[i].starts_at >= own[i - 1].ends_at).toBe(true);
        const perWeek = new Map<string, number>();
        for (const talk of own) {
          const week = inShanghai(talk.starts_at).startOf('day').subtract((inShanghai(talk.starts_at).day() + 6) % 7, 'day').format('YYYY-MM-DD');
          perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
        }
        expect(Math.max(...perWeek.values())).toBeLessThanOrEqual(own[0].max_talks_per_week);
      }
    });

    it('checks in 15–45 people a talk around its start, once each, by scan, personal code and 代签到, some synced offline', async () => {
      const talks = await loadTalks();
      const checkins = await db().selectFrom('checkins').selectAll().execute();
      for (const talk of talks) {
        const mine = checkins.filter((checkin) => checkin.talk_id === talk.id);
        expect(mine.length).toBeGreaterThanOrEqual(15);
        expect(mine.length).toBeLessThanOrEqual(45);
        const people = mine.filter((checkin) => checkin.user_id !== null).map((checkin) => checkin.user_id);
        expect(new Set(people).size).toBe(people.length);
        expect(new Set(mine.map((checkin) => checkin.nonce)).size).toBe(mine.length);
        for (const checkin of mine) {
          // Inside the check-in period: from 30 minutes before the start to 30 after the end.
          expect(Date.parse(checkin.scanned_at)).toBeGreaterThanOrEqual(Date.parse(talk.starts_at) - 30 * MINUTE);
          expect(Date.parse(checkin.scanned_at)).toBeLessThan(Date.parse(talk.ends_at) + 30 * MINUTE);
          expect(checkin.created_at >= checkin.scanned_at).toBe(true);
          if (checkin.method === 'manual') {
            expect(checkin).toMatchObject({ user_id: null, recorded_by: talk.speaker_user_id, offline: 0 });
            expect(checkin.attendee_name).toMatch(/^\p{Script=Han}{2,3}$/u);
          } else {
            expect(checkin.user_id).not.toBeNull();
            expect(checkin.recorded_by).toBe(checkin.method === 'personal_code' ? talk.speaker_user_id : null);
          }
        }
      }
      const methods = new Set(checkins.map((checkin) => checkin.method));
      expect(methods).toEqual(new Set(['scan', 'personal_code', 'manual']));
      const scans = checkins.filter((checkin) => checkin.method === 'scan').length;
      expect(scans / checkins.length).toBeGreaterThan(0.6);
      const offline = checkins.filter((checkin) => checkin.offline === 1).length;
      expect(offline).toBeGreaterThan(0);
      expect(offline / checkins.length).toBeLessThan(0.1);
      const audited = await db().selectFrom('audit_log').select('entity_id').where('action', '=', 'checkin.manual_recorded').execute();
      expect(audited).toHaveLength(checkins.filter((checkin) => checkin.method === 'manual').length);
    });

    it('has part of each audience rate the talk after it, mostly 4–5 stars, only people who were there', async () => {
      const talks = await loadTalks();
      const feedback = await db().selectFrom('feedback').selectAll().execute();
      const checkins = await db().selectFrom('checkins').select(['talk_id', 'user_id']).execute();
      const registrations = await db().selectFrom('registrations').select(['talk_id', 'user_id']).execute();
      const requests = await db().selectFrom('talk_requests').select(['id', 'requester_id']).execute();
      expect(feedback.length).toBeGreaterThan(talks.length * 3);
      for (const entry of feedback) {
        const talk = talks.find((candidate) => candidate.id === entry.talk_id)!;
        expect(entry.rating).toBeGreaterThanOrEqual(1);
        expect(entry.rating).toBeLessThanOrEqual(5);
        expect(entry.created_at > talk.held_at!).toBe(true);
        const wasThere =
          checkins.some((checkin) => checkin.talk_id === talk.id && checkin.user_id === entry.user_id) ||
          registrations.some((registration) => registration.talk_id === talk.id && registration.user_id === entry.user_id) ||
          requests.some((request) => request.id === talk.request_id && request.requester_id === entry.user_id);
        expect(wasThere).toBe(true);
      }
      const pairs = feedback.map((entry) => `${entry.talk_id}:${entry.user_id}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      const ratings = feedback.map((entry) => entry.rating);
      expect(ratings.filter((rating) => rating >= 4).length / ratings.length).toBeGreaterThan(0.85);
      expect(ratings).toContain(3);
      expect(feedback.some((entry) => entry.comment !== '')).toBe(true);
    });

    it('approved every speaker before their first talk', async () => {
      const talks = await loadTalks();
      const speakers = await db()
        .selectFrom('speakers')
        .innerJoin('users', 'users.id', 'speakers.user_id')
        .select(['speakers.id', 'speakers.approved_at', 'users.created_at'])
        .execute();
      for (const speaker of speakers) {
        const first = talks.find((talk) => talk.speaker_id === speaker.id);
        if (!first) continue;
        expect(speaker.approved_at! < first.starts_at).toBe(true);
        expect(speaker.created_at <= speaker.approved_at!).toBe(true);
      }
    });

    it('adds about 150 residents with fake phone numbers, a third of them elderly, none named like a demo account or speaker', async () => {
      const residents = await db().selectFrom('users').select(['name', 'phone', 'community_id', 'elder_mode']).where('phone', 'like', '1390000%').execute();
      expect(residents).toHaveLength(150);
      expect(residents.every((resident) => /^1390000\d{4}$/.test(resident.phone!) && resident.community_id !== null)).toBe(true);
      const reserved = new Set([...DEMO_ACCOUNTS.map((account) => account.name), ...SPEAKERS.map((speaker) => speaker.name)]);
      expect(residents.filter((resident) => reserved.has(resident.name))).toEqual([]);
      expect(new Set(residents.map((resident) => resident.name)).size).toBe(150);
      expect(residents.filter((resident) => resident.elder_mode === 1).length).toBeGreaterThan(10);
    });

    it('keeps the demo resident out of it and gives the demo speaker a few talks rated no worse than other 基层治理 speakers', async () => {
      const demoResident = await db().selectFrom('users').select('id').where('name', '=', demoResidentName).executeTakeFirstOrThrow();
      const traces = await Promise.all([
        db().selectFrom('talk_requests').select('id').where('requester_id', '=', demoResident.id).execute(),
        db().selectFrom('checkins').select('id').where('user_id', '=', demoResident.id).execute(),
        db().selectFrom('registrations').select('id').where('user_id', '=', demoResident.id).execute(),
        db().selectFrom('feedback').select('id').where('user_id', '=', demoResident.id).execute(),
      ]);
      expect(traces.map((rows) => rows.length)).toEqual([0, 0, 0, 0]);

      const talks = await loadTalks();
      expect(talks.filter((talk) => talk.speaker_name === demoSpeakerName).length).toBeGreaterThanOrEqual(3);
      const ratings = await db()
        .selectFrom('feedback')
        .innerJoin('talks', 'talks.id', 'feedback.talk_id')
        .innerJoin('speakers', 'speakers.id', 'talks.speaker_id')
        .innerJoin('users', 'users.id', 'speakers.user_id')
        .innerJoin('speaker_topics', 'speaker_topics.speaker_id', 'speakers.id')
        .innerJoin('topics', 'topics.id', 'speaker_topics.topic_id')
        .select((eb) => ['users.name', eb.fn.avg<number>('feedback.rating').as('mean'), eb.fn.countAll().as('count')])
        .where('topics.code', '=', 'governance')
        .groupBy('users.name')
        .execute();
      const mean = (name: string) => Number(ratings.find((row) => row.name === name)!.mean);
      expect(ratings.length).toBeGreaterThan(3);
      for (const row of ratings) expect(mean(demoSpeakerName)).toBeGreaterThanOrEqual(Number(row.mean));
    });

    it('seeds the same history again for the same moment, on either engine', async () => {
      const other = await createTestDatabase(ctx().engine);
      try {
        await migrateToLatest(other.handle.db as Kysely<unknown>, other.handle.engine);
        await seedDemoStreet(other.handle.db, ctx().clock.now(), DEMO_PASSWORD);
        const again = await historyFingerprint(other.handle.db);
        expect(again.length).toBeGreaterThan(50);
        expect(again).toEqual(await historyFingerprint(db()));
      } finally {
        await other.drop();
      }
    });

    it('still offers a 基层治理 talk at 惠阳社区 to the demo speaker first', async () => {
      const resident: Session = await ctx().login('resident', '惠阳居民测试');
      const { topics } = (await ctx().request(null, { method: 'GET', url: '/api/topics' })).json();
      const { communities } = (await ctx().request(null, { method: 'GET', url: '/api/communities' })).json();
      const huiyang = communities.find((community: { name: string }) => community.name === '惠阳社区');
      // Tuesday 1 December 2026, 09:00–10:30 in Shanghai: the demo speaker's Tuesday morning.
      const response = await ctx().request(resident, {
        method: 'POST',
        url: '/api/talk-requests',
        payload: {
          topicId: topics.find((topic: { code: string }) => topic.code === 'governance').id,
          communityId: huiyang.id,
          venueId: huiyang.venues[0].id,
          windows: [{ start: '2026-12-01T01:00:00.000Z', end: '2026-12-01T02:30:00.000Z' }],
          audienceSize: 40,
          audienceKinds: ['residents'],
          note: '',
        },
      });
      expect(response.statusCode).toBe(201);
      const order: TalkRequestView = response.json();
      expect(order.timeline.map((entry) => entry.text)).toContain(`已派单给${demoSpeakerName}`);
    });
  });
});
