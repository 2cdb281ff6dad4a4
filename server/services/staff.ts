import type { Kysely } from 'kysely';
import type { CreateStaffBody } from '../../src/core/api/auth';
import { AppError } from '../../src/core/errors';
import { hasRole, type RoleGrant } from '../../src/core/roles';
import type { Database } from '../db/schema';
import { recordAudit } from './audit';
import { assertStrongPassword } from './auth/password-policy';
import { hashPassword } from './auth/passwords';
import { assertUnitsExist } from './units';
import { createUser, loadMe } from './users';

export interface StaffActor {
  userId: number;
  grants: RoleGrant[];
  streetId: number;
  ip: string;
}

/** An admin creates a staff account that signs in with a username and password. */
export async function createStaffAccount(
  db: Kysely<Database>,
  input: CreateStaffBody,
  actor: StaffActor,
  now: Date,
) {
  // 谁主办谁管理: a community's admin can create staff for that community only.
  const outside = input.roles.filter((grant) => !hasRole(actor.grants, 'admin', grant.unitId, actor.streetId));
  if (outside.length > 0) throw new AppError('forbidden', { unitIds: outside.map((grant) => grant.unitId) });
  const username = input.username.trim().toLowerCase();
  assertStrongPassword(input.password, { username, name: input.name });
  await assertUnitsExist(db, input.roles.map((grant) => grant.unitId));
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken) throw new AppError('username_taken', { field: 'username' });
    const id = await createUser(trx, { name: input.name, username, passwordHash, grants: input.roles }, now);
    await recordAudit(
      trx,
      {
        actorId: actor.userId,
        action: 'staff.created',
        entity: 'user',
        entityId: id,
        after: { username, name: input.name, roles: input.roles },
        ip: actor.ip,
      },
      now,
    );
    return id;
  });
  return loadMe(db, userId);
}
