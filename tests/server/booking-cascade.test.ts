import type { Session } from '../../src/core/api/auth';
import type { CandidateList, TalkRequestPage } from '../../src/core/api/booking';
import { sweepOffers } from '../../server/services/booking/sweep';
import { describeEachEngine } from '../support/app';
import { HOUR, MINUTE } from '../support/clock';
import {
  LONG_SESSIONS,
  accept,
  addPlace,
  addSpeaker,
  addTopic,
  bookingCounts,
  decline,
  offersOf,
  orderBody,
  pendingOffer,
  requestView,
  submitOrder,
  windowFrom,
  type Place,
  type Speaker,
} from '../support/booking';

describeEachEngine('派单: the offer cascade, unmatched requests and the dispatcher', (ctx) => {
  let resident: Session;
  let dispatcher: Session;
  let place: Place;

  beforeAll(async () => {
    resident = await ctx().login('resident', '居民吴建华');
    dispatcher = await ctx().login('dispatcher', '派单员郑洁');
    place = await addPlace(ctx());
  });

  /** Three speakers for a fresh topic, ranked by level: first, second, third. */
  async function threeSpeakers(prefix: string): Promise<{ topicId: number; speakers: Speaker[] }> {
    const topicId = await addTopic(ctx());
    const speakers = [
      await addSpeaker(ctx(), `${prefix}一`, { topics: [topicId], communities: [place.communityId], level: 3 }),
      await addSpeaker(ctx(), `${prefix}二`, { topics: [topicId], communities: [place.communityId], level: 2 }),
      await addSpeaker(ctx(), `${prefix}三`, { topics: [topicId], communities: [place.communityId], level: 1 }),
    ];
    return { topicId, speakers };
  }

  it('offers to the next candidate when a speaker declines, and marks the request unmatched when nobody is left', async () => {
    const { topicId, speakers } = await threeSpeakers('婉拒');
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place));
    for (const [index, speaker] of speakers.entries()) {
      const offer = (await pendingOffer(ctx(), order.id))!;
      expect(offer.speaker_id).toBe(speaker.speakerId);
      const noReason = await ctx().request(speaker.session, { method: 'POST', url: `/api/offers/${offer.id}/decline`, payload: { reason: '  ' } });
      expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'validation_failed']);
      const declined = await decline(ctx(), speaker.session, offer.id, `第${index + 1}位没空`);
      expect(declined.statusCode).toBe(200);
    }
    expect((await offersOf(ctx(), order.id)).map((offer) => offer.status)).toEqual(['declined', 'declined', 'declined']);
    const view = await requestView(ctx(), resident, order.id);
    expect(view.status).toBe('unmatched');
    expect(view.timeline.filter((entry) => entry.event === 'declined').map((entry) => entry.text)).toEqual([
      '宣讲员婉拒：第1位没空',
      '宣讲员婉拒：第2位没空',
      '宣讲员婉拒：第3位没空',
    ]);
    const again = await decline(ctx(), speakers[0].session, (await offersOf(ctx(), order.id))[0].id);
    expect([again.statusCode, again.json().code]).toEqual([409, 'offer_taken']);

    // Dispatchers see it in their queue.
    const queue: TalkRequestPage = (await ctx().request(dispatcher, { method: 'GET', url: '/api/admin/talk-requests?status=unmatched' })).json();
    expect(queue.items.map((item) => item.id)).toContain(order.id);
  });

  it('expires an unanswered offer at its deadline and offers to the next candidate, from the database alone', async () => {
    const { topicId, speakers } = await threeSpeakers('超时');
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place, { windows: [windowFrom(ctx(), 24 * 5)] }));
    const first = (await pendingOffer(ctx(), order.id))!;
    expect(first.speaker_id).toBe(speakers[0].speakerId);

    ctx().clock.advance(23 * HOUR);
    expect(await sweepOffers(ctx().app.db, ctx().clock.now())).toMatchObject({ expiredOffers: 0 });
    expect((await pendingOffer(ctx(), order.id))!.id).toBe(first.id);

    // A restarted server (a new connection, no memory of the first) picks the cascade up.
    ctx().clock.advance(1 * HOUR + MINUTE);
    const restarted = await ctx().database.reopen();
    expect(await sweepOffers(restarted.db, ctx().clock.now())).toEqual({ expiredOffers: 1, reoffered: 1, unmatched: 0 });
    expect(await sweepOffers(restarted.db, ctx().clock.now())).toEqual({ expiredOffers: 0, reoffered: 0, unmatched: 0 });
    const second = (await pendingOffer(ctx(), order.id))!;
    expect(second.speaker_id).toBe(speakers[1].speakerId);
    expect(second.deadline_at).toBe(new Date(ctx().clock.now().getTime() + 24 * HOUR).toISOString());
    const view = await requestView(ctx(), resident, order.id);
    expect(view.status).toBe('offered');
    expect(view.timeline.map((entry) => entry.event)).toEqual(['submitted', 'offered', 'expired', 'offered']);
    const expired = await accept(ctx(), speakers[0].session, first.id, order.windows[0].start);
    expect([expired.statusCode, expired.json().code]).toEqual([409, 'offer_expired']);
    expect((await accept(ctx(), speakers[1].session, second.id, order.windows[0].start)).statusCode).toBe(200);
  });

  it('moves each expired offer once when two instances sweep at the same moment', async () => {
    const { topicId } = await threeSpeakers('双实例');
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place, { windows: [windowFrom(ctx(), 24 * 5)] }));
    ctx().clock.advance(24 * HOUR + MINUTE);
    const other = await ctx().database.reopen();
    const sweeps = [() => sweepOffers(ctx().app.db, ctx().clock.now()), () => sweepOffers(other.db, ctx().clock.now())];
    // SQLite serves one instance (one writer); two connections in one process would stall each
    // other's synchronous busy wait, so there the second instance sweeps right after the first.
    const results =
      ctx().engine === 'postgres' ? await Promise.all(sweeps.map((sweep) => sweep())) : [await sweeps[0](), await sweeps[1]()];
    expect(results.reduce((sum, result) => sum + result.expiredOffers, 0)).toBe(1);
    expect(results.reduce((sum, result) => sum + result.reoffered, 0)).toBe(1);
    expect((await offersOf(ctx(), order.id)).map((offer) => offer.status)).toEqual(['expired', 'pending']);
  });

  it('marks a request unmatched once its last window has passed', async () => {
    const { topicId } = await threeSpeakers('过期');
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place, { windows: [windowFrom(ctx(), 2, 2)] }));
    const offer = (await pendingOffer(ctx(), order.id))!;
    // The offer's deadline never runs past the last window.
    expect(offer.deadline_at).toBe(order.windows[0].end);
    ctx().clock.advance(4 * HOUR + MINUTE);
    const result = await sweepOffers(ctx().app.db, ctx().clock.now());
    expect(result.unmatched).toBeGreaterThanOrEqual(1);
    expect((await requestView(ctx(), resident, order.id)).status).toBe('unmatched');
    expect((await offersOf(ctx(), order.id)).map((entry) => entry.status)).toEqual(['expired']);
    const notes = (await ctx().request(resident, { method: 'GET', url: '/api/me/notifications?limit=1' })).json();
    expect(notes.items[0]).toMatchObject({ kind: 'talk_request.unmatched', payload: { requestId: order.id, why: 'last_window_passed' } });
  });

  it('marks a request unmatched at once when no speaker offers the topic', async () => {
    const topicId = await addTopic(ctx());
    const paused = await addSpeaker(ctx(), '暂停宣讲员', { topics: [topicId], communities: [place.communityId], paused: true });
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place));
    expect(order.status).toBe('unmatched');
    expect(await offersOf(ctx(), order.id)).toEqual([]);

    // The dispatcher sees why the paused speaker was left out, and cannot dispatch to them.
    const candidates: CandidateList = (await ctx().request(dispatcher, { method: 'GET', url: `/api/admin/talk-requests/${order.id}/candidates` })).json();
    expect(candidates.ranked).toEqual([]);
    expect(candidates.excluded).toEqual([{ speakerId: paused.speakerId, name: '暂停宣讲员', code: 'paused', reason: '已暂停接单' }]);
    const refused = await ctx().request(dispatcher, { method: 'POST', url: `/api/admin/talk-requests/${order.id}/dispatch`, payload: { speakerId: paused.speakerId } });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'speaker_not_eligible']);
  });

  it('shows the dispatcher ranked candidates with reasons, and dispatches to a named speaker with an audit entry', async () => {
    const { topicId, speakers } = await threeSpeakers('指派');
    const busy = await addSpeaker(ctx(), '指派满额', { topics: [topicId], communities: [place.communityId], maxTalksPerWeek: 0 });
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place));
    const first = (await pendingOffer(ctx(), order.id))!;
    expect(first.speaker_id).toBe(speakers[0].speakerId);

    const response = await ctx().request(dispatcher, { method: 'GET', url: `/api/admin/talk-requests/${order.id}/candidates` });
    expect(response.statusCode).toBe(200);
    const candidates: CandidateList = response.json();
    expect(candidates.ranked.map((entry) => entry.speakerId)).toEqual(speakers.map((speaker) => speaker.speakerId));
    expect(candidates.ranked[0]).toMatchObject({ rank: 1, name: '指派一', offerStatus: 'pending' });
    expect(Date.parse(candidates.ranked[0].slotStart) - Date.parse(order.windows[0].start)).toBeLessThan(5 * MINUTE);
    expect(candidates.ranked[0].reasons).toEqual(expect.arrayContaining(['同社区', '主题专长', '近30天0场', '暂无评分']));
    expect(candidates.excluded).toEqual([expect.objectContaining({ speakerId: busy.speakerId, code: 'weekly_limit_reached' })]);

    const before = await bookingCounts(ctx());
    const byResident = await ctx().request(resident, { method: 'POST', url: `/api/admin/talk-requests/${order.id}/dispatch`, payload: { speakerId: speakers[2].speakerId } });
    expect(byResident.statusCode).toBe(403);
    expect(await bookingCounts(ctx())).toEqual(before);

    const dispatched = await ctx().request(dispatcher, { method: 'POST', url: `/api/admin/talk-requests/${order.id}/dispatch`, payload: { speakerId: speakers[2].speakerId } });
    expect(dispatched.statusCode).toBe(200);
    expect(dispatched.json().timeline.at(-1)).toMatchObject({ event: 'offered', text: '派单员派单给指派三' });
    expect((await offersOf(ctx(), order.id)).map((offer) => [offer.speaker_id, offer.status])).toEqual([
      [speakers[0].speakerId, 'withdrawn'],
      [speakers[2].speakerId, 'pending'],
    ]);
    const audit = await ctx().app.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'talk_request').where('entity_id', '=', order.id).execute();
    expect(audit).toEqual([{ action: 'talk_request.dispatched', actor_id: dispatcher.user.id }]);
    const withdrawn = await accept(ctx(), speakers[0].session, first.id, order.windows[0].start);
    expect([withdrawn.statusCode, withdrawn.json().code]).toEqual([409, 'offer_taken']);
    expect((await accept(ctx(), speakers[2].session, (await pendingOffer(ctx(), order.id))!.id, order.windows[0].start)).statusCode).toBe(200);
  });

  it('counts ratings in matching: a well-rated speaker shows the rating among the reasons', async () => {
    const topicId = await addTopic(ctx());
    const speaker = await addSpeaker(ctx(), '评分宣讲员', { topics: [topicId], communities: [place.communityId] });
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place, { windows: [windowFrom(ctx(), 3, 2)] }));
    const offer = (await pendingOffer(ctx(), order.id))!;
    const talkId = (await accept(ctx(), speaker.session, offer.id, order.windows[0].start)).json().talk.id;
    ctx().clock.advance(4 * HOUR);
    expect((await ctx().request(speaker.session, { method: 'POST', url: `/api/talks/${talkId}/held` })).statusCode).toBe(200);
    expect((await ctx().request(resident, { method: 'POST', url: `/api/talks/${talkId}/feedback`, payload: { rating: 5 } })).statusCode).toBe(201);

    const next = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place));
    const candidates: CandidateList = (await ctx().request(dispatcher, { method: 'GET', url: `/api/admin/talk-requests/${next.id}/candidates` })).json();
    expect(candidates.ranked[0].reasons).toContain('评分5.0（1次）');
  });
}, LONG_SESSIONS);
