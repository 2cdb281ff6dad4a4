import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';

/**
 * Byte helpers for check-in codes, written out here because src/core also runs in the
 * mini-program, where neither node:crypto, Buffer, TextEncoder nor atob can be relied on.
 * @noble/hashes is pure JS (it does need BigInt, i.e. iOS 14+ on the organiser's phone).
 */

/** A secret as configured (TOKEN_SECRET, a talk's checkin_secret) or as raw key bytes. */
export type Secret = string | Uint8Array;

/** UTF-8 bytes of a string; lone surrogates become U+FFFD as TextEncoder would make them. */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let point = text.charCodeAt(i);
    if (point >= 0xd800 && point <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        point = 0x10000 + ((point - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (point >= 0xd800 && point <= 0xdfff) point = 0xfffd;
    if (point < 0x80) out.push(point);
    else if (point < 0x800) out.push(0xc0 | (point >> 6), 0x80 | (point & 0x3f));
    else if (point < 0x10000) out.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
    else out.push(0xf0 | (point >> 18), 0x80 | ((point >> 12) & 0x3f), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
  }
  return Uint8Array.from(out);
}

function secretBytes(secret: Secret): Uint8Array {
  return typeof secret === 'string' ? utf8Bytes(secret) : secret;
}

export function hmacSha256(key: Secret, message: string): Uint8Array {
  return hmac(sha256, secretBytes(key), utf8Bytes(message));
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALPHABET_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) ALPHABET_INDEX[ALPHABET.charCodeAt(i)] = i;

/** base64url without padding (RFC 4648 §5), the form that goes into URLs and QR codes. */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += ALPHABET[(chunk >> (18 - 6 * c)) & 0x3f];
  }
  return out;
}

/**
 * Strict base64url decoding: no padding, nothing outside the alphabet, and unused trailing bits
 * must be zero, so every byte string has exactly one text form. Returns null instead of throwing.
 */
export function fromBase64url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const charCode = text.charCodeAt(i);
    const value = charCode < 128 ? ALPHABET_INDEX[charCode] : -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return Uint8Array.from(out);
}

/**
 * Equality whose running time depends only on the length, never on where the first difference
 * is: an early-exit compare would let someone time the server's answers to learn a valid MAC one
 * byte at a time. Lengths are fixed by the code formats, so revealing them leaks nothing.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}
