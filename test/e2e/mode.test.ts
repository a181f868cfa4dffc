import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { printToPdf, shanghai, shanghaiInput, squash } from './print-pdf';
import { fillPerson, go, MIN, prepareStreet, signInThroughUi, UNIT } from './mode-setup';

describe('平急转换 in Chromium against the browser host', () => {
  const e2e = useE2E();
  beforeAll(async () => {
    await prepareStreet(e2e.host);
  });

  test('fill the template, switch to emergency, count down, mark done, log, hand over, print the briefing', async () => {
    const { page, external } = await e2e.open();

    // Nobody at the desk yet: the top bar says so; signing in by picking a name puts it there.
    await expect.poll(() => page.getByTestId('desk-operator').textContent(), { timeout: 20_000 }).toContain('无人登录');
    await signInThroughUi(page, '王值班');

    // Command structure template through the UI.
    await go(page, '/command');
    await fillPerson(page, '[data-testid="leader-commander"]', '吴指挥', '13900000001');
    await page.locator('[data-testid="leader-commander"] [data-testid="save-leader"]').click();
    await expect.poll(async () => (await e2e.host.call<{ leaders: { role: string; person: { name: string } | null }[] }>('getCommandTemplate')).value!.leaders
      .find((l) => l.role === 'commander')?.person?.name).toBe('吴指挥');
    const testing = '[data-testid="group-testing"]';
    await fillPerson(page, `${testing} [data-testid="group-lead"]`, '陈检测', '13900000002');
    await page.locator(`${testing} [data-testid="add-member"]`).click();
    await page.locator(`${testing} input[data-field="name"]`).nth(1).fill('赵采样');
    await page.locator(`${testing} [data-testid="save-group"]`).click();
    const firstBaobao = page.getByTestId('baobao-row').first();
    const baobaoInputs = firstBaobao.locator('input[data-field="name"]');
    await baobaoInputs.nth(0).fill('封区领导');
    await baobaoInputs.nth(1).fill('李街道');
    await baobaoInputs.nth(2).fill('张社区');
    await firstBaobao.locator('button.primary').click();
    await expect.poll(async () => {
      const c = (await e2e.host.call<{ groups: { key: string; lead: { name: string } | null; members: { name: string }[] }[]; baobao: { streetCadre: { name: string } | null }[] }>('getCommandTemplate')).value!;
      const g = c.groups.find((x) => x.key === 'testing')!;
      return [g.lead?.name, g.members.map((m) => m.name).join(), c.baobao[0].streetCadre?.name].join('|');
    }).toBe('陈检测|赵采样|李街道');
    // The readiness panel no longer lists the testing group's missing lead, and still flags others.
    await expect.poll(() => page.getByTestId('readiness-panel').textContent()).not.toContain('核酸检测组 没有组长');
    await expect.poll(() => page.getByTestId('readiness-panel').textContent()).toContain('社区排查组');
    await screenshot(page, 'mode-command-template');

    // The switch: one dialog, trigger fields, one confirmation.
    await go(page, '/mode');
    await expect.poll(() => page.getByTestId('mode-banner').textContent()).toContain('常态化');
    await page.getByTestId('open-switch').click();
    const t0 = Math.floor((Date.now() - 10 * MIN) / MIN) * MIN;
    await page.getByTestId('trigger-at').fill(shanghaiInput(t0));
    // Whatever the OS shows inside the input (mm/dd/yyyy, AM/PM here), the line under it says the time unambiguously.
    expect(await page.getByTestId('trigger-at-echo').textContent()).toBe(`即 ${shanghai(t0)}（北京时间）`);
    await page.getByTestId('trigger-place').fill('东山社区 幸福小区 3 栋');
    await page.getByTestId('trigger-by').fill('区疾控中心 王某');
    await screenshot(page, 'mode-switch-dialog');
    await page.getByTestId('switch-submit').click();
    await page.getByTestId('switch-dialog').waitFor({ state: 'detached' });

    // Emergency: banner with T0, the deadline board with live countdowns, the strip.
    await expect.poll(() => page.getByTestId('mode-banner').textContent()).toContain(`T0 ${shanghai(t0)}`);
    const report = page.locator('[data-testid="deadline-row"][data-key="online_report"]');
    // 网络直报: T0 + 2 h, T0 was 10 minutes ago: about 1 h 50 min left.
    await expect.poll(() => report.getByTestId('countdown').textContent()).toMatch(/剩余 01:(4\d|50):\d\d/);
    const before = await report.getByTestId('countdown').textContent();
    await expect.poll(() => report.getByTestId('countdown').textContent(), { timeout: 5000 }).not.toBe(before);
    // The most urgent deadline is first on the board and in the strip.
    await expect.poll(() => page.getByTestId('deadline-row').first().getAttribute('data-key')).toBe('online_report');
    await expect.poll(() => page.getByTestId('deadline-chip').first().textContent()).toContain('网络直报');
    await screenshot(page, 'mode-emergency');

    // The command structure was activated from the template: the command screen shows it with phones.
    await go(page, '/command');
    await expect.poll(() => page.getByTestId('command-snapshot').textContent()).toContain('吴指挥');
    await expect.poll(() => page.getByTestId('command-snapshot').textContent()).toContain('13900000002');
    await screenshot(page, 'mode-command-snapshot');
    await go(page, '/mode');

    // Mark 网络直报 done: who and when are shown, and it drops to the bottom.
    await report.getByTestId('deadline-done').click();
    await report.getByTestId('deadline-done-confirm').click();
    await expect.poll(() => report.getByTestId('deadline-status').textContent()).toMatch(/已完成 \d{4}-\d\d-\d\d \d\d:\d\d · 王值班/);
    await expect.poll(() => page.getByTestId('deadline-row').last().getAttribute('data-key')).toBe('online_report');
    await expect.poll(() => page.getByTestId('deadline-chip').first().textContent()).not.toContain('网络直报');

    // Tick a checklist item: who and when.
    const firstItem = page.getByTestId('activation-checklist').locator('li').first();
    await firstItem.locator('input[type="checkbox"]').click();
    await expect.poll(() => firstItem.textContent()).toContain('王值班');

    // The log: add an entry by hand; it comes first, with the operator.
    await go(page, '/log');
    await expect.poll(() => page.getByTestId('deadline-strip').isVisible()).toBe(true);
    await page.getByTestId('log-category').selectOption('call');
    await page.getByTestId('log-text').fill('接区疾控电话：幸福小区 3 栋密接 12 人，已通知社区排查组');
    await page.getByTestId('log-add').click();
    const top = page.getByTestId('log-row').first();
    await expect.poll(() => top.textContent()).toContain('密接 12 人');
    await expect.poll(() => top.textContent()).toContain('王值班');
    // The switch and the deadline wrote their own entries.
    await page.getByTestId('log-search').fill('网络直报');
    await expect.poll(() => page.getByTestId('log-list').textContent()).toContain('网络直报');
    await page.getByTestId('log-search').fill('');
    await screenshot(page, 'mode-log');

    // 交接班 in one step: the next operator is at the desk and the note is in the log.
    await page.getByTestId('open-handover').click();
    await page.getByTestId('handover-who').selectOption({ label: '李接班' });
    await page.getByTestId('handover-note').fill('网络直报已完成；采样点 2 小时目标请跟进');
    await page.getByTestId('handover-submit').click();
    await expect.poll(() => page.getByTestId('desk-operator').textContent()).toContain('李接班');
    await expect.poll(() => page.getByTestId('log-list').textContent()).toContain('采样点 2 小时目标请跟进');

    // The briefing, printed to PDF the way Chromium prints.
    const { text, pages } = await printToPdf(page, '/print/briefing', 'briefing');
    await screenshot(page, 'print-briefing-screen');
    const flat = squash(text);
    expect(flat).toContain(UNIT);
    expect(flat).toContain(squash(shanghai(t0)));
    for (const name of ['网络直报', '采样点建成启用、采样队到位', '划定并发布中、高风险区', '来（返）人员排查完成', '应隔离人员转运到位', '划定区域全员核酸检测完成']) {
      expect(flat).toContain(name);
    }
    expect(flat).toContain('吴指挥');
    expect(flat).toContain('13900000002');
    expect(flat).toContain('密接12人');
    expect(flat).toContain(`第1页/共${pages}页`);
    expect(flat).toContain(`第${pages}页/共${pages}页`);
    expect(external).toEqual([]);
  });

  test('during the emergency: correct T0 with a reason, record a new positive, correct a log entry, export the log as CSV', async () => {
    // A street of its own, already in an emergency, so this test does not depend on the one above.
    const h = await e2e.startHost();
    const { wang } = await prepareStreet(h);
    expect((await h.call('signIn', { operatorId: wang.id })).ok).toBe(true);
    const t0 = Math.floor((Date.now() - 30 * MIN) / MIN) * MIN;
    expect((await h.call('switchToEmergency', { reportedAt: t0, place: '东山社区', caseType: 'asymptomatic', reportedBy: '区疾控' })).ok).toBe(true);
    const { page } = await e2e.open('/mode', h);

    // T0 correction: 20 minutes earlier, with a reason; the clocks follow (网络直报 now about 1 h 10 min left).
    const corrected = t0 - 20 * MIN;
    await page.getByTestId('open-correct-t0').click({ timeout: 20_000 });
    await page.locator('#t0-new').fill(shanghaiInput(corrected));
    await page.getByTestId('correct-t0-submit').click();
    await expect.poll(() => page.getByTestId('correct-t0-dialog').getByRole('alert').first().textContent()).toContain('原因');
    await page.locator('#t0-reason').fill('疾控核实：首次电话报告时间更早');
    await page.getByTestId('correct-t0-submit').click();
    await page.getByTestId('correct-t0-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('t0').textContent()).toBe(shanghai(corrected));
    await expect.poll(() => page.getByTestId('emergency-facts').textContent()).toContain('疾控核实');
    const report = page.locator('[data-testid="deadline-row"][data-key="online_report"]');
    await expect.poll(() => report.first().getByTestId('countdown').textContent()).toMatch(/剩余 01:0\d:\d\d/);

    // A new positive: its own 2 h reporting clock.
    await page.getByTestId('open-positive').click();
    await page.getByTestId('trigger-place').fill('西河社区 5 栋');
    await page.getByTestId('trigger-by').fill('社区卫生服务中心');
    await page.getByTestId('switch-submit').click();
    await page.getByTestId('positive-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => report.count()).toBe(2);
    await expect.poll(() => page.getByTestId('report-list').textContent()).toContain('西河社区 5 栋');
    await expect.poll(() => page.getByTestId('deadline-board').textContent()).toContain('报告：西河社区 5 栋');
    await expect.poll(() => report.last().getByTestId('countdown').textContent()).toMatch(/剩余 01:5\d:\d\d/);

    // A log entry corrected: the old one stays, struck through, the new one points at it; the chain is shown.
    await go(page, '/log');
    await page.getByTestId('log-text').fill('西河社区 5 栋密接 8 人');
    await page.getByTestId('log-add').click();
    await expect.poll(() => page.getByTestId('log-row').first().textContent()).toContain('密接 8 人');
    await page.getByTestId('log-row').first().getByTestId('log-correct').click();
    await page.locator('#log-correct-text').fill('西河社区 5 栋密接 9 人（复核）');
    await page.getByTestId('log-correct-reason').fill('复核后多 1 人');
    await page.getByTestId('log-correct-submit').click();
    await page.getByTestId('log-correct-dialog').waitFor({ state: 'detached' });
    const newest = page.getByTestId('log-row').first();
    await expect.poll(() => newest.textContent()).toContain('密接 9 人');
    await expect.poll(() => newest.textContent()).toMatch(/更正 #\d+/);
    await expect.poll(() => page.locator('[data-testid="log-row"].superseded').first().textContent()).toContain('密接 8 人');
    await newest.getByText('更正记录').click();
    await expect.poll(() => page.getByTestId('log-history').textContent()).toContain('密接 8 人');
    await expect.poll(() => page.getByTestId('log-history').textContent()).toContain('密接 9 人');
    await screenshot(page, 'mode-log-history');
    await page.keyboard.press('Escape');

    // Filter by category and export what is shown as CSV.
    await page.getByTestId('log-filter-category').selectOption('mode');
    const modeEntries = (await h.call<{ total: number }>('listLogEntries', { categories: ['mode'] })).value!.total;
    expect(modeEntries).toBeGreaterThanOrEqual(2); // the switch and the T0 correction
    await expect.poll(() => page.getByTestId('log-row').count()).toBe(modeEntries);
    expect(await page.locator('[data-testid="log-row"] .log-cat').allTextContents()).toEqual(Array(modeEntries).fill('平急转换'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('log-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = (await import('node:fs')).readFileSync((await download.path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '')).toContain('切换到应急状态');
    expect(csv).not.toContain('密接 9 人');
  }, 120_000);
});
