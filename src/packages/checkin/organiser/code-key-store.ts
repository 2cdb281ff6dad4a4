import Taro from '@tarojs/taro';
import type { CheckinCodeInfo, CheckinTalk } from '../../../core/api/checkin';

/**
 * The talk's code key kept on the organiser's phone, so the screen still shows codes when it is
 * reopened in a community room without signal. Tied to the user it was issued to: on a shared
 * phone, someone else signing in must not be able to show this talk's code.
 */

const KEY_PREFIX = 'ywk.checkin.key.';
/** A key is useless once its talk's check-in has closed; a day later it is dropped. */
const KEEP_AFTER_CLOSE_MS = 24 * 3600 * 1000;

export interface StoredCodeKey {
  userId: number;
  codeInfo: CheckinCodeInfo;
  /** The server's clock minus the phone's when the key was fetched (clockOffsetMs). */
  offsetMs: number;
  /** Title, venue and time for the header, once the attendance has been loaded. */
  talk: CheckinTalk | null;
}

function storageKey(talkId: number): string {
  return `${KEY_PREFIX}${talkId}`;
}

function isStoredCodeKey(value: unknown): value is StoredCodeKey {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredCodeKey>;
  return (
    typeof candidate.userId === 'number' &&
    typeof candidate.offsetMs === 'number' &&
    typeof candidate.codeInfo === 'object' &&
    candidate.codeInfo !== null &&
    typeof candidate.codeInfo.key === 'string'
  );
}

function readStored(talkId: number): StoredCodeKey | null {
  try {
    const stored: unknown = Taro.getStorageSync(storageKey(talkId));
    return isStoredCodeKey(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The cache only helps offline: a full or unavailable storage must never stop the screen online. */
function write(talkId: number, stored: StoredCodeKey): void {
  try {
    Taro.setStorageSync(storageKey(talkId), stored);
  } catch {
    // The screen works for this visit; it just cannot be reopened offline.
  }
}

function remove(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Left for the next prune.
  }
}

/** Drops keys of talks whose check-in closed more than a day ago, so storage does not fill up. */
function pruneClosed(nowMs: number): void {
  let keys: string[] = [];
  try {
    keys = Taro.getStorageInfoSync().keys;
  } catch {
    return;
  }
  keys
    .filter((key) => key.startsWith(KEY_PREFIX))
    .forEach((key) => {
      let stored: unknown;
      try {
        stored = Taro.getStorageSync(key);
      } catch {
        return;
      }
      const closesMs = isStoredCodeKey(stored) ? Date.parse(stored.codeInfo.closesAt) : NaN;
      if (!Number.isFinite(closesMs) || closesMs + KEEP_AFTER_CLOSE_MS < nowMs) remove(key);
    });
}

export function storedCodeKey(userId: number, talkId: number): StoredCodeKey | null {
  const stored = readStored(talkId);
  return stored && stored.userId === userId && stored.codeInfo.talkId === talkId ? stored : null;
}

export function rememberCodeKey(userId: number, codeInfo: CheckinCodeInfo, offsetMs: number): void {
  pruneClosed(Date.now());
  const earlier = storedCodeKey(userId, codeInfo.talkId);
  write(codeInfo.talkId, { userId, codeInfo, offsetMs, talk: earlier?.talk ?? null });
}

/** Keeps the header for an offline reopen; written only when it changed, not on every poll. */
export function rememberTalk(userId: number, talk: CheckinTalk): void {
  const stored = storedCodeKey(userId, talk.id);
  if (!stored || JSON.stringify(stored.talk) === JSON.stringify(talk)) return;
  write(talk.id, { ...stored, talk });
}

/** The server said this user may not show the code (or the talk is gone): forget the key. */
export function forgetCodeKey(talkId: number): void {
  remove(storageKey(talkId));
}
