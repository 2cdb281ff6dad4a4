import type { Kysely } from 'kysely';
import type { Me } from '../../src/core/api/auth';
import { AppError } from '../../src/core/errors';
import { ROLE_LABELS, ROLES, type Role, type RoleGrant } from '../../src/core/roles';
import type { Database } from '../db/schema';

export async function loadGrants(db: Kysely<Database>, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select(['role', 'unit_id'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ role: row.role as Role, unitId: row.unit_id }));
}

/** 138****5678: we show phone numbers masked, never whole. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

export async function loadMe(db: Kysely<Database>, userId: number): Promise<Me> {
  const user = await db
    .selectFrom('users')
    .leftJoin('units as community', 'community.id', 'users.community_id')
    .select([
      'users.id',
      'users.name',
      'users.phone',
      'users.elder_mode',
      'community.id as communityId',
      'community.name as communityName',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user) throw new AppError('not_found', { userId });
  const grants = await db
    .selectFrom('role_grants')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select(['role_grants.role', 'role_grants.unit_id', 'units.name as unitName', 'units.kind as unitKind'])
    .where('role_grants.user_id', '=', userId)
    .execute();
  const roleOrder = (role: string) => ROLES.indexOf(role as Role);
  return {
    id: user.id,
    name: user.name,
    phone: maskPhone(user.phone),
    elderMode: user.elder_mode === 1,
    community:
      user.communityId !== null && user.communityName !== null
        ? { id: user.communityId, name: user.communityName }
        : null,
    roles: grants
      .map((grant) => ({ role: grant.role as Role, unitId: grant.unit_id, unitName: grant.unitName, unitKind: grant.unitKind }))
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.unitId - b.unitId),
  };
}

export interface NewUser {
  name: string;
  openid?: string;
  unionid?: string | null;
  username?: string;
  passwordHash?: string;
  devIdentity?: string;
  phone?: string | null;
  communityId?: number | null;
  grants: RoleGrant[];
}

/** Creates a user with their role grants; callers run it inside their transaction. */
export async function createUser(db: Kysely<Database>, user: NewUser, now: Date): Promise<number> {
  const at = now.toISOString();
  const created = await db
    .insertInto('users')
    .values({
      name: user.name,
      openid: user.openid ?? null,
      unionid: user.unionid ?? null,
      username: user.username ?? null,
      password_hash: user.passwordHash ?? null,
      dev_identity: user.devIdentity ?? null,
      phone: user.phone ?? null,
      community_id: user.communityId ?? null,
      elder_mode: 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (user.grants.length > 0) {
    await db
      .insertInto('role_grants')
      .values(user.grants.map((grant) => ({ user_id: created.id, role: grant.role, unit_id: grant.unitId, created_at: at })))
      .execute();
  }
  return created.id;
}

/** 小程序登录: the resident behind an openid, created on first sign-in. */
export async function findOrCreateWechatUser(
  db: Kysely<Database>,
  wechat: { openid: string; unionid: string | null },
  streetId: number,
  now: Date,
): Promise<number> {
  const existing = await db.selectFrom('users').select('id').where('openid', '=', wechat.openid).executeTakeFirst();
  if (existing) return existing.id;
  try {
    return await createUser(
      db,
      { name: '微信用户', openid: wechat.openid, unionid: wechat.unionid, grants: [{ role: 'resident', unitId: streetId }] },
      now,
    );
  } catch (error) {
    // Two first logins of one account raced; the other one created the user.
    const raced = await db.selectFrom('users').select('id').where('openid', '=', wechat.openid).executeTakeFirst();
    if (raced) return raced.id;
    throw error;
  }
}

/** The demo identity `role:name`; a name not seen before becomes a new demo user. */
export function devIdentity(role: Role, name: string): string {
  return `${role}:${name}`;
}

/** Demo accounts: users seeded with a dev identity, in role order. */
export async function listDemoAccounts(db: Kysely<Database>): Promise<{ role: Role; name: string; label: string }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'dev_identity'])
    .where('dev_identity', 'is not', null)
    .where('dev_identity', 'not like', 'test:%')
    .orderBy('id')
    .execute();
  return rows
    .map((row) => ({ role: row.dev_identity!.split(':')[0] as Role, name: row.name }))
    .filter((account) => ROLES.includes(account.role))
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role))
    .map((account) => ({ ...account, label: `${ROLE_LABELS[account.role]} · ${account.name}` }));
}

/**
 * The user behind a demo identity. Without a name, the first demo account of that role; with one,
 * that named user, created on first use with the role held for the street.
 */
export async function findOrCreateDevUser(
  db: Kysely<Database>,
  role: Role,
  name: string | undefined,
  streetId: number,
  now: Date,
): Promise<number> {
  const query = db.selectFrom('users').select('id').orderBy('id');
  const existing = name
    ? await query.where('dev_identity', '=', devIdentity(role, name)).executeTakeFirst()
    : await query.where('dev_identity', 'like', `${role}:%`).executeTakeFirst();
  if (existing) return existing.id;
  const displayName = name ?? `演示${ROLE_LABELS[role]}`;
  const grants: RoleGrant[] = [{ role, unitId: streetId }];
  if (role !== 'resident') grants.unshift({ role: 'resident', unitId: streetId });
  try {
    return await createUser(db, { name: displayName, devIdentity: devIdentity(role, displayName), grants }, now);
  } catch (error) {
    const raced = await db
      .selectFrom('users')
      .select('id')
      .where('dev_identity', '=', devIdentity(role, displayName))
      .executeTakeFirst();
    if (raced) return raced.id;
    throw error;
  }
}

export async function updateMe(
  db: Kysely<Database>,
  userId: number,
  changes: { elderMode?: boolean },
  now: Date,
): Promise<Me> {
  if (changes.elderMode !== undefined) {
    await db
      .updateTable('users')
      .set({ elder_mode: changes.elderMode ? 1 : 0, updated_at: now.toISOString() })
      .where('id', '=', userId)
      .execute();
  }
  return loadMe(db, userId);
}
