import type { Session } from '../../src/core/api/auth';
import type { SpeakerProfile, TopicList } from '../../src/core/api/booking';
import { describeEachEngine } from '../support/app';
import { HOUR, MINUTE } from '../support/clock';
import {
  LONG_SESSIONS,
  accept,
  addPlace,
  addSpeaker,
  addTopic,
  bookingCounts,
  offersOf,
  orderBody,
  pendingOffer,
  requestView,
  submitOrder,
  windowFrom,
  type Place,
  type Speaker,
} from '../support/booking';

describeEachEngine('取消点单 at each state, and refused input that changes nothing', (ctx) => {
  let resident: Session;
  let other: Session;
  let dispatcher: Session;
  let place: Place;
  let topicId: number;
  let speaker: Speaker;

  beforeAll(async () => {
    resident = await ctx().login('resident', '居民钱国庆');
    other = await ctx().login('resident', '居民冯小兰');
    dispatcher = await ctx().login('dispatcher', '派单员褚红');
    place = await addPlace(ctx(), { capacity: 50 });
    topicId = await addTopic(ctx());
    speaker = await addSpeaker(ctx(), '宣讲员卫东', { topics: [topicId], communities: [place.communityId], maxTalksPerWeek: 20 });
  });

  const cancel = (by: Session, requestId: number, reason: unknown = '活动改期') =>
    ctx().request(by, { method: 'POST', url: `/api/talk-requests/${requestId}/cancel`, payload: { reason } });

  /** A request scheduled with the speaker, starting `fromHours` from now. */
  async function scheduled(fromHours = 48) {
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place, { windows: [windowFrom(ctx(), fromHours, 2)] }));
    const offer = (await pendingOffer(ctx(), order.id))!;
    const talk = (await accept(ctx(), speaker.session, offer.id, order.windows[0].start)).json().talk;
    return { order, offer, talk };
  }

  it('lets the requester cancel an offered request: the offer is withdrawn and the speaker told', async () => {
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place));
    const offer = (await pendingOffer(ctx(), order.id))!;
    const refused = await cancel(other, order.id);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'forbidden']);
    const noReason = await cancel(resident, order.id, ' ');
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'validation_failed']);
    expect((await requestView(ctx(), resident, order.id)).status).toBe('offered');

    const cancelled = await cancel(resident, order.id);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '活动改期' });
    expect(cancelled.json().timeline.at(-1)).toMatchObject({ event: 'cancelled', text: '已取消：活动改期' });
    expect((await offersOf(ctx(), order.id)).map((entry) => entry.status)).toEqual(['withdrawn']);
    const late = await accept(ctx(), speaker.session, offer.id, order.windows[0].start);
    expect([late.statusCode, late.json().code]).toEqual([409, 'offer_taken']);
    const notes = (await ctx().request(speaker.session, { method: 'GET', url: '/api/me/notifications?limit=1' })).json();
    expect(notes.items[0]).toMatchObject({ kind: 'offer.withdrawn', payload: { requestId: order.id } });
    const twice = await cancel(resident, order.id);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'talk_request_wrong_state']);
  });

  it('lets the requester cancel a scheduled talk: the talk is cancelled and registered residents told', async () => {
    const { order, talk } = await scheduled();
    await ctx().request(other, { method: 'POST', url: `/api/talks/${talk.id}/registrations` });
    expect((await cancel(resident, order.id, '场地维修')).statusCode).toBe(200);
    const row = await ctx().app.db.selectFrom('talks').select('status').where('id', '=', talk.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
    const notes = (await ctx().request(other, { method: 'GET', url: '/api/me/notifications?limit=1' })).json();
    expect(notes.items[0]).toMatchObject({ kind: 'talk.cancelled', payload: { talkId: talk.id, reason: '场地维修' } });
    const calendar = (await ctx().request(null, { method: 'GET', url: `/api/talks?community=${place.communityId}` })).json();
    expect(calendar.talks.map((entry: { id: number }) => entry.id)).not.toContain(talk.id);
  });

  it('lets a dispatcher of the unit cancel, audited, but not a dispatcher of another community', async () => {
    const { order } = await scheduled(60);
    const elsewhere = await addPlace(ctx());
    const local = await ctx().login('dispatcher', '别社区派单员');
    await ctx().app.db.updateTable('role_grants').set({ unit_id: elsewhere.communityId }).where('user_id', '=', local.user.id).where('role', '=', 'dispatcher').execute();
    const scoped = await ctx().login('dispatcher', '别社区派单员');
    const refused = await cancel(scoped, order.id);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'forbidden']);
    expect((await ctx().request(scoped, { method: 'GET', url: `/api/admin/talk-requests/${order.id}/candidates` })).statusCode).toBe(403);

    expect((await cancel(dispatcher, order.id, '上级通知改期')).statusCode).toBe(200);
    const audit = await ctx().app.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity', '=', 'talk_request').where('entity_id', '=', order.id).execute();
    expect(audit).toEqual([{ action: 'talk_request.cancelled', actor_id: dispatcher.user.id }]);
    const notes = (await ctx().request(resident, { method: 'GET', url: '/api/me/notifications?limit=1' })).json();
    expect(notes.items[0]).toMatchObject({ kind: 'talk_request.cancelled', payload: { requestId: order.id, reason: '上级通知改期' } });
  });

  it('lets the requester cancel an unmatched request', async () => {
    const lonely = await addTopic(ctx());
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), lonely, place));
    expect(order.status).toBe('unmatched');
    expect((await cancel(resident, order.id)).json().status).toBe('cancelled');
  });

  it('refuses to cancel once the talk was held or rated', async () => {
    const { order, talk } = await scheduled(3);
    ctx().clock.advance(3 * HOUR + 5 * MINUTE);
    expect((await ctx().request(speaker.session, { method: 'POST', url: `/api/talks/${talk.id}/held` })).statusCode).toBe(200);
    const before = await bookingCounts(ctx());
    const held = await cancel(resident, order.id);
    expect([held.statusCode, held.json().code]).toEqual([409, 'talk_request_wrong_state']);
    expect((await cancel(dispatcher, order.id)).json().code).toBe('talk_request_wrong_state');
    expect(await bookingCounts(ctx())).toEqual(before);
    expect((await ctx().request(resident, { method: 'POST', url: `/api/talks/${talk.id}/feedback`, payload: { rating: 4 } })).statusCode).toBe(201);
    expect((await cancel(resident, order.id)).json().code).toBe('talk_request_wrong_state');
    expect((await requestView(ctx(), resident, order.id)).status).toBe('rated');
  });

  it('lets a speaker edit the profile: pausing takes them off the menu, resuming records when', async () => {
    const topic = await addTopic(ctx());
    const person = await addSpeaker(ctx(), '宣讲员资料', { topics: [], communities: [] });
    const put = (payload: object) => ctx().request(person.session, { method: 'PUT', url: '/api/speaker/profile', payload });
    const updated = await put({
      topics: [{ topicId: topic, level: 3 }],
      communityIds: [place.communityId],
      availability: [{ weekday: 6, startMinute: 540, endMinute: 720 }],
      maxTalksPerWeek: 2,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ topics: [{ topicId: topic, level: 3 }], communityIds: [place.communityId], maxTalksPerWeek: 2, paused: false });
    const count = async () => ((await ctx().request(null, { method: 'GET', url: '/api/topics' })).json() as TopicList).topics.find((entry) => entry.id === topic)!.speakerCount;
    expect(await count()).toBe(1);
    expect((await put({ paused: true })).json().paused).toBe(true);
    expect(await count()).toBe(0);
    ctx().clock.advance(MINUTE);
    const resumed: SpeakerProfile = (await put({ paused: false })).json();
    expect(resumed.paused).toBe(false);
    const row = await ctx().app.db.selectFrom('speakers').select('resumed_at').where('id', '=', person.speakerId).executeTakeFirstOrThrow();
    expect(row.resumed_at).toBe(ctx().clock.now().toISOString());
    expect((await ctx().request(person.session, { method: 'GET', url: '/api/speaker/profile' })).json()).toMatchObject({ availability: [{ weekday: 6, startMinute: 540, endMinute: 720 }] });
  });

  it('answers bad input on every booking route with a 4xx in the error shape, changing nothing', async () => {
    const { order, offer, talk } = await scheduled(120);
    const before = await bookingCounts(ctx());
    const longText = '字'.repeat(201);
    const body = (overrides: object) => ({ ...orderBody(ctx(), topicId, place), ...overrides });
    const past = { start: new Date(ctx().clock.now().getTime() - HOUR).toISOString(), end: new Date(ctx().clock.now().getTime() + HOUR).toISOString() };
    const cases: [Session | null, 'GET' | 'POST' | 'PUT' | 'DELETE', string, unknown, number, string][] = [
      [resident, 'POST', '/api/talk-requests', {}, 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ windows: [] }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ windows: Array(4).fill(windowFrom(ctx(), 48)) }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ windows: [past] }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ windows: [windowFrom(ctx(), 48, 0.5)] }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ windows: [windowFrom(ctx(), 24 * 70)] }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ windows: [{ start: windowFrom(ctx(), 50).start, end: windowFrom(ctx(), 48).start }] }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ audienceSize: 0 }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ audienceSize: 501 }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ audienceKinds: ['aliens'] }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ note: longText }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ extra: 1 }), 400, 'validation_failed'],
      [resident, 'POST', '/api/talk-requests', body({ topicId: 999999 }), 400, 'topic_unavailable'],
      [resident, 'POST', '/api/talk-requests', body({ venueId: 999999 }), 400, 'venue_not_in_community'],
      [resident, 'GET', '/api/talk-requests/abc', undefined, 400, 'validation_failed'],
      [resident, 'GET', '/api/talk-requests/999999', undefined, 404, 'not_found'],
      [resident, 'GET', '/api/talk-requests/mine?limit=0', undefined, 400, 'validation_failed'],
      [resident, 'POST', `/api/talk-requests/${order.id}/cancel`, {}, 400, 'validation_failed'],
      [resident, 'POST', `/api/talk-requests/${order.id}/cancel`, { reason: longText }, 400, 'validation_failed'],
      [speaker.session, 'POST', `/api/offers/${offer.id}/accept`, {}, 400, 'validation_failed'],
      [speaker.session, 'POST', '/api/offers/abc/accept', { startsAt: order.windows[0].start }, 400, 'validation_failed'],
      [speaker.session, 'POST', `/api/offers/${offer.id}/decline`, {}, 400, 'validation_failed'],
      [speaker.session, 'PUT', '/api/speaker/profile', { maxTalksPerWeek: -1 }, 400, 'validation_failed'],
      [speaker.session, 'PUT', '/api/speaker/profile', { availability: [{ weekday: 1, startMinute: 600, endMinute: 500 }] }, 400, 'validation_failed'],
      [speaker.session, 'PUT', '/api/speaker/profile', { topics: [{ topicId: 999999, level: 2 }] }, 400, 'validation_failed'],
      [dispatcher, 'GET', '/api/admin/talk-requests?status=bogus', undefined, 400, 'validation_failed'],
      [dispatcher, 'GET', '/api/admin/talk-requests/abc/candidates', undefined, 400, 'validation_failed'],
      [dispatcher, 'GET', '/api/admin/talk-requests/999999/candidates', undefined, 404, 'not_found'],
      [dispatcher, 'POST', `/api/admin/talk-requests/${order.id}/dispatch`, { speakerId: 'x' }, 400, 'validation_failed'],
      [dispatcher, 'POST', `/api/admin/talk-requests/${order.id}/dispatch`, { speakerId: speaker.speakerId }, 409, 'talk_request_wrong_state'],
      [null, 'GET', '/api/talks?from=yesterday', undefined, 400, 'validation_failed'],
      [null, 'GET', `/api/talks?from=${windowFrom(ctx(), 5).start}&to=${windowFrom(ctx(), 1).start}`, undefined, 400, 'validation_failed'],
      [other, 'POST', '/api/talks/abc/registrations', undefined, 400, 'validation_failed'],
      [other, 'POST', '/api/talks/999999/registrations', undefined, 404, 'not_found'],
      [other, 'DELETE', '/api/talks/999999/registrations/mine', undefined, 404, 'not_found'],
      [speaker.session, 'POST', '/api/talks/999999/held', undefined, 404, 'not_found'],
      [resident, 'POST', `/api/talks/${talk.id}/feedback`, { rating: 'five' }, 400, 'validation_failed'],
      [resident, 'POST', `/api/talks/${talk.id}/feedback`, { rating: 3, comment: longText }, 400, 'validation_failed'],
      [resident, 'POST', `/api/talks/${talk.id}/feedback`, { rating: 3 }, 409, 'talk_wrong_state'],
      [resident, 'GET', '/api/me/notifications?before=0', undefined, 400, 'validation_failed'],
    ];
    for (const [session, method, url, payload, status, code] of cases) {
      const response = await ctx().request(session, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
      expect({ method, url, payload, status: response.statusCode, code: response.json().code }).toEqual({ method, url, payload, status, code });
      expect(typeof response.json().message).toBe('string');
    }
    expect(await bookingCounts(ctx())).toEqual(before);
    expect((await requestView(ctx(), resident, order.id)).status).toBe('scheduled');
  });
}, LONG_SESSIONS);
