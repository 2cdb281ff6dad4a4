import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  AcceptBody,
  AcceptResult,
  CancelBody,
  CommunityList,
  DeclineBody,
  FeedbackBody,
  FeedbackResult,
  IdPageQuery,
  NotificationPage,
  OfferResult,
  RegistrationResult,
  SpeakerOfferList,
  SpeakerProfile,
  SpeakerProfileBody,
  SpeakerTalkList,
  TalkCalendar,
  TalkCalendarQuery,
  TalkDetail,
  TalkRequestBody,
  TalkRequestPage,
  TalkRequestView,
  TalkSummary,
  TopicList,
} from '../../../src/core/api/booking';
import { IdParams } from '../../../src/core/api/common';
import { callerOf } from '../../plugins/auth';
import { acceptOffer } from '../../services/booking/accept';
import { listCommunities, listMyRequests, listTopics } from '../../services/booking/catalog';
import { cancelTalkRequest, declineOffer, submitTalkRequest, viewTalkRequest } from '../../services/booking/offers';
import { listSpeakerOffers, loadSpeakerProfile, speakerOf, updateSpeakerProfile } from '../../services/booking/speaker';
import { viewTalk } from '../../services/booking/talk-detail';
import { cancelRegistration, listSpeakerTalks, listTalkCalendar, markTalkHeld, rateTalk, registerForTalk } from '../../services/booking/talks';
import { listNotifications } from '../../services/notifications';
import type { StaffActor } from '../../services/staff';
import { errorResponses } from '../schemas';

const SPEAKERS = { roles: ['speaker'] } as const;

/** 百姓点单 for residents and speakers: 宣讲菜单, 点单, 接单, the talk calendar and 评单. */
const bookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const actorOf = async (request: FastifyRequest): Promise<StaffActor> => {
    const caller = callerOf(request);
    return { userId: caller.userId, grants: caller.grants, streetId: await app.streetId(), ip: request.ip };
  };
  const mySpeakerId = (request: FastifyRequest) => speakerOf(app.db, callerOf(request).userId);
  const tags = { tags: ['booking'] };
  const secured = { tags: ['booking'], security: [{ bearer: [] }] };

  app.get(
    '/api/topics',
    { config: { auth: 'public' }, schema: { ...tags, summary: '宣讲菜单', response: { 200: TopicList } } },
    async () => listTopics(app.db),
  );

  app.get(
    '/api/communities',
    { config: { auth: 'public' }, schema: { ...tags, summary: '社区与场地', response: { 200: CommunityList } } },
    async () => listCommunities(app.db),
  );

  app.post(
    '/api/talk-requests',
    {
      config: { auth: 'user' },
      schema: { ...secured, summary: '点单', body: TalkRequestBody, response: { 201: TalkRequestView, ...errorResponses(400, 401, 409) } },
    },
    async (request, reply) => reply.status(201).send(await submitTalkRequest(app.db, callerOf(request).userId, request.body, app.now())),
  );

  app.get(
    '/api/talk-requests/mine',
    {
      config: { auth: 'user' },
      schema: { ...secured, summary: '我的点单', querystring: IdPageQuery, response: { 200: TalkRequestPage, ...errorResponses(400, 401) } },
    },
    async (request) => listMyRequests(app.db, callerOf(request).userId, request.query),
  );

  app.get(
    '/api/talk-requests/:id',
    {
      config: { auth: 'user' },
      schema: { ...secured, summary: '点单详情', params: IdParams, response: { 200: TalkRequestView, ...errorResponses(400, 401, 404) } },
    },
    async (request) => viewTalkRequest(app.db, request.params.id, await actorOf(request)),
  );

  app.post(
    '/api/talk-requests/:id/cancel',
    {
      config: { auth: 'user' },
      schema: {
        ...secured,
        summary: '取消点单',
        params: IdParams,
        body: CancelBody,
        response: { 200: TalkRequestView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelTalkRequest(app.db, request.params.id, request.body.reason, await actorOf(request), app.now()),
  );

  app.get(
    '/api/speaker/offers',
    { config: { auth: SPEAKERS }, schema: { ...secured, summary: '待接的单', response: { 200: SpeakerOfferList, ...errorResponses(401, 403) } } },
    async (request) => listSpeakerOffers(app.db, await mySpeakerId(request), app.now()),
  );

  app.post(
    '/api/offers/:id/accept',
    {
      config: { auth: SPEAKERS },
      schema: {
        ...secured,
        summary: '接单',
        params: IdParams,
        body: AcceptBody,
        response: { 200: AcceptResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => acceptOffer(app.db, app.dbEngine, request.params.id, await mySpeakerId(request), request.body.startsAt, app.now()),
  );

  app.post(
    '/api/offers/:id/decline',
    {
      config: { auth: SPEAKERS },
      schema: {
        ...secured,
        summary: '婉拒',
        params: IdParams,
        body: DeclineBody,
        response: { 200: OfferResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => declineOffer(app.db, request.params.id, await mySpeakerId(request), request.body.reason, app.now()),
  );

  app.get(
    '/api/speaker/talks',
    { config: { auth: SPEAKERS }, schema: { ...secured, summary: '我的宣讲', response: { 200: SpeakerTalkList, ...errorResponses(401, 403) } } },
    async (request) => listSpeakerTalks(app.db, await mySpeakerId(request), app.now()),
  );

  app.get(
    '/api/speaker/profile',
    { config: { auth: SPEAKERS }, schema: { ...secured, summary: '宣讲员资料', response: { 200: SpeakerProfile, ...errorResponses(401, 403) } } },
    async (request) => loadSpeakerProfile(app.db, await mySpeakerId(request)),
  );

  app.put(
    '/api/speaker/profile',
    {
      config: { auth: SPEAKERS },
      schema: { ...secured, summary: '修改宣讲员资料', body: SpeakerProfileBody, response: { 200: SpeakerProfile, ...errorResponses(400, 401, 403) } },
    },
    async (request) => updateSpeakerProfile(app.db, await mySpeakerId(request), request.body, app.now()),
  );

  app.get(
    '/api/talks',
    {
      config: { auth: 'public' },
      schema: { ...tags, summary: '宣讲日历', querystring: TalkCalendarQuery, response: { 200: TalkCalendar, ...errorResponses(400) } },
    },
    async (request) => listTalkCalendar(app.db, request.query, app.now()),
  );

  // Public like the calendar it is opened from; a signed-in viewer also learns what they may do
  // there (我要参加, 评单), since the auth plugin reads a token on public routes when one is sent.
  app.get(
    '/api/talks/:id',
    {
      config: { auth: 'public' },
      schema: { ...tags, summary: '宣讲详情', params: IdParams, response: { 200: TalkDetail, ...errorResponses(400, 404) } },
    },
    async (request) => viewTalk(app.db, request.params.id, request.caller?.userId ?? null, app.now()),
  );

  app.post(
    '/api/talks/:id/registrations',
    {
      config: { auth: 'user' },
      schema: { ...secured, summary: '我要参加', params: IdParams, response: { 200: RegistrationResult, ...errorResponses(400, 401, 404, 409) } },
    },
    async (request) => registerForTalk(app.db, app.dbEngine, request.params.id, callerOf(request).userId, app.now()),
  );

  app.delete(
    '/api/talks/:id/registrations/mine',
    {
      config: { auth: 'user' },
      schema: { ...secured, summary: '取消参加', params: IdParams, response: { 200: RegistrationResult, ...errorResponses(400, 401, 404) } },
    },
    async (request) => cancelRegistration(app.db, request.params.id, callerOf(request).userId, app.now()),
  );

  app.post(
    '/api/talks/:id/held',
    {
      config: { auth: 'user' },
      schema: { ...secured, summary: '标记已举办', params: IdParams, response: { 200: TalkSummary, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => markTalkHeld(app.db, request.params.id, await actorOf(request), app.now()),
  );

  app.post(
    '/api/talks/:id/feedback',
    {
      config: { auth: 'user' },
      schema: {
        ...secured,
        summary: '评单',
        params: IdParams,
        body: FeedbackBody,
        response: { 201: FeedbackResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await rateTalk(app.db, request.params.id, callerOf(request).userId, request.body, app.now())),
  );

  app.get(
    '/api/me/notifications',
    {
      config: { auth: 'user' },
      schema: { ...secured, summary: '我的消息', querystring: IdPageQuery, response: { 200: NotificationPage, ...errorResponses(400, 401) } },
    },
    async (request) => listNotifications(app.db, callerOf(request).userId, request.query),
  );
};

export default bookingRoutes;
