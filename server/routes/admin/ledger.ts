import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LedgerDownloadQuery, LedgerExportLink, LedgerQuery, LedgerStats } from '../../../src/core/api/ledger';
import { LEDGER_ROLES } from '../../../src/core/roles';
import { callerOf } from '../../plugins/auth';
import { buildLedgerExport, LEDGER_DOWNLOAD_PATH, loadLedgerStats, requestLedgerExport } from '../../services/ledger';
import { createExportTickets } from '../../services/ledger/tickets';
import { errorResponses } from '../schemas';

const LEDGER_KEEPERS = { roles: [...LEDGER_ROLES] };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 签到台账: the year's figures for staff, and the workbook export behind a short-lived link. */
const adminLedger: FastifyPluginAsyncTypebox = async (app) => {
  const tickets = createExportTickets(app.config.tokenSecret, () => app.now());
  const actorOf = async (request: Parameters<typeof callerOf>[0]) => {
    const caller = callerOf(request);
    return { userId: caller.userId, grants: caller.grants, streetId: await app.streetId(), ip: request.ip };
  };
  const common = { tags: ['admin'], security: [{ bearer: [] }] };

  app.get(
    '/api/admin/stats',
    {
      config: { auth: LEDGER_KEEPERS },
      schema: { ...common, summary: '签到台账统计', querystring: LedgerQuery, response: { 200: LedgerStats, ...errorResponses(400, 401, 403) } },
    },
    async (request) => loadLedgerStats(app.db, await actorOf(request), request.query),
  );

  app.post(
    '/api/admin/exports/attendance',
    {
      config: { auth: LEDGER_KEEPERS },
      schema: { ...common, summary: '导出签到台账（返回限时下载链接）', body: LedgerQuery, response: { 200: LedgerExportLink, ...errorResponses(400, 401, 403) } },
    },
    async (request) => requestLedgerExport(app.db, tickets, await actorOf(request), request.body, app.now()),
  );

  app.get(
    LEDGER_DOWNLOAD_PATH,
    {
      // The ticket in the URL is the credential: a download cannot send the session header.
      config: { auth: 'public' },
      schema: {
        tags: ['admin'],
        summary: '下载签到台账（Excel）',
        querystring: LedgerDownloadQuery,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errorResponses(400, 403, 410) },
      },
    },
    async (request, reply) => {
      const { fileName, body } = await buildLedgerExport(app.db, tickets, request.query.ticket, await app.streetId(), app.now());
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};

export default adminLedger;
