import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../../src/core/errors';

/** Rate limits. Limits key on the signed-in user, else the address. */
export default fp(
  async (app) => {
    await app.register(rateLimit, {
      max: app.config.rateLimitPerMinute,
      timeWindow: '1 minute',
      // After auth has run, so a signed-in user is limited as themself, not as their NAT.
      hook: 'preHandler',
      keyGenerator: (request) => (request.caller ? `user:${request.caller.userId}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) =>
        new AppError('rate_limited', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
    });
  },
  { name: 'security', dependencies: ['config', 'auth'] },
);
