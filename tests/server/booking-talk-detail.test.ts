import type { Session } from '../../src/core/api/auth';
import type { TalkDetail } from '../../src/core/api/booking';
import { describeEachEngine } from '../support/app';
import { MINUTE } from '../support/clock';
import {
  LONG_SESSIONS,
  accept,
  addPlace,
  addSpeaker,
  addTopic,
  insertCheckin,
  orderBody,
  pendingOffer,
  submitOrder,
  windowFrom,
  type Place,
  type Speaker,
} from '../support/booking';

describeEachEngine('宣讲详情: one talk and what the viewer may do there', (ctx) => {
  let requester: Session;
  let neighbour: Session;
  let stranger: Session;
  let place: Place;
  let topicId: number;
  let speaker: Speaker;
  // Each test books its own talk a day after the previous one, so the one speaker is always free.
  let nextStartHours = 48;

  beforeAll(async () => {
    requester = await ctx().login('resident', '居民周淑芬');
    neighbour = await ctx().login('resident', '居民吴建华');
    stranger = await ctx().login('resident', '居民郑小梅');
    place = await addPlace(ctx(), { capacity: 2 });
    topicId = await addTopic(ctx(), 60);
    speaker = await addSpeaker(ctx(), '宣讲员何立新', { topics: [topicId], communities: [place.communityId], maxTalksPerWeek: 20 });
  });

  /** A talk ordered by `requester` and accepted by the speaker, starting at the window's start. */
  async function scheduleTalk(): Promise<{ talkId: number; requestId: number; startsAt: string }> {
    const order = await submitOrder(ctx(), requester, orderBody(ctx(), topicId, place, { windows: [windowFrom(ctx(), nextStartHours, 2)] }));
    nextStartHours += 24;
    const offer = await pendingOffer(ctx(), order.id);
    if (!offer) throw new Error('the request was not offered to the speaker');
    const startsAt = order.windows[0].start;
    const accepted = await accept(ctx(), speaker.session, offer.id, startsAt);
    if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`);
    return { talkId: accepted.json().talk.id, requestId: order.id, startsAt };
  }

  const view = (by: Session | null, talkId: number | string) => ctx().request(by, { method: 'GET', url: `/api/talks/${talkId}` });
  async function detail(by: Session, talkId: number): Promise<TalkDetail> {
    const response = await view(by, talkId);
    if (response.statusCode !== 200) throw new Error(`view failed: ${response.body}`);
    return response.json();
  }
  const register = (by: Session, talkId: number) => ctx().request(by, { method: 'POST', url: `/api/talks/${talkId}/registrations` });
  const unregister = (by: Session, talkId: number) => ctx().request(by, { method: 'DELETE', url: `/api/talks/${talkId}/registrations/mine` });
  const rate = (by: Session, talkId: number, payload: object) => ctx().request(by, { method: 'POST', url: `/api/talks/${talkId}/feedback`, payload });

  async function holdTalk(talkId: number, startsAt: string): Promise<void> {
    ctx().clock.set(new Date(Date.parse(startsAt) + 70 * MINUTE).toISOString());
    const held = await ctx().request(speaker.session, { method: 'POST', url: `/api/talks/${talkId}/held` });
    if (held.statusCode !== 200) throw new Error(`held failed: ${held.body}`);
  }

  it('shows the talk with registered and canRegister following 我要参加 and 取消参加', async () => {
    const { talkId, startsAt } = await scheduleTalk();

    const before = await detail(neighbour, talkId);
    expect(before).toMatchObject({
      id: talkId,
      status: 'scheduled',
      startsAt,
      speakerName: '宣讲员何立新',
      capacity: 2,
      registrations: 0,
      heldAt: null,
      registered: false,
      canRegister: true,
      canRate: false,
      myRating: null,
      isRequester: false,
    });
    // The public summary's shape, without the internal ids.
    expect(before).not.toHaveProperty('requestId');
    expect(before).not.toHaveProperty('speakerId');

    expect((await register(neighbour, talkId)).statusCode).toBe(200);
    expect(await detail(neighbour, talkId)).toMatchObject({ registered: true, canRegister: false, registrations: 1 });
    // Someone else's registration is not the viewer's.
    expect(await detail(stranger, talkId)).toMatchObject({ registered: false, canRegister: true, registrations: 1 });

    expect((await unregister(neighbour, talkId)).statusCode).toBe(200);
    expect(await detail(neighbour, talkId)).toMatchObject({ registered: false, canRegister: true, registrations: 0 });
  });

  it('offers no 我要参加 once the talk is full, except that a registered viewer stays registered', async () => {
    const { talkId } = await scheduleTalk();
    expect((await register(requester, talkId)).statusCode).toBe(200);
    expect((await register(neighbour, talkId)).statusCode).toBe(200);

    expect(await detail(stranger, talkId)).toMatchObject({ registrations: 2, capacity: 2, registered: false, canRegister: false });
    expect(await detail(neighbour, talkId)).toMatchObject({ registered: true, canRegister: false });
    expect((await register(stranger, talkId)).json().code).toBe('talk_full');
  });

  it('offers 评单 to the requester once the talk is held, and shows their rating afterwards', async () => {
    const { talkId, startsAt } = await scheduleTalk();
    expect((await register(neighbour, talkId)).statusCode).toBe(200);
    expect(await detail(requester, talkId)).toMatchObject({ isRequester: true, canRate: false, canRegister: true });

    await holdTalk(talkId, startsAt);

    expect(await detail(requester, talkId)).toMatchObject({
      status: 'held',
      heldAt: ctx().clock.now().toISOString(),
      isRequester: true,
      registered: false,
      canRate: true,
      canRegister: false,
      myRating: null,
    });
    expect(await detail(neighbour, talkId)).toMatchObject({ registered: true, canRate: true, canRegister: false });
    expect(await detail(stranger, talkId)).toMatchObject({ isRequester: false, registered: false, canRate: false, myRating: null });

    expect((await rate(requester, talkId, { rating: 4, comment: '讲得通俗易懂' })).statusCode).toBe(201);
    expect(await detail(requester, talkId)).toMatchObject({ myRating: 4, canRate: false, isRequester: true });
    // One person's rating is theirs alone.
    expect(await detail(neighbour, talkId)).toMatchObject({ myRating: null, canRate: true });
    // What the page shows is what the server enforces.
    expect((await rate(stranger, talkId, { rating: 5 })).json().code).toBe('not_attendee');
  });

  it('offers 评单 to someone who checked in without registering', async () => {
    const { talkId, startsAt } = await scheduleTalk();
    await holdTalk(talkId, startsAt);
    expect(await detail(stranger, talkId)).toMatchObject({ canRate: false });
    await insertCheckin(ctx(), talkId, stranger.user.id, startsAt);

    expect(await detail(stranger, talkId)).toMatchObject({ registered: false, canRate: true });
  });

  it('still shows a cancelled talk, with nothing to do there', async () => {
    const { talkId, requestId } = await scheduleTalk();
    expect((await register(neighbour, talkId)).statusCode).toBe(200);
    const cancelled = await ctx().request(requester, { method: 'POST', url: `/api/talk-requests/${requestId}/cancel`, payload: { reason: '场地维修' } });
    expect(cancelled.statusCode).toBe(200);

    expect(await detail(neighbour, talkId)).toMatchObject({ status: 'cancelled', registered: true, canRegister: false, canRate: false });
    expect(await detail(stranger, talkId)).toMatchObject({ status: 'cancelled', canRegister: false });
  });

  it('answers 404 for an unknown talk, 400 for an id that is not one, and the plain talk when signed out', async () => {
    const unknown = await view(neighbour, 987654);
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'not_found']);
    const word = await view(neighbour, 'abc');
    expect([word.statusCode, word.json().code]).toEqual([400, 'validation_failed']);
    expect(word.json().details).toMatchObject({ in: 'params', field: 'id' });
    expect((await view(neighbour, 0)).statusCode).toBe(400);
    const { talkId } = await scheduleTalk();
    const signedOut = await view(null, talkId);
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.json()).toMatchObject({ id: talkId, registered: false, myRating: null, canRate: false, canRegister: true, isRequester: false });
  });
}, LONG_SESSIONS);
