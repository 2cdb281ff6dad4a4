import Taro from '@tarojs/taro';
import type { Session } from '../core/api/auth';
import { ERRORS } from '../core/errors';
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_MESSAGE } from './api-error';
import { SESSION_EXPIRED_EVENT, clearSession, getSession, saveSession } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method: HttpMethod;
  /** A path under the API server, e.g. `/api/me`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Whether to send the signed-in user's access token (default true). */
  authenticated?: boolean;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
}

const REFRESH_PATH = '/api/auth/refresh';

let refreshInFlight: Promise<Session> | null = null;

function buildUrl(path: string, query: RequestOptions['query']): string {
  const pairs = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${API_BASE_URL}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

/** wx.request has no PATCH; the server accepts PUT with the same partial body on those routes. */
function wireMethod(method: HttpMethod): HttpMethod {
  return method === 'PATCH' && process.env.TARO_ENV === 'weapp' ? 'PUT' : method;
}

function isSuccess(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 300;
}

async function send(options: RequestOptions, accessToken: string | undefined): Promise<RawResponse> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  try {
    const response = await Taro.request({
      url: buildUrl(options.path, options.query),
      method: wireMethod(options.method),
      header,
      data: options.body,
      dataType: 'json',
    });
    return { statusCode: response.statusCode, data: response.data };
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0);
  }
}

/** A GET changes nothing on the server, so a lost one is safe to send again; a lost POST is not. */
async function sendWithRetry(options: RequestOptions, accessToken: string | undefined): Promise<RawResponse> {
  try {
    return await send(options, accessToken);
  } catch (error) {
    if (options.method !== 'GET') throw error;
    return send(options, accessToken);
  }
}

function toApiError(response: RawResponse): ApiError {
  const body = response.data;
  if (typeof body === 'object' && body !== null) {
    const { code, message, details } = body as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof code === 'string' && typeof message === 'string') {
      const detailRecord =
        typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined;
      return new ApiError(code, message, response.statusCode, detailRecord);
    }
  }
  // Something in front of our server (a proxy, a gateway) answered: there is no error body to show.
  return new ApiError('internal_error', ERRORS.internal_error.message, response.statusCode);
}

/** The server no longer accepts this session: forget it and let the app decide how to sign in again. */
function expireSession(reason: ApiError): void {
  clearSession();
  Taro.eventCenter.trigger(SESSION_EXPIRED_EVENT, reason);
}

async function performRefresh(expired: Session): Promise<Session> {
  // A network failure propagates without clearing the session: the refresh token may still be good.
  const response = await send(
    { method: 'POST', path: REFRESH_PATH, body: { refreshToken: expired.refreshToken } },
    undefined,
  );
  if (!isSuccess(response.statusCode)) {
    const error = toApiError(response);
    expireSession(error);
    throw error;
  }
  const session = response.data as Session;
  // Signing out while the refresh was on its way must not sign the user back in.
  if (getSession()?.refreshToken !== expired.refreshToken) {
    throw new ApiError('token_expired', ERRORS.token_expired.message, 401);
  }
  saveSession(session);
  return session;
}

/** Refresh tokens rotate, so concurrent requests must share one refresh instead of racing. */
function refreshSession(expired: Session): Promise<Session> {
  if (!refreshInFlight) {
    refreshInFlight = performRefresh(expired).finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

async function recoverFromUnauthorized(
  options: RequestOptions,
  sentWith: Session,
  response: RawResponse,
): Promise<RawResponse> {
  const error = toApiError(response);
  if (error.code === 'invalid_token') {
    expireSession(error);
    return response;
  }
  if (error.code !== 'token_expired') return response;

  const current = getSession();
  if (!current) return response;
  // Another request may already have refreshed while this one was on its way.
  const fresh = current.accessToken !== sentWith.accessToken ? current : await refreshSession(current);
  return sendWithRetry(options, fresh.accessToken);
}

/**
 * Sends one API request and returns the response body, or throws ApiError. The body is typed by
 * the caller from the route's TypeBox schema in src/core/api, which the server enforces.
 */
export async function request<T>(options: RequestOptions): Promise<T> {
  const session = options.authenticated === false ? null : getSession();
  let response = await sendWithRetry(options, session?.accessToken);
  if (session && response.statusCode === 401) {
    response = await recoverFromUnauthorized(options, session, response);
  }
  if (!isSuccess(response.statusCode)) throw toApiError(response);
  return (response.statusCode === 204 ? undefined : response.data) as T;
}
