import type { Kysely } from 'kysely';
import { AppError } from '../../../src/core/errors';
import { hasRole, LEDGER_ROLES } from '../../../src/core/roles';
import type { Database } from '../../db/schema';
import type { StaffActor } from '../staff';

export interface LedgerUnitRef {
  id: number;
  name: string;
  kind: 'street' | 'community';
}

export interface LedgerScope {
  /** The units the 台账 covers, the street first. */
  units: LedgerUnitRef[];
  /** The units the caller may choose among. */
  choices: LedgerUnitRef[];
  /** What the 台账 is titled with: the street's name, or the one unit asked for. */
  name: string;
}

/**
 * The units a staff member's 台账 covers: every unit for a street-level grant, otherwise the
 * communities they hold a ledger role for; narrowed to `unitId` when given, which must be one
 * of them. An unknown unit is not told apart from another unit's: both are refused alike.
 */
export async function ledgerScope(db: Kysely<Database>, actor: StaffActor, unitId: number | undefined): Promise<LedgerScope> {
  const all = await db.selectFrom('units').select(['id', 'name', 'kind']).orderBy('id').execute();
  const streetFirst = [...all.filter((unit) => unit.kind === 'street'), ...all.filter((unit) => unit.kind === 'community')];
  const choices = streetFirst.filter((unit) => LEDGER_ROLES.some((role) => hasRole(actor.grants, role, unit.id, actor.streetId)));
  if (choices.length === 0) throw new AppError('forbidden', { requiredRoles: LEDGER_ROLES });
  if (unitId === undefined) {
    const street = choices.find((unit) => unit.kind === 'street');
    return { units: choices, choices, name: street?.name ?? choices.map((unit) => unit.name).join('、') };
  }
  const chosen = choices.find((unit) => unit.id === unitId);
  if (!chosen) throw new AppError('forbidden', { unitId });
  return { units: [chosen], choices, name: chosen.name };
}
