import type { Browser, BrowserContext, Page } from 'playwright-core';
import { phoneContext } from './browser';

/**
 * Taro wraps text in its own elements, which intercept the pointer: tap the NutUI element that
 * owns the handler, found by its text.
 */
export const tapButton = (page: Page, text: string) =>
  page.locator('taro-button-core', { hasText: text }).first().click();
export const tapTab = (page: Page, text: string) => page.locator('.weui-tabbar__item', { hasText: text }).click();
export const tapCell = (page: Page, text: string) => page.locator('.nut-cell', { hasText: text }).first().click();

export interface PhoneOptions {
  /** The phone's clock starts here and runs on (Playwright's clock), to agree with a shifted server clock. */
  clockAt?: Date;
}

/** A phone signed in through the login page's demo account list (e.g. '编辑 · 李晓雯'). */
export async function signedInPhone(
  browser: Browser,
  baseUrl: string,
  demoLabel: string,
  options: PhoneOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, baseUrl);
  if (options.clockAt) await context.clock.install({ time: options.clockAt });
  const page = await context.newPage();
  await page.goto('/packages/account/login/index');
  await tapCell(page, demoLabel);
  await page.locator('.ywk-profile-card__name').waitFor();
  return { context, page };
}

/** Confirms an open NutUI Dialog with its confirm button's text. */
export const confirmDialog = (page: Page, text: string) =>
  page.locator('.nut-dialog-footer taro-button-core', { hasText: text }).click();
