import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../../src/core/api/common';
import {
  PostDraftBody,
  PostEditBody,
  ReviewBody,
  StaffPost,
  StaffPostListQuery,
  StaffPostPage,
  UnpublishBody,
} from '../../../src/core/api/posts';
import { callerOf } from '../../plugins/auth';
import { createDraft, editPost, submitPost } from '../../services/posts/drafts';
import { reviewPost, unpublishPost } from '../../services/posts/review';
import { listStaffPosts, STAFF_VIEWER_ROLES, viewStaffPost } from '../../services/posts/staff-posts';
import type { StaffActor } from '../../services/staff';
import { errorResponses } from '../schemas';

const EDITORS = { roles: ['editor'] } as const;
const REVIEWERS = { roles: ['reviewer', 'approver'] } as const;
const UNPUBLISHERS = { roles: ['approver', 'admin'] } as const;
const VIEWERS = { roles: STAFF_VIEWER_ROLES };

/**
 * 三审三校 for staff. The route admits a role held anywhere; the service checks it is held for the
 * post's unit (谁主办谁管理) and asks the rules in src/core whether this step is allowed.
 */
const adminPosts: FastifyPluginAsyncTypebox = async (app) => {
  const actorOf = async (request: FastifyRequest): Promise<StaffActor> => {
    const caller = callerOf(request);
    return { userId: caller.userId, grants: caller.grants, streetId: await app.streetId(), ip: request.ip };
  };
  const common = { tags: ['admin'], security: [{ bearer: [] }] };

  app.get(
    '/api/admin/posts',
    {
      config: { auth: VIEWERS },
      schema: {
        ...common,
        summary: '我的稿件 / 待我审核',
        querystring: StaffPostListQuery,
        response: { 200: StaffPostPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => listStaffPosts(app.db, request.query, await actorOf(request)),
  );

  app.post(
    '/api/admin/posts',
    {
      config: { auth: EDITORS },
      schema: {
        ...common,
        summary: '新建文章草稿',
        body: PostDraftBody,
        response: { 201: StaffPost, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const post = await createDraft(app.db, request.body, await actorOf(request), app.now());
      return reply.status(201).send(post);
    },
  );

  app.get(
    '/api/admin/posts/:id',
    {
      config: { auth: VIEWERS },
      schema: {
        ...common,
        summary: '文章（工作人员视图，含审核记录）',
        params: IdParams,
        response: { 200: StaffPost, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => viewStaffPost(app.db, request.params.id, await actorOf(request)),
  );

  // PUT too: wx.request cannot send PATCH, so the mini-program sends its partial edits as PUT.
  app.route({
    method: ['PATCH', 'PUT'],
    url: '/api/admin/posts/:id',
    config: { auth: EDITORS },
    schema: {
      ...common,
      summary: '修改文章（生成新版本，重新送审）',
      params: IdParams,
      body: PostEditBody,
      response: { 200: StaffPost, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (request) => editPost(app.db, request.params.id, request.body, await actorOf(request), app.now()),
  });

  app.post(
    '/api/admin/posts/:id/submit',
    {
      config: { auth: EDITORS },
      schema: {
        ...common,
        summary: '提交审核（送初审）',
        params: IdParams,
        response: { 200: StaffPost, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => submitPost(app.db, request.params.id, await actorOf(request), app.now()),
  );

  app.post(
    '/api/admin/posts/:id/review',
    {
      config: { auth: REVIEWERS },
      schema: {
        ...common,
        summary: '审核（初审、复审、终审：通过或退回）',
        params: IdParams,
        body: ReviewBody,
        response: { 200: StaffPost, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const post = await reviewPost(app.db, request.params.id, request.body, await actorOf(request), app.now());
      if (post.status === 'published') app.feedCache.clear();
      return post;
    },
  );

  app.post(
    '/api/admin/posts/:id/unpublish',
    {
      config: { auth: UNPUBLISHERS },
      schema: {
        ...common,
        summary: '撤回已发布文章',
        params: IdParams,
        body: UnpublishBody,
        response: { 200: StaffPost, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const post = await unpublishPost(app.db, request.params.id, request.body, await actorOf(request), app.now());
      app.feedCache.clear();
      return post;
    },
  );
};

export default adminPosts;
