import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { IdParams } from '../../../src/core/api/common';
import { PostDetail, PostListQuery, PostPage, ReadProgress, ReadReportBody } from '../../../src/core/api/posts';
import { callerOf } from '../../plugins/auth';
import { loadPostDetail } from '../../services/posts/detail';
import { listFeed } from '../../services/posts/feed';
import { loadReadProgress, recordRead } from '../../services/posts/reads';
import { errorResponses } from '../schemas';

/** Sends a body already serialised: Fastify passes a string with a JSON content type on unchanged. */
function sendSerialised(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}

/** 云上微课堂 for residents: the feed, a post, and reading reports for 学习积分. */
const posts: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/posts',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['posts'],
        summary: '微课堂文章列表（分类、搜索、游标分页）',
        querystring: PostListQuery,
        response: { 200: PostPage, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const cached = app.feedCache.get(request.query);
      if (cached) return sendSerialised(reply, cached);
      // The route's own serializer (from the PostPage schema), as Fastify would apply to the object.
      const json = String(reply.serialize(await listFeed(app.db, app.dbEngine, request.query, app.now())));
      app.feedCache.set(request.query, json);
      return sendSerialised(reply, json);
    },
  );

  app.get(
    '/api/posts/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['posts'],
        summary: '文章详情',
        params: IdParams,
        response: { 200: PostDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => loadPostDetail(app.db, request.params.id, app.now()),
  );

  app.get(
    '/api/posts/:id/reads/mine',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['posts'],
        summary: '我对这篇文章的学习进度',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: ReadProgress, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => loadReadProgress(app.db, callerOf(request).userId, request.params.id, app.now()),
  );

  app.post(
    '/api/posts/:id/reads',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['posts'],
        summary: '上报阅读时长（学习记录）',
        security: [{ bearer: [] }],
        params: IdParams,
        body: ReadReportBody,
        response: { 200: ReadProgress, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      recordRead(app.db, app.dbEngine, { ...request.body, userId: callerOf(request).userId, postId: request.params.id }, app.now()),
  );
};

export default posts;
