import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AuthOptions,
  DevLoginBody,
  PasswordLoginBody,
  RefreshBody,
  Session,
  WechatLoginBody,
} from '../../../src/core/api/auth';
import { AppError } from '../../../src/core/errors';
import { loginAsDemo, loginWithPassword, loginWithWechat } from '../../services/auth/login';
import { endSession, refreshSession, type SessionContext } from '../../services/auth/sessions';
import { listDemoAccounts } from '../../services/users';
import { errorResponses } from '../schemas';

const auth: FastifyPluginAsyncTypebox = async (app) => {
  const sessionContext = (): SessionContext => ({
    db: app.db,
    tokens: app.tokens,
    refreshTtlDays: app.config.refreshTokenTtlDays,
    now: app.now(),
  });
  // Sign-in routes share a tighter limit per address: they are what a guesser would hammer.
  const signIn = {
    auth: 'public' as const,
    rateLimit: { max: app.config.authRateLimitPerMinute, timeWindow: '1 minute' },
  };

  app.get(
    '/api/auth/options',
    { config: { auth: 'public' }, schema: { tags: ['auth'], summary: '登录方式与演示账号', response: { 200: AuthOptions } } },
    async () => ({
      devLogin: app.config.devLogin,
      passwordLogin: true,
      demoAccounts: app.config.devLogin ? await listDemoAccounts(app.db) : [],
    }),
  );

  app.post(
    '/api/auth/wechat',
    {
      config: signIn,
      schema: {
        tags: ['auth'],
        summary: '微信小程序登录',
        body: WechatLoginBody,
        response: { 200: Session, ...errorResponses(400, 403, 429, 502) },
      },
    },
    async (request) => loginWithWechat(sessionContext(), app.wechat, request.body.code, await app.streetId()),
  );

  app.post(
    '/api/auth/password',
    {
      config: signIn,
      schema: {
        tags: ['auth'],
        summary: '工作人员账号密码登录',
        body: PasswordLoginBody,
        response: { 200: Session, ...errorResponses(400, 401, 423, 429) },
      },
    },
    async (request) => loginWithPassword(sessionContext(), request.body.username, request.body.password),
  );

  app.post(
    '/api/auth/dev',
    {
      config: signIn,
      schema: {
        tags: ['auth'],
        summary: '演示登录（仅演示环境开启）',
        body: DevLoginBody,
        response: { 200: Session, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      // Answers as if the route did not exist, so production does not even reveal it.
      if (!app.config.devLogin) throw new AppError('not_found', { path: '/api/auth/dev' });
      return loginAsDemo(sessionContext(), request.body.role, request.body.name, await app.streetId());
    },
  );

  app.post(
    '/api/auth/refresh',
    {
      config: signIn,
      schema: {
        tags: ['auth'],
        summary: '刷新登录',
        body: RefreshBody,
        response: { 200: Session, ...errorResponses(400, 401) },
      },
    },
    async (request) => refreshSession(sessionContext(), request.body.refreshToken),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { auth: 'public' },
      schema: { tags: ['auth'], summary: '退出登录', body: RefreshBody, response: { 204: Type.Null(), ...errorResponses(400) } },
    },
    async (request, reply) => {
      await endSession(sessionContext(), request.body.refreshToken);
      return reply.status(204).send();
    },
  );
};

export default auth;
