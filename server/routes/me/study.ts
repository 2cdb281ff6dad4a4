import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { StudyRecord, StudyRecordQuery } from '../../../src/core/api/posts';
import { callerOf } from '../../plugins/auth';
import { loadStudyRecord } from '../../services/posts/study-record';
import { errorResponses } from '../schemas';

const study: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me/study',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['me'],
        summary: '我的学习记录与学习积分',
        security: [{ bearer: [] }],
        querystring: StudyRecordQuery,
        response: { 200: StudyRecord, ...errorResponses(400, 401) },
      },
    },
    async (request) => loadStudyRecord(app.db, callerOf(request).userId, request.query, app.now()),
  );
};

export default study;
