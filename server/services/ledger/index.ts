import type { Kysely } from 'kysely';
import type { LedgerExportLink, LedgerQuery, LedgerStats } from '../../../src/core/api/ledger';
import type { Database } from '../../db/schema';
import { recordAudit } from '../audit';
import type { StaffActor } from '../staff';
import { loadLedgerDemand } from './demand';
import { loadLedgerRecords } from './records';
import { ledgerScope } from './scope';
import { ledgerStats } from './stats';
import type { ExportTickets } from './tickets';
import { ledgerWorkbook } from './workbook';

/** Where the workbook is fetched, ticket in hand (server/routes/admin/ledger.ts). */
export const LEDGER_DOWNLOAD_PATH = '/api/admin/exports/attendance.xlsx';

/** 签到台账 at a glance for the page: the year's talks, check-ins, ratings and 点单 over the caller's units. */
export async function loadLedgerStats(db: Kysely<Database>, actor: StaffActor, query: LedgerQuery): Promise<LedgerStats> {
  const scope = await ledgerScope(db, actor, query.unitId);
  const unitIds = scope.units.map((unit) => unit.id);
  const records = await loadLedgerRecords(db, unitIds, query.year);
  return ledgerStats(query.year, scope, records, await loadLedgerDemand(db, unitIds, query.year));
}

/**
 * Asking to export is the staff action, so it is checked and audited here, with the caller's
 * session; the link it answers only lets the same export be fetched for a short while.
 */
export async function requestLedgerExport(
  db: Kysely<Database>,
  tickets: ExportTickets,
  actor: StaffActor,
  query: LedgerQuery,
  now: Date,
): Promise<LedgerExportLink> {
  const scope = await ledgerScope(db, actor, query.unitId);
  await recordAudit(
    db,
    {
      actorId: actor.userId,
      action: 'ledger.exported',
      entity: 'unit',
      entityId: query.unitId ?? null,
      after: { year: query.year, units: scope.units.map((unit) => unit.id) },
      ip: actor.ip,
    },
    now,
  );
  const { ticket, expiresAt } = tickets.issue({ userId: actor.userId, grants: actor.grants, year: query.year, unitId: query.unitId ?? null });
  return { path: `${LEDGER_DOWNLOAD_PATH}?ticket=${encodeURIComponent(ticket)}`, fileName: ledgerFileName(scope.name, query.year), expiresAt: expiresAt.toISOString() };
}

/** The workbook a ticket stands for, built now from the records as they are. */
export async function buildLedgerExport(
  db: Kysely<Database>,
  tickets: ExportTickets,
  ticketText: string,
  streetId: number,
  now: Date,
): Promise<{ fileName: string; body: Buffer }> {
  const ticket = tickets.verify(ticketText);
  const actor: StaffActor = { userId: ticket.userId, grants: ticket.grants, streetId, ip: '' };
  const scope = await ledgerScope(db, actor, ticket.unitId ?? undefined);
  const records = await loadLedgerRecords(db, scope.units.map((unit) => unit.id), ticket.year);
  return { fileName: ledgerFileName(scope.name, ticket.year), body: await ledgerWorkbook(scope.name, ticket.year, records, now) };
}

function ledgerFileName(scopeName: string, year: number): string {
  return `${scopeName}${year}年签到台账.xlsx`;
}
