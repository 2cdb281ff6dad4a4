import Taro from '@tarojs/taro';
import { signInWithWechat } from './auth';
import { PAGES, isCurrentPage, openLoginPage } from './navigation';
import { SESSION_EXPIRED_EVENT } from './session';

function signInAgain(): void {
  if (process.env.TARO_ENV === 'weapp') {
    // Silent: if WeChat sign-in fails too, 我的 shows the 登录 button.
    signInWithWechat().catch(() => undefined);
    return;
  }
  if (!isCurrentPage(PAGES.login)) {
    openLoginPage().catch(() => undefined);
  }
}

/** Called once at launch: when the server ends the session, get the user signed in again. */
export function watchSessionExpiry(): () => void {
  Taro.eventCenter.on(SESSION_EXPIRED_EVENT, signInAgain);
  return () => {
    Taro.eventCenter.off(SESSION_EXPIRED_EVENT, signInAgain);
  };
}
