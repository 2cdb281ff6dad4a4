import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../../src/core/errors';

/**
 * CSP hashes of the inline scripts in the h5 build's index.html (Taro's rem sizing snippet), so
 * those run and nothing else inline does.
 */
function inlineScriptHashes(staticDir: string | undefined): string[] {
  if (!staticDir) return [];
  const index = path.resolve(staticDir, 'index.html');
  if (!fs.existsSync(index)) return [];
  const html = fs.readFileSync(index, 'utf8');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${crypto.createHash('sha256').update(body).digest('base64')}'`,
  );
}

/** Security headers and rate limits. Limits key on the signed-in user, else the address. */
export default fp(
  async (app) => {
    await app.register(helmet, {
      // The h5 app loads its own scripts and styles only; images may come from any https host.
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
          mediaSrc: ["'self'", 'https:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'", ...inlineScriptHashes(app.config.staticDir)],
          connectSrc: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    });
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
