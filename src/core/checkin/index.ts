import type { ErrorCode } from '../errors';

export * from './codes';
export * from './geofence';
export * from './how';
export * from './keys';
export * from './period';
export * from './personal';
export { base64url, fromBase64url, constantTimeEqual, type Secret } from './bytes';

/**
 * Every way a check-in can be refused, each cause its own code (pretix-style); the server stores
 * refused attempts with these. A repeat check-in is not here: it is a 200 answer (已签到) with
 * the first check-in's time.
 */
export const CHECKIN_REFUSALS = [
  'invalid_code',
  'expired_code',
  'code_not_yet_valid',
  'not_open',
  'closed',
  'location_required',
  'outside_area',
  'personal_code_invalid',
  'personal_code_expired',
  'scan_time_in_future',
  'offline_sync_too_late',
  'talk_cancelled',
] as const satisfies readonly ErrorCode[];

export type CheckinRefusal = (typeof CHECKIN_REFUSALS)[number];

