import Taro from '@tarojs/taro';
import type { DemoAccount, Me, Session } from '../core/api/auth';
import { ERRORS } from '../core/errors';
import { authApi, meApi } from './api';
import { ApiError } from './api-error';
import { clearSession, getSession, saveSession, saveUser } from './session';

function start(session: Session): Me {
  saveSession(session);
  return session.user;
}

export async function signInAsDemo(account: DemoAccount): Promise<Me> {
  return start(await authApi.devLogin({ role: account.role, name: account.name }));
}

export async function signInWithPassword(username: string, password: string): Promise<Me> {
  return start(await authApi.passwordLogin({ username, password }));
}

/** 微信登录: a one-time code from WeChat, exchanged by our server for a session. */
export async function signInWithWechat(): Promise<Me> {
  const code = await wechatLoginCode();
  return start(await authApi.wechatLogin(code));
}

async function wechatLoginCode(): Promise<string> {
  try {
    const { code } = await Taro.login();
    return code;
  } catch {
    throw new ApiError('wechat_unavailable', ERRORS.wechat_unavailable.message, 0);
  }
}

/** In the mini-program everyone can be signed in silently with WeChat. */
export async function ensureSignedIn(): Promise<Me> {
  const session = getSession();
  return session ? session.user : signInWithWechat();
}

/** Reads who is signed in from the server, so roles and settings changed elsewhere show up. */
export async function refreshSignedInUser(): Promise<Me> {
  const user = await meApi.get();
  saveUser(user);
  return user;
}

/**
 * Signs out here even when the server cannot be told: the user asked to leave, and the refresh
 * token expires on its own.
 */
export async function signOut(): Promise<void> {
  const session = getSession();
  clearSession();
  if (!session) return;
  try {
    await authApi.logout(session.refreshToken);
  } catch {
    // The session is already gone on this device, which is what the user asked for.
  }
}
