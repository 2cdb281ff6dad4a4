import crypto from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import { AppError } from '../../../src/core/errors';
import { isRole, type RoleGrant } from '../../../src/core/roles';
import type { Caller } from '../../types';

interface AccessClaims {
  exp: number;
  sub: string;
  /** Grants as [role, unitId] pairs. Carried in the token so routes need no lookup; a change
   *  of roles takes effect within one access-token lifetime. */
  grants: [string, number][];
}

export interface TokenService {
  issueAccess(caller: Caller): string;
  /** Throws token_expired or invalid_token. */
  verifyAccess(token: string): Caller;
  accessTtlSeconds: number;
}

export function createTokenService(secret: string, accessTtlSeconds: number, now: () => Date): TokenService {
  // A key of its own for sessions, so the check-in code key derived from the same secret differs.
  const key = crypto.createHmac('sha256', secret).update('session-token').digest();
  // iat/exp are set and checked here against the app's clock, which tests control.
  const sign = createSigner({ key, algorithm: 'HS256', noTimestamp: true });
  const verify = createVerifier({ key, algorithms: ['HS256'], ignoreExpiration: true });
  return {
    accessTtlSeconds,
    issueAccess(caller) {
      const claims: AccessClaims = {
        exp: Math.floor(now().getTime() / 1000) + accessTtlSeconds,
        sub: String(caller.userId),
        grants: encodeGrants(caller.grants),
      };
      return sign(claims);
    },
    verifyAccess(token) {
      let claims: AccessClaims;
      try {
        claims = verify(token) as AccessClaims;
      } catch {
        throw new AppError('invalid_token');
      }
      if (typeof claims.exp !== 'number') throw new AppError('invalid_token');
      if (claims.exp * 1000 <= now().getTime()) throw new AppError('token_expired');
      const userId = Number(claims.sub);
      if (!Number.isInteger(userId) || !Array.isArray(claims.grants)) throw new AppError('invalid_token');
      return { userId, grants: decodeGrants(claims.grants) };
    },
  };
}

/** Grants as signed claims carry them: [role, unitId] pairs. */
export function encodeGrants(grants: readonly RoleGrant[]): [string, number][] {
  return grants.map((grant) => [grant.role, grant.unitId]);
}

/** The grants back from claims, dropping any pair that is not a known role and a unit id. */
export function decodeGrants(pairs: [string, number][]): RoleGrant[] {
  return pairs.filter(([role, unitId]) => isRole(role) && Number.isInteger(unitId)).map(([role, unitId]) => ({ role: role as RoleGrant['role'], unitId }));
}

/** A refresh token: random, opaque; only its SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
