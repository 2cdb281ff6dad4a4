import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Locator } from 'playwright-core';
import type { Session } from '../../src/core/api/auth';
import type { CommunityList, SpeakerOfferList, TopicList } from '../../src/core/api/booking';
import type { LedgerStats } from '../../src/core/api/ledger';
import { launchBrowser } from './support/browser';
import { signedInPhone, tapButton, tapCell } from './support/pages';
import { startE2EServer, type E2EServer } from './support/server';

let server: E2EServer;
let browser: Browser;

/** Tuesday 8 December 2026, 08:40 in Shanghai: check-in for a 09:00 talk has just opened. */
const TUESDAY_BEFORE_NINE = new Date('2026-12-08T00:40:00.000Z');
const NINE = '2026-12-08T01:00:00.000Z';
const TEN = '2026-12-08T02:00:00.000Z';

beforeAll(async () => {
  server = await startE2EServer({ startAt: TUESDAY_BEFORE_NINE });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function api<T>(session: Session | null, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const response = await server.app.inject({
    method,
    url,
    payload,
    headers: session ? { authorization: `Bearer ${session.accessToken}` } : {},
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

const demoLogin = (role: string, name: string) => api<Session>(null, 'POST', '/api/auth/dev', { role, name });

/** The talk to check in to, arranged through the API as 点单 and 接单 would: 王建国 at 惠阳社区, 09:00. */
async function arrangeTalk(): Promise<number> {
  const resident = await demoLogin('resident', '张桂兰');
  const speaker = await demoLogin('speaker', '王建国');
  const { topics } = await api<TopicList>(null, 'GET', '/api/topics');
  const { communities } = await api<CommunityList>(null, 'GET', '/api/communities');
  const huiyang = communities.find((community) => community.name === '惠阳社区')!;
  await api(resident, 'POST', '/api/talk-requests', {
    topicId: topics.find((topic) => topic.code === 'governance')!.id,
    communityId: huiyang.id,
    venueId: huiyang.venues.find((venue) => venue.name === '惠阳社区党群服务中心二楼会议室')!.id,
    windows: [{ start: NINE, end: TEN }],
    audienceSize: 40,
    audienceKinds: ['residents'],
  });
  const { pending } = await api<SpeakerOfferList>(speaker, 'GET', '/api/speaker/offers');
  const accepted = await api<{ talk: { id: number } }>(speaker, 'POST', `/api/offers/${pending[0].id}/accept`, { startsAt: NINE });
  return accepted.talk.id;
}

/** Reads the QR code on screen the way a phone camera would: from pixels, with a real decoder. */
async function decodeQr(image: Locator): Promise<string> {
  const png = PNG.sync.read(await image.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!decoded) throw new Error('no QR code found in the screenshot');
  return decoded.data;
}

describe('签到 with the rotating code, in Chromium', () => {
  it('the organiser shows the QR, an attendee opens what it encodes and is checked in, and the live count goes up', async () => {
    const talkId = await arrangeTalk();
    const clock = server.clock!;

    // 组织者 (the talk's speaker): the screen draws the code on the phone from the talk's key.
    const organiser = await signedInPhone(browser, server.url, '宣讲员 · 王建国', { clockAt: clock.now() });
    await organiser.page.goto(`/packages/checkin/organiser/index?id=${talkId}`);
    await organiser.page.getByText('已签到 0 人').waitFor();
    const qr = organiser.page.locator('.ywk-organiser__qr');
    await qr.waitFor();
    const scanned = await decodeQr(qr);
    expect(scanned).toMatch(new RegExp(`^${server.url}/c/${talkId}/\\d+/[A-Za-z0-9_-]{16}$`));

    // 参会者: the camera opens the link; the server sends it to the check-in page.
    const attendee = await signedInPhone(browser, server.url, '居民 · 张桂兰', { clockAt: clock.now() });
    await attendee.page.goto(scanned);
    await attendee.page.getByText('签到成功').waitFor();
    await attendee.page.getByText('基层治理与居民自治').waitFor();

    // The organiser's count follows within one poll.
    await organiser.page.getByText('已签到 1 人').waitFor({ timeout: 15_000 });

    // Scanned again, the same code answers 已签到 instead of a second row.
    await attendee.page.goto(scanned);
    await attendee.page.getByText('已签到', { exact: true }).waitFor();
    const rows = await server.app.db.selectFrom('checkins').select(['talk_id', 'method']).where('talk_id', '=', talkId).execute();
    expect(rows).toEqual([{ talk_id: talkId, method: 'scan' }]);

    await attendee.context.close();
    await organiser.context.close();
  }, 120_000);

  it('the street’s admin sees that check-in in the 签到台账 and exports it as an Excel workbook', async () => {
    const clock = server.clock!;
    const adminSession = await demoLogin('admin', '王海涛');
    // The seeded street has a year of talks behind it: the page must show the server's figures.
    const year = await api<LedgerStats>(adminSession, 'GET', '/api/admin/stats?year=2026');
    const huiyang = year.units.find((unit) => unit.name === '惠阳社区')!;
    expect(huiyang.checkins).toBeGreaterThanOrEqual(1);

    const admin = await signedInPhone(browser, server.url, '管理员 · 王海涛', { clockAt: clock.now() });
    await tapCell(admin.page, '签到台账');
    await admin.page.getByText('云溪街道 · 2026年').waitFor();
    await admin.page.getByText(`宣讲 ${year.talks} 场（已举办 ${year.held} 场）`).waitFor();
    await admin.page.getByText(`签到 ${year.checkins} 人次`, { exact: true }).waitFor();
    await admin.page.locator('.nut-cell', { hasText: '惠阳社区' }).getByText(`${huiyang.talks} 场 · 签到 ${huiyang.checkins} 人次`).waitFor();

    const [download] = await Promise.all([admin.page.waitForEvent('download'), tapButton(admin.page, '导出台账（Excel）')]);
    expect(download.suggestedFilename()).toBe('云溪街道2026年签到台账.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const details: unknown[][] = [];
    workbook.getWorksheet('签到明细')!.eachRow((row) => details.push((row.values as unknown[]).slice(1)));
    expect(details).toHaveLength(2 + year.checkins);
    // The scan of the first test: 张桂兰 at 惠阳社区 on 8 December, by the rotating code.
    expect(details.filter((row) => row[1] === '2026-12-08' && row[6] === '张桂兰').map((row) => [row[2], row[9]])).toEqual([['惠阳社区', '扫码']]);
    const audited = await server.app.db.selectFrom('audit_log').select('action').where('action', '=', 'ledger.exported').execute();
    expect(audited).toHaveLength(1);
    await admin.context.close();
  }, 120_000);
});
