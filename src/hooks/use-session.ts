import { useSyncExternalStore } from 'react';
import type { Session } from '../core/api/auth';
import { getSession, subscribeSession } from '../services/session';

/** The signed-in session; re-renders when anyone signs in, out, or changes their settings. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
