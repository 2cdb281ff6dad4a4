import { useMemo, useSyncExternalStore } from 'react';
import {
  queueSnapshot,
  subscribeQueue,
  type QueuedCheckin,
  type SyncOutcome,
} from '../services/offline-queue';
import { useSession } from './use-session';

export interface QueuedCheckins {
  /** The signed-in user's check-ins waiting for the network, oldest first. */
  pending: QueuedCheckin[];
  /** What the server answered to the ones already sent, newest first, until dismissed. */
  outcomes: SyncOutcome[];
  /** A sync is running (立即同步 shows it is busy). */
  syncing: boolean;
}

/** The offline check-in queue as a page shows it; re-renders whenever it changes. */
export function useQueuedCheckins(): QueuedCheckins {
  const snapshot = useSyncExternalStore(subscribeQueue, queueSnapshot, queueSnapshot);
  const userId = useSession()?.user.id;
  return useMemo(
    () => ({
      pending: snapshot.entries.filter((entry) => entry.userId === userId),
      outcomes: snapshot.outcomes.filter((outcome) => outcome.userId === userId),
      syncing: snapshot.syncing,
    }),
    [snapshot, userId],
  );
}
