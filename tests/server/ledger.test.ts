import ExcelJS from 'exceljs';
import type { Session } from '../../src/core/api/auth';
import type { LedgerExportLink, LedgerStats } from '../../src/core/api/ledger';
import { describeEachEngine } from '../support/app';
import { insertAttendees, insertTalk } from '../support/checkin';
import { MINUTE } from '../support/clock';

/**
 * 签到台账: a year's talks and check-ins. The year is Shanghai's: a talk at 00:30 on 1 January
 * in Shanghai (16:30 UTC the day before) belongs to the new year.
 */
describeEachEngine('签到台账', (ctx) => {
  let admin: Session;
  let communityA: number;
  let communityB: number;
  let talks: Record<'heldA' | 'newYearA' | 'laterB' | 'cancelledA' | 'lastYearA', number>;
  let people: { userId: number; token: string }[];
  let dispatcherOfB: string;

  const db = () => ctx().app.db;
  const place = async (talkId: number, unitId: number, startsAt: string, status: string) => {
    const endsAt = new Date(Date.parse(startsAt) + 60 * MINUTE).toISOString();
    await db().updateTable('talks').set({ unit_id: unitId, starts_at: startsAt, ends_at: endsAt, status }).where('id', '=', talkId).execute();
  };
  const checkIn = (talkId: number, row: { userId?: number; name?: string; phone?: string; method: 'scan' | 'personal_code' | 'manual'; offline?: boolean; at: string; recordedBy?: number }) =>
    db()
      .insertInto('checkins')
      .values({
        talk_id: talkId,
        user_id: row.userId ?? null,
        attendee_name: row.name ?? null,
        attendee_phone: row.phone ?? null,
        method: row.method,
        offline: row.offline ? 1 : 0,
        scanned_at: row.at,
        nonce: null,
        recorded_by: row.recordedBy ?? null,
        created_at: row.at,
      })
      .execute();
  const stats = (token: Session | string, query: string) => ctx().request(token, { method: 'GET', url: `/api/admin/stats?${query}` });
  const requestExport = (token: Session | string, body: Record<string, unknown>) =>
    ctx().request(token, { method: 'POST', url: '/api/admin/exports/attendance', payload: body });

  beforeAll(async () => {
    ctx().clock.set('2026-11-30T02:00:00.000Z');
    const now = ctx().clock.now();
    const streetId = await ctx().app.streetId();
    admin = await ctx().login('admin', '台账管理员');
    const speaker = await ctx().login('speaker', '台账宣讲员');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await insertTalk(db(), streetId, speaker.user.id, now));
    communityA = made[0].unitId;
    communityB = made[2].unitId;
    talks = { heldA: made[0].talkId, newYearA: made[1].talkId, laterB: made[2].talkId, cancelledA: made[3].talkId, lastYearA: made[4].talkId };
    await place(talks.heldA, communityA, '2026-03-08T06:00:00.000Z', 'held');
    await place(talks.newYearA, communityA, '2025-12-31T16:30:00.000Z', 'held');
    await place(talks.laterB, communityB, '2026-12-20T01:00:00.000Z', 'scheduled');
    await place(talks.cancelledA, communityA, '2026-05-01T06:00:00.000Z', 'cancelled');
    await place(talks.lastYearA, communityA, '2025-12-31T15:30:00.000Z', 'held');

    people = await insertAttendees(db(), ctx().app.tokens, now, 3, '台账居民');
    await checkIn(talks.heldA, { userId: people[0].userId, method: 'scan', at: '2026-03-08T05:55:00.000Z' });
    await checkIn(talks.heldA, { userId: people[1].userId, method: 'scan', offline: true, at: '2026-03-08T05:58:00.000Z' });
    await checkIn(talks.heldA, { name: '=HYPERLINK("http://x","点我")', phone: '13912345678', method: 'manual', at: '2026-03-08T06:05:00.000Z', recordedBy: speaker.user.id });
    await checkIn(talks.newYearA, { userId: people[2].userId, method: 'personal_code', at: '2025-12-31T16:40:00.000Z', recordedBy: speaker.user.id });
    await checkIn(talks.cancelledA, { userId: people[0].userId, method: 'scan', at: '2026-05-01T06:00:00.000Z' });
    await checkIn(talks.lastYearA, { userId: people[1].userId, method: 'scan', at: '2025-12-31T15:35:00.000Z' });

    // 点单 for the two communities: one request for each status group, and one from last year.
    const topics = await db().selectFrom('talks').innerJoin('topics', 'topics.id', 'talks.topic_id').select(['talks.id', 'topics.id as topic_id']).execute();
    const topicOf = (talkId: number) => topics.find((row) => row.id === talkId)!.topic_id;
    const requestBy = people[0].userId;
    const ask = (unitId: number, topicTalk: number, status: string, createdAt: string) =>
      db()
        .insertInto('talk_requests')
        .values({
          requester_id: requestBy,
          topic_id: topicOf(topicTalk),
          unit_id: unitId,
          venue_id: null,
          windows: '[]',
          audience_size: 30,
          audience_kinds: '[]',
          note: '',
          status,
          cancel_reason: null,
          cancelled_by: null,
          created_at: createdAt,
          updated_at: createdAt,
        })
        .execute();
    await ask(communityA, talks.heldA, 'rated', '2026-02-01T02:00:00.000Z');
    await ask(communityA, talks.heldA, 'held', '2026-02-02T02:00:00.000Z');
    await ask(communityA, talks.newYearA, 'scheduled', '2026-06-01T02:00:00.000Z');
    await ask(communityB, talks.laterB, 'unmatched', '2026-07-01T02:00:00.000Z');
    await ask(communityB, talks.laterB, 'cancelled', '2026-08-01T02:00:00.000Z');
    await ask(communityA, talks.heldA, 'rated', '2025-06-01T02:00:00.000Z');
    for (const [person, rating] of [[people[0], 5], [people[1], 4]] as const) {
      await db()
        .insertInto('feedback')
        .values({ talk_id: talks.heldA, user_id: person.userId, rating, comment: '', created_at: '2026-03-08T08:00:00.000Z' })
        .execute();
    }

    const dispatcher = await db()
      .insertInto('users')
      .values({ name: '乙社区派单员', phone: null, elder_mode: 0, created_at: now.toISOString(), updated_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    dispatcherOfB = ctx().app.tokens.issueAccess({ userId: dispatcher.id, grants: [{ role: 'dispatcher', unitId: communityB }] });
  });

  it('sums the year over the whole street for the street’s admin: talks held or to come, check-ins by how', async () => {
    const response = await stats(admin, 'year=2026');
    expect(response.statusCode).toBe(200);
    const body = response.json() as LedgerStats;
    expect(body).toMatchObject({
      year: 2026,
      scopeName: '测试街道',
      talks: 3,
      held: 2,
      checkins: 4,
      byHow: { scan: 1, personal_code: 1, manual: 1, offline: 1 },
    });
    const [first, second] = body.units;
    expect(first).toMatchObject({ unitId: communityA, talks: 2, checkins: 4 });
    expect(second).toMatchObject({ unitId: communityB, talks: 1, checkins: 0 });
    expect(body.choices[0].name).toBe('测试街道');
    expect(body.ratings).toEqual({ count: 2, mean: 4.5 });
    expect(body.demand).toMatchObject({ requests: 5, held: 2, inProgress: 1, unmatched: 1, cancelled: 1 });
    expect(body.demand.topTopics.map((topic) => topic.requests)).toEqual([2, 2, 1]);
    expect(body.choices.map((choice) => choice.unitId)).toEqual(expect.arrayContaining([communityA, communityB]));
  });

  it('puts the talk at 23:30 on 31 December (Shanghai) in its own year', async () => {
    const body = (await stats(admin, 'year=2025')).json() as LedgerStats;
    expect(body).toMatchObject({ talks: 1, checkins: 1, byHow: { scan: 1 } });
  });

  it('shows a community’s dispatcher that community only, and refuses them another', async () => {
    const own = (await stats(dispatcherOfB, 'year=2026')).json() as LedgerStats;
    expect(own).toMatchObject({ talks: 1, checkins: 0, ratings: { count: 0, mean: null } });
    expect(own.demand).toMatchObject({ requests: 2, unmatched: 1, cancelled: 1, held: 0 });
    expect(own.units.map((unit) => unit.unitId)).toEqual([communityB]);
    expect(own.choices.map((choice) => choice.unitId)).toEqual([communityB]);
    const other = await stats(dispatcherOfB, `year=2026&unitId=${communityA}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('forbidden');
    expect((await requestExport(dispatcherOfB, { year: 2026, unitId: communityA })).statusCode).toBe(403);
  });

  it('narrows the street’s figures to one community when asked', async () => {
    const body = (await stats(admin, `year=2026&unitId=${communityA}`)).json() as LedgerStats;
    expect(body).toMatchObject({ talks: 2, checkins: 4 });
    expect(body.scopeName).not.toBe('测试街道');
  });

  it('refuses residents and speakers, anonymous callers, and bad years', async () => {
    const resident = await ctx().login('resident', '台账居民甲');
    expect((await stats(resident, 'year=2026')).statusCode).toBe(403);
    expect((await requestExport(resident, { year: 2026 })).statusCode).toBe(403);
    expect((await stats('', 'year=2026')).statusCode).toBe(401);
    for (const query of ['year=1999', 'year=abc', '', 'year=2026&unitId=0', `year=2026&unitId=${'9'.repeat(30)}`]) {
      const response = await stats(admin, query);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('validation_failed');
    }
    expect((await requestExport(admin, { year: '2026年' })).statusCode).toBe(400);
    expect((await stats(admin, 'year=2026&unitId=2147483647')).statusCode).toBe(403);
  });

  describe('the Excel export', () => {
    let link: LedgerExportLink;
    let workbook: ExcelJS.Workbook;

    beforeAll(async () => {
      ctx().clock.set('2026-11-30T02:00:00.000Z');
      const response = await requestExport(admin, { year: 2026 });
      expect(response.statusCode).toBe(200);
      link = response.json() as LedgerExportLink;
      const download = await ctx().app.inject({ method: 'GET', url: link.path });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('测试街道2026年签到台账.xlsx')}`);
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(download.rawPayload as never);
    });

    const rowsOf = (sheetName: string) => {
      const sheet = workbook.getWorksheet(sheetName)!;
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };

    it('answers a link that expires within minutes and records the export in the audit log', async () => {
      expect(link.fileName).toBe('测试街道2026年签到台账.xlsx');
      expect(Date.parse(link.expiresAt) - ctx().clock.now().getTime()).toBeLessThanOrEqual(5 * MINUTE);
      const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'ledger.exported').where('actor_id', '=', admin.user.id).execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].after!)).toMatchObject({ year: 2026 });
    });

    it('lists each talk of the year in date order with its counts, cancelled talks left out', () => {
      const [title, header, ...talkRows] = rowsOf('场次汇总');
      expect(title[0]).toBe('测试街道2026年宣讲签到台账');
      expect(header).toEqual(['序号', '日期', '时间', '社区', '宣讲主题', '场地', '宣讲员', '状态', '报名人数', '签到人数', '扫码', '个人签到码', '代签到', '离线补传', '评价人数', '平均评分']);
      expect(talkRows.map((row) => [row[0], row[1], row[2], row[7], row[9], row[10], row[11], row[12], row[13]])).toEqual([
        [1, '2026-01-01', '00:30–01:30', '已举办', 1, 0, 1, 0, 0],
        [2, '2026-03-08', '14:00–15:00', '已举办', 3, 1, 0, 1, 1],
        [3, '2026-12-20', '09:00–10:00', '已安排', 0, 0, 0, 0, 0],
      ]);
      expect(talkRows[0][6]).toBe('台账宣讲员');
    });

    it('lists every check-in with a masked phone, how and who recorded it; a typed formula stays text', () => {
      const [, header, ...rows] = rowsOf('签到明细');
      expect(header).toEqual(['序号', '日期', '社区', '宣讲主题', '场地', '宣讲员', '姓名', '手机号', '签到时间', '签到方式', '登记人']);
      expect(rows.map((row) => [row[6], row[7], row[8], row[9], row[10] ?? ''])).toEqual([
        ['台账居民2', '139****0002', '2026-01-01 00:40', '个人签到码', '台账宣讲员'],
        ['台账居民0', '139****0000', '2026-03-08 13:55', '扫码', ''],
        ['台账居民1', '139****0001', '2026-03-08 13:58', '离线补传', ''],
        ['=HYPERLINK("http://x","点我")', '139****5678', '2026-03-08 14:05', '代签到', '台账宣讲员'],
      ]);
      const typed = workbook.getWorksheet('签到明细')!.getRow(6).getCell(7);
      expect(typed.type).toBe(ExcelJS.ValueType.String);
    });

    it('refuses a tampered, an expired or a session token as the link', async () => {
      const ticket = new URL(link.path, 'http://x').searchParams.get('ticket')!;
      const tampered = `${ticket.slice(0, -2)}${ticket.endsWith('AA') ? 'BB' : 'AA'}`;
      const forged = await ctx().app.inject({ method: 'GET', url: `/api/admin/exports/attendance.xlsx?ticket=${tampered}` });
      expect(forged.statusCode).toBe(403);
      expect(forged.json().code).toBe('download_link_invalid');
      const session = await ctx().app.inject({ method: 'GET', url: `/api/admin/exports/attendance.xlsx?ticket=${admin.accessToken}` });
      expect(session.json().code).toBe('download_link_invalid');
      expect((await ctx().app.inject({ method: 'GET', url: '/api/admin/exports/attendance.xlsx' })).statusCode).toBe(400);
      ctx().clock.advance(3 * MINUTE);
      const late = await ctx().app.inject({ method: 'GET', url: link.path });
      expect(late.statusCode).toBe(410);
      expect(late.json()).toMatchObject({ code: 'download_link_expired', message: '下载链接已过期，请重新导出' });
    });
  });
});
