import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AdminRequestQuery, CandidateList, DispatchBody, TalkRequestPage, TalkRequestView } from '../../../src/core/api/booking';
import { IdParams } from '../../../src/core/api/common';
import { callerOf } from '../../plugins/auth';
import { listCandidates, listRequestQueue } from '../../services/booking/catalog';
import { dispatchTalkRequest } from '../../services/booking/offers';
import type { StaffActor } from '../../services/staff';
import { errorResponses } from '../schemas';

const DISPATCHERS = { roles: ['dispatcher', 'admin'] } as const;

/** 派单 for staff: the queue, the ranked candidates, and dispatch to a named speaker. */
const adminTalkRequests: FastifyPluginAsyncTypebox = async (app) => {
  const actorOf = async (request: FastifyRequest): Promise<StaffActor> => {
    const caller = callerOf(request);
    return { userId: caller.userId, grants: caller.grants, streetId: await app.streetId(), ip: request.ip };
  };
  const common = { tags: ['admin'], security: [{ bearer: [] }] };

  app.get(
    '/api/admin/talk-requests',
    {
      config: { auth: DISPATCHERS },
      schema: { ...common, summary: '派单队列', querystring: AdminRequestQuery, response: { 200: TalkRequestPage, ...errorResponses(400, 401, 403) } },
    },
    async (request) => listRequestQueue(app.db, request.query, await actorOf(request)),
  );

  app.get(
    '/api/admin/talk-requests/:id/candidates',
    {
      config: { auth: DISPATCHERS },
      schema: { ...common, summary: '候选宣讲员', params: IdParams, response: { 200: CandidateList, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => listCandidates(app.db, request.params.id, await actorOf(request), app.now()),
  );

  app.post(
    '/api/admin/talk-requests/:id/dispatch',
    {
      config: { auth: DISPATCHERS },
      schema: {
        ...common,
        summary: '指定派单',
        params: IdParams,
        body: DispatchBody,
        response: { 200: TalkRequestView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => dispatchTalkRequest(app.db, request.params.id, request.body.speakerId, await actorOf(request), app.now()),
  );
};

export default adminTalkRequests;
