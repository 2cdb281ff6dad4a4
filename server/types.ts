import type { Kysely } from 'kysely';
import type { RoleGrant, Role } from '../src/core/roles';
import type { AppConfig } from './config';
import type { Engine } from './db/connect';
import type { Database } from './db/schema';
import type { WechatClient } from './wechat/client';
import type { TokenService } from './services/auth/tokens';
import type { FeedCache } from './services/posts/feed-cache';

/** Who is asking, from a verified access token. */
export interface Caller {
  userId: number;
  grants: RoleGrant[];
}

/**
 * Every /api route declares who may call it in `config.auth`; the auth plugin enforces it and
 * refuses to register a route that forgot.
 */
export type AuthPolicy = 'public' | 'user' | { roles: readonly Role[] };

export interface RoutePolicy {
  method: string;
  url: string;
  policy: AuthPolicy;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with who may call it; the role tests walk this list. */
    routePolicies: readonly RoutePolicy[];
    config: AppConfig;
    db: Kysely<Database>;
    dbEngine: Engine;
    /** The street's unit id: grants held there cover every community. */
    streetId(): Promise<number>;
    now(): Date;
    tokens: TokenService;
    /** Feed pages answered from memory for a moment; cleared when this instance publishes. */
    feedCache: FeedCache;
    wechat: WechatClient;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    auth?: AuthPolicy;
  }
}
