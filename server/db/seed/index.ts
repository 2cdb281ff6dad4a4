import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { REVIEW_STAGES } from '../../../src/core/posts';
import type { RoleGrant } from '../../../src/core/roles';
import { hashPassword } from '../../services/auth/passwords';
import { searchTextOf } from '../../services/posts/search';
import { ensureStreet } from '../../services/units';
import { createUser, devIdentity } from '../../services/users';
import type { Database } from '../schema';
import { COMMUNITIES } from './data/communities';
import { POSTS_A } from './data/posts-a';
import { POSTS_B } from './data/posts-b';
import { SPEAKERS } from './data/speakers';
import { STREET } from './data/street';
import { TOPICS } from './data/topics';
import { VENUES } from './data/venues';
import { DEMO_ACCOUNTS, type DemoAccountSeed } from './demo-accounts';
import { seedTalkHistory, type SeededSpeaker } from './history';
import type { SeedSpeaker } from './types';

export interface SeedResult {
  seeded: boolean;
  /** Staff usernames with the demo password, to print; empty when nothing was seeded. */
  accounts: { role: DemoAccountSeed['role']; name: string; username?: string }[];
}

const DAY_MS = 24 * 3600 * 1000;
/** Speakers joined before the seeded year of talks (history.ts) began. */
const SPEAKERS_APPROVED_DAYS_AGO = 400;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Fills an empty database with the demo street: 19 communities, venues, the topic menu, speakers,
 * published posts with their 三审三校 record, one account per role, and a year of held talks
 * with their residents, attendance and ratings. Does nothing when the street already has
 * communities, so every start can call it.
 */
export async function seedDemoStreet(db: Kysely<Database>, now: Date, demoPassword: string): Promise<SeedResult> {
  const existing = await db.selectFrom('units').select('id').where('kind', '=', 'community').executeTakeFirst();
  if (existing) return { seeded: false, accounts: [] };
  const passwordHash = await hashPassword(demoPassword);

  await db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const streetId = await ensureStreet(trx, STREET.name, now);
    await trx.updateTable('units').set({ name: STREET.name }).where('id', '=', streetId).execute();

    const unitIds = new Map<string, number>();
    for (const community of COMMUNITIES) {
      const row = await trx
        .insertInto('units')
        .values({ kind: 'community', name: community.name, parent_id: streetId, code: community.key, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.set(community.key, row.id);
    }
    const unitOf = (key: string | undefined) => (key ? unitIds.get(key)! : streetId);

    await trx
      .insertInto('venues')
      .values(
        VENUES.map((venue) => ({
          unit_id: unitOf(venue.community),
          name: venue.name,
          address: venue.address,
          lat: venue.lat,
          lng: venue.lng,
          checkin_radius_m: venue.radiusM,
          requires_location: 0,
          capacity: venue.capacity,
          created_at: at,
        })),
      )
      .execute();

    const topicIds = new Map<string, number>();
    for (const topic of TOPICS) {
      const row = await trx
        .insertInto('topics')
        .values({
          code: topic.key,
          title: topic.title,
          description: topic.description,
          duration_min: topic.durationMin,
          audience: JSON.stringify(topic.audience),
          active: 1,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      topicIds.set(topic.key, row.id);
    }

    const accountIds = new Map<DemoAccountSeed, number>();
    for (const account of DEMO_ACCOUNTS) {
      if (account.role === 'speaker') continue;
      const grants: RoleGrant[] = [{ role: 'resident', unitId: streetId }];
      if (account.role !== 'resident') grants.push({ role: account.role, unitId: unitOf(account.community) });
      const id = await createUser(
        trx,
        {
          name: account.name,
          devIdentity: devIdentity(account.role, account.name),
          username: account.username,
          passwordHash: account.username ? passwordHash : undefined,
          communityId: account.role === 'resident' ? unitOf(account.community) : null,
          grants,
        },
        now,
      );
      accountIds.set(account, id);
    }

    const demoSpeaker = DEMO_ACCOUNTS.find((account) => account.role === 'speaker');
    const approvedAt = new Date(now.getTime() - SPEAKERS_APPROVED_DAYS_AGO * DAY_MS);
    const speakers: SeededSpeaker[] = [];
    for (const speaker of SPEAKERS) {
      const ids = await insertSpeaker(trx, speaker, {
        streetId,
        unitIds,
        topicIds,
        now,
        approvedAt,
        devIdentity: speaker.name === demoSpeaker?.name ? devIdentity('speaker', speaker.name) : undefined,
      });
      speakers.push({ ...ids, seed: speaker });
    }

    const byRole = (role: DemoAccountSeed['role'], index = 0) =>
      [...accountIds.entries()].filter(([account]) => account.role === role)[index][1];
    // The seeded posts carry the review record 三审三校 requires: three different people.
    const reviewers = [byRole('reviewer', 0), byRole('reviewer', 1), byRole('approver')];
    const posts = [...POSTS_A, ...POSTS_B];
    for (const [index, post] of posts.entries()) {
      const publishedAt = new Date(now.getTime() - post.daysAgo * DAY_MS + (index % 7) * 3600 * 1000);
      const published = publishedAt.toISOString();
      const row = await trx
        .insertInto('posts')
        .values({
          unit_id: unitOf(post.community),
          author_id: byRole('editor'),
          title: post.title,
          category: post.category,
          summary: post.summary,
          cover_url: null,
          body_html: post.bodyHtml,
          video_url: null,
          source: post.source,
          status: 'published',
          version: 1,
          pinned: post.pinned ? 1 : 0,
          publish_at: published,
          published_at: published,
          unpublished_reason: null,
          read_count: 40 + ((index * 137) % 900),
          search_text: searchTextOf(post.title, post.bodyHtml),
          created_at: new Date(publishedAt.getTime() - 3 * DAY_MS).toISOString(),
          updated_at: published,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('post_reviews')
        .values(
          REVIEW_STAGES.map((stage, step) => ({
            post_id: row.id,
            version: 1,
            stage,
            reviewer_id: reviewers[step],
            decision: 'approve' as const,
            comment: null,
            created_at: new Date(publishedAt.getTime() - (3 - step) * 6 * 3600 * 1000).toISOString(),
          })),
        )
        .execute();
    }

    // In the same transaction: a street is seeded whole or not at all, history included.
    await seedTalkHistory(trx, { now, streetId, unitIds, topicIds, speakers });
  });

  return {
    seeded: true,
    accounts: DEMO_ACCOUNTS.map(({ role, name, username }) => ({ role, name, username })),
  };
}

interface SpeakerContext {
  streetId: number;
  unitIds: Map<string, number>;
  topicIds: Map<string, number>;
  now: Date;
  /** When the speaker joined and was approved: before their first seeded talk. */
  approvedAt: Date;
  devIdentity?: string;
}

async function insertSpeaker(db: Kysely<Database>, speaker: SeedSpeaker, ctx: SpeakerContext): Promise<{ id: number; userId: number }> {
  const approved = ctx.approvedAt.toISOString();
  const userId = await createUser(
    db,
    {
      name: speaker.name,
      devIdentity: ctx.devIdentity,
      communityId: ctx.unitIds.get(speaker.communities[0]) ?? null,
      grants: [
        { role: 'resident', unitId: ctx.streetId },
        { role: 'speaker', unitId: ctx.streetId },
      ],
    },
    ctx.approvedAt,
  );
  const row = await db
    .insertInto('speakers')
    .values({
      user_id: userId,
      team: speaker.team,
      title: speaker.title,
      bio: speaker.bio,
      max_talks_per_week: speaker.maxTalksPerWeek,
      dialect: speaker.dialect ? 1 : 0,
      approved_at: approved,
      // Paused as the seed runs: their talks before then are part of the history.
      paused_at: speaker.paused ? ctx.now.toISOString() : null,
      resumed_at: null,
      created_at: approved,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('speaker_topics')
    .values(speaker.topics.map((taught) => ({ speaker_id: row.id, topic_id: ctx.topicIds.get(taught.topic)!, level: taught.level })))
    .execute();
  await db
    .insertInto('speaker_units')
    .values(speaker.communities.map((key) => ({ speaker_id: row.id, unit_id: ctx.unitIds.get(key)! })))
    .execute();
  await db
    .insertInto('speaker_availability')
    .values(
      speaker.availability.map((window) => ({
        speaker_id: row.id,
        weekday: window.weekday,
        start_minute: minutesOf(window.start),
        end_minute: minutesOf(window.end),
      })),
    )
    .execute();
  return { id: row.id, userId };
}

/** A demo password that passes the password policy, generated per installation. */
export function generateDemoPassword(): string {
  return `Yx-${crypto.randomBytes(9).toString('base64url')}`;
}
