import { base64url, constantTimeEqual, fromBase64url, hmacSha256 } from './bytes';

/**
 * The rotating check-in code on the organiser's screen. Its content is a URL,
 * `https://<host>/c/<talkId>/<window>/<mac>`, so one code works scanned in the app
 * (Taro.scanCode), by the WeChat camera (URL-prefix rule) and in a browser (h5).
 * The server and the organiser's phone both compute it from the talk's key (keys.ts).
 */

/** The code changes every 20 s: a photo of the screen is useless a few seconds after it is taken. */
export const CHECKIN_ROTATION_SECONDS = 20;
export const CHECKIN_ROTATION_MS = CHECKIN_ROTATION_SECONDS * 1000;

/**
 * 12 bytes (96 bits) of the HMAC, 16 base64url characters. Forging is an online guess the server
 * answers: at a million guesses a second against a code that lives 40 s, success is about
 * 4·10^7 / 2^96 ≈ 5·10^-22, and the rate limit keeps the real rate many orders lower; 8 bytes
 * would already do. The other side is QR density: with a typical host the URL is about 60
 * characters, which fits version 4 (33×33 modules) at error correction M; a 16-byte MAC (22
 * characters) pushes it to version 5, and each version adds 4 modules across the same screen
 * width, i.e. smaller modules for a camera 2 m away. 12 is a multiple of 3, so the text has no
 * padding and no spare bits: each of the 16 characters is significant and every MAC has exactly
 * one spelling.
 */
export const CHECKIN_MAC_BYTES = 12;
export const CHECKIN_MAC_CHARS = 16;

/**
 * How far ahead of the server's clock the window on the screen may be. The screen is ahead when
 * the organiser's phone clock is fast (or, for an offline scan, when the attendee's phone, which
 * stamps the scan time, is slow). Phones on network time are within a second or two; 10 s leaves
 * room for a hand-set clock or a cached key used without a fresh time sync. Accepting a window
 * early costs little, since only a holder of the talk's key can make one, yet the tolerance stays
 * small because it adds to how long a fast screen's code outlives its display.
 * The other direction needs no setting of its own: the previous window is accepted, so a screen
 * running behind eats into those 20 s of grace. Widening that side would only lengthen the life
 * of a photographed code.
 */
export const CHECKIN_CLOCK_SKEW_MS = 10_000;

/** Longer than any code a sane origin makes; longer input is refused before any matching. */
const MAX_CODE_TEXT_LENGTH = 512;

/**
 * Strict: http(s) origin optional (any host, optional port), ids in canonical decimal (no sign,
 * no leading zero, at most 15 digits so they are safe integers), a MAC of exactly 16 base64url
 * characters, and nothing after it: no trailing slash, query or fragment.
 */
const CHECKIN_CODE_PATTERN =
  /^(?:https?:\/\/[A-Za-z0-9.-]+(?::[0-9]{1,5})?)?\/c\/([1-9][0-9]{0,14})\/([1-9][0-9]{0,14})\/([A-Za-z0-9_-]{16})$/;

export interface CheckinCode {
  talkId: number;
  window: number;
  /** base64url, as it appears in the URL. */
  mac: string;
}

export type CheckinCodeRefusal = 'invalid_code' | 'expired_code' | 'code_not_yet_valid';

export type CheckinCodeVerdict = { ok: true } | { ok: false; code: CheckinCodeRefusal };

export interface CheckinCodeVerifyOptions {
  /** How far the screen's clock may run ahead of the scan time; default CHECKIN_CLOCK_SKEW_MS. */
  clockSkewMs?: number;
}

/** The rotation window an instant falls in: floor(unix seconds / 20). */
export function windowAt(instantMs: number): number {
  return Math.floor(instantMs / CHECKIN_ROTATION_MS);
}

/** When a window begins; the screen's countdown runs to windowStartMs(window + 1). */
export function windowStartMs(window: number): number {
  return window * CHECKIN_ROTATION_MS;
}

function checkinMac(talkKey: Uint8Array, talkId: number, window: number): Uint8Array {
  return hmacSha256(talkKey, `${talkId}.${window}`).slice(0, CHECKIN_MAC_BYTES);
}

/** `/c/<talkId>/<window>/<mac>`: the code without an origin, also the h5 route it opens. */
export function checkinCodePath(talkId: number, window: number, talkKey: Uint8Array): string {
  return `/c/${talkId}/${window}/${base64url(checkinMac(talkKey, talkId, window))}`;
}

/** The text to draw as the QR code, e.g. checkinCodeUrl('https://wkt.example.cn', 42, windowAt(now), key). */
export function checkinCodeUrl(origin: string, talkId: number, window: number, talkKey: Uint8Array): string {
  return `${origin.replace(/\/+$/, '')}${checkinCodePath(talkId, window, talkKey)}`;
}

/** Reads scanned text as a check-in code: the URL (any origin) or the bare path. Never throws. */
export function parseCheckinCode(text: unknown): CheckinCode | null {
  if (typeof text !== 'string' || text.length > MAX_CODE_TEXT_LENGTH) return null;
  const match = CHECKIN_CODE_PATTERN.exec(text);
  if (!match) return null;
  return { talkId: Number(match[1]), window: Number(match[2]), mac: match[3] };
}

/**
 * Verifies a parsed code against its talk's key at the time it was scanned (the server's clock
 * for a live scan, the phone's recorded scan time for an offline one).
 * The MAC is checked first, so a forged code is `invalid_code` whatever window it names. Then the
 * window must be the current or the previous one at scan time: a code is good from its window's
 * start (minus the clock skew) until two rotations later, 20–40 s after it was drawn.
 */
export function verifyCheckinCode(
  code: CheckinCode,
  talkKey: Uint8Array,
  scannedAtMs: number,
  options: CheckinCodeVerifyOptions = {},
): CheckinCodeVerdict {
  // A caller bug, not a refusal: a NaN time would slip through every comparison below.
  if (!Number.isFinite(scannedAtMs)) throw new RangeError('scannedAtMs must be a finite instant');
  if (!Number.isSafeInteger(code.talkId) || !Number.isSafeInteger(code.window)) return { ok: false, code: 'invalid_code' };
  const mac = typeof code.mac === 'string' ? fromBase64url(code.mac) : null;
  if (!mac || mac.length !== CHECKIN_MAC_BYTES || !constantTimeEqual(mac, checkinMac(talkKey, code.talkId, code.window))) {
    return { ok: false, code: 'invalid_code' };
  }
  const windowStart = windowStartMs(code.window);
  const clockSkewMs = options.clockSkewMs ?? CHECKIN_CLOCK_SKEW_MS;
  if (scannedAtMs < windowStart - clockSkewMs) return { ok: false, code: 'code_not_yet_valid' };
  if (scannedAtMs >= windowStart + 2 * CHECKIN_ROTATION_MS) return { ok: false, code: 'expired_code' };
  return { ok: true };
}
