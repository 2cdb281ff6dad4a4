import type { Kysely } from 'kysely';
import type { Session } from '../../../src/core/api/auth';
import { AppError } from '../../../src/core/errors';
import type { Database } from '../../db/schema';
import { loadGrants, loadMe } from '../users';
import { hashRefreshToken, newRefreshToken, type TokenService } from './tokens';

export interface SessionContext {
  db: Kysely<Database>;
  tokens: TokenService;
  refreshTtlDays: number;
  now: Date;
}

/** Signs a user in: a short-lived access token and a refresh token stored only as its hash. */
export async function startSession(ctx: SessionContext, userId: number): Promise<Session> {
  const refresh = await insertRefreshToken(ctx, userId);
  return sessionFor(ctx, userId, refresh.token);
}

async function sessionFor(ctx: SessionContext, userId: number, refreshToken: string): Promise<Session> {
  const grants = await loadGrants(ctx.db, userId);
  return {
    accessToken: ctx.tokens.issueAccess({ userId, grants }),
    expiresIn: ctx.tokens.accessTtlSeconds,
    refreshToken,
    user: await loadMe(ctx.db, userId),
  };
}

async function insertRefreshToken(ctx: SessionContext, userId: number) {
  const refresh = newRefreshToken();
  const expires = new Date(ctx.now.getTime() + ctx.refreshTtlDays * 24 * 3600 * 1000);
  const row = await ctx.db
    .insertInto('refresh_tokens')
    .values({
      user_id: userId,
      token_hash: refresh.hash,
      expires_at: expires.toISOString(),
      revoked_at: null,
      replaced_by: null,
      created_at: ctx.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token: refresh.token };
}

/**
 * Rotates a refresh token. A token used twice means it was copied: every session of that user
 * ends (OAuth 2.0 Security BCP, refresh token rotation).
 */
export async function refreshSession(ctx: SessionContext, refreshToken: string): Promise<Session> {
  const now = ctx.now.toISOString();
  const rotated = await ctx.db.transaction().execute(async (trx) => {
    const stored = await trx
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', hashRefreshToken(refreshToken))
      .executeTakeFirst();
    if (!stored) throw new AppError('refresh_invalid');
    if (stored.revoked_at !== null) {
      await trx
        .updateTable('refresh_tokens')
        .set({ revoked_at: now })
        .where('user_id', '=', stored.user_id)
        .where('revoked_at', 'is', null)
        .execute();
      return { reused: true as const };
    }
    if (stored.expires_at <= now) throw new AppError('refresh_invalid', { reason: 'expired' });
    const next = await insertRefreshToken({ ...ctx, db: trx }, stored.user_id);
    // The revoked_at guard makes a concurrent second rotation of the same token lose.
    const result = await trx
      .updateTable('refresh_tokens')
      .set({ revoked_at: now, replaced_by: next.id })
      .where('id', '=', stored.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError('refresh_invalid');
    return { reused: false as const, userId: stored.user_id, token: next.token };
  });
  // Thrown after the transaction commits, so the revocation of the user's sessions stands.
  if (rotated.reused) throw new AppError('refresh_invalid', { reason: 'reused' });
  return sessionFor(ctx, rotated.userId, rotated.token);
}

/** Signs out: the refresh token stops working; the access token expires on its own. */
export async function endSession(ctx: SessionContext, refreshToken: string): Promise<void> {
  await ctx.db
    .updateTable('refresh_tokens')
    .set({ revoked_at: ctx.now.toISOString() })
    .where('token_hash', '=', hashRefreshToken(refreshToken))
    .where('revoked_at', 'is', null)
    .execute();
}
