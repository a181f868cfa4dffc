import { describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';

describe('settings: unit name, back up now, restore a backup', () => {
  const e2e = useE2E({ street: { code: '500104001', name: '设置测试街道' }, signedIn: true });
  const unitName = async () => (await e2e.api<{ settings: { unitName: string } }>('getAppInfo')).settings.unitName;

  test('a backup taken from settings brings the old unit name back after a confirmed restore', async () => {
    const { page } = await e2e.open('/settings');
    await page.fill('#unit-name', '备份前办事处');
    await page.getByTestId('save-settings').click();
    await expect.poll(unitName).toBe('备份前办事处');

    await page.getByTestId('backup-now').click();
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toContain('已备份');
    await expect.poll(() => page.getByTestId('restore-backup').count()).toBe(1);

    await e2e.api('saveSettings', { unitName: '备份后办事处' });
    await page.getByTestId('restore-backup').click();
    const dialog = page.getByTestId('restore-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await screenshot(page, 'settings-restore-confirm');
    // Cancel first: nothing changes.
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await unitName()).toBe('备份后办事处');

    await page.getByTestId('restore-backup').click();
    await page.getByTestId('restore-confirm').click();
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toContain('已恢复');
    expect(await unitName()).toBe('备份前办事处');
    // The restore kept a safety copy of the database it replaced.
    const backups = await e2e.api<{ name: string }[]>('listBackups');
    expect(backups.some((b) => b.name.includes('before-restore'))).toBe(true);
    // The restored file's desk is locked (issue 9): the lock screen comes up; the operator (no PIN) unlocks.
    await page.getByTestId('lock-screen').waitFor();
    expect((await e2e.api<{ locked: boolean }>('getDesk')).locked).toBe(true);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('lock-screen').waitFor({ state: 'detached' });
    expect(await page.getByTestId('save-settings').isEnabled()).toBe(true);
  });
});
