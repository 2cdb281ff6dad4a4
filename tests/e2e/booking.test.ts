import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { confirmDialog, signedInPhone, tapButton, tapCell } from './support/pages';
import { startE2EServer, type E2EServer } from './support/server';

let server: E2EServer;
let browser: Browser;

/**
 * Monday 7 December 2026, 10:00 in Shanghai. The order form proposes tomorrow 09:00, a Tuesday
 * morning, when 王建国 of 惠阳社区 (老书记课堂, 基层治理 at the top level) is free: he is the
 * speaker matching offers this talk to.
 */
const MONDAY_MORNING = new Date('2026-12-07T02:00:00.000Z');
const HOUR = 3600_000;

beforeAll(async () => {
  server = await startE2EServer({ startAt: MONDAY_MORNING });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function stepOf(page: Page, title: string) {
  return page.locator('.nut-step', { has: page.locator('.nut-step-title', { hasText: title }) }).first();
}

describe('点单 → 派单 → 接单 → 评单, in Chromium', () => {
  it('a resident orders a talk, the speaker it is offered to accepts it, and after the talk the resident rates it', async () => {
    const clock = server.clock!;
    // 居民: orders 基层治理与居民自治 for her own community from the 点单 tab.
    const resident = await signedInPhone(browser, server.url, '居民 · 张桂兰', { clockAt: clock.now() });
    const pageErrors: string[] = [];
    resident.page.on('pageerror', (error) => pageErrors.push(error.message));
    await resident.page.goto('/pages/order/index');
    await resident.page
      .locator('.ywk-topic-card', { hasText: '基层治理与居民自治' })
      .locator('taro-button-core', { hasText: '我要点单' })
      .click();
    await resident.page.getByText('宣讲时长约 60 分钟').waitFor();
    await resident.page.locator('.ywk-order-form__field .nut-cell', { hasText: '惠阳社区' }).waitFor();
    await tapButton(resident.page, '提交点单');
    await resident.page.waitForURL(/\/packages\/booking\/request\/index\?id=\d+/);
    const requestUrl = new URL(resident.page.url());
    await resident.page.locator('.ywk-request-detail__status', { hasText: '已派单' }).waitFor();

    // 宣讲员: finds the offer in 待接的单 and accepts it at the start of the requested time.
    const speaker = await signedInPhone(browser, server.url, '宣讲员 · 王建国', { clockAt: clock.now() });
    await tapCell(speaker.page, '待接的单');
    const offer = speaker.page.locator('.ywk-offer-card', { hasText: '基层治理与居民自治' });
    await offer.waitFor();
    await offer.getByText('惠阳社区').first().waitFor();
    await offer.locator('taro-button-core', { hasText: '接单' }).click();
    await speaker.page.locator('.nut-picker-confirm-btn').click();
    await speaker.page.getByText('确定接单吗').waitFor();
    await confirmDialog(speaker.page, '确定接单');
    await speaker.page.getByText('已接单：基层治理与居民自治').waitFor();

    // 居民: the request now says 已安排, with the speaker and the time.
    await resident.page.reload();
    await resident.page.locator('.ywk-request-detail__status', { hasText: '已安排' }).waitFor();
    await resident.page.getByText('王建国').first().waitFor();
    await resident.page.getByText('12月8日 09:00').first().waitFor();

    // The talk takes place on Tuesday morning; it is now Tuesday afternoon.
    clock.advance(28 * HOUR);
    await speaker.context.clock.setSystemTime(clock.now());
    await resident.context.clock.setSystemTime(clock.now());

    // 宣讲员: marks it held in 我的宣讲.
    await speaker.page.goto('/packages/speaker/talks/index');
    await speaker.page.locator('.nut-tabs-titles-item', { hasText: '已结束' }).click();
    await tapButton(speaker.page, '标记已举办');
    await confirmDialog(speaker.page, '确定已举办');
    await speaker.page.getByText(/标记已举办$/).first().waitFor();

    // 居民: 评单 from her request.
    await resident.page.goto(`${requestUrl.pathname}${requestUrl.search}`);
    await resident.page.locator('.ywk-request-detail__status', { hasText: '已举办' }).waitFor();
    await tapButton(resident.page, '去评价');
    await resident.page.getByText('请为您点的这场宣讲打个分').waitFor();
    await resident.page.locator('.nut-rate-item').nth(4).click();
    await resident.page.locator('textarea').fill('老书记讲得实在，都是身边的事');
    await tapButton(resident.page, '提交评价');
    await resident.page.getByText('您的评价：5 星').waitFor();

    await resident.page.goto(`${requestUrl.pathname}${requestUrl.search}`);
    await resident.page.locator('.ywk-request-detail__status', { hasText: '已评价' }).waitFor();
    // The seeded street has a year of ratings already: hers is the one by 张桂兰.
    const ratings = await server.app.db
      .selectFrom('feedback')
      .innerJoin('users', 'users.id', 'feedback.user_id')
      .select(['feedback.rating', 'feedback.comment'])
      .where('users.name', '=', '张桂兰')
      .execute();
    expect(ratings).toEqual([{ rating: 5, comment: '老书记讲得实在，都是身边的事' }]);
    expect(pageErrors).toEqual([]);

    await speaker.context.close();
    await resident.context.close();
  }, 180_000);
});
