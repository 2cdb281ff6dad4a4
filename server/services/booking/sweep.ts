import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { closeOffer, lastWindowPassed, markUnmatched, offerToNext } from './offers';
import { loadRequest, lockRequest } from './rows';

export interface SweepResult {
  expiredOffers: number;
  reoffered: number;
  unmatched: number;
}

/**
 * The offer cascade's clock: expires pending offers past their deadline and offers each request
 * to its next candidate; marks unmatched what has nobody left or whose last window has passed;
 * picks up a request left without a pending offer (a crash between steps). All state is in the
 * database, so any instance may run it, after any restart; each request moves in its own
 * transaction with conditional updates, so two sweeps (or a sweep and an accept) never both win.
 */
export async function sweepOffers(db: Kysely<Database>, now: Date): Promise<SweepResult> {
  const result: SweepResult = { expiredOffers: 0, reoffered: 0, unmatched: 0 };
  const at = now.toISOString();

  const overdue = await db
    .selectFrom('offers')
    .select(['id', 'request_id'])
    .where('status', '=', 'pending')
    .where('deadline_at', '<=', at)
    .orderBy('deadline_at')
    .orderBy('id')
    .execute();
  for (const offer of overdue) {
    await db.transaction().execute(async (trx) => {
      if (!(await closeOffer(trx, offer.id, 'expired', now))) return;
      result.expiredOffers++;
      const request = await loadRequest(trx, offer.request_id);
      if (request.status !== 'offered') return;
      const outcome = await offerToNext(trx, request.id, now);
      if (outcome === 'offered') result.reoffered++;
      else result.unmatched++;
    });
  }

  const open = await db
    .selectFrom('talk_requests')
    .select('id')
    .where('status', 'in', ['submitted', 'offered'])
    .orderBy('id')
    .execute();
  for (const { id } of open) {
    await db.transaction().execute(async (trx) => {
      await lockRequest(trx, id);
      const request = await loadRequest(trx, id);
      if (request.status !== 'submitted' && request.status !== 'offered') return;
      if (lastWindowPassed(request, now)) {
        await markUnmatched(trx, request, now, 'last_window_passed');
        result.unmatched++;
        return;
      }
      const pending = await trx.selectFrom('offers').select('id').where('request_id', '=', id).where('status', '=', 'pending').executeTakeFirst();
      if (pending) return;
      const outcome = await offerToNext(trx, id, now);
      if (outcome === 'offered') result.reoffered++;
      else result.unmatched++;
    });
  }
  return result;
}
