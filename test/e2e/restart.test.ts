import { describe, expect, test } from 'vitest';
import { signInOperator, useE2E } from '../helpers/e2e';
import { freshDataDir } from '../helpers/host';

describe('restarting the browser host', () => {
  // Two hosts one after the other on the same data folder: no shared host.
  const e2e = useE2E({ host: false });

  test('data written before a restart is there after it, and the old token no longer works', async () => {
    const dataDir = freshDataDir();
    const first = await e2e.startHost(dataDir);
    await first.call('createStreet', { code: '500104001', name: '重启测试街道' });
    await signInOperator(first, '王值班');
    const community = await first.call<{ id: number }>('saveCommunity', { code: 'C01', name: '滨江社区' });
    await first.call('saveCompound', { code: 'P01', name: '滨江花园', communityId: community.value!.id, residents: 1200, households: 460, elderly: 250 });
    const oldToken = first.token;
    await first.stop();

    const second = await e2e.startHost(dataDir);
    expect(second.token).not.toBe(oldToken);
    const stale = await fetch(`${second.origin}/api/getAppInfo`, { method: 'POST', body: '{}', headers: { Authorization: `Bearer ${oldToken}` } });
    expect(stale.status).toBe(401);
    const summary = await second.call<{ compounds: number; residents: number }>('getStreetSummary');
    expect(summary.value).toMatchObject({ compounds: 1, residents: 1200 });
    // The new process starts with the desk locked (issue 9): the lock screen names who held it, changes are refused.
    const { page } = await e2e.open(undefined, second);
    await expect.poll(() => page.getByTestId('lock-screen').textContent()).toContain('王值班');
    const refused = await second.call('saveCommunity', { code: 'C02', name: '锁定时的社区' });
    expect(refused.error?.code).toBe('desk_locked');
    await page.getByTestId('signin-submit').click(); // 王值班 has no PIN
    await page.getByTestId('lock-screen').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('重启测试街道');
    expect((await second.call('saveCommunity', { code: 'C02', name: '解锁后的社区' })).ok).toBe(true);
  });
});
