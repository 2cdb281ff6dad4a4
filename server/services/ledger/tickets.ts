import crypto from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
import { AppError } from '../../../src/core/errors';
import type { RoleGrant } from '../../../src/core/roles';
import { decodeGrants, encodeGrants } from '../auth/tokens';

/** Long enough to start a download on a slow phone, short enough that a leaked link is soon dead. */
export const EXPORT_TICKET_TTL_SECONDS = 120;

export interface ExportTicket {
  userId: number;
  grants: RoleGrant[];
  year: number;
  unitId: number | null;
}

interface TicketClaims {
  exp: number;
  sub: string;
  year: number;
  unit: number | null;
  grants: [string, number][];
}

export interface ExportTickets {
  issue(ticket: ExportTicket): { ticket: string; expiresAt: Date };
  /** Throws download_link_invalid or download_link_expired. */
  verify(ticket: string): ExportTicket;
}

/**
 * Signed tickets for downloading an export. WeChat's downloadFile and a browser link cannot
 * refresh an expired session or always send our header, so the app asks for a ticket with its
 * session (which is when the export is checked and audited) and downloads with the ticket in the
 * URL. A key of its own, so a ticket is never accepted as a session token or the other way round.
 */
export function createExportTickets(secret: string, now: () => Date): ExportTickets {
  const key = crypto.createHmac('sha256', secret).update('export-ticket').digest();
  const sign = createSigner({ key, algorithm: 'HS256', noTimestamp: true });
  const check = createVerifier({ key, algorithms: ['HS256'], ignoreExpiration: true });
  return {
    issue(ticket) {
      const expiresAt = new Date(now().getTime() + EXPORT_TICKET_TTL_SECONDS * 1000);
      const claims: TicketClaims = {
        exp: Math.floor(expiresAt.getTime() / 1000),
        sub: String(ticket.userId),
        year: ticket.year,
        unit: ticket.unitId,
        grants: encodeGrants(ticket.grants),
      };
      return { ticket: sign(claims), expiresAt };
    },
    verify(text) {
      let claims: TicketClaims;
      try {
        claims = check(text) as TicketClaims;
      } catch {
        throw new AppError('download_link_invalid');
      }
      if (typeof claims.exp !== 'number' || !Number.isInteger(claims.year) || !Array.isArray(claims.grants)) throw new AppError('download_link_invalid');
      if (claims.exp * 1000 <= now().getTime()) throw new AppError('download_link_expired');
      return {
        userId: Number(claims.sub),
        year: claims.year,
        unitId: Number.isInteger(claims.unit) ? claims.unit : null,
        grants: decodeGrants(claims.grants),
      };
    },
  };
}
