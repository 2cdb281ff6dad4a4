import type { Browser } from 'playwright-core';
import { launchBrowser, phoneContext } from './support/browser';
import { tapButton, tapCell, tapTab } from './support/pages';
import { startE2EServer, type E2EServer } from './support/server';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2EServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('signing in on the h5 app', () => {
  it('lets a resident sign in with the demo account, see 我的, and sign out', async () => {
    const context = await phoneContext(browser, server.url);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto('/');
    // The feed is what a resident sees first; let it load before moving on.
    await page.locator('.ywk-post-card').first().waitFor();
    await tapTab(page, '我的');
    await page.getByText('您还没有登录').waitFor();
    await tapButton(page, '登录');

    await page.getByText('演示账号').waitFor();
    await tapCell(page, '居民 · 张桂兰');

    await page.locator('.ywk-profile-card__name', { hasText: '张桂兰' }).waitFor();
    await page.locator('.ywk-profile-card__role', { hasText: '居民' }).waitFor();
    await page.getByText('所属社区：惠阳社区').waitFor();

    // The session survives a reload: it is stored on the device, not only in memory.
    await page.reload();
    await page.locator('.ywk-profile-card__name', { hasText: '张桂兰' }).waitFor();

    await tapButton(page, '退出登录');
    await page.getByText('确定退出吗').waitFor();
    await page.locator('.nut-dialog-footer taro-button-core', { hasText: '退出' }).click();
    await page.getByText('您还没有登录').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows the server’s message when a staff password is wrong', async () => {
    const context = await phoneContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/packages/account/login/index');
    await page.getByText('工作人员登录').waitFor();
    await page.locator('input').first().fill('editor');
    await page.locator('input[type="password"]').fill('wrong-password-123');
    await tapButton(page, '登录');
    await page.getByText('用户名或密码错误').waitFor();

    await page.locator('input[type="password"]').fill(server.demoPassword);
    await tapButton(page, '登录');
    await page.locator('.ywk-profile-card__name', { hasText: '李晓雯' }).waitFor();
    await context.close();
  });
});
