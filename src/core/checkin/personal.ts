import { base64url, constantTimeEqual, fromBase64url, hmacSha256 } from './bytes';

/**
 * 我的签到码: an attendee's personal code, shown in 我的 and scanned by the organiser, for
 * attendees who cannot scan the screen. Content `ywk-p:<userId>:<issuedDay>:<mac>`, signed by the
 * server with the personal-code key (keys.ts) that never leaves it, so nobody can forge a code
 * for another user. The organiser's phone only parses a scanned code (to show and queue it);
 * verification happens on the server, also for scans synced later.
 */

export const PERSONAL_CODE_PREFIX = 'ywk-p';

/**
 * A code is good on the Shanghai day it was issued and the six days after. The app fetches a new
 * one whenever 我的签到码 is opened online and keeps it, so an attendee whose phone has no
 * network in the community room still has a valid code if the app was online at any time that
 * week, and a family member can print one for an elder without a phone that covers the week's
 * talks. A photographed or forwarded code stops working within the week; the person stands in
 * front of the organiser when it is scanned, and the attendance list marks it as a personal-code
 * check-in. One day would break the offline and printed cases; a month would keep a leaked
 * screenshot alive far longer than it helps anyone. Forging is not made easier by a long life:
 * the key is only on the server.
 */
export const PERSONAL_CODE_VALID_DAYS = 7;

/** Same size and reasoning as the screen's MAC; only the server can check a guess. */
export const PERSONAL_MAC_BYTES = 12;

const DAY_MS = 24 * 3600 * 1000;
// China has kept UTC+8 all year since 1991, so a Shanghai day is a fixed offset from UTC.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

const PERSONAL_CODE_PATTERN = /^ywk-p:([1-9][0-9]{0,14}):([1-9][0-9]{0,7}):([A-Za-z0-9_-]{16})$/;
const MAX_CODE_TEXT_LENGTH = 128;

export interface PersonalCode {
  userId: number;
  /** Shanghai day number of issue: days since 1970-01-01 in Shanghai time. */
  issuedDay: number;
  mac: string;
}

export type PersonalCodeRefusal = 'personal_code_invalid' | 'personal_code_expired';

export type PersonalCodeVerdict =
  | { ok: true; userId: number }
  | { ok: false; code: PersonalCodeRefusal };

/** Days since 1970-01-01 in Shanghai: the number that changes at Shanghai midnight. */
export function shanghaiDayNumber(instantMs: number): number {
  return Math.floor((instantMs + SHANGHAI_OFFSET_MS) / DAY_MS);
}

function personalMac(personalKey: Uint8Array, userId: number, issuedDay: number): Uint8Array {
  return hmacSha256(personalKey, `${userId}.${issuedDay}`).slice(0, PERSONAL_MAC_BYTES);
}

/** The server issues a user's code (GET for 我的签到码); the app draws it as a QR code. */
export function personalCode(personalKey: Uint8Array, userId: number, issuedAtMs: number): string {
  const issuedDay = shanghaiDayNumber(issuedAtMs);
  return `${PERSONAL_CODE_PREFIX}:${userId}:${issuedDay}:${base64url(personalMac(personalKey, userId, issuedDay))}`;
}

/** The first instant a code is no longer accepted (Shanghai midnight after its last day), ISO. */
export function personalCodeExpiresAt(issuedDay: number): string {
  return new Date((issuedDay + PERSONAL_CODE_VALID_DAYS) * DAY_MS - SHANGHAI_OFFSET_MS).toISOString();
}

/** Reads scanned text as a personal code; strict like parseCheckinCode, and never throws. */
export function parsePersonalCode(text: unknown): PersonalCode | null {
  if (typeof text !== 'string' || text.length > MAX_CODE_TEXT_LENGTH) return null;
  const match = PERSONAL_CODE_PATTERN.exec(text);
  if (!match) return null;
  return { userId: Number(match[1]), issuedDay: Number(match[2]), mac: match[3] };
}

/**
 * Verifies a personal code at its scan time. A code dated up to one day ahead is accepted: only
 * the server dates codes, so that can only be an offline scan stamped by an organiser's phone
 * whose clock is a little behind across midnight; further ahead is treated as not ours.
 */
export function verifyPersonalCode(code: PersonalCode, personalKey: Uint8Array, scannedAtMs: number): PersonalCodeVerdict {
  if (!Number.isFinite(scannedAtMs)) throw new RangeError('scannedAtMs must be a finite instant');
  if (!Number.isSafeInteger(code.userId) || !Number.isSafeInteger(code.issuedDay)) {
    return { ok: false, code: 'personal_code_invalid' };
  }
  const mac = typeof code.mac === 'string' ? fromBase64url(code.mac) : null;
  if (!mac || mac.length !== PERSONAL_MAC_BYTES || !constantTimeEqual(mac, personalMac(personalKey, code.userId, code.issuedDay))) {
    return { ok: false, code: 'personal_code_invalid' };
  }
  const scanDay = shanghaiDayNumber(scannedAtMs);
  if (code.issuedDay > scanDay + 1) return { ok: false, code: 'personal_code_invalid' };
  if (scanDay - code.issuedDay >= PERSONAL_CODE_VALID_DAYS) return { ok: false, code: 'personal_code_expired' };
  return { ok: true, userId: code.userId };
}
