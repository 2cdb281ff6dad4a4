import type {
  AuthOptions,
  DevLoginBody,
  Me,
  PasswordLoginBody,
  Session,
  UpdateMeBody,
} from '../core/api/auth';
import { request } from './http';

/** Sign-in endpoints. They answer with a Session; storing it is the caller's job (see auth.ts). */
export const authApi = {
  options: () => request<AuthOptions>({ method: 'GET', path: '/api/auth/options', authenticated: false }),

  devLogin: (body: DevLoginBody) =>
    request<Session>({ method: 'POST', path: '/api/auth/dev', body, authenticated: false }),

  passwordLogin: (body: PasswordLoginBody) =>
    request<Session>({ method: 'POST', path: '/api/auth/password', body, authenticated: false }),

  wechatLogin: (code: string) =>
    request<Session>({ method: 'POST', path: '/api/auth/wechat', body: { code }, authenticated: false }),

  // The refresh token names the session to end; the access token may already have expired.
  logout: (refreshToken: string) =>
    request<void>({ method: 'POST', path: '/api/auth/logout', body: { refreshToken }, authenticated: false }),
};

/** The signed-in user (我的). */
export const meApi = {
  get: () => request<Me>({ method: 'GET', path: '/api/me' }),
  update: (body: UpdateMeBody) => request<Me>({ method: 'PATCH', path: '/api/me', body }),
};
