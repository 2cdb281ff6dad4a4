import { ROLES, type Role } from '../../src/core/roles';
import type { Session } from '../../src/core/api/auth';
import { describeEachEngine } from '../support/app';

/**
 * Walks every /api route the app registered, so a route added later is covered without editing
 * this file: each protected route refuses anonymous callers, and each role-restricted route
 * refuses a caller holding every other role.
 */
describeEachEngine('roles on every route', (ctx) => {
  const sessions = new Map<Role, Session>();

  beforeAll(async () => {
    for (const role of ROLES) sessions.set(role, await ctx().login(role, `只有${role}`));
  });

  const fill = (url: string) => url.replace(/:[A-Za-z]+/g, '1');

  it('declares a policy on every API route, and at least one route per restricted kind', () => {
    const policies = ctx().app.routePolicies;
    expect(policies.length).toBeGreaterThan(5);
    expect(policies.some((route) => typeof route.policy === 'object')).toBe(true);
    expect(policies.some((route) => route.policy === 'user')).toBe(true);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    for (const route of ctx().app.routePolicies.filter((entry) => entry.policy !== 'public')) {
      const response = await ctx().request(null, { method: route.method as 'GET', url: fill(route.url), payload: {} });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode, code: response.json().code }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
        code: 'unauthenticated',
      });
    }
  });

  it('refuses every role a restricted route does not name', async () => {
    for (const route of ctx().app.routePolicies) {
      if (typeof route.policy !== 'object') continue;
      const allowed = route.policy.roles;
      for (const role of ROLES.filter((candidate) => !allowed.includes(candidate))) {
        // Each demo identity also holds 'resident'; a route open to residents is open to all.
        if (allowed.includes('resident')) continue;
        const response = await ctx().request(sessions.get(role)!, { method: route.method as 'GET', url: fill(route.url), payload: {} });
        expect({ route: `${route.method} ${route.url}`, role, status: response.statusCode }).toEqual({
          route: `${route.method} ${route.url}`,
          role,
          status: 403,
        });
        expect(response.json().code).toBe('forbidden');
      }
    }
  });
});
