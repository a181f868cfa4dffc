import { describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';

describe('first start in the browser host', () => {
  const e2e = useE2E();

  test('an empty database offers the demo street or our own street, and creating our street leaves the setup screen', async () => {
    const { page, external } = await e2e.open();
    await expect.poll(() => page.getByTestId('load-demo').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('导入我们的街道').first().isVisible()).toBe(true);
    await screenshot(page, 'setup-screen');
    await page.fill('#street-name', '测试街道');
    await page.fill('#street-code', '500104001');
    await page.getByTestId('create-street').click();
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('测试街道');
    const info = await e2e.api<{ street: { name: string } }>('getAppInfo');
    expect(info.street.name).toBe('测试街道');
    expect(external).toEqual([]);
  });
});
