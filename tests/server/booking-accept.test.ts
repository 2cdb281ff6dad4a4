import type { Session } from '../../src/core/api/auth';
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
} from '../support/booking';

describeEachEngine('接单: one winner, clear codes for the losers', (ctx) => {
  let resident: Session;
  let place: Place;

  beforeAll(async () => {
    resident = await ctx().login('resident', '居民周敏');
    place = await addPlace(ctx(), { capacity: 10 });
  });

  it('turns 20 concurrent accepts of one request into exactly one talk', async () => {
    const topicId = await addTopic(ctx());
    const speaker = await addSpeaker(ctx(), '宣讲员并发甲', { topics: [topicId], communities: [place.communityId] });
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place));
    const offer = (await pendingOffer(ctx(), order.id))!;
    expect(offer.speaker_id).toBe(speaker.speakerId);

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => accept(ctx(), speaker.session, offer.id, new Date(Date.parse(order.windows[0].start) + (index % 4) * 5 * MINUTE).toISOString())),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(new Set(responses.filter((response) => response.statusCode !== 200).map((response) => `${response.statusCode} ${response.json().code}`))).toEqual(
      new Set(['409 offer_taken']),
    );
    const talks = await ctx().app.db.selectFrom('talks').select('id').where('request_id', '=', order.id).execute();
    expect(talks).toHaveLength(1);
    expect((await offersOf(ctx(), order.id)).map((entry) => entry.status)).toEqual(['accepted']);
    expect((await requestView(ctx(), resident, order.id)).status).toBe('scheduled');
  });

  it('lets one speaker win only one of two overlapping talks accepted at once', async () => {
    const topicId = await addTopic(ctx());
    const speaker = await addSpeaker(ctx(), '宣讲员并发乙', { topics: [topicId], communities: [place.communityId] });
    const window = windowFrom(ctx(), 72);
    const first = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place, { windows: [window] }));
    const second = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place, { windows: [window] }));
    const offers = [(await pendingOffer(ctx(), first.id))!, (await pendingOffer(ctx(), second.id))!];
    expect(offers.map((offer) => offer.speaker_id)).toEqual([speaker.speakerId, speaker.speakerId]);

    const responses = await Promise.all(offers.map((offer) => accept(ctx(), speaker.session, offer.id, window.start)));
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const loser = responses.find((response) => response.statusCode === 409)!;
    expect(loser.json()).toMatchObject({ code: 'speaker_busy', details: { refusal: 'clash' } });
    const talks = await ctx().app.db.selectFrom('talks').select('id').where('speaker_id', '=', speaker.speakerId).execute();
    expect(talks).toHaveLength(1);
  });

  it('refuses a start outside the requested windows or one it cannot read, changing nothing', async () => {
    const topicId = await addTopic(ctx());
    const speaker = await addSpeaker(ctx(), '宣讲员时段丙', { topics: [topicId], communities: [place.communityId] });
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place, { windows: [windowFrom(ctx(), 100, 2)] }));
    const offer = (await pendingOffer(ctx(), order.id))!;
    const before = await bookingCounts(ctx());
    const tooLate = await accept(ctx(), speaker.session, offer.id, new Date(Date.parse(order.windows[0].end) - 30 * MINUTE).toISOString());
    expect([tooLate.statusCode, tooLate.json().code]).toEqual([400, 'slot_outside_windows']);
    const garbage = await accept(ctx(), speaker.session, offer.id, 'tomorrow');
    expect([garbage.statusCode, garbage.json().code]).toEqual([400, 'validation_failed']);
    expect(await bookingCounts(ctx())).toEqual(before);
    expect((await accept(ctx(), speaker.session, offer.id, order.windows[0].start)).statusCode).toBe(200);
  });

  it('refuses a resident, and a speaker answering another speaker’s offer', async () => {
    const topicId = await addTopic(ctx());
    const asked = await addSpeaker(ctx(), '宣讲员本人丁', { topics: [topicId], communities: [place.communityId], level: 3 });
    const other = await addSpeaker(ctx(), '宣讲员旁人戊', { topics: [topicId], communities: [], level: 1 });
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place));
    const offer = (await pendingOffer(ctx(), order.id))!;
    expect(offer.speaker_id).toBe(asked.speakerId);
    const before = await bookingCounts(ctx());

    const byResident = await accept(ctx(), resident, offer.id, order.windows[0].start);
    expect([byResident.statusCode, byResident.json().code]).toEqual([403, 'forbidden']);
    const byOther = await accept(ctx(), other.session, offer.id, order.windows[0].start);
    expect([byOther.statusCode, byOther.json().code]).toEqual([403, 'offer_not_yours']);
    const declineByOther = await ctx().request(other.session, { method: 'POST', url: `/api/offers/${offer.id}/decline`, payload: { reason: '不是我的' } });
    expect([declineByOther.statusCode, declineByOther.json().code]).toEqual([403, 'offer_not_yours']);
    const unknown = await accept(ctx(), asked.session, 999999, order.windows[0].start);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'not_found']);
    // A speaker role without a speaker record.
    const notRegistered = await ctx().login('speaker', '未登记宣讲员');
    const refused = await accept(ctx(), notRegistered, offer.id, order.windows[0].start);
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'not_a_speaker']);
    expect(await bookingCounts(ctx())).toEqual(before);
  });

  it('refuses an accept after the deadline, even before the sweep has run', async () => {
    const topicId = await addTopic(ctx());
    const speaker = await addSpeaker(ctx(), '宣讲员迟到己', { topics: [topicId], communities: [place.communityId] });
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, place, { windows: [windowFrom(ctx(), 24 * 5)] }));
    const offer = (await pendingOffer(ctx(), order.id))!;
    ctx().clock.advance(25 * HOUR);
    const late = await accept(ctx(), speaker.session, offer.id, order.windows[0].start);
    expect([late.statusCode, late.json().code]).toEqual([409, 'offer_expired']);
    expect(await ctx().app.db.selectFrom('talks').select('id').where('request_id', '=', order.id).execute()).toEqual([]);
  });

  it('holds the venue capacity when residents register at once', async () => {
    const topicId = await addTopic(ctx());
    const small = await addPlace(ctx(), { capacity: 3 });
    const speaker = await addSpeaker(ctx(), '宣讲员容量庚', { topics: [topicId], communities: [small.communityId] });
    const order = await submitOrder(ctx(), resident, orderBody(ctx(), topicId, small));
    const offer = (await pendingOffer(ctx(), order.id))!;
    const talkId = (await accept(ctx(), speaker.session, offer.id, order.windows[0].start)).json().talk.id;
    const people = await Promise.all(Array.from({ length: 8 }, (_, index) => ctx().login('resident', `报名居民${index}`)));
    const responses = await Promise.all(people.map((person) => ctx().request(person, { method: 'POST', url: `/api/talks/${talkId}/registrations` })));
    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(3);
    expect(responses.filter((response) => response.statusCode === 409).map((response) => response.json().code)).toEqual(Array(5).fill('talk_full'));
    const active = await ctx().app.db.selectFrom('registrations').select('id').where('talk_id', '=', talkId).where('cancelled_at', 'is', null).execute();
    expect(active).toHaveLength(3);
  });
}, LONG_SESSIONS);
