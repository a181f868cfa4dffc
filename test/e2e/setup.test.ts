import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../helpers/browser';
import { startHost, type RunningHost } from '../helpers/host';

describe('first start in the browser host', () => {
  let host: RunningHost;
  let browser: { browser: Browser; close(): Promise<void> };
  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('an empty database offers the demo street or our own street, and creating our street leaves the setup screen', async () => {
    const { page, external } = await newPage(browser.browser);
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('load-demo').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('导入我们的街道').first().isVisible()).toBe(true);
    await screenshot(page, 'setup-screen');
    await page.fill('#street-name', '测试街道');
    await page.fill('#street-code', '500104001');
    await page.getByTestId('create-street').click();
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('测试街道');
    const info = await host.call<{ street: { name: string } }>('getAppInfo');
    expect(info.value?.street.name).toBe('测试街道');
    expect(external).toEqual([]);
  });
});
