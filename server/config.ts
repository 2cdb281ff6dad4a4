import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Everything the server reads from the environment, with its default. */
export interface AppConfig {
  /** `sqlite:<file>` or `postgres://…`. */
  databaseUrl: string;
  /** PostgreSQL schema (tests give each suite its own); empty uses the default search path. */
  databaseSchema?: string;
  /** HMAC key for session tokens and, derived from it, check-in codes. */
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** `POST /api/auth/dev` exists only when this is on (the demo and tests). */
  devLogin: boolean;
  wechat: { apiBase: string; appId: string; appSecret: string; timeoutMs: number };
  /** The built h5 app served at `/`; absent or missing folder serves the API only. */
  staticDir?: string;
  /** Public origin used in links and check-in codes, e.g. https://wkt.example.gov.cn. */
  publicUrl: string;
  logLevel: string;
  /** Requests per minute per signed-in user or per address, outside the stricter auth limit. */
  rateLimitPerMinute: number;
  /** Password sign-in attempts per minute per address. */
  authRateLimitPerMinute: number;
  bodyLimitBytes: number;
  /** Name of the street an empty database starts with; the demo seed names its own. */
  streetName: string;
  /** How late a queued offline check-in may reach the server (CHECKIN_OFFLINE_MAX_DELAY_HOURS, default 24). */
  checkinOfflineMaxDelayHours?: number;
  /** POST /api/checkins per attendee per minute (CHECKIN_RATE_LIMIT_PER_USER, default 30). */
  checkinRateLimitPerUser?: number;
  /** POST /api/checkins per talk per minute (CHECKIN_RATE_LIMIT_PER_TALK, default 3000). */
  checkinRateLimitPerTalk?: number;
}

export const DEFAULTS = {
  databaseUrl: 'sqlite:data/app.db',
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlDays: 30,
  wechatApiBase: 'https://api.weixin.qq.com',
  wechatTimeoutMs: 5000,
  staticDir: 'dist-h5',
  port: 3000,
  host: '0.0.0.0',
  logLevel: 'info',
  rateLimitPerMinute: 600,
  authRateLimitPerMinute: 30,
  bodyLimitBytes: 1024 * 1024,
  streetName: '本街道',
  checkinOfflineMaxDelayHours: 24,
  checkinRateLimitPerUser: 30,
  checkinRateLimitPerTalk: 3000,
} as const;

export interface LoadedConfig {
  config: AppConfig;
  port: number;
  host: string;
  /** Said once at start-up, e.g. that a demo key was generated. */
  notices: string[];
}

function flag(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${name} must be a positive integer`);
  return parsed;
}

/**
 * Reads the environment. Without TOKEN_SECRET the server refuses to start, except in demo mode
 * (DEMO=1), where a key is generated once into data/ so sessions survive a restart.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dataDir = 'data'): LoadedConfig {
  const notices: string[] = [];
  const demo = flag(env.DEMO);
  let tokenSecret = env.TOKEN_SECRET ?? '';
  if (!tokenSecret) {
    if (!demo) throw new Error('TOKEN_SECRET is required (at least 32 characters); DEMO=1 generates one');
    tokenSecret = demoSecret(dataDir, notices);
  }
  if (tokenSecret.length < 32) throw new Error('TOKEN_SECRET must be at least 32 characters');
  const port = positiveInt('PORT', env.PORT, DEFAULTS.port);
  return {
    port,
    host: env.HOST || DEFAULTS.host,
    notices,
    config: {
      databaseUrl: env.DATABASE_URL || DEFAULTS.databaseUrl,
      databaseSchema: env.DATABASE_SCHEMA || undefined,
      tokenSecret,
      accessTokenTtlSeconds: positiveInt('ACCESS_TOKEN_TTL', env.ACCESS_TOKEN_TTL, DEFAULTS.accessTokenTtlSeconds),
      refreshTokenTtlDays: positiveInt('REFRESH_TOKEN_DAYS', env.REFRESH_TOKEN_DAYS, DEFAULTS.refreshTokenTtlDays),
      devLogin: env.AUTH_DEV_LOGIN !== undefined ? flag(env.AUTH_DEV_LOGIN) : demo,
      wechat: {
        apiBase: env.WECHAT_API_BASE || DEFAULTS.wechatApiBase,
        appId: env.WECHAT_APPID ?? '',
        appSecret: env.WECHAT_SECRET ?? '',
        timeoutMs: positiveInt('WECHAT_TIMEOUT_MS', env.WECHAT_TIMEOUT_MS, DEFAULTS.wechatTimeoutMs),
      },
      staticDir: env.STATIC_DIR ?? DEFAULTS.staticDir,
      publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
      logLevel: env.LOG_LEVEL || DEFAULTS.logLevel,
      rateLimitPerMinute: positiveInt('RATE_LIMIT', env.RATE_LIMIT, DEFAULTS.rateLimitPerMinute),
      authRateLimitPerMinute: positiveInt('AUTH_RATE_LIMIT', env.AUTH_RATE_LIMIT, DEFAULTS.authRateLimitPerMinute),
      bodyLimitBytes: DEFAULTS.bodyLimitBytes,
      streetName: env.STREET_NAME || DEFAULTS.streetName,
      checkinOfflineMaxDelayHours: positiveInt(
        'CHECKIN_OFFLINE_MAX_DELAY_HOURS',
        env.CHECKIN_OFFLINE_MAX_DELAY_HOURS,
        DEFAULTS.checkinOfflineMaxDelayHours,
      ),
      checkinRateLimitPerUser: positiveInt('CHECKIN_RATE_LIMIT_PER_USER', env.CHECKIN_RATE_LIMIT_PER_USER, DEFAULTS.checkinRateLimitPerUser),
      checkinRateLimitPerTalk: positiveInt('CHECKIN_RATE_LIMIT_PER_TALK', env.CHECKIN_RATE_LIMIT_PER_TALK, DEFAULTS.checkinRateLimitPerTalk),
    },
  };
}

function demoSecret(dataDir: string, notices: string[]): string {
  const file = path.join(dataDir, 'token-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  notices.push(`未设置 TOKEN_SECRET：演示模式已生成签名密钥并保存在 ${file}（正式部署请通过环境变量提供）`);
  return secret;
}
