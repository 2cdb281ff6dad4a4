import Taro from '@tarojs/taro';

/** 签到 pages for a talk's organiser: the rotating code screen, the attendance list, and scanning personal codes. */
export const ORGANISER_PAGES = {
  screen: '/packages/checkin/organiser/index',
  attendance: '/packages/checkin/attendance/index',
  scanPerson: '/packages/checkin/scan-person/index',
} as const;

export function openCheckinScreen(talkId: number): Promise<unknown> {
  return Taro.navigateTo({ url: `${ORGANISER_PAGES.screen}?id=${talkId}` });
}

export function openAttendance(talkId: number): Promise<unknown> {
  return Taro.navigateTo({ url: `${ORGANISER_PAGES.attendance}?id=${talkId}` });
}

export function openPersonalCodeScanner(talkId: number): Promise<unknown> {
  return Taro.navigateTo({ url: `${ORGANISER_PAGES.scanPerson}?id=${talkId}` });
}
