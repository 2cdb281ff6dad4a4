import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Me, UpdateMeBody } from '../../../src/core/api/auth';
import { callerOf } from '../../plugins/auth';
import { loadMe, updateMe } from '../../services/users';
import { errorResponses } from '../schemas';

const me: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me',
    {
      config: { auth: 'user' },
      schema: { tags: ['me'], summary: '当前用户', security: [{ bearer: [] }], response: { 200: Me, ...errorResponses(401) } },
    },
    async (request) => loadMe(app.db, callerOf(request).userId),
  );

  // PUT too: wx.request cannot send PATCH, so the mini-program sends its partial updates as PUT.
  app.route({
    method: ['PATCH', 'PUT'],
    url: '/api/me',
    config: { auth: 'user' },
    schema: {
      tags: ['me'],
      summary: '修改个人设置（长辈模式）',
      security: [{ bearer: [] }],
      body: UpdateMeBody,
      response: { 200: Me, ...errorResponses(400, 401) },
    },
    handler: async (request) => updateMe(app.db, callerOf(request).userId, request.body, app.now()),
  });
};

export default me;
