import type { Me } from '../../../src/core/api/auth';
import type { Attendance, AttendanceEntry, CheckinCodeInfo, RefusedAttempt } from '../../../src/core/api/checkin';
import { checkinCodeUrl, deriveTalkKey, encodeTalkKey, windowAt } from '../../../src/core/checkin';
import { talk } from './checkin-fixtures';

/** The speaker of the talk in checkin-fixtures (41, 29 November 2026, 14:30 Shanghai). */
export const speaker: Me = {
  id: 31,
  name: '王建国',
  roles: [{ role: 'speaker', unitId: 1, unitName: '云溪街道', unitKind: 'street' }],
  community: { id: 3, name: '惠阳社区' },
  elderMode: false,
  phone: null,
};

/** The talk's key as the server derives it; the tests compute the expected codes from it. */
export const talkKey = deriveTalkKey('test-master-secret', talk.id, 'talk-41-secret');

export const ORIGIN = 'https://ywk.example.cn';

/** Check-in for the talk opens at 14:00 and closes at 16:30 Shanghai. */
export const OPENS_AT = '2026-11-29T06:00:00.000Z';
export const CLOSES_AT = '2026-11-29T08:30:00.000Z';

export function codeInfo(overrides: Partial<CheckinCodeInfo> = {}): CheckinCodeInfo {
  return {
    talkId: talk.id,
    key: encodeTalkKey(talkKey),
    rotationSeconds: 20,
    serverTime: '2026-11-29T06:20:05.000Z',
    opensAt: OPENS_AT,
    closesAt: CLOSES_AT,
    origin: ORIGIN,
    ...overrides,
  };
}

/** What the screen should encode at a server instant. */
export function expectedCodeUrl(serverMs: number): string {
  return checkinCodeUrl(ORIGIN, talk.id, windowAt(serverMs), talkKey);
}

export function attendanceEntry(overrides: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return {
    id: 1,
    userId: 7,
    name: '张桂兰',
    phone: '138****5678',
    method: 'scan',
    offline: false,
    how: 'scan',
    checkedInAt: '2026-11-29T06:21:00.000Z',
    recordedBy: null,
    ...overrides,
  };
}

export function refusedAttempt(overrides: Partial<RefusedAttempt> = {}): RefusedAttempt {
  return {
    id: 1,
    userId: 8,
    name: '李大爷',
    code: 'expired_code',
    message: '二维码已过期，请重新扫描',
    details: {},
    at: '2026-11-29T06:22:00.000Z',
    ...overrides,
  };
}

export function attendance(overrides: Partial<Attendance> = {}): Attendance {
  return {
    talk: { ...talk, opensAt: OPENS_AT, closesAt: CLOSES_AT },
    counts: { checkedIn: 0, scan: 0, personalCode: 0, manual: 0, offline: 0, refused: 0 },
    checkins: [],
    refusals: [],
    ...overrides,
  };
}

export function countsOf(checkedIn: number, parts: Partial<Attendance['counts']> = {}): Attendance['counts'] {
  return { checkedIn, scan: checkedIn, personalCode: 0, manual: 0, offline: 0, refused: 0, ...parts };
}
