import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../services/api-error';
import { ensureSignedIn, signInWithWechat } from '../services/auth';
import { openLoginPage } from '../services/navigation';
import { getSession } from '../services/session';

const inMiniProgram = process.env.TARO_ENV === 'weapp';

/**
 * How 我的 gets someone signed in: in the mini-program with WeChat, silently on the first visit;
 * on the web through the login page.
 */
export function useAccountSignIn() {
  const [signingIn, setSigningIn] = useState(() => inMiniProgram && getSession() === null);
  const [failure, setFailure] = useState<string>();

  const runWechatSignIn = useCallback(async (attempt: () => Promise<unknown>) => {
    setSigningIn(true);
    setFailure(undefined);
    try {
      await attempt();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSigningIn(false);
    }
  }, []);

  useEffect(() => {
    if (inMiniProgram) runWechatSignIn(ensureSignedIn);
  }, [runWechatSignIn]);

  const signIn = useCallback(() => {
    if (inMiniProgram) {
      runWechatSignIn(signInWithWechat);
    } else {
      openLoginPage().catch(() => undefined);
    }
  }, [runWechatSignIn]);

  return { signIn, signingIn, failure };
}
