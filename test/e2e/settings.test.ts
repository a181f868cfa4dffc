import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../helpers/browser';
import { startHost, type RunningHost } from '../helpers/host';

describe('settings: unit name, back up now, restore a backup', () => {
  let host: RunningHost;
  let browser: { browser: Browser; close(): Promise<void> };
  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
    expect((await host.call('createStreet', { code: '500104001', name: '设置测试街道' })).ok).toBe(true);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('a backup taken from settings brings the old unit name back after a confirmed restore', async () => {
    const { page } = await newPage(browser.browser);
    await page.goto(host.url);
    await page.evaluate(() => (window.location.hash = '/settings'));
    await page.fill('#unit-name', '备份前办事处');
    await page.getByTestId('save-settings').click();
    await expect.poll(async () => (await host.call<{ settings: { unitName: string } }>('getAppInfo')).value?.settings.unitName).toBe('备份前办事处');

    await page.getByTestId('backup-now').click();
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toContain('已备份');
    await expect.poll(() => page.getByTestId('restore-backup').count()).toBe(1);

    await host.call('saveSettings', { unitName: '备份后办事处' });
    await page.getByTestId('restore-backup').click();
    const dialog = page.getByTestId('restore-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await screenshot(page, 'settings-restore-confirm');
    // Cancel first: nothing changes.
    await dialog.getByRole('button', { name: '取消' }).click();
    expect((await host.call<{ settings: { unitName: string } }>('getAppInfo')).value?.settings.unitName).toBe('备份后办事处');

    await page.getByTestId('restore-backup').click();
    await page.getByTestId('restore-confirm').click();
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toContain('已恢复');
    expect((await host.call<{ settings: { unitName: string } }>('getAppInfo')).value?.settings.unitName).toBe('备份前办事处');
    // The restore kept a safety copy of the database it replaced.
    const backups = await host.call<{ name: string }[]>('listBackups');
    expect(backups.value?.some((b) => b.name.includes('before-restore'))).toBe(true);
  });
});
