/** How a person came to be checked in, as the attendance list and the 台账 show it. */
export type CheckinHow = 'scan' | 'personal_code' | 'manual' | 'offline';

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
