import Taro from '@tarojs/taro';
import type { Me, Session } from '../core/api/auth';

export const SESSION_STORAGE_KEY = 'ywk.session';
/** Emitted on Taro.eventCenter when the server no longer accepts the stored session. */
export const SESSION_EXPIRED_EVENT = 'session:expired';

type Listener = () => void;

const listeners = new Set<Listener>();
let current: Session | null | undefined;

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Session>;
  return (
    typeof candidate.accessToken === 'string' &&
    typeof candidate.refreshToken === 'string' &&
    typeof candidate.user === 'object' &&
    candidate.user !== null
  );
}

function readStored(): Session | null {
  try {
    const stored: unknown = Taro.getStorageSync(SESSION_STORAGE_KEY);
    return isSession(stored) ? stored : null;
  } catch {
    return null;
  }
}

function write(session: Session | null): void {
  current = session;
  try {
    if (session) {
      Taro.setStorageSync(SESSION_STORAGE_KEY, session);
    } else {
      Taro.removeStorageSync(SESSION_STORAGE_KEY);
    }
  } catch {
    // Storage can be full or unavailable; the session still lives in memory for this run.
  }
  listeners.forEach((listener) => listener());
}

/** The signed-in session, read from storage once and then kept in memory. */
export function getSession(): Session | null {
  if (current === undefined) current = readStored();
  return current;
}

export function saveSession(session: Session): void {
  write(session);
}

/** Keeps the tokens and replaces who is signed in, e.g. after PATCH /api/me. */
export function saveUser(user: Me): void {
  const session = getSession();
  if (session) write({ ...session, user });
}

export function clearSession(): void {
  write(null);
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
