import type { Kysely } from 'kysely';
import { AppError } from '../../../src/core/errors';
import type { Database } from '../../db/schema';

/** Failures allowed before the first lock; each further failure doubles the lock, up to an hour. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 3600;

export function lockSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_SECONDS);
}

function keyOf(username: string): string {
  return username.trim().toLowerCase();
}

export async function assertNotLocked(db: Kysely<Database>, username: string, now: Date): Promise<void> {
  const row = await db
    .selectFrom('login_failures')
    .select('locked_until')
    .where('username', '=', keyOf(username))
    .executeTakeFirst();
  if (row?.locked_until && row.locked_until > now.toISOString()) {
    const retryAfterSeconds = Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000);
    throw new AppError('account_locked', { retryAfterSeconds, lockedUntil: row.locked_until },
      `密码错误次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`);
  }
}

/** Counts a failure (for unknown usernames too, so probing names costs the same). */
export async function recordLoginFailure(db: Kysely<Database>, username: string, now: Date): Promise<number> {
  const key = keyOf(username);
  const at = now.toISOString();
  await db
    .insertInto('login_failures')
    .values({ username: key, failures: 1, locked_until: null, last_failed_at: at })
    .onConflict((conflict) =>
      conflict.column('username').doUpdateSet((eb) => ({
        failures: eb('login_failures.failures', '+', 1),
        last_failed_at: at,
      })),
    )
    .execute();
  const { failures } = await db
    .selectFrom('login_failures')
    .select('failures')
    .where('username', '=', key)
    .executeTakeFirstOrThrow();
  const seconds = lockSeconds(failures);
  if (seconds > 0) {
    await db
      .updateTable('login_failures')
      .set({ locked_until: new Date(now.getTime() + seconds * 1000).toISOString() })
      .where('username', '=', key)
      .execute();
  }
  return failures;
}

export async function clearLoginFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', keyOf(username)).execute();
}
