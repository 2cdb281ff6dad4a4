import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateStaffBody, Me } from '../../../src/core/api/auth';
import { callerOf } from '../../plugins/auth';
import { createStaffAccount } from '../../services/staff';
import { errorResponses } from '../schemas';

const staff: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/admin/staff',
    {
      config: { auth: { roles: ['admin'] } },
      schema: {
        tags: ['admin'],
        summary: '新建工作人员账号',
        security: [{ bearer: [] }],
        body: CreateStaffBody,
        response: { 201: Me, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const actor = { userId: caller.userId, grants: caller.grants, streetId: await app.streetId(), ip: request.ip };
      const created = await createStaffAccount(app.db, request.body, actor, app.now());
      return reply.status(201).send(created);
    },
  );
};

export default staff;
