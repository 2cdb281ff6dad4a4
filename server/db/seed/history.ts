import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { BOOKING_CONFIG, lastWindowEnd } from '../../../src/core/booking';
import type { AudienceKind } from '../../../src/core/catalog';
import { MATCHING_CONFIG, reasons } from '../../../src/core/matching';
import { DAY_MS, MINUTE_MS, shanghaiDayIndex, shanghaiIsoWeekStart, shanghaiMidnight, weekdayOfDay } from '../../../src/core/matching/calendar';
import { maskPhone } from '../../services/users';
import type { Database } from '../schema';
import { COMMUNITIES } from './data/communities';
import { RESIDENTS, WALK_IN_NAMES, type SeedResident } from './data/residents';
import { TOPICS } from './data/topics';
import { DEMO_ACCOUNTS } from './demo-accounts';
import type { SeedSpeaker, SeedTopic } from './types';

/**
 * 签到台账, 评单 and 我的宣讲 need a past: about 60 talks held over the last year, each with the
 * rows 点单 → 派单 → 接单 → 举办 → 签到 → 评单 leave behind, written as the services write them.
 * Everything is drawn from one seeded generator, so a seed at the same `now` writes the same
 * history; the talks stop 35 days before `now`, so matching's 30-day fairness window (and with it
 * every ranking the tests and the demo start from) stays empty.
 */

export interface SeededSpeaker {
  id: number;
  userId: number;
  seed: SeedSpeaker;
}

export interface HistoryContext {
  now: Date;
  streetId: number;
  unitIds: Map<string, number>;
  topicIds: Map<string, number>;
  speakers: SeededSpeaker[];
}

const HISTORY_SEED = 20_260_101;
const TALK_COUNT = 60;
const FIRST_TALK_DAYS_AGO = 330;
const LAST_TALK_DAYS_AGO = 35;
/** How far from its place in the even spread a talk may move to find a day its speaker is free. */
const MAX_DAY_SHIFT = 14;
/** Residents joined this long before `now`: before the first request of the history. */
const RESIDENTS_JOINED_DAYS_AGO = 380;
/** Talks one speaker gives in a year, about; the demo speaker is the one visitors open. */
const TALKS_PER_SPEAKER = 2;
const DEMO_SPEAKER_TALKS = 4;
const HOUR_MS = 60 * MINUTE_MS;

const DEMO_SPEAKER_NAME = DEMO_ACCOUNTS.find((account) => account.role === 'speaker')?.name;

// --- a small seeded generator -------------------------------------------------------------

type Random = () => number;

/** mulberry32: a few lines, good enough to spread demo data, and the same on every run. */
function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [min, max]. */
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (random: Random, probability: number) => random() < probability;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

function shuffled<T>(random: Random, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const iso = (ms: number) => new Date(ms).toISOString();

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

// --- the people and places the history happens among --------------------------------------

interface Resident {
  id: number;
  name: string;
  unitId: number;
  elderly: boolean;
}

interface Venue {
  id: number;
  unitId: number;
  capacity: number;
}

/** The demo residents, in one statement; they have no login, only a name, a community and a phone. */
async function insertResidents(trx: Kysely<Database>, ctx: HistoryContext): Promise<Resident[]> {
  const joined = iso(ctx.now.getTime() - RESIDENTS_JOINED_DAYS_AGO * DAY_MS);
  const unitOf = (resident: SeedResident) => ctx.unitIds.get(resident.community)!;
  await trx
    .insertInto('users')
    .values(
      RESIDENTS.map((resident) => ({
        name: resident.name,
        phone: resident.phone,
        community_id: unitOf(resident),
        elder_mode: resident.elderMode ? 1 : 0,
        created_at: joined,
        updated_at: joined,
      })),
    )
    .execute();
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'phone'])
    .where('phone', 'in', RESIDENTS.map((resident) => resident.phone))
    .execute();
  const idOfPhone = new Map(rows.map((row) => [row.phone, row.id]));
  const residents = RESIDENTS.map((resident) => ({
    id: idOfPhone.get(resident.phone)!,
    name: resident.name,
    unitId: unitOf(resident),
    elderly: resident.elderly,
  }));
  // The same grant a WeChat sign-in gives: resident of the street.
  await trx
    .insertInto('role_grants')
    .values(residents.map((resident) => ({ user_id: resident.id, role: 'resident', unit_id: ctx.streetId, created_at: joined })))
    .execute();
  return residents;
}

async function loadVenues(trx: Kysely<Database>): Promise<Venue[]> {
  const rows = await trx.selectFrom('venues').select(['id', 'unit_id', 'capacity']).orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, unitId: row.unit_id, capacity: row.capacity }));
}

// --- when and where: one slot per talk -----------------------------------------------------

interface Topic {
  id: number;
  seed: SeedTopic;
}

interface Slot {
  speaker: SeededSpeaker;
  topic: Topic;
  level: number;
  unitId: number;
  venue: Venue;
  /** False for 社区安排: the request named no venue, so the talk is at the community's first. */
  venueNamed: boolean;
  startsMs: number;
  endsMs: number;
}

interface SlotBook {
  slots: Slot[];
  talksOf: Map<number, number>;
  topicUse: Map<string, number>;
}

/**
 * The even spread of talks over the year, each in a community taken in rounds (every community
 * three times or so), given to a speaker who serves it and teaches the topic, at a time inside
 * their weekly availability.
 */
function planSlots(random: Random, ctx: HistoryContext, venues: Venue[], topics: Map<string, Topic>): Slot[] {
  const book: SlotBook = { slots: [], talksOf: new Map(), topicUse: new Map() };
  const today = shanghaiDayIndex(ctx.now.getTime());
  const firstDay = today - FIRST_TALK_DAYS_AGO;
  const lastDay = today - LAST_TALK_DAYS_AGO;
  const rounds = Math.ceil(TALK_COUNT / COMMUNITIES.length);
  const communityOrder = Array.from({ length: rounds }, () => shuffled(random, COMMUNITIES.map((community) => community.key))).flat();
  for (let index = 0; index < TALK_COUNT; index++) {
    const targetDay = firstDay + Math.round((index * (lastDay - firstDay)) / (TALK_COUNT - 1));
    const slot = planSlotIn(random, ctx, book, {
      community: communityOrder[index],
      targetDay,
      days: { first: firstDay, last: lastDay },
      venues,
      topics,
    });
    if (!slot) continue;
    book.slots.push(slot);
    book.talksOf.set(slot.speaker.id, (book.talksOf.get(slot.speaker.id) ?? 0) + 1);
    book.topicUse.set(slot.topic.seed.key, (book.topicUse.get(slot.topic.seed.key) ?? 0) + 1);
  }
  return book.slots;
}

interface SlotWish {
  community: string;
  targetDay: number;
  days: { first: number; last: number };
  venues: Venue[];
  topics: Map<string, Topic>;
}

function planSlotIn(random: Random, ctx: HistoryContext, book: SlotBook, wish: SlotWish): Slot | null {
  const unitId = ctx.unitIds.get(wish.community)!;
  const communityVenues = wish.venues.filter((venue) => venue.unitId === unitId);
  for (const speaker of speakersFor(random, ctx, book, wish.community)) {
    const taught = chooseTopic(random, speaker, book);
    const topic = wish.topics.get(taught.topic)!;
    const venueNamed = chance(random, 0.7);
    const venue = venueNamed ? pick(random, communityVenues) : communityVenues[0];
    const startsMs = findStart(random, book, { speaker, venue, durationMin: topic.seed.durationMin, targetDay: wish.targetDay, days: wish.days });
    if (startsMs === null) continue;
    return { speaker, topic, level: taught.level, unitId, venue, venueNamed, startsMs, endsMs: startsMs + topic.seed.durationMin * MINUTE_MS };
  }
  return null;
}

/** Who serves the community, those furthest below their year's share of talks first. */
function speakersFor(random: Random, ctx: HistoryContext, book: SlotBook, community: string): SeededSpeaker[] {
  const share = (speaker: SeededSpeaker) => (speaker.seed.name === DEMO_SPEAKER_NAME ? DEMO_SPEAKER_TALKS : TALKS_PER_SPEAKER);
  const deficit = (speaker: SeededSpeaker) => share(speaker) - (book.talksOf.get(speaker.id) ?? 0);
  return shuffled(random, ctx.speakers.filter((speaker) => speaker.seed.communities.includes(community))).sort((a, b) => deficit(b) - deficit(a));
}

/** The speaker's topic the street has heard least of, the deeper one on a tie. */
function chooseTopic(random: Random, speaker: SeededSpeaker, book: SlotBook): SeedSpeaker['topics'][number] {
  const use = (key: string) => book.topicUse.get(key) ?? 0;
  return shuffled(random, speaker.seed.topics).sort((a, b) => use(a.topic) - use(b.topic) || b.level - a.level)[0];
}

interface StartWish {
  speaker: SeededSpeaker;
  venue: Venue;
  durationMin: number;
  targetDay: number;
  days: { first: number; last: number };
}

/**
 * The first day near the target with an availability window the talk fits in, where the speaker
 * has no other talk that day (no overlap, with room to travel), is under their weekly limit, and
 * the venue is not in use. Talks mostly start as the window opens, some half an hour later.
 */
function findStart(random: Random, book: SlotBook, wish: StartWish): number | null {
  const { availability, maxTalksPerWeek } = wish.speaker.seed;
  const speakerSlots = book.slots.filter((slot) => slot.speaker.id === wish.speaker.id);
  for (let shift = 0; shift <= MAX_DAY_SHIFT; shift++) {
    for (const day of shift === 0 ? [wish.targetDay] : [wish.targetDay + shift, wish.targetDay - shift]) {
      if (day < wish.days.first || day > wish.days.last) continue;
      if (speakerSlots.some((slot) => shanghaiDayIndex(slot.startsMs) === day)) continue;
      const weekStart = shanghaiIsoWeekStart(shanghaiMidnight(day));
      if (speakerSlots.filter((slot) => shanghaiIsoWeekStart(slot.startsMs) === weekStart).length >= maxTalksPerWeek) continue;
      for (const window of availability.filter((candidate) => candidate.weekday === weekdayOfDay(day))) {
        const opens = minutesOf(window.start);
        const latest = minutesOf(window.end) - wish.durationMin;
        if (latest < opens) continue;
        const startMinute = latest >= opens + 30 && chance(random, 0.3) ? opens + 30 : opens;
        const startsMs = shanghaiMidnight(day) + startMinute * MINUTE_MS;
        const endsMs = startsMs + wish.durationMin * MINUTE_MS;
        const venueBusy = book.slots.some(
          (slot) => slot.venue.id === wish.venue.id && slot.startsMs < endsMs + HOUR_MS && startsMs < slot.endsMs + HOUR_MS,
        );
        if (!venueBusy) return startsMs;
      }
    }
  }
  return null;
}

// --- who: the request, the attendance and the ratings ---------------------------------------

interface PlannedRequest {
  requester: Resident;
  createdMs: number;
  windows: { start: string; end: string }[];
  audienceSize: number;
  audienceKinds: AudienceKind[];
  note: string;
  /** 接单: when the offer was accepted, which is when the talk was created. */
  acceptedMs: number;
}

interface PlannedCheckin {
  resident: Resident | null;
  /** For 代签到 of a person without an account. */
  walkIn: { name: string; phone: string | null } | null;
  method: 'scan' | 'personal_code' | 'manual';
  offline: boolean;
  scannedMs: number;
  /** When the row reached the server: later than the scan for an offline one. */
  createdMs: number;
  nonce: string;
}

interface PlannedRegistration {
  resident: Resident;
  createdMs: number;
  cancelledMs: number | null;
}

interface PlannedFeedback {
  resident: Resident;
  rating: number;
  comment: string;
  createdMs: number;
}

interface PlannedTalk {
  slot: Slot;
  request: PlannedRequest;
  heldMs: number;
  registrations: PlannedRegistration[];
  checkins: PlannedCheckin[];
  feedback: PlannedFeedback[];
}

const NOTES: Record<AudienceKind, string[]> = {
  elderly: ['来听的多是老年人，请讲慢一点', '有几位老人普通话听不太懂，能用方言最好', '老人多，希望多讲真实案例'],
  youth: ['暑假里有一批中小学生参加', '希望多些互动，孩子们坐不住'],
  party: ['结合支部主题党日开展', '在职党员报到后一起参加'],
  residents: ['希望结合我们小区的实际情况讲', '居民议事会成员都会参加', '讲完想留点时间答疑'],
};

const COMMENTS: Record<number, string[]> = {
  5: ['讲得很实在，都是身边的事', '通俗易懂，老人也听得明白', '案例多，很有收获', '下次还来听', '讲得生动，时间过得很快', '很接地气，谢谢老师'],
  4: ['内容不错，时间有点短', '挺有用，希望多讲讲具体怎么办', '讲得挺好，就是场地有点挤', '总体不错，互动可以再多些'],
  3: ['内容有点多，记不太住', '声音有点小，后排听不清', '希望多结合我们小区的情况'],
};

/** Each speaker's share of five-star ratings: most talks go down well, some better than others. */
function ratingQuality(random: Random, speakers: SeededSpeaker[]): Map<number, number> {
  return new Map(speakers.map((speaker) => [speaker.id, speaker.seed.name === DEMO_SPEAKER_NAME ? 0.85 : 0.5 + 0.3 * random()]));
}

/** 点单: a resident of the community asks for the topic a week or three ahead, with 1–3 windows. */
function planRequest(random: Random, slot: Slot, residents: Resident[]): PlannedRequest {
  const requester = pick(random, residents.filter((resident) => resident.unitId === slot.unitId));
  const talkDay = shanghaiDayIndex(slot.startsMs);
  const createdMs = shanghaiMidnight(talkDay - between(random, 7, 20)) + between(random, 8 * 60, 21 * 60) * MINUTE_MS + between(random, 0, 59_999);
  // The window the talk went into, and maybe later alternatives: matching takes the earliest that fits.
  const startOffset = between(random, 0, 1) * 30 * MINUTE_MS;
  const endOffset = between(random, 0, 2) * 30 * MINUTE_MS;
  const windowStartMs = slot.startsMs - startOffset;
  const windowEndMs = slot.endsMs + endOffset;
  const windows = [{ start: iso(windowStartMs), end: iso(windowEndMs) }];
  let alternativeDay = 0;
  for (let extra = between(random, 0, 2); extra > 0; extra--) {
    alternativeDay += between(random, 2, 5);
    windows.push({ start: iso(windowStartMs + alternativeDay * DAY_MS), end: iso(windowEndMs + alternativeDay * DAY_MS) });
  }
  const audienceKinds = shuffled(random, slot.topic.seed.audience).slice(0, between(random, 1, Math.min(2, slot.topic.seed.audience.length)));
  const note = chance(random, 0.5) ? pick(random, NOTES[audienceKinds[0]]) : '';
  return {
    requester,
    createdMs,
    windows,
    // What the requester expected; who came (planCheckins) is drawn apart from it, as in life.
    audienceSize: between(random, 20, 50),
    audienceKinds,
    note,
    acceptedMs: createdMs + between(random, 20, 20 * 60) * MINUTE_MS,
  };
}

/** Unique like the app's newNonce (time, then random), and drawn from the same generator. */
function makeNonce(random: Random, atMs: number, used: Set<string>): string {
  for (;;) {
    const tail = Array.from({ length: 16 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)]).join('');
    const nonce = `${atMs.toString(36)}-${tail}`;
    if (!used.has(nonce)) {
      used.add(nonce);
      return nonce;
    }
  }
}

/**
 * Who came (15–45, never more than the room holds): the requester mostly, neighbours from the
 * community, then people from across the street. Most scan the rotating code as they arrive;
 * elders often show their personal code instead, a few without a phone are checked in by hand
 * while the talk runs, and a few scans went through the phone's offline queue.
 */
function planCheckins(random: Random, slot: Slot, request: PlannedRequest, residents: Resident[], nonces: Set<string>): PlannedCheckin[] {
  const total = Math.min(slot.venue.capacity, between(random, 15, 45));
  const elderlyAudience = request.audienceKinds.includes('elderly');
  const byHand = Math.min(total - 1, between(random, 0, elderlyAudience ? 4 : 2));
  const others = residents.filter((resident) => resident.id !== request.requester.id);
  const neighbours = shuffled(random, others.filter((resident) => resident.unitId === slot.unitId));
  const visitors = shuffled(random, others.filter((resident) => resident.unitId !== slot.unitId));
  const accounts = [...(chance(random, 0.85) ? [request.requester] : []), ...neighbours, ...visitors].slice(0, total - byHand);

  const checkins: PlannedCheckin[] = accounts.map((resident) => {
    if (resident.elderly && chance(random, 0.35)) {
      const scannedMs = slot.startsMs - between(random, 3, 28) * MINUTE_MS - between(random, 0, 59_999);
      return { resident, walkIn: null, method: 'personal_code', offline: false, scannedMs, createdMs: scannedMs, nonce: makeNonce(random, scannedMs, nonces) };
    }
    const late = chance(random, 0.2);
    const scannedMs = slot.startsMs + (late ? between(random, 1, 15) : -between(random, 0, 27)) * MINUTE_MS - between(random, 0, 59_999);
    const offline = chance(random, 0.05);
    const createdMs = offline ? scannedMs + between(random, 5, 240) * MINUTE_MS : scannedMs;
    return { resident, walkIn: null, method: 'scan', offline, scannedMs, createdMs, nonce: makeNonce(random, scannedMs, nonces) };
  });
  for (const name of shuffled(random, WALK_IN_NAMES).slice(0, byHand)) {
    const scannedMs = slot.startsMs + between(random, -10, slot.topic.seed.durationMin + 15) * MINUTE_MS + between(random, 0, 59_999);
    // Some give a family member's number so the community can reach them.
    const phone = chance(random, 0.3) ? `1390001${String(between(random, 0, 9999)).padStart(4, '0')}` : null;
    checkins.push({
      resident: null,
      walkIn: { name, phone },
      method: 'manual',
      offline: false,
      scannedMs,
      createdMs: scannedMs,
      nonce: makeNonce(random, scannedMs, nonces),
    });
  }
  return checkins.sort((a, b) => a.createdMs - b.createdMs);
}

/**
 * 我要参加: about half of those who came had registered after the talk was announced, plus a few
 * who registered and did not come, one of whom may have cancelled.
 */
function planRegistrations(random: Random, slot: Slot, request: PlannedRequest, checkins: PlannedCheckin[], residents: Resident[]): PlannedRegistration[] {
  const registeredAt = () => between(random, request.acceptedMs + HOUR_MS, slot.startsMs - 2 * HOUR_MS);
  const attendees = checkins.flatMap((checkin) => (checkin.resident ? [checkin.resident] : []));
  const registrations: PlannedRegistration[] = attendees.filter(() => chance(random, 0.55)).map((resident) => ({ resident, createdMs: registeredAt(), cancelledMs: null }));
  const absent = shuffled(random, residents.filter((resident) => !attendees.includes(resident) && resident.id !== request.requester.id));
  for (const resident of absent.slice(0, between(random, 0, 3))) {
    const createdMs = registeredAt();
    const cancelledMs = chance(random, 0.3) ? between(random, createdMs + HOUR_MS, slot.startsMs - HOUR_MS) : null;
    registrations.push({ resident, createdMs, cancelledMs });
  }
  // Registration stops when the room is full, as registerForTalk refuses the next one.
  return registrations.sort((a, b) => a.createdMs - b.createdMs).slice(0, slot.venue.capacity);
}

/** 评单: the requester most times, and a third or so of the others who came, within three days. */
function planFeedback(random: Random, heldMs: number, request: PlannedRequest, checkins: PlannedCheckin[], quality: number): PlannedFeedback[] {
  const feedback: PlannedFeedback[] = [];
  for (const checkin of checkins) {
    const resident = checkin.resident;
    if (!resident) continue;
    if (!chance(random, resident.id === request.requester.id ? 0.75 : 0.35)) continue;
    const draw = random();
    const rating = draw < quality ? 5 : draw < quality + (1 - quality) * 0.8 ? 4 : 3;
    const comment = chance(random, 0.45) ? pick(random, COMMENTS[rating]) : '';
    feedback.push({ resident, rating, comment, createdMs: heldMs + between(random, 20, 72 * 60) * MINUTE_MS });
  }
  return feedback.sort((a, b) => a.createdMs - b.createdMs);
}

function planTalks(random: Random, slots: Slot[], residents: Resident[], quality: Map<number, number>): PlannedTalk[] {
  const nonces = new Set<string>();
  return slots.map((slot) => {
    const request = planRequest(random, slot, residents);
    // The speaker marks it held at the end, or a little after.
    const heldMs = slot.endsMs + between(random, 2, 40) * MINUTE_MS;
    const checkins = planCheckins(random, slot, request, residents, nonces);
    const registrations = planRegistrations(random, slot, request, checkins, residents);
    const feedback = planFeedback(random, heldMs, request, checkins, quality.get(slot.speaker.id)!);
    return { slot, request, heldMs, registrations, checkins, feedback };
  });
}

// --- writing it, as the services do -------------------------------------------------------

/**
 * 派单's reasons as the dispatcher saw them then: what ranking says of a same-community speaker,
 * their talks in the 30 days before (booked by then) and their ratings so far.
 */
function offerReasons(talk: PlannedTalk, all: PlannedTalk[]): string[] {
  const { slot, request } = talk;
  const since = request.createdMs - MATCHING_CONFIG.recentDays * DAY_MS;
  const recent = all.filter(
    (other) => other.slot.speaker.id === slot.speaker.id && other.request.acceptedMs < request.createdMs && other.slot.startsMs >= since,
  );
  const upcoming = recent.filter((other) => other.slot.startsMs > request.createdMs).length;
  const ratings = all
    .filter((other) => other.slot.speaker.id === slot.speaker.id)
    .flatMap((other) => other.feedback.filter((entry) => entry.createdMs < request.createdMs).map((entry) => entry.rating));
  const mean = ratings.length ? ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length : 0;
  const audience = new Set<string>();
  for (const kind of request.audienceKinds) {
    if (kind === 'elderly' && slot.speaker.seed.dialect) audience.add(reasons.dialect());
    if ((kind === 'elderly' || kind === 'party') && slot.speaker.seed.team === 'veterans') audience.add(reasons.veterans());
    if (kind === 'youth' && slot.speaker.seed.team === 'youth') audience.add(reasons.youthTeam());
  }
  return [
    reasons.sameCommunity(),
    reasons.topicLevel(slot.level),
    reasons.recentTalks(MATCHING_CONFIG.recentDays, recent.length, upcoming),
    reasons.rating(mean, ratings.length),
    ...audience,
  ];
}

async function writeHeldTalk(trx: Kysely<Database>, talk: PlannedTalk, all: PlannedTalk[]): Promise<void> {
  const { slot, request } = talk;
  const requesterRating = talk.feedback.find((entry) => entry.resident.id === request.requester.id);
  const requestRow = await trx
    .insertInto('talk_requests')
    .values({
      requester_id: request.requester.id,
      topic_id: slot.topic.id,
      unit_id: slot.unitId,
      venue_id: slot.venueNamed ? slot.venue.id : null,
      windows: JSON.stringify(request.windows),
      audience_size: request.audienceSize,
      audience_kinds: JSON.stringify(request.audienceKinds),
      note: request.note,
      // The requester's own rating is what moves a held request to rated.
      status: requesterRating ? 'rated' : 'held',
      cancel_reason: null,
      cancelled_by: null,
      created_at: iso(request.createdMs),
      updated_at: iso(requesterRating ? requesterRating.createdMs : talk.heldMs),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // The deadline offerToNext gives: the configured time to answer, but never after the last window.
  const lastEnd = lastWindowEnd(request.windows);
  const byConfig = iso(request.createdMs + BOOKING_CONFIG.offerDeadlineHours * HOUR_MS);
  await trx
    .insertInto('offers')
    .values({
      request_id: requestRow.id,
      speaker_id: slot.speaker.id,
      status: 'accepted',
      rank: 1,
      reasons: JSON.stringify(offerReasons(talk, all)),
      deadline_at: lastEnd < byConfig ? lastEnd : byConfig,
      responded_at: iso(request.acceptedMs),
      decline_reason: null,
      dispatched_by: null,
      created_at: iso(request.createdMs),
    })
    .execute();

  const talkRow = await trx
    .insertInto('talks')
    .values({
      request_id: requestRow.id,
      topic_id: slot.topic.id,
      speaker_id: slot.speaker.id,
      unit_id: slot.unitId,
      venue_id: slot.venue.id,
      starts_at: iso(slot.startsMs),
      ends_at: iso(slot.endsMs),
      status: 'held',
      // A real secret, as accepting makes one: the history's codes must not be guessable either.
      checkin_secret: crypto.randomBytes(32).toString('base64url'),
      capacity: slot.venue.capacity,
      held_at: iso(talk.heldMs),
      created_at: iso(request.acceptedMs),
      updated_at: iso(talk.heldMs),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  await writeAttendance(trx, talkRow.id, talk);
}

async function writeAttendance(trx: Kysely<Database>, talkId: number, talk: PlannedTalk): Promise<void> {
  const organiser = talk.slot.speaker.userId;
  if (talk.registrations.length > 0) {
    await trx
      .insertInto('registrations')
      .values(
        talk.registrations.map((registration) => ({
          talk_id: talkId,
          user_id: registration.resident.id,
          created_at: iso(registration.createdMs),
          cancelled_at: registration.cancelledMs === null ? null : iso(registration.cancelledMs),
        })),
      )
      .execute();
  }
  const written = await trx
    .insertInto('checkins')
    .values(
      talk.checkins.map((checkin) => ({
        talk_id: talkId,
        user_id: checkin.resident?.id ?? null,
        attendee_name: checkin.walkIn?.name ?? null,
        attendee_phone: checkin.walkIn?.phone ?? null,
        method: checkin.method,
        offline: checkin.offline ? 1 : 0,
        scanned_at: iso(checkin.scannedMs),
        nonce: checkin.nonce,
        // The organiser records personal codes and 代签到; a scan is the attendee's own.
        recorded_by: checkin.method === 'scan' ? null : organiser,
        created_at: iso(checkin.createdMs),
      })),
    )
    .returning(['id', 'method', 'attendee_name', 'attendee_phone', 'created_at'])
    .execute();
  // 代签到 is audited, as checkInManually does.
  const manual = written.filter((row) => row.method === 'manual');
  if (manual.length > 0) {
    await trx
      .insertInto('audit_log')
      .values(
        manual.map((row) => ({
          actor_id: organiser,
          action: 'checkin.manual_recorded',
          entity: 'talk',
          entity_id: talkId,
          before: null,
          after: JSON.stringify({ checkinId: row.id, name: row.attendee_name, phone: maskPhone(row.attendee_phone) }),
          ip: null,
          created_at: row.created_at,
        })),
      )
      .execute();
  }
  if (talk.feedback.length > 0) {
    await trx
      .insertInto('feedback')
      .values(
        talk.feedback.map((entry) => ({
          talk_id: talkId,
          user_id: entry.resident.id,
          rating: entry.rating,
          comment: entry.comment,
          created_at: iso(entry.createdMs),
        })),
      )
      .execute();
  }
}

/**
 * Writes the year of held talks inside the seed's transaction. The demo accounts stay out of it
 * but for the demo speaker, who gets a few well-rated talks: the demo resident's 我的点单 and
 * 我的签到 start empty, and the first offer the demo makes still goes to him.
 */
export async function seedTalkHistory(trx: Kysely<Database>, ctx: HistoryContext): Promise<void> {
  const random = mulberry32(HISTORY_SEED);
  const residents = await insertResidents(trx, ctx);
  const venues = await loadVenues(trx);
  const topics = new Map(TOPICS.map((topic) => [topic.key, { id: ctx.topicIds.get(topic.key)!, seed: topic }]));
  const quality = ratingQuality(random, ctx.speakers);
  const slots = planSlots(random, ctx, venues, topics);
  const talks = planTalks(random, slots, residents, quality);
  // Written in the order they were requested, so ids grow with time as they would have.
  const inRequestOrder = [...talks].sort((a, b) => a.request.createdMs - b.request.createdMs);
  for (const talk of inRequestOrder) await writeHeldTalk(trx, talk, talks);
}
