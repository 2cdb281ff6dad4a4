import type { Kysely } from 'kysely';
import type { TalkDetail } from '../../../src/core/api/booking';
import { AppError } from '../../../src/core/errors';
import type { Database } from '../../db/schema';
import { loadTalkSummaries } from './rows';
import { standingAtTalk, strip } from './talks';

async function loadMyRating(db: Kysely<Database>, talkId: number, userId: number): Promise<number | null> {
  const feedback = await db.selectFrom('feedback').select('rating').where('talk_id', '=', talkId).where('user_id', '=', userId).executeTakeFirst();
  return feedback?.rating ?? null;
}

/** Someone not signed in has no registration, no rating and ordered nothing. */
const NO_STANDING = { registered: false, isRequester: false, mayRate: false };

/**
 * One talk for its page: the summary and what this viewer may do there (我要参加, 评单). A
 * cancelled talk stays viewable, so a resident who registered learns it is off. The flags follow
 * the rules registerForTalk and rateTalk enforce; the server still refuses whatever they would.
 * A signed-out viewer (null) sees the talk as anyone may, and is asked to sign in to join.
 */
export async function viewTalk(db: Kysely<Database>, talkId: number, viewerId: number | null, now: Date): Promise<TalkDetail> {
  const [talk] = await loadTalkSummaries(db, (query) => query.where('talks.id', '=', talkId));
  if (!talk) throw new AppError('not_found', { talkId });
  const standing = viewerId === null ? NO_STANDING : await standingAtTalk(db, { id: talk.id, requestId: talk.requestId }, viewerId);
  const myRating = viewerId === null ? null : await loadMyRating(db, talkId, viewerId);
  const open = talk.status === 'scheduled' && talk.startsAt > now.toISOString();
  return {
    ...strip(talk),
    registered: standing.registered,
    myRating,
    canRate: talk.status === 'held' && standing.mayRate && myRating === null,
    canRegister: open && talk.registrations < talk.capacity && !standing.registered,
    isRequester: standing.isRequester,
  };
}
