import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  Attendance,
  AttendanceQuery,
  CheckinCodeInfo,
  CheckinResultWire,
  ManualCheckinBody,
  AttendanceEntry,
  MyCheckins,
  PersonalCheckinBody,
  PersonalCheckinResult,
  PersonalCodeInfo,
  ScanCheckinBody,
  TodayTalks,
} from '../../../src/core/api/checkin';
import { IdParams } from '../../../src/core/api/common';
import { CHECKIN_ROTATION_SECONDS, checkinPeriod, encodeTalkKey, parseCheckinCode } from '../../../src/core/checkin';
import { AppError } from '../../../src/core/errors';
import { DEFAULTS } from '../../config';
import { callerOf } from '../../plugins/auth';
import { loadAttendance } from '../../services/checkin/attendance';
import { checkInManually } from '../../services/checkin/manual';
import { listMyCheckins, listMyTalksToday } from '../../services/checkin/mine';
import { checkInByPersonalCode, issuePersonalCode } from '../../services/checkin/personal';
import { checkInByScan } from '../../services/checkin/scan';
import { createCheckinWriter } from '../../services/checkin/writer';
import { assertOrganiser, createScanTalks, loadCheckinTalk, talkKeyOf } from '../../services/checkin/talk';
import { errorResponses } from '../schemas';

/** 签到: the organiser's code and attendance, attendees' scans, personal codes and 代签到. */
const checkins: FastifyPluginAsyncTypebox = async (app) => {
  const offlineMaxDelayHours = app.config.checkinOfflineMaxDelayHours ?? DEFAULTS.checkinOfflineMaxDelayHours;
  const scanTalks = createScanTalks(app.db, app.config.tokenSecret);
  const checkinWriter = createCheckinWriter(app.db, () => app.now());

  /*
   * Check-in rate limits. Per attendee 30 a minute: one person scans once, perhaps again after
   * a refusal or from a flaky connection that retries; 30 leaves room for an offline queue
   * flushing a few scans at once, yet stops someone guessing codes. Per talk 3,000 a minute: a
   * full room of 300 scanning within the same minute, each retrying several times, stays far
   * below it, while a script hammering one talk from many accounts is cut off. Both are counted
   * in memory per instance, which is fine as a guard rather than an exact quota.
   */
  const perUser = app.config.checkinRateLimitPerUser ?? DEFAULTS.checkinRateLimitPerUser;
  const perTalk = app.config.checkinRateLimitPerTalk ?? DEFAULTS.checkinRateLimitPerTalk;
  // Counted alongside the per-user limit (the plugin runs one limiter per request, so this one
  // is a check of our own rather than a second route limiter).
  const countPerTalk = app.createRateLimit({
    max: perTalk,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => {
      const code = parseCheckinCode((request.body as { code?: unknown } | undefined)?.code);
      return `checkin-talk:${code ? code.talkId : 'unparsed'}`;
    },
  });
  const limitPerTalk = async (request: FastifyRequest) => {
    const limit = await countPerTalk(request);
    if (!limit.isAllowed && limit.isExceeded) {
      throw new AppError('rate_limited', { retryAfterSeconds: limit.ttlInSeconds, scope: 'talk' });
    }
  };

  app.get(
    '/api/talks/:id/checkin-code',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['checkin'],
        summary: '签到二维码密钥（组织者手机据此离线生成滚动二维码）',
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: CheckinCodeInfo, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const talk = await loadCheckinTalk(app.db, request.params.id);
      assertOrganiser(callerOf(request), talk, await app.streetId());
      // A cancelled talk's screen would only collect refusals: say so to the organiser at once.
      if (talk.status === 'cancelled') throw new AppError('talk_cancelled', { talkId: talk.id });
      return {
        talkId: talk.id,
        key: encodeTalkKey(talkKeyOf(app.config.tokenSecret, talk)),
        rotationSeconds: CHECKIN_ROTATION_SECONDS,
        serverTime: app.now().toISOString(),
        ...checkinPeriod(talk),
        origin: app.config.publicUrl,
      };
    },
  );

  app.post(
    '/api/checkins',
    {
      config: { auth: 'user', rateLimit: { max: perUser, timeWindow: '1 minute' } },
      preHandler: limitPerTalk,
      schema: {
        tags: ['checkin'],
        summary: '扫码签到（含离线补传）',
        security: [{ bearer: [] }],
        body: ScanCheckinBody,
        response: { 200: CheckinResultWire, ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request) =>
      checkInByScan({ db: app.db, talks: scanTalks, writer: checkinWriter, offlineMaxDelayHours, now: app.now() }, callerOf(request).userId, request.body),
  );

  app.post(
    '/api/checkins/personal',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['checkin'],
        summary: '组织者扫描参会者的个人签到码',
        security: [{ bearer: [] }],
        body: PersonalCheckinBody,
        response: { 200: PersonalCheckinResult, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request) =>
      checkInByPersonalCode(
        { db: app.db, tokenSecret: app.config.tokenSecret, offlineMaxDelayHours, streetId: await app.streetId(), now: app.now() },
        callerOf(request),
        request.body,
      ),
  );

  app.post(
    '/api/talks/:id/checkins/manual',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['checkin'],
        summary: '代签到（组织者手动登记，留痕）',
        security: [{ bearer: [] }],
        params: IdParams,
        body: ManualCheckinBody,
        response: { 200: AttendanceEntry, ...errorResponses(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request) =>
      checkInManually(
        { db: app.db, streetId: await app.streetId(), now: app.now(), ip: request.ip },
        callerOf(request),
        request.params.id,
        request.body,
      ),
  );

  app.get(
    '/api/talks/:id/attendance',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['checkin'],
        summary: '签到名单与被拒记录（组织者）',
        security: [{ bearer: [] }],
        params: IdParams,
        querystring: AttendanceQuery,
        response: { 200: Attendance, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      loadAttendance(app.db, callerOf(request), await app.streetId(), request.params.id, request.query.limit ?? 200),
  );

  app.get(
    '/api/me/checkin-code',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['checkin'],
        summary: '我的签到码',
        security: [{ bearer: [] }],
        response: { 200: PersonalCodeInfo, ...errorResponses(401) },
      },
    },
    async (request) => issuePersonalCode(app.config.tokenSecret, callerOf(request).userId, app.now()),
  );

  app.get(
    '/api/me/checkins',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['checkin'],
        summary: '我的签到记录',
        security: [{ bearer: [] }],
        response: { 200: MyCheckins, ...errorResponses(401) },
      },
    },
    async (request) => listMyCheckins(app.db, callerOf(request).userId),
  );

  app.get(
    '/api/me/talks/today',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['checkin'],
        summary: '我今天报名的宣讲',
        security: [{ bearer: [] }],
        response: { 200: TodayTalks, ...errorResponses(401) },
      },
    },
    async (request) => listMyTalksToday(app.db, callerOf(request).userId, app.now()),
  );
};

export default checkins;
