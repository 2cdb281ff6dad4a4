import Taro from '@tarojs/taro';
import type { CheckinResult, PersonalCheckinResult } from '../core/api/checkin';
import { inShanghai } from '../core/time';
import { checkinApi, organiserApi } from './api';
import { ApiError, NETWORK_ERROR, errorMessage } from './api-error';
import { watchReconnect } from './network';
import { getSession } from './session';

/**
 * 离线签到: check-in attempts that could not reach the server, kept on the phone with their scan
 * time and nonce and sent later. The server judges each at its scan time (up to 24 h late) and
 * answers a repeated nonce as it answered the first time, so sending an entry twice is harmless
 * and an entry is only dropped once the server has really answered it.
 */

/** Far more than one person scans in a day, or an organiser in one offline talk; a bound still keeps storage safe. */
export const QUEUE_LIMIT = 200;
/** Sync results kept until the attendee has seen them (知道了). */
export const OUTCOME_LIMIT = 20;

const QUEUE_KEY = 'ywk.checkin.queue';
const OUTCOMES_KEY = 'ywk.checkin.queue.outcomes';

interface GeoPoint {
  lat: number;
  lng: number;
}

interface QueuedBase {
  /** The attempt's id: the server answers the same nonce the same way however often it is sent. */
  nonce: string;
  /** The phone's clock at the scan (ISO); the server checks the code against this time. */
  scannedAt: string;
  /** Who scanned: on a shared phone, an entry must never be sent under someone else's name. */
  userId: number;
  /** What the list shows for the entry, e.g. the attendee's number for a personal code. */
  label?: string;
  /** Why the last attempt did not get through, shown beside the entry. */
  lastError?: string;
}

/** An attendee's scan of the organiser's screen. */
export interface QueuedScan extends QueuedBase {
  kind: 'scan';
  /** The scanned text: the code URL or its path. */
  code: string;
  location?: GeoPoint;
}

/** An organiser's scan of an attendee's 我的签到码 for one talk. */
export interface QueuedPersonalScan extends QueuedBase {
  kind: 'personal';
  talkId: number;
  /** The personal code as scanned (ywk-p:…). */
  code: string;
}

export type QueuedCheckin = QueuedScan | QueuedPersonalScan;

/** How a queued entry ended, once the server answered it. */
export interface SyncOutcome {
  nonce: string;
  kind: QueuedCheckin['kind'];
  userId: number;
  /** The talk's title when the server named it, else the entry's label. */
  title: string;
  /** Checked in (or already was) rather than refused. */
  accepted: boolean;
  /** 签到成功 / 张桂兰 签到成功 / 已签到（首次 10:02）/ the refusal's message. */
  message: string;
  syncedAt: string;
}

export interface SyncReport {
  /** Entries the server answered in this run. */
  settled: SyncOutcome[];
  /** The signed-in user's entries still waiting. */
  remaining: number;
}

export interface QueueSnapshot {
  entries: readonly QueuedCheckin[];
  outcomes: readonly SyncOutcome[];
  syncing: boolean;
}

export type ScanToQueue = Omit<QueuedScan, 'kind' | 'userId'>;
export type PersonalScanToQueue = Omit<QueuedPersonalScan, 'kind' | 'userId'>;

function firstTime(instant: string): string {
  return inShanghai(instant).format('HH:mm');
}

/** 签到成功, or 已签到（首次 10:02）for a repeat. */
export function scanResultText(result: CheckinResult): string {
  return result.status === 'checked_in' ? '签到成功' : `已签到（首次 ${firstTime(result.firstCheckedInAt)}）`;
}

/** 张桂兰 签到成功, or 张桂兰 已签到（首次 10:02）: the organiser sees who it was. */
export function personalResultText(result: PersonalCheckinResult): string {
  const name = result.attendee.name;
  return result.status === 'checked_in' ? `${name} 签到成功` : `${name} 已签到（首次 ${firstTime(result.checkedInAt)}）`;
}

/** What a list shows for an entry without a label of its own. */
export function queuedTitle(entry: QueuedCheckin): string {
  return entry.label ?? (entry.kind === 'scan' ? '扫码签到' : '个人签到码');
}

/*
 * Stored as JSON text rather than as objects, so a snapshot can tell by comparing strings
 * whether anything changed, including changes made by another page's copy of this module.
 */
function readText(key: string): string {
  try {
    const stored: unknown = Taro.getStorageSync(key);
    return typeof stored === 'string' ? stored : '';
  } catch {
    return '';
  }
}

function parseList(text: string): unknown[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function isQueuedCheckin(value: unknown): value is QueuedCheckin {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<Omit<QueuedScan, 'kind'> & Omit<QueuedPersonalScan, 'kind'>> & { kind?: unknown };
  const common =
    typeof entry.nonce === 'string' &&
    typeof entry.scannedAt === 'string' &&
    typeof entry.userId === 'number' &&
    typeof entry.code === 'string';
  if (!common) return false;
  return entry.kind === 'scan' || (entry.kind === 'personal' && typeof entry.talkId === 'number');
}

function isSyncOutcome(value: unknown): value is SyncOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const outcome = value as Partial<SyncOutcome>;
  return typeof outcome.nonce === 'string' && typeof outcome.userId === 'number' && typeof outcome.message === 'string';
}

function readQueue(): QueuedCheckin[] {
  return parseList(readText(QUEUE_KEY)).filter(isQueuedCheckin);
}

function readOutcomes(): SyncOutcome[] {
  return parseList(readText(OUTCOMES_KEY)).filter(isSyncOutcome);
}

const listeners = new Set<() => void>();
let syncing = false;

function notify(): void {
  listeners.forEach((listener) => listener());
}

function write(key: string, list: readonly unknown[]): boolean {
  try {
    Taro.setStorageSync(key, JSON.stringify(list));
    return true;
  } catch {
    return false;
  } finally {
    notify();
  }
}

function enqueue(entry: QueuedCheckin): QueuedCheckin | null {
  const queue = readQueue();
  const earlier = queue.find((candidate) => candidate.nonce === entry.nonce);
  // The same nonce is the same attempt (a 重试 that failed again): keep its first scan time.
  if (earlier) return earlier;
  // Full: refuse the new entry rather than drop an older one the attendee believes is saved.
  if (queue.length >= QUEUE_LIMIT) return null;
  return write(QUEUE_KEY, [...queue, entry]) ? entry : null;
}

/** Keeps an attendee's scan for later; null when it could not be kept (signed out, full, no storage). */
export function queueScan(scan: ScanToQueue): QueuedCheckin | null {
  const userId = getSession()?.user.id;
  return userId === undefined ? null : enqueue({ ...scan, kind: 'scan', userId });
}

/** Keeps an organiser's scan of a personal code for later; null when it could not be kept. */
export function queuePersonalScan(scan: PersonalScanToQueue): QueuedCheckin | null {
  const userId = getSession()?.user.id;
  return userId === undefined ? null : enqueue({ ...scan, kind: 'personal', userId });
}

/** Drops an entry the page itself got an answer for (a 重试 that went through). */
export function forgetQueued(nonce: string): void {
  const queue = readQueue();
  if (queue.some((entry) => entry.nonce === nonce)) write(QUEUE_KEY, queue.filter((entry) => entry.nonce !== nonce));
}

/** The signed-in user's entries still waiting, oldest first. */
export function queuedCheckins(): QueuedCheckin[] {
  const userId = getSession()?.user.id;
  return readQueue().filter((entry) => entry.userId === userId);
}

/** The signed-in user's sync results, newest first. */
export function syncOutcomes(): SyncOutcome[] {
  const userId = getSession()?.user.id;
  return readOutcomes().filter((outcome) => outcome.userId === userId);
}

/** 知道了: the signed-in user has seen their sync results. */
export function dismissOutcomes(): void {
  const userId = getSession()?.user.id;
  write(OUTCOMES_KEY, readOutcomes().filter((outcome) => outcome.userId !== userId));
}

let snapshot: QueueSnapshot = { entries: [], outcomes: [], syncing: false };
let snapshotKey = '';

/** For useSyncExternalStore: the same object until the stored queue, the results or `syncing` change. */
export function queueSnapshot(): QueueSnapshot {
  const queueText = readText(QUEUE_KEY);
  const outcomesText = readText(OUTCOMES_KEY);
  const key = `${syncing}\n${queueText}\n${outcomesText}`;
  if (key !== snapshotKey) {
    snapshotKey = key;
    snapshot = {
      entries: parseList(queueText).filter(isQueuedCheckin),
      outcomes: parseList(outcomesText).filter(isSyncOutcome),
      syncing,
    };
  }
  return snapshot;
}

export function subscribeQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The request never got a verdict: keep the entry. A 401 means the session, not the scan, was refused. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === NETWORK_ERROR || error.status >= 500 || error.code === 'rate_limited' || error.status === 401;
}

/** The server judged the attempt itself (a check-in or a refusal), so a saved copy would only get the same answer. */
export function isFinalAnswer(error: unknown): boolean {
  return !isTransient(error);
}

/** After these, the next entry would fail the same way, so the run stops; a 5xx may be one bad entry. */
function stopsTheRun(error: unknown): boolean {
  return error instanceof ApiError && (error.code === NETWORK_ERROR || error.code === 'rate_limited' || error.status === 401);
}

async function sendEntry(entry: QueuedCheckin): Promise<Pick<SyncOutcome, 'title' | 'message'>> {
  if (entry.kind === 'scan') {
    const result = await checkinApi.scan({
      code: entry.code,
      scannedAt: entry.scannedAt,
      nonce: entry.nonce,
      ...(entry.location ? { location: entry.location } : {}),
    });
    return { title: result.talk.title, message: scanResultText(result) };
  }
  const result = await organiserApi.checkInPersonalCode({
    talkId: entry.talkId,
    code: entry.code,
    scannedAt: entry.scannedAt,
    nonce: entry.nonce,
  });
  return { title: result.talk.title, message: personalResultText(result) };
}

function settle(entry: QueuedCheckin, answer: Omit<SyncOutcome, 'nonce' | 'kind' | 'userId' | 'syncedAt'>): SyncOutcome {
  const outcome: SyncOutcome = {
    nonce: entry.nonce,
    kind: entry.kind,
    userId: entry.userId,
    syncedAt: new Date().toISOString(),
    ...answer,
  };
  const others = readOutcomes().filter((earlier) => earlier.nonce !== entry.nonce);
  write(OUTCOMES_KEY, [outcome, ...others].slice(0, OUTCOME_LIMIT));
  write(QUEUE_KEY, readQueue().filter((queued) => queued.nonce !== entry.nonce));
  return outcome;
}

function noteFailure(nonce: string, message: string): void {
  write(
    QUEUE_KEY,
    readQueue().map((entry) => (entry.nonce === nonce ? { ...entry, lastError: message } : entry)),
  );
}

async function runSync(): Promise<SyncReport> {
  const settled: SyncOutcome[] = [];
  const userId = getSession()?.user.id;
  if (userId === undefined) return { settled, remaining: 0 };
  const tried = new Set<string>();
  // The queue is read afresh each round, so a scan queued while the run is going is sent too.
  for (;;) {
    // Whoever signs in mid-run must not send the previous user's scans under their own token.
    if (getSession()?.user.id !== userId) break;
    const entry = readQueue().find((candidate) => candidate.userId === userId && !tried.has(candidate.nonce));
    if (!entry) break;
    tried.add(entry.nonce);
    try {
      const answer = await sendEntry(entry);
      settled.push(settle(entry, { ...answer, accepted: true }));
    } catch (error) {
      if (isTransient(error)) {
        noteFailure(entry.nonce, errorMessage(error));
        if (stopsTheRun(error)) break;
      } else {
        settled.push(settle(entry, { title: queuedTitle(entry), accepted: false, message: errorMessage(error) }));
      }
    }
  }
  return { settled, remaining: readQueue().filter((entry) => entry.userId === userId).length };
}

let running: Promise<SyncReport> | null = null;

/**
 * Sends the signed-in user's queued entries with their own nonce and scan time. One run at a
 * time: a call during a run gets that run's report. Never rejects.
 */
export function syncQueue(): Promise<SyncReport> {
  if (!running) {
    syncing = true;
    notify();
    running = runSync()
      .catch(() => ({ settled: [], remaining: queuedCheckins().length }))
      .finally(() => {
        running = null;
        syncing = false;
        notify();
      });
  }
  return running;
}

let stopWatching: (() => void) | null = null;

/** Called at launch: syncs now and every time the phone gets its network back. */
export function startQueueSync(): () => void {
  if (!stopWatching) {
    stopWatching = watchReconnect(() => {
      syncQueue();
    });
  }
  syncQueue();
  return () => {
    stopWatching?.();
    stopWatching = null;
  };
}
