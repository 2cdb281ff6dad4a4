import { base64url, fromBase64url, hmacSha256, type Secret } from './bytes';

/**
 * Keys for check-in codes, all derived from the server's master secret (TOKEN_SECRET).
 *
 * Trust model:
 * - The server holds the master secret and each talk's random `checkin_secret` (its row in
 *   `talks`). A talk's key is HMAC-SHA256(master, "ywk/checkin-talk/v1:<talkId>:<talkSecret>");
 *   the server recomputes it on every check-in and stores no key.
 * - The organiser's phone receives only its talk's key (GET /api/talks/:id/checkin-code, for the
 *   talk's organisers) and derives the rotating codes from it, so the screen keeps working
 *   offline. The phone never sees the master secret.
 * - A leaked talk key lets its holder mint codes for that one talk, i.e. check people in to it
 *   without being in the room, which its organiser can do anyway by 代签到. It reveals nothing
 *   about the master secret (HMAC is one-way), other talks' keys, personal codes, or session
 *   tokens (server/services/auth/tokens.ts derives its key under its own label). Regenerating
 *   that talk's `checkin_secret` revokes the key without touching any other talk, which is why
 *   the talk secret is part of the input rather than the talk id alone.
 * - The database alone (talk secrets) gives no key without the master secret. Both together give
 *   every key: rotating TOKEN_SECRET then revokes them all (and signs everyone out).
 *
 * Labels are versioned and differ per purpose, so no two derived keys can coincide.
 */

export const TALK_KEY_BYTES = 32;
const ENCODED_TALK_KEY_LENGTH = 43;

export function deriveTalkKey(masterSecret: Secret, talkId: number, talkSecret: string): Uint8Array {
  // The talk id is digits only, so the first ':' after it ends it and the encoding is injective
  // even if a talk secret contains ':'.
  return hmacSha256(masterSecret, `ywk/checkin-talk/v1:${talkId}:${talkSecret}`);
}

/**
 * The key that signs attendees' personal codes. Only the server holds it: a phone that had it
 * could forge anyone's code, so an organiser's phone scanning offline queues personal codes
 * unverified and the server verifies them when they sync.
 */
export function derivePersonalCodeKey(masterSecret: Secret): Uint8Array {
  return hmacSha256(masterSecret, 'ywk/personal-code/v1');
}

/** A talk key as it travels to the organiser's phone and is cached there (43 characters). */
export function encodeTalkKey(talkKey: Uint8Array): string {
  return base64url(talkKey);
}

/** The cached text back into a key; null for anything that is not exactly one encoded key. */
export function decodeTalkKey(text: unknown): Uint8Array | null {
  if (typeof text !== 'string' || text.length !== ENCODED_TALK_KEY_LENGTH) return null;
  const key = fromBase64url(text);
  return key && key.length === TALK_KEY_BYTES ? key : null;
}
