import { describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { shanghai, shanghaiInput } from './print-pdf';
import { go, HOUR, MIN, prepareStreet } from './mode-setup';

describe('平急转换 guards in Chromium: bad switch input, two windows, an old T0 corrected, idle lock', () => {
  // Each test starts from a street of its own.
  const e2e = useE2E({ host: false });

  test('bad input in the switch dialog: empty fields, T0 in the future, T0 over 72 h ago, and a second window switching', async () => {
    const h = await e2e.startHost();
    const { wang } = await prepareStreet(h);
    expect((await h.call('signIn', { operatorId: wang.id })).ok).toBe(true);
    const a = await e2e.newPage();
    const b = await e2e.newPage();
    for (const p of [a.page, b.page]) {
      // A controllable clock (it runs in real time until fast-forwarded) to reach the 30 s refetch at once.
      await p.clock.install();
      await p.goto(h.url);
      await go(p, '/mode');
      await p.getByTestId('open-switch').click();
    }
    const pa = a.page;
    // Empty place and reporter: the server refuses, naming the field.
    await pa.getByTestId('switch-submit').click();
    await expect.poll(() => pa.getByTestId('switch-dialog').getByRole('alert').first().textContent()).toContain('地点不能为空');
    await pa.getByTestId('trigger-place').fill('西河社区');
    await pa.getByTestId('trigger-by').fill('社区卫生服务中心');
    // T0 in the future.
    await pa.getByTestId('trigger-at').fill(shanghaiInput(Date.now() + 2 * HOUR));
    await pa.getByTestId('switch-submit').click();
    await expect.poll(() => pa.getByTestId('switch-dialog').getByRole('alert').first().textContent()).toContain('不能在将来');
    // T0 more than 72 hours ago: a warning and an extra confirmation, then it goes through with the flag.
    const old = Math.floor((Date.now() - 80 * HOUR) / MIN) * MIN;
    await pa.getByTestId('trigger-at').fill(shanghaiInput(old));
    await pa.getByTestId('switch-submit').click();
    await pa.getByTestId('old-t0-warning').waitFor();
    await screenshot(pa, 'mode-switch-old-t0');
    await pa.getByTestId('switch-confirm-old').click();
    await pa.getByTestId('switch-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => pa.getByTestId('mode-banner').textContent()).toContain(`T0 ${shanghai(old)}`);
    // Every clock of an 80-hour-old T0 is overdue: red, "已超时".
    await expect.poll(() => pa.locator('[data-testid="deadline-row"].urgency-overdue').count()).toBe(6);
    await expect.poll(() => pa.getByTestId('deadline-chip').first().textContent()).toContain('已超时');

    // The second window had its dialog open in routine. Its next refresh shows the emergency behind the dialog,
    // which stays open; submitting is refused with "already in emergency since ...", and nothing is written twice.
    const pb = b.page;
    await pb.clock.fastForward('00:31');
    await expect.poll(() => pb.getByTestId('mode-banner').textContent()).toContain(`T0 ${shanghai(old)}`);
    expect(await pb.getByTestId('switch-dialog').isVisible()).toBe(true);
    await pb.getByTestId('trigger-at').fill(shanghaiInput(Date.now() - 5 * MIN));
    await pb.getByTestId('trigger-place').fill('东山社区');
    await pb.getByTestId('trigger-by').fill('区疾控');
    await pb.getByTestId('switch-submit').click();
    await expect.poll(() => pb.getByTestId('switch-dialog').getByRole('alert').first().textContent()).toContain('已于');
    await screenshot(pb, 'mode-switch-second-window');
    const log = await h.call<{ total: number }>('listLogEntries', { categories: ['mode'] });
    expect(log.value!.total).toBe(1);

    // Back to routine needs a reason; with one it is recorded and the banner turns green.
    await pb.keyboard.press('Escape');
    await go(pb, '/mode');
    await pb.getByTestId('open-switch-back').click();
    await pb.getByTestId('switch-back-submit').click();
    await expect.poll(() => pb.getByTestId('switch-back-dialog').getByRole('alert').first().textContent()).toContain('理由');
    await pb.getByTestId('switch-back-reason').fill('演练结束，恢复常态');
    await pb.getByTestId('switch-back-submit').click();
    await expect.poll(() => pb.getByTestId('mode-banner').textContent()).toContain('常态化');
    await expect.poll(() => pb.getByTestId('last-switch').textContent()).toContain('演练结束，恢复常态');
    // The first window follows at its next refresh.
    await pa.clock.fastForward('00:31');
    await expect.poll(() => pa.getByTestId('deadline-strip').count()).toBe(0);
    await expect.poll(() => pa.getByTestId('mode-banner').textContent()).toContain('常态化');
  }, 120_000);

  test('correcting T0 to more than 72 h ago asks once more, and asks again when the time is changed', async () => {
    const h = await e2e.startHost();
    const { wang } = await prepareStreet(h);
    expect((await h.call('signIn', { operatorId: wang.id })).ok).toBe(true);
    const t0 = Math.floor((Date.now() - 30 * MIN) / MIN) * MIN;
    expect((await h.call('switchToEmergency', { reportedAt: t0, place: '东山社区', caseType: 'confirmed', reportedBy: '区疾控' })).ok).toBe(true);
    const { page } = await e2e.open('/mode', h);
    await page.getByTestId('open-correct-t0').click({ timeout: 20_000 });
    const dialog = page.getByTestId('correct-t0-dialog');
    const submit = page.getByTestId('correct-t0-submit');
    const old = Math.floor((Date.now() - 80 * HOUR) / MIN) * MIN;
    await page.locator('#t0-new').fill(shanghaiInput(old));
    await page.locator('#t0-reason').fill('疾控核实：首例三天前已有症状');
    await submit.click();
    // The server's question is a warning with the button now confirming, not an error.
    await expect.poll(() => dialog.locator('.warning-box').textContent()).toContain('超过 72 小时');
    expect(await submit.textContent()).toBe('确认 T0 无误，仍然启动');
    expect(await dialog.locator('.error-box').count()).toBe(0);
    await screenshot(page, 'mode-correct-t0-old');
    // Another time typed: the confirmation is asked for again.
    const older = old - HOUR;
    await page.locator('#t0-new').fill(shanghaiInput(older));
    await expect.poll(() => submit.textContent()).toBe('保存更正');
    expect(await dialog.locator('.warning-box').count()).toBe(0);
    await submit.click();
    await expect.poll(() => submit.textContent()).toBe('确认 T0 无误，仍然启动');
    await submit.click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('t0').textContent()).toBe(shanghai(older));
  }, 120_000);

  test('the screen locks after the idle time and only the PIN unlocks it, even after a reload', async () => {
    const h = await e2e.startHost();
    const { wang } = await prepareStreet(h);
    expect((await h.call('signIn', { operatorId: wang.id })).ok).toBe(true);
    expect((await h.call('saveSettings', { idleLockMinutes: 1 })).ok).toBe(true);
    expect((await h.call('setOperatorPin', { id: wang.id, pin: '2468' })).ok).toBe(true);
    const { page } = await e2e.newPage();
    await page.clock.install();
    await page.goto(h.url);
    await expect.poll(() => page.getByTestId('desk-operator').textContent(), { timeout: 20_000 }).toContain('王值班');
    await page.clock.fastForward('00:30');
    expect(await page.getByTestId('lock-screen').count()).toBe(0);
    await page.clock.fastForward('00:40');
    await page.getByTestId('lock-screen').waitFor();
    // The lock is the server's: changes are refused while it shows, and reloading the tab is no way around it.
    expect((await h.call('addLogEntry', { category: 'note', text: '锁屏时写入' })).error?.code).toBe('desk_locked');
    await page.reload();
    await page.getByTestId('lock-screen').waitFor({ timeout: 20_000 });
    // Focus starts on the PIN field (this person has a PIN), not on the red banner link.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('signin-pin');
    await screenshot(page, 'desk-locked');
    await page.keyboard.type('1111');
    expect(await page.getByTestId('signin-pin').inputValue()).toBe('1111');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('lock-screen').getByRole('alert').first().textContent()).toContain('PIN');
    expect(await page.getByTestId('lock-screen').count()).toBe(1);
    await page.getByTestId('signin-pin').fill('2468');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('lock-screen').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('desk-operator').textContent()).toContain('王值班');

    // The policy profile for the next emergency is chosen in settings.
    await go(page, '/settings');
    await page.locator('#policy-profile').selectOption('cn-2022-nov-20');
    await expect.poll(async () => (await h.call<{ activeId: string }>('listPolicyProfiles')).value!.activeId).toBe('cn-2022-nov-20');
    await screenshot(page, 'settings-policy');
    await go(page, '/mode');
    await expect.poll(() => page.locator('.switch-panel').textContent()).toContain('2022');
  }, 120_000);
});
