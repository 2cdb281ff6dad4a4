/**
 * How a person came to be checked in, as the attendance list and the 台账 show it, in the order
 * they are shown. An offline upload counts apart, not under the code it scanned.
 */
export const CHECKIN_HOWS = ['scan', 'personal_code', 'manual', 'offline'] as const;
export type CheckinHow = (typeof CHECKIN_HOWS)[number];

export const CHECKIN_HOW_LABELS: Record<CheckinHow, string> = {
  scan: '扫码',
  personal_code: '个人签到码',
  manual: '代签到',
  offline: '离线补传',
};

/** An offline scan is told apart from a live one, whichever code it was. */
export function checkinHow(method: 'scan' | 'personal_code' | 'manual', offline: boolean): CheckinHow {
  return offline ? 'offline' : method;
}

/** How many checked in each way; every way is present, zero or not. */
export function countByHow(checkins: readonly { how: CheckinHow }[]): Record<CheckinHow, number> {
  const counts = { scan: 0, personal_code: 0, manual: 0, offline: 0 };
  for (const checkin of checkins) counts[checkin.how] += 1;
  return counts;
}
