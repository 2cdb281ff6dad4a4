import type { Session } from '../../../src/core/api/auth';
import { AppError } from '../../../src/core/errors';
import type { Role } from '../../../src/core/roles';
import type { WechatClient } from '../../wechat/client';
import { findOrCreateDevUser, findOrCreateWechatUser } from '../users';
import { assertNotLocked, clearLoginFailures, recordLoginFailure } from './login-throttle';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { startSession, type SessionContext } from './sessions';

export async function loginWithPassword(ctx: SessionContext, username: string, password: string): Promise<Session> {
  await assertNotLocked(ctx.db, username, ctx.now);
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  // Verify against a decoy when the name is unknown, so both paths take the same time.
  const ok = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
  if (!user || !user.password_hash || !ok) {
    const failures = await recordLoginFailure(ctx.db, username, ctx.now);
    await assertNotLocked(ctx.db, username, ctx.now);
    throw new AppError('invalid_credentials', { failures });
  }
  await clearLoginFailures(ctx.db, username);
  return startSession(ctx, user.id);
}

export async function loginWithWechat(
  ctx: SessionContext,
  wechat: WechatClient,
  code: string,
  streetId: number,
): Promise<Session> {
  const identity = await wechat.code2Session(code);
  const userId = await findOrCreateWechatUser(ctx.db, identity, streetId, ctx.now);
  return startSession(ctx, userId);
}

export async function loginAsDemo(
  ctx: SessionContext,
  role: Role,
  name: string | undefined,
  streetId: number,
): Promise<Session> {
  const userId = await findOrCreateDevUser(ctx.db, role, name, streetId, ctx.now);
  return startSession(ctx, userId);
}
