import { describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { shanghai, shanghaiInput } from './print-pdf';
import { go, HOUR } from './mode-setup';

/** The log's event time and links, the duty screen's shift settings, and readiness gaps in the English UI. */
describe('log links and event time, shift settings, English readiness', () => {
  const e2e = useE2E({ demo: true, signedIn: '王值班' });

  test('with nobody at the desk the log form is replaced by "请先签到", whose button opens the sign-in', async () => {
    const other = await e2e.startHost();
    expect((await other.call('createStreet', { code: 'S1', name: '无人值守街道' })).ok).toBe(true);
    const { page } = await e2e.open('/log', other);
    await expect.poll(() => page.getByTestId('desk-notice').textContent()).toContain('请先签到');
    expect(await page.getByTestId('log-text').count()).toBe(0);
    expect(await page.getByTestId('log-add').count()).toBe(0);
    // No operator yet (first start): the sign-in offers to add the first one, and signs them in.
    await page.getByTestId('desk-notice-signin').click();
    await page.getByTestId('first-operator-name').fill('赵值班');
    await page.getByTestId('first-operator-submit').click();
    await expect.poll(() => page.getByTestId('desk-operator').textContent()).toContain('赵值班');
    await page.getByTestId('log-text').fill('首次签到后的第一条记录');
    await page.getByTestId('log-add').click();
    await expect.poll(() => page.getByTestId('log-row').filter({ hasText: '首次签到后的第一条记录' }).count()).toBe(1);
    await page.close();
    await other.stop();
  });

  test('a log entry names an earlier event time and a team; a typed risk area; a correction shows its reason', async () => {
    const { page } = await e2e.open('/log');
    const earlier = Math.floor((Date.now() - 2 * HOUR) / 60_000) * 60_000;
    await page.getByTestId('log-category').selectOption('testing');
    await page.getByTestId('log-text').fill('采样队到达桂花小区，开始采样');
    await page.getByTestId('log-event-time').fill(shanghaiInput(earlier));
    await page.getByTestId('log-link-kind').selectOption('team');
    const teamOptions = await page.getByTestId('log-link-team').locator('option').allTextContents();
    expect(teamOptions.length - 1).toBe(12); // the street's 12 sampling teams, after the empty choice
    await page.getByTestId('log-link-team').selectOption({ index: 3 });
    const teamName = teamOptions[3].split(' ').slice(1).join(' ');
    await page.getByTestId('log-add').click();
    // Sorted by when it happened, so it sits below entries written since; it says when it was written.
    const teamRow = page.getByTestId('log-row').filter({ hasText: '采样队到达桂花小区' });
    await expect.poll(() => teamRow.count()).toBe(1);
    expect(await teamRow.textContent()).toContain(shanghai(earlier));
    expect(await teamRow.getByTestId('log-recorded-at').textContent()).toMatch(/记录于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await teamRow.getByTestId('log-link').textContent()).toBe(`采样队伍：${teamName}`);
    const top = page.getByTestId('log-row').first();

    // A future event time is refused with the server's message.
    await page.getByTestId('log-text').fill('将来的事');
    await page.getByTestId('log-event-time').fill(shanghaiInput(Date.now() + 3 * HOUR));
    await page.getByTestId('log-add').click();
    await expect.poll(() => page.locator('.log-form [role="alert"]').textContent()).toContain('不能晚于现在');
    await page.getByTestId('log-event-time').fill('');

    // A risk area typed by hand, labelled as typed.
    await page.getByTestId('log-category').selectOption('area');
    await page.getByTestId('log-text').fill('区指挥部通知：划定高风险区');
    await page.getByTestId('log-link-kind').selectOption('area');
    await page.getByTestId('log-link-ref').fill('桂花小区 5 栋');
    await page.getByTestId('log-add').click();
    await expect.poll(() => top.textContent()).toContain('划定高风险区');
    expect(await top.getByTestId('log-link').textContent()).toBe('风险区（手写）：桂花小区 5 栋');
    await screenshot(page, 'log-links');

    // Correct it with a reason: the chain shows the reason next to the correction.
    await top.getByTestId('log-correct').click();
    await page.locator('#log-correct-text').fill('区指挥部通知：划定高风险区（5 栋、6 栋）');
    await page.getByTestId('log-correct-reason').fill('漏记 6 栋');
    await page.getByTestId('log-correct-submit').click();
    await page.getByTestId('log-correct-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => top.textContent()).toContain('（5 栋、6 栋）');
    await top.getByRole('button', { name: '更正记录' }).click();
    const history = page.getByTestId('log-history');
    await expect.poll(() => history.getByTestId('log-history-reason').textContent()).toBe('更正原因：漏记 6 栋');
    expect(await history.textContent()).toContain('风险区（手写）：桂花小区 5 栋');
    await screenshot(page, 'log-history-reason');

    // The printed 简报 says the same: when it happened, when it was written, and what it concerns.
    await go(page, '/print/briefing');
    const printed = page.getByTestId('print-log-row').filter({ hasText: '采样队到达桂花小区' });
    await expect.poll(() => printed.count()).toBe(1);
    expect(await printed.textContent()).toContain(shanghai(earlier));
    expect(await printed.getByTestId('print-log-recorded').textContent()).toMatch(/记录于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await printed.getByTestId('print-log-link').textContent()).toBe(`采样队伍：${teamName}`);
    const printedArea = page.getByTestId('print-log-row').filter({ hasText: '（5 栋、6 栋）' });
    expect(await printedArea.getByTestId('print-log-link').textContent()).toBe('风险区（手写）：桂花小区 5 栋');
    expect(await printedArea.getByTestId('print-log-recorded').count()).toBe(0);
    await screenshot(page, 'briefing-log-links');
  });

  test('shift settings: a hole in the 24 hours is refused with its times; a shift without a leader gets the server wording', async () => {
    const { page } = await e2e.open('/duty');
    await page.getByTestId('open-duty-config').click();
    const dlg = page.getByTestId('duty-config');
    const rows = dlg.getByTestId('duty-config-shift');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.nth(1).locator('input[data-field="end"]').fill('07:00');
    await dlg.getByTestId('duty-config-save').click();
    await expect.poll(() => dlg.getByRole('alert').first().textContent()).toContain('07:00—08:00 没有班次');
    await screenshot(page, 'duty-config-error');
    // Three shifts of eight hours, two duty officers each.
    await rows.nth(0).locator('input[data-field="name"]').fill('早班');
    await rows.nth(0).locator('input[data-field="start"]').fill('08:00');
    await rows.nth(0).locator('input[data-field="end"]').fill('16:00');
    await rows.nth(1).locator('input[data-field="name"]').fill('中班');
    await rows.nth(1).locator('input[data-field="start"]').fill('16:00');
    await rows.nth(1).locator('input[data-field="end"]').fill('00:00');
    await dlg.getByTestId('duty-config-add').click();
    await rows.nth(2).locator('input[data-field="name"]').fill('夜班');
    await rows.nth(2).locator('input[data-field="start"]').fill('00:00');
    await rows.nth(2).locator('input[data-field="end"]').fill('08:00');
    await dlg.getByTestId('duty-config-min').fill('2');
    await dlg.getByTestId('duty-config-save').click();
    await dlg.waitFor({ state: 'detached' });
    const config = await e2e.api<{ shifts: { name: string; start: string; end: string }[]; minMembers: number }>('getDutyConfig');
    expect(config.shifts.map((s) => `${s.name} ${s.start}-${s.end}`)).toEqual(['早班 08:00-16:00', '中班 16:00-00:00', '夜班 00:00-08:00']);
    expect(config.minMembers).toBe(2);
    // The week grid has a row per new shift.
    await expect.poll(() => page.locator('.duty-grid tbody tr').count()).toBe(3);
    await expect.poll(() => page.locator('.duty-grid tbody').textContent()).toContain('中班');

    // A shift with duty officers but no leader: the server's words, not the schema's.
    await page.locator('.duty-cell-button').first().click();
    const editor = page.getByTestId('shift-editor');
    await editor.locator('[data-testid="shift-member"] input[data-field="name"]').first().fill('孙干事');
    await editor.locator('[data-testid="shift-member"] input[data-field="name"]').nth(1).fill('钱干事');
    await editor.getByTestId('save-shift').click();
    const alert = editor.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toContain('没有带班领导');
    expect(await alert.textContent()).not.toContain('姓名不能为空');
    await screenshot(page, 'duty-no-leader');
  });

  test('the English UI reads readiness gaps in English', async () => {
    await e2e.api('saveSettings', { language: 'en' });
    try {
      const { page } = await e2e.open('/mode');
      const gaps = page.getByTestId('readiness-gap');
      await expect.poll(() => gaps.count()).toBeGreaterThan(3);
      const texts = await gaps.allTextContents();
      expect(texts[0]).toBe('No Area chief assigned');
      expect(texts).toContain('Community screening group has no lead');
      for (const line of texts) {
        // Community names stay as written; everything else is English.
        expect(line.replace(/^[^:]*社区:|\(包保\)/g, ''), line).not.toMatch(/[\u4e00-\u9fff]/);
      }
      await screenshot(page, 'readiness-en');
    } finally {
      await e2e.api('saveSettings', { language: 'zh-CN' });
    }
  });
});
