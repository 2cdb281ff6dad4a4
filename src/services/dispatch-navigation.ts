import Taro from '@tarojs/taro';

/** 派单 pages for dispatchers: the queue of requests and one request with its candidates. */
export const DISPATCH_PAGES = {
  queue: '/packages/admin/talk-requests/index',
  request: '/packages/admin/talk-request/index',
} as const;

export function openDispatchQueue(): Promise<unknown> {
  return Taro.navigateTo({ url: DISPATCH_PAGES.queue });
}

export function openDispatchRequest(requestId: number): Promise<unknown> {
  return Taro.navigateTo({ url: `${DISPATCH_PAGES.request}?id=${requestId}` });
}
