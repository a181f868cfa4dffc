import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from '../helpers/browser';
import { startHost, freshDataDir } from '../helpers/host';

describe('restarting the browser host', () => {
  let browser: { browser: Browser; close(): Promise<void> };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  test('data written before a restart is there after it, and the old token no longer works', async () => {
    const dataDir = freshDataDir();
    const first = await startHost(dataDir);
    await first.call('createStreet', { code: '500104001', name: '重启测试街道' });
    const community = await first.call<{ id: number }>('saveCommunity', { code: 'C01', name: '滨江社区' });
    await first.call('saveCompound', { code: 'P01', name: '滨江花园', communityId: community.value!.id, residents: 1200, households: 460, elderly: 250 });
    const oldToken = first.token;
    await first.stop();

    const second = await startHost(dataDir);
    try {
      expect(second.token).not.toBe(oldToken);
      const stale = await fetch(`${second.origin}/api/getAppInfo`, { method: 'POST', body: '{}', headers: { Authorization: `Bearer ${oldToken}` } });
      expect(stale.status).toBe(401);
      const { page } = await newPage(browser.browser);
      await page.goto(second.url);
      await expect.poll(() => page.locator('.topbar').textContent()).toContain('重启测试街道');
      const summary = await second.call<{ compounds: number; residents: number }>('getStreetSummary');
      expect(summary.value).toMatchObject({ compounds: 1, residents: 1200 });
    } finally {
      await second.stop();
    }
  });
});
