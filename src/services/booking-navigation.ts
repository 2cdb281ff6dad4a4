import Taro from '@tarojs/taro';

/** 百姓点单 pages, kept apart from navigation.ts so each area owns its routes. */
export const BOOKING_PAGES = {
  order: '/packages/booking/order/index',
  requests: '/packages/booking/requests/index',
  request: '/packages/booking/request/index',
  calendar: '/packages/booking/calendar/index',
  talk: '/packages/booking/talk/index',
} as const;

export function openOrderForm(topicId: number): Promise<unknown> {
  return Taro.navigateTo({ url: `${BOOKING_PAGES.order}?topicId=${topicId}` });
}

export function openMyRequests(): Promise<unknown> {
  return Taro.navigateTo({ url: BOOKING_PAGES.requests });
}

export function openTalkRequest(requestId: number): Promise<unknown> {
  return Taro.navigateTo({ url: `${BOOKING_PAGES.request}?id=${requestId}` });
}

/** After 点单, the form gives way to the new request (back returns to the menu). */
export function replaceWithTalkRequest(requestId: number): Promise<unknown> {
  return Taro.redirectTo({ url: `${BOOKING_PAGES.request}?id=${requestId}` });
}

/** 宣讲日历: upcoming talks a resident can join. */
export function openTalkCalendar(): Promise<unknown> {
  return Taro.navigateTo({ url: BOOKING_PAGES.calendar });
}

/** One talk: where and when, 我要参加, and 评单 once it was held. */
export function openTalk(talkId: number): Promise<unknown> {
  return Taro.navigateTo({ url: `${BOOKING_PAGES.talk}?id=${talkId}` });
}
