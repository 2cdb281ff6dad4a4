import { AppError, type ErrorCode } from '../../src/core/errors';

export interface WechatConfig {
  /** https://api.weixin.qq.com in production; a local fake server in tests. */
  apiBase: string;
  appId: string;
  appSecret: string;
  timeoutMs: number;
}

export interface WechatSession {
  openid: string;
  unionid: string | null;
  /** Kept only for the request that asked: we never store it. */
  sessionKey: string;
}

export interface WechatClient {
  /** 小程序登录: exchanges the `code` from `wx.login` for the user's openid. */
  code2Session(code: string): Promise<WechatSession>;
}

/** WeChat's errcodes that the user or the app can act on, mapped to our codes. */
const ERRCODES: Record<number, ErrorCode> = {
  40029: 'wechat_code_invalid', // invalid code
  40163: 'wechat_code_used', // code been used
  45011: 'wechat_rate_limited', // API minute-quota reached
  40226: 'wechat_user_blocked', // high-risk user, login blocked
};

interface Code2SessionResponse {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

export function createWechatClient(config: WechatConfig): WechatClient {
  const base = config.apiBase.replace(/\/$/, '');

  async function getJson<T>(path: string, query: Record<string, string>): Promise<T> {
    const url = `${base}${path}?${new URLSearchParams(query).toString()}`;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(config.timeoutMs) });
    } catch (error) {
      throw new AppError('wechat_unavailable', { reason: error instanceof Error ? error.name : 'network' });
    }
    if (!response.ok) throw new AppError('wechat_unavailable', { status: response.status });
    try {
      return (await response.json()) as T;
    } catch {
      throw new AppError('wechat_unavailable', { reason: 'bad_response' });
    }
  }

  return {
    async code2Session(code) {
      const body = await getJson<Code2SessionResponse>('/sns/jscode2session', {
        appid: config.appId,
        secret: config.appSecret,
        js_code: code,
        grant_type: 'authorization_code',
      });
      if (body.errcode) {
        throw new AppError(ERRCODES[body.errcode] ?? 'wechat_unavailable', { wechatErrcode: body.errcode });
      }
      if (!body.openid || !body.session_key) throw new AppError('wechat_unavailable', { reason: 'no_openid' });
      return { openid: body.openid, unionid: body.unionid ?? null, sessionKey: body.session_key };
    },
  };
}
