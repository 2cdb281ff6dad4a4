import { CHECKIN_CLOCK_SKEW_MS } from '../../../src/core/checkin';

/**
 * A scan stamped up to this long ago still counts as live: the request took that long to
 * arrive. Older stamps come from the phone's offline queue and are judged at their scan time.
 */
export const LIVE_SCAN_GRACE_MS = 5_000;

export type ScanTime =
  | { ok: true; atMs: number; offline: boolean }
  | { ok: false; code: 'scan_time_in_future' | 'offline_sync_too_late'; details: Record<string, unknown> };

/**
 * When the scan happened, as the server will judge it. Live (no stamp, or a fresh one): the
 * server's clock, so a phone's clock cannot stretch a code's life. Offline: the phone's stamp,
 * accepted only if it is not ahead of the server (beyond the clock skew the codes already
 * allow) and reaches the server within the configured delay.
 */
export function resolveScanTime(scannedAt: string | undefined, nowMs: number, maxDelayHours: number): ScanTime {
  if (scannedAt === undefined) return { ok: true, atMs: nowMs, offline: false };
  const stampMs = Date.parse(scannedAt);
  if (stampMs > nowMs + CHECKIN_CLOCK_SKEW_MS) {
    return { ok: false, code: 'scan_time_in_future', details: { scannedAt, serverTime: new Date(nowMs).toISOString() } };
  }
  if (nowMs - stampMs <= LIVE_SCAN_GRACE_MS) return { ok: true, atMs: nowMs, offline: false };
  const maxDelayMs = maxDelayHours * 3600 * 1000;
  if (nowMs - stampMs > maxDelayMs) {
    return { ok: false, code: 'offline_sync_too_late', details: { scannedAt, maxDelayHours } };
  }
  return { ok: true, atMs: stampMs, offline: true };
}
