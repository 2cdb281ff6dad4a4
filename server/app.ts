import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppConfig } from './config';
import type { DatabaseHandle } from './db/connect';
import { requestLogFields } from './logging';
import authPlugin from './plugins/auth';
import configPlugin from './plugins/config';
import dbPlugin from './plugins/db';
import errorsPlugin from './plugins/errors';
import offerSweepPlugin from './plugins/offer-sweep';
import securityHeadersPlugin from './plugins/security-headers';
import securityPlugin from './plugins/security';
import staticPlugin from './plugins/static';
import swaggerPlugin from './plugins/swagger';
import adminPostsRoutes from './routes/admin/posts';
import adminStaffRoutes from './routes/admin/staff';
import adminLedgerRoutes from './routes/admin/ledger';
import adminTalkRequestRoutes from './routes/admin/talk-requests';
import bookingRoutes from './routes/booking';
import authRoutes from './routes/auth';
import checkinLinkRoutes from './routes/checkin-link';
import checkinRoutes from './routes/checkins';
import healthRoutes from './routes/health';
import meRoutes from './routes/me';
import meStudyRoutes from './routes/me/study';
import postsRoutes from './routes/posts';
import { createFeedCache } from './services/posts/feed-cache';
import { createWechatClient, type WechatClient } from './wechat/client';

export interface BuildOptions {
  config: AppConfig;
  /** An open database (tests); otherwise opened from config.databaseUrl. */
  database?: DatabaseHandle;
  /** The clock (tests control it). */
  now?: () => Date;
  /** Replaces the WeChat client; tests normally point config.wechat.apiBase at a fake server instead. */
  wechat?: WechatClient;
  /**
   * Run the offer sweep on an interval. Defaults to on with the real clock and off when a clock is
   * injected: tests call sweepOffers themselves with their TestClock.
   */
  offerSweep?: boolean;
  /** The log level (and, for tests, where lines go), or false for silence. */
  logger?: false | { level: string; stream?: { write(line: string): void } };
}

/**
 * Builds the whole app. Infrastructure first, then services, then routes; `main.ts` and every
 * test call this same function, so what is tested is what runs.
 */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel, ...options.logger, serializers: { req: requestLogFields } },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: true,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(configPlugin, { config, now: options.now });
  await app.register(securityHeadersPlugin);
  await app.register(errorsPlugin);
  await app.register(dbPlugin, { handle: options.database });
  await app.register(authPlugin);
  await app.register(securityPlugin);
  await app.register(swaggerPlugin);

  app.decorate('wechat', options.wechat ?? createWechatClient(config.wechat));
  app.decorate('feedCache', createFeedCache(() => app.now()));

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(meRoutes);
  await app.register(meStudyRoutes);
  await app.register(postsRoutes);
  await app.register(adminStaffRoutes);
  await app.register(adminPostsRoutes);
  await app.register(bookingRoutes);
  await app.register(adminTalkRequestRoutes);
  await app.register(adminLedgerRoutes);
  await app.register(checkinRoutes);
  await app.register(checkinLinkRoutes);

  if (options.offerSweep ?? !options.now) await app.register(offerSweepPlugin);

  await app.register(staticPlugin);
  return app;
}
