import Taro from '@tarojs/taro';

/** 签到台账 for the staff who run talks. */
export const LEDGER_PAGE = '/packages/admin/ledger/index';

export function openLedger(): Promise<unknown> {
  return Taro.navigateTo({ url: LEDGER_PAGE });
}
