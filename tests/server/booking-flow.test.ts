import type { Session } from '../../src/core/api/auth';
import type { AcceptResult, SpeakerOfferList, SpeakerTalkList, TalkCalendar, TopicList } from '../../src/core/api/booking';
import { describeEachEngine } from '../support/app';
import { HOUR, MINUTE } from '../support/clock';
import { LONG_SESSIONS, accept, insertCheckin, addPlace, addSpeaker, addTopic, orderBody, pendingOffer, requestView, submitOrder, type Place, type Speaker } from '../support/booking';

describeEachEngine('百姓点单: 点单 → 派单 → 接单 → 举办 → 评单', (ctx) => {
  let resident: Session;
  let neighbour: Session;
  let stranger: Session;
  let topicId: number;
  let place: Place;
  let local: Speaker;
  let distant: Speaker;

  beforeAll(async () => {
    resident = await ctx().login('resident', '居民王秀英');
    neighbour = await ctx().login('resident', '居民李大伟');
    stranger = await ctx().login('resident', '居民赵小红');
    topicId = await addTopic(ctx(), 60);
    place = await addPlace(ctx(), { capacity: 2 });
    const elsewhere = await addPlace(ctx(), { lat: 22.9, lng: 114.56 });
    local = await addSpeaker(ctx(), '宣讲员陈志强', { topics: [topicId], communities: [place.communityId], level: 3 });
    distant = await addSpeaker(ctx(), '宣讲员孙丽', { topics: [topicId], communities: [elsewhere.communityId], level: 1 });
  });

  it('lists the 宣讲菜单 with how many active speakers offer each topic, and the places to order for', async () => {
    const topics: TopicList = (await ctx().request(null, { method: 'GET', url: '/api/topics' })).json();
    expect(topics.topics.find((topic) => topic.id === topicId)).toMatchObject({ durationMin: 60, speakerCount: 2, audience: ['residents'] });
    const communities = (await ctx().request(null, { method: 'GET', url: '/api/communities' })).json();
    const community = communities.communities.find((entry: { id: number }) => entry.id === place.communityId);
    expect(community.venues).toEqual([expect.objectContaining({ id: place.venueId, capacity: 2 })]);
  });

  it('takes a request from order to rating, telling each person at each step', async () => {
    const body = orderBody(ctx(), topicId, place, { note: '希望讲讲身边的变化' });
    const order = await submitOrder(ctx(), resident, body);
    expect(order).toMatchObject({ status: 'offered', step: 1, statusLabel: '已派单', note: '希望讲讲身边的变化', talk: null });
    expect(order.timeline.map((entry) => entry.event)).toEqual(['submitted', 'offered']);
    expect(order.timeline[1].text).toBe('已派单给宣讲员陈志强');

    // The same-community expert is asked first, with a 24-hour deadline.
    const inbox: SpeakerOfferList = (await ctx().request(local.session, { method: 'GET', url: '/api/speaker/offers' })).json();
    expect(inbox.pending).toHaveLength(1);
    const offer = inbox.pending[0];
    expect(offer).toMatchObject({ requestId: order.id, durationMin: 60, audienceSize: 30, windows: body.windows, status: 'pending' });
    expect(offer.deadlineAt).toBe(new Date(ctx().clock.now().getTime() + 24 * HOUR).toISOString());
    expect(offer.reasons).toContain('同社区');
    expect((await ctx().request(distant.session, { method: 'GET', url: '/api/speaker/offers' })).json().pending).toEqual([]);

    // The speaker the request was offered to may see it; another resident may not.
    expect((await ctx().request(local.session, { method: 'GET', url: `/api/talk-requests/${order.id}` })).statusCode).toBe(200);
    expect((await ctx().request(stranger, { method: 'GET', url: `/api/talk-requests/${order.id}` })).statusCode).toBe(404);

    ctx().clock.advance(10 * MINUTE);
    const startsAt = new Date(Date.parse(body.windows[0].start) + 30 * MINUTE).toISOString();
    const accepted = await accept(ctx(), local.session, offer.id, startsAt);
    expect(accepted.statusCode).toBe(200);
    const result: AcceptResult = accepted.json();
    expect(result.talk).toMatchObject({
      status: 'scheduled',
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 60 * MINUTE).toISOString(),
      speakerName: '宣讲员陈志强',
      capacity: 2,
      registrations: 0,
    });
    const talkId = result.talk.id;
    const secret = await ctx().app.db.selectFrom('talks').select('checkin_secret').where('id', '=', talkId).executeTakeFirstOrThrow();
    expect(secret.checkin_secret.length).toBeGreaterThanOrEqual(32);

    const scheduled = await requestView(ctx(), resident, order.id);
    expect(scheduled).toMatchObject({ status: 'scheduled', statusLabel: '已安排', step: 3 });
    expect(scheduled.timeline.map((entry) => entry.event)).toEqual(['submitted', 'offered', 'accepted', 'scheduled']);
    const notes = (await ctx().request(resident, { method: 'GET', url: '/api/me/notifications' })).json();
    expect(notes.items[0]).toMatchObject({ kind: 'talk_request.scheduled', payload: { requestId: order.id, talkId, startsAt } });
    const mine = (await ctx().request(resident, { method: 'GET', url: '/api/talk-requests/mine' })).json();
    expect(mine.items.map((item: { id: number }) => item.id)).toContain(order.id);

    // The public calendar shows it; residents register up to the venue's capacity.
    const calendar: TalkCalendar = (await ctx().request(null, { method: 'GET', url: `/api/talks?community=${place.communityId}` })).json();
    expect(calendar.talks.map((talk) => talk.id)).toEqual([talkId]);
    const register = (by: Session) => ctx().request(by, { method: 'POST', url: `/api/talks/${talkId}/registrations` });
    expect((await register(neighbour)).json()).toMatchObject({ registered: true, registrations: 1 });
    expect((await register(neighbour)).json()).toMatchObject({ registered: true, registrations: 1 });
    expect((await register(resident)).json()).toMatchObject({ registrations: 2 });
    const full = await register(stranger);
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('talk_full');
    expect((await ctx().request(resident, { method: 'DELETE', url: `/api/talks/${talkId}/registrations/mine` })).json()).toMatchObject({
      registered: false,
      registrations: 1,
    });
    const talks: SpeakerTalkList = (await ctx().request(local.session, { method: 'GET', url: '/api/speaker/talks' })).json();
    expect(talks.upcoming).toEqual([expect.objectContaining({ id: talkId, registrations: 1, venueName: expect.any(String) })]);

    // Rating waits for the talk to be held; held waits for the start.
    const rate = (by: Session, payload: object) => ctx().request(by, { method: 'POST', url: `/api/talks/${talkId}/feedback`, payload });
    expect((await rate(resident, { rating: 5 })).json().code).toBe('talk_wrong_state');
    const early = await ctx().request(local.session, { method: 'POST', url: `/api/talks/${talkId}/held` });
    expect([early.statusCode, early.json().code]).toEqual([409, 'talk_not_started']);
    ctx().clock.set(new Date(Date.parse(startsAt) + 70 * MINUTE).toISOString());
    const byResident = await ctx().request(neighbour, { method: 'POST', url: `/api/talks/${talkId}/held` });
    expect(byResident.statusCode).toBe(403);
    const held = await ctx().request(local.session, { method: 'POST', url: `/api/talks/${talkId}/held` });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', heldAt: ctx().clock.now().toISOString() });
    expect((await requestView(ctx(), resident, order.id)).status).toBe('held');

    // 评单: attendees and the requester, once each, 1–5.
    expect((await rate(neighbour, { rating: 6 })).statusCode).toBe(400);
    expect((await rate(neighbour, { rating: 0 })).statusCode).toBe(400);
    expect((await rate(neighbour, { rating: 5, comment: '讲得很实在' })).json()).toEqual({ talkId, rating: 5, requestStatus: null });
    const again = await rate(neighbour, { rating: 4 });
    expect([again.statusCode, again.json().code]).toEqual([409, 'already_rated']);
    const outsider = await rate(stranger, { rating: 5 });
    expect([outsider.statusCode, outsider.json().code]).toEqual([403, 'not_attendee']);
    expect((await rate(resident, { rating: 4 })).json()).toEqual({ talkId, rating: 4, requestStatus: 'rated' });

    const rated = await requestView(ctx(), resident, order.id);
    expect(rated).toMatchObject({ status: 'rated', step: 5, statusLabel: '已评价' });
    expect(rated.timeline.map((entry) => entry.event)).toEqual(['submitted', 'offered', 'accepted', 'scheduled', 'held', 'rated']);
    const feedback = await ctx().app.db.selectFrom('feedback').select(['user_id', 'rating']).where('talk_id', '=', talkId).orderBy('id').execute();
    expect(feedback).toEqual([
      { user_id: neighbour.user.id, rating: 5 },
      { user_id: resident.user.id, rating: 4 },
    ]);
  });

  it('lets someone who checked in rate the talk, as well as those who registered', async () => {
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place));
    const offer = (await pendingOffer(ctx(), order.id))!;
    const speaker = offer.speaker_id === local.speakerId ? local : distant;
    const startsAt = order.windows[0].start;
    const talkId = (await accept(ctx(), speaker.session, offer.id, startsAt)).json().talk.id;
    ctx().clock.set(new Date(Date.parse(startsAt) + 61 * MINUTE).toISOString());
    expect((await ctx().request(speaker.session, { method: 'POST', url: `/api/talks/${talkId}/held` })).statusCode).toBe(200);
    await insertCheckin(ctx(), talkId, stranger.user.id, startsAt);
    const rated = await ctx().request(stranger, { method: 'POST', url: `/api/talks/${talkId}/feedback`, payload: { rating: 5 } });
    expect(rated.statusCode).toBe(201);
  });
}, LONG_SESSIONS);
