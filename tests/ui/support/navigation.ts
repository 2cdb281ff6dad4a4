import Taro from '@tarojs/taro';

/**
 * Taro.navigateTo answered as WeChat would, without a router behind it: a test reads which page a
 * tap opened from the spy's calls. Call it at the top of a file; every test starts with no calls.
 */
export function spyOnNavigation(): jest.SpyInstance {
  const navigateTo = jest.spyOn(Taro, 'navigateTo');
  beforeEach(() => {
    navigateTo.mockReset().mockResolvedValue({ errMsg: 'navigateTo:ok' });
  });
  afterAll(() => {
    navigateTo.mockRestore();
  });
  return navigateTo;
}
