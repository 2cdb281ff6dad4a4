import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import type { Attendance, CheckinCodeInfo, CheckinTalk } from '../../../core/api/checkin';
import { decodeTalkKey } from '../../../core/checkin';
import { organiserApi } from '../../../services/api';
import { ApiError } from '../../../services/api-error';
import { watchReconnect } from '../../../services/network';
import { forgetCodeKey, rememberCodeKey, rememberTalk, storedCodeKey } from './code-key-store';
import { clockOffsetMs, correctedTime, msUntilNextSecond } from './rotating-code';

/** The live count is a reassurance for the organiser, not a ledger: every 5 s is plenty. */
export const ATTENDANCE_POLL_MS = 5000;

export type CodeKeyState =
  | { status: 'loading' }
  | {
      status: 'ready';
      codeInfo: CheckinCodeInfo;
      talkKey: Uint8Array;
      offsetMs: number;
      /** Header details kept from an earlier visit, until the attendance answers. */
      storedTalk: CheckinTalk | null;
      /** The server could not be reached; the codes come from the key kept on the phone. */
      offline: boolean;
    }
  | { status: 'forbidden'; error: ApiError }
  | { status: 'error'; error: unknown };

/**
 * Not this user's talk, or no such talk: the kept key must go. Anything else (no network, a
 * server error, a rate limit) says nothing about the key, so the kept one stays in use.
 */
function isVerdict(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

function fromStore(userId: number, talkId: number, offline: boolean): CodeKeyState | null {
  const stored = storedCodeKey(userId, talkId);
  const talkKey = stored ? decodeTalkKey(stored.codeInfo.key) : null;
  if (!stored || !talkKey) return null;
  const { codeInfo, offsetMs, talk: storedTalk } = stored;
  return { status: 'ready', codeInfo, talkKey, offsetMs, storedTalk, offline };
}

/**
 * The talk's code key: fetched once per visit (and again when the network comes back after an
 * offline start), kept on the phone, and taken from there at once so a weak network does not hold
 * up the screen in front of a waiting room.
 */
export function useCodeKey(talkId: number, userId: number): [CodeKeyState, () => void] {
  const [state, setState] = useState<CodeKeyState>(() => fromStore(userId, talkId, false) ?? { status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    const requestedAt = Date.now();
    organiserApi.codeKey(talkId).then(
      (codeInfo) => {
        if (!current) return;
        const talkKey = decodeTalkKey(codeInfo.key);
        if (!talkKey) {
          setState({ status: 'error', error: new ApiError('internal_error', '签到码数据有误，请稍后重试', 500) });
          return;
        }
        const offsetMs = clockOffsetMs(codeInfo.serverTime, requestedAt, Date.now());
        const storedTalk = storedCodeKey(userId, talkId)?.talk ?? null;
        rememberCodeKey(userId, codeInfo, offsetMs);
        setState({ status: 'ready', codeInfo, talkKey, offsetMs, storedTalk, offline: false });
      },
      (error: unknown) => {
        if (!current) return;
        if (isVerdict(error)) {
          forgetCodeKey(talkId);
          setState(error.status === 403 ? { status: 'forbidden', error } : { status: 'error', error });
          return;
        }
        setState(fromStore(userId, talkId, true) ?? { status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
  }, [talkId, userId, attempt]);

  const reload = useCallback(() => {
    // Codes already on screen stay there while the key is fetched again.
    setState((shown) => (shown.status === 'ready' ? shown : { status: 'loading' }));
    setAttempt((count) => count + 1);
  }, []);
  return [state, reload];
}

/** Whether the page is the one on screen: false from onHide until the next onShow. */
export function usePageShown(): boolean {
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  return shown;
}

function setKeepScreenOn(keepScreenOn: boolean): void {
  // The web has no such API (Taro's h5 answers "not supported"); the code still shows, the
  // organiser just has to keep the screen awake by hand.
  try {
    Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn })).catch(() => undefined);
  } catch {
    // As above.
  }
}

/** A screen that dims mid-talk stops people checking in: keep it on while this page shows. */
export function useKeepScreenOn(shown: boolean): void {
  useEffect(() => {
    if (!shown) return undefined;
    setKeepScreenOn(true);
    return () => setKeepScreenOn(false);
  }, [shown]);
}

/** Server time, read off the phone's corrected clock and updated on every whole second while shown. */
export function useCorrectedNow(offsetMs: number, shown: boolean): number {
  const [now, setNow] = useState(() => correctedTime(Date.now(), offsetMs));

  useEffect(() => {
    if (!shown) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const corrected = correctedTime(Date.now(), offsetMs);
      setNow(corrected);
      timer = setTimeout(tick, msUntilNextSecond(corrected));
    };
    tick();
    return () => clearTimeout(timer);
  }, [offsetMs, shown]);

  return now;
}

export interface LiveAttendance {
  attendance: Attendance | null;
  /** The last poll failed; the count shown is the last one that arrived. */
  failed: boolean;
}

function headerOf(talk: Attendance['talk']): CheckinTalk {
  return { id: talk.id, title: talk.title, venueName: talk.venueName, startsAt: talk.startsAt };
}

/**
 * The attendance, polled while the page shows. Each poll waits for the previous answer, so a slow
 * network never stacks requests. `pollNow` asks at once (after 代签到, on reconnect).
 */
export function useLiveAttendance(talkId: number, userId: number, shown: boolean): [LiveAttendance, () => void] {
  const [live, setLive] = useState<LiveAttendance>({ attendance: null, failed: false });
  const [nudge, setNudge] = useState(0);

  useEffect(() => {
    if (!shown) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        // Only the counts and the talk are shown here; one entry keeps each poll small.
        const attendance = await organiserApi.attendance(talkId, { limit: 1 });
        if (stopped) return;
        rememberTalk(userId, headerOf(attendance.talk));
        setLive({ attendance, failed: false });
      } catch {
        if (stopped) return;
        setLive((shownBefore) => ({ ...shownBefore, failed: true }));
      }
      if (!stopped) timer = setTimeout(poll, ATTENDANCE_POLL_MS);
    };
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [talkId, userId, shown, nudge]);

  const pollNow = useCallback(() => setNudge((count) => count + 1), []);
  return [live, pollNow];
}

/** Runs `onConnected` when the network comes back, while the page is mounted. */
export function useReconnect(onConnected: () => void): void {
  const latest = useRef(onConnected);
  latest.current = onConnected;
  useEffect(() => watchReconnect(() => latest.current()), []);
}
