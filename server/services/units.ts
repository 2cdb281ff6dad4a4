import type { Kysely } from 'kysely';
import { AppError } from '../../src/core/errors';
import type { Database } from '../db/schema';

/** The street's unit id; grants held there cover every community. */
export async function findStreetId(db: Kysely<Database>): Promise<number | null> {
  const street = await db.selectFrom('units').select('id').where('kind', '=', 'street').orderBy('id').executeTakeFirst();
  return street?.id ?? null;
}

/** The street, created on an empty database so roles always have a unit to be held for. */
export async function ensureStreet(db: Kysely<Database>, name: string, now: Date): Promise<number> {
  const existing = await findStreetId(db);
  if (existing !== null) return existing;
  await db
    .insertInto('units')
    .values({ kind: 'street', name, parent_id: null, code: 'street', created_at: now.toISOString() })
    // Another instance starting at the same moment may have created it first.
    .onConflict((conflict) => conflict.column('code').doNothing())
    .execute();
  const id = await findStreetId(db);
  if (id === null) throw new Error('could not create the street unit');
  return id;
}

export async function assertUnitsExist(db: Kysely<Database>, unitIds: readonly number[]): Promise<void> {
  const unique = [...new Set(unitIds)];
  if (unique.length === 0) return;
  const found = await db.selectFrom('units').select('id').where('id', 'in', unique).execute();
  if (found.length !== unique.length) {
    const missing = unique.filter((id) => !found.some((unit) => unit.id === id));
    throw new AppError('validation_failed', { field: 'roles', missingUnitIds: missing }, '所选单位不存在');
  }
}
