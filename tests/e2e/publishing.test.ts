import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { signedInPhone, tapButton, tapCell } from './support/pages';
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

const TITLE = '社区议事会怎样把居民的事议出结果';
const BODY = [
  '惠阳社区每月第一个周四晚上开议事会，居民代表、楼道长和物业一起坐下来商量小区里的事。',
  '这个月议的是电动自行车充电棚的位置，大家先摆出各自的顾虑，再由社区把意见整理成方案。',
  '方案在楼道公示一周，没有异议后再施工。议事会记录放在社区服务中心，欢迎居民随时查阅。',
].join('\n');

describe('三审三校 to a resident’s study record, in Chromium', () => {
  it('publishes a post through three different reviewers; a resident finds it, reads it, and has studied it', async () => {
    // 编辑: draft and submit.
    const editor = await signedInPhone(browser, server.url, '编辑 · 李晓雯');
    await editor.page.goto('/packages/admin/editor/index');
    await editor.page.locator('input[placeholder="请输入标题"]').fill(TITLE);
    await editor.page.locator('.nut-radio', { hasText: '理论学习' }).click();
    await editor.page.locator('input[placeholder="如：云溪街道党工委"]').fill('惠阳社区党委');
    await editor.page.locator('textarea[placeholder^="可直接粘贴文稿"]').fill(BODY);
    await tapButton(editor.page, '提交审核');
    await editor.page.waitForURL(/\/packages\/admin\/review\/index\?id=\d+/);
    const postId = Number(new URL(editor.page.url()).searchParams.get('id'));
    await editor.page.getByText('待初审').first().waitFor();
    await editor.context.close();

    // 初审, 复审, 终审: three different people.
    for (const [label, button, next] of [
      ['审核员 · 陈国平', '初审通过', '待复审'],
      ['审核员 · 刘芳', '复审通过', '待终审'],
      ['终审人 · 周建华', '终审通过', '已发布'],
    ] as const) {
      const reviewer = await signedInPhone(browser, server.url, label);
      await reviewer.page.goto(`/packages/admin/review/index?id=${postId}`);
      await reviewer.page.getByText(TITLE).first().waitFor();
      await tapButton(reviewer.page, button);
      if (button === '终审通过') await reviewer.page.locator('.nut-dialog-footer taro-button-core', { hasText: '确定通过' }).click();
      await reviewer.page.getByText(next).first().waitFor();
      await reviewer.context.close();
    }

    // 居民: finds it in the feed, reads it until it counts, sees it in 我的学习.
    const resident = await signedInPhone(browser, server.url, '居民 · 张桂兰');
    await resident.page.goto('/pages/study/index');
    await resident.page.locator('.ywk-post-card', { hasText: TITLE }).first().click();
    await resident.page.waitForURL(new RegExp(`/packages/post/detail/index\\?id=${postId}`));
    await resident.page.getByText('每月第一个周四晚上开议事会').waitFor();
    // Reading time is credited by the server's clock, one heartbeat at a time: this takes ~30 s.
    await resident.page.getByText(/已完成学习/).waitFor({ timeout: 60_000 });

    await resident.page.goto('/packages/post/study/index');
    await resident.page.getByText(TITLE).waitFor();
    await resident.context.close();
  }, 180_000);
});
