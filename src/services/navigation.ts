import Taro from '@tarojs/taro';

/** Page paths, so a page never spells another page's route. */
export const PAGES = {
  study: '/pages/study/index',
  order: '/pages/order/index',
  checkin: '/pages/checkin/index',
  mine: '/pages/mine/index',
  login: '/packages/account/login/index',
} as const;

export function openLoginPage(): Promise<unknown> {
  return Taro.navigateTo({ url: PAGES.login });
}

export function openMineTab(): Promise<unknown> {
  return Taro.switchTab({ url: PAGES.mine });
}

export function isCurrentPage(path: string): boolean {
  const pages = Taro.getCurrentPages();
  const route = pages[pages.length - 1]?.route ?? '';
  return `/${route.replace(/^\//, '')}` === path;
}
