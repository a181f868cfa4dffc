import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { printToPdf, squash } from './print-pdf';
import { prepareStreet } from './mode-setup';
import type { RunningHost } from '../helpers/host';

/** Thursday 2026-10-01 10:00 in Shanghai: the day shift is on, and this week's Monday (09-28) is still in September. */
const NOW = Date.parse('2026-10-01T10:00:00+08:00');

/** Issue 10.6: the duty roster knows the operators, checks phones, copies last week, marks the shift on duty now. */
describe('the duty roster knows the people', () => {
  const e2e = useE2E({ host: false });
  let host: RunningHost;
  const api = async <T,>(method: string, input: unknown = {}) => {
    const r = await host.call<T>(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
    return r.value as T;
  };
  beforeAll(async () => {
    host = await e2e.startHost({ clock: { start: NOW } });
    const { wang } = await prepareStreet(host);
    await api('signIn', { operatorId: wang.id });
  });

  test('pick people from the operators, a bad phone is refused, copy last week, the shift on duty in the top bar', async () => {
    // Last week's Thursday, day and night.
    for (const shiftKey of ['day', 'night']) {
      await api('saveDutyShift', { date: '2026-09-24', shiftKey, leader: { name: '张书记', phone: '13812345678' }, members: [{ name: '王值班', phone: '13800000001' }] });
    }
    const { page } = await e2e.open('/duty', host);
    await expect.poll(() => page.getByTestId('duty-now').textContent(), { timeout: 20_000 }).toBe('当前班次未排班');

    // Copy last week into this one: today's shifts are now rostered.
    await page.getByTestId('copy-duty-week').click();
    await expect.poll(() => page.getByTestId('copy-duty-result').textContent()).toBe('已把上周排班复制到 2026-09-28 至 2026-10-04：2 个班次。');
    // The shift on duty now is marked on the roster and named in the top bar with its leader and phone.
    await expect.poll(() => page.locator('td.duty-cell.now [data-testid="duty-now-mark"]').count()).toBe(1);
    expect(await page.locator('td.duty-cell.now [data-testid="shift-2026-10-01-day"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('duty-now').textContent()).toBe('当前班次 白班 · 带班领导 张书记 13812345678');
    await screenshot(page, 'duty-roster-now');

    // Tomorrow's day shift: the name field offers the operators; picking one brings the phone.
    await page.getByTestId('shift-2026-10-02-day').click();
    const editor = page.getByTestId('shift-editor');
    const leaderName = editor.locator('[data-testid="shift-leader"] input[data-field="name"]');
    const listId = await leaderName.getAttribute('list');
    expect(listId).toBeTruthy();
    const offered = await editor.locator(`datalist[id="${listId}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered.sort()).toEqual(['李接班', '王值班'].sort());
    await leaderName.fill('李接班');
    expect(await editor.locator('[data-testid="shift-leader"] input[data-field="phone"]').inputValue()).toBe('13800000002');
    // Someone outside the list: typed by hand, with a 10-digit phone first (flagged, then refused on Enter).
    const member = editor.locator('[data-testid="shift-member"]').first();
    await member.locator('input[data-field="name"]').fill('外援 刘医生');
    await member.locator('input[data-field="phone"]').fill('1391234567');
    expect(await member.locator('input[data-field="phone"]').getAttribute('aria-invalid')).toBe('true');
    await member.locator('input[data-field="phone"]').press('Enter');
    await expect.poll(() => editor.locator('.error-box').textContent()).toContain('电话须为 11 位手机号');
    await screenshot(page, 'duty-shift-editor-phone');
    await member.locator('input[data-field="phone"]').fill('023-68123456');
    await member.locator('input[data-field="phone"]').press('Enter');
    await editor.waitFor({ state: 'detached' });
    type Roster = { days: { date: string; shifts: { shiftKey: string; leader: unknown; members: unknown[] }[] }[] };
    const week = await api<Roster>('getDutyRoster', { period: 'week', date: '2026-10-02' });
    const saved = week.days.find((d) => d.date === '2026-10-02')!.shifts.find((s) => s.shiftKey === 'day')!;
    expect(saved.leader).toEqual({ name: '李接班', phone: '13800000002' });
    expect(saved.members).toEqual([{ name: '外援 刘医生', phone: '023-68123456' }]);

    // The month printout defaults to the current month (October), not the month of this week's Monday (September).
    expect(await page.getByTestId('duty-month').inputValue()).toBe('2026-10');
    expect(await page.getByTestId('print-duty-month').getAttribute('href')).toBe('#/print/duty?month=2026-10');
    await page.getByTestId('duty-month').fill('2026-09');
    expect(await page.getByTestId('print-duty-month').getAttribute('href')).toBe('#/print/duty?month=2026-09');
    await page.getByTestId('duty-month').fill('2026-10');
    await page.getByTestId('print-duty-month').click();
    await page.locator('body[data-print-ready="true"]').waitFor({ timeout: 15_000 });
    const { text } = await printToPdf(page, '/print/duty?month=2026-10', 'duty-month-current');
    expect(squash(text)).toContain('2026-10-01至2026-10-31');
    expect(squash(text)).toContain('张书记13812345678');
    expect(squash(text)).toContain('外援刘医生023-68123456');
    await page.close();
  });
});
