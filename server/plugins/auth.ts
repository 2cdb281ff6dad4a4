import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../src/core/errors';
import type { Role } from '../../src/core/roles';
import { createTokenService } from '../services/auth/tokens';
import type { AuthPolicy, Caller, RoutePolicy } from '../types';

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : '';
}

function allowedRoles(policy: AuthPolicy): readonly Role[] | null {
  return typeof policy === 'object' ? policy.roles : null;
}

/**
 * The one mechanism for who may call what. Each /api route declares `config.auth`
 * ('public', 'user', or { roles }); a route without one fails at start-up, so none is open by
 * accident. Unit-level checks (an editor of one community) are made by the service with the
 * caller's grants.
 */
export default fp(
  async (app) => {
    app.decorate('tokens', createTokenService(app.config.tokenSecret, app.config.accessTokenTtlSeconds, () => app.now()));
    app.decorateRequest('caller', null);

    const policies: RoutePolicy[] = [];
    app.decorate('routePolicies', policies);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api')) return;
      const policy = (route.config as { auth?: AuthPolicy } | undefined)?.auth;
      if (!policy) throw new Error(`route ${route.method} ${route.url} declares no auth policy`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') policies.push({ method, url: route.url, policy });
      }
    });

    app.addHook('onRequest', async (request) => {
      const policy = request.routeOptions.config.auth;
      if (!policy) return;
      const token = bearerToken(request);
      let caller: Caller | null = null;
      if (token !== null) {
        try {
          caller = app.tokens.verifyAccess(token);
        } catch (error) {
          // A stale token on a public route is ignored; on a protected one it tells the app to refresh.
          if (policy !== 'public') throw error;
        }
      }
      request.caller = caller;
      if (policy === 'public') return;
      if (!caller) throw new AppError('unauthenticated');
      const roles = allowedRoles(policy);
      if (roles && !caller.grants.some((grant) => roles.includes(grant.role))) {
        throw new AppError('forbidden', { requiredRoles: roles });
      }
    });
  },
  { name: 'auth', dependencies: ['config'] },
);

/** The signed-in caller of a route whose policy guarantees one. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError('unauthenticated');
  return request.caller;
}
