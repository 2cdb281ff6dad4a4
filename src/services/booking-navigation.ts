import Taro from '@tarojs/taro';

/** 百姓点单 pages, kept apart from navigation.ts so each area owns its routes. */
export const BOOKING_PAGES = {
  order: '/packages/booking/order/index',
  requests: '/packages/booking/requests/index',
  request: '/packages/booking/request/index',
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
