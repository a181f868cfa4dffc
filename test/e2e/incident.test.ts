import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { useE2E, takeDeskIfOperatorsExist } from '../helpers/e2e';
import type { RunningHost } from '../helpers/host';
import { printToPdf, shanghai, shanghaiInput, squash } from './print-pdf';
import { go, HOUR, MIN } from './mode-setup';

/**
 * Issue 10, walked as a duty officer and a commander would: a report names its compound (searched) or its point
 * (clicked on the map); the board in an emergency shows the incident; corrections show where they matter; the
 * deadline board is reached by keyboard; the printed 简报 is about the incident.
 */

interface Op { id: number; name: string }
interface Deadline { id: number; key: string; reportId: number | null; doneAt: number | null }
interface Emergency { emergency: { id: number; t0: number; deadlines: Deadline[]; reports: { id: number; place: string; compoundName: string | null }[]; checklist: { id: number; groupName: string; text: string }[] } }
interface Site { key: string; compound: { name: string; residents: number; households: number; elderly: number } | null; inside: { name: string }[]; nearby: { name: string; distanceM: number }[] }

async function signIn(h: RunningHost, name: string): Promise<Op> {
  await takeDeskIfOperatorsExist(h);
  const op = (await h.call<Op>('saveOperator', { name, phone: '13800000009' })).value!;
  expect((await h.call('signIn', { operatorId: op.id })).ok).toBe(true);
  return op;
}

async function call<T>(h: RunningHost, method: string, input: unknown = {}): Promise<T> {
  const r = await h.call<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error?.code} ${r.error?.message}`);
  return r.value as T;
}

async function mapReady(page: Page, scope = '') {
  await page.locator(`${scope} [data-testid=map-ready]`.trim()).first().waitFor({ state: 'attached', timeout: 30_000 });
}

describe('the board, the corrections and the paper belong to the incident', () => {
  const e2e = useE2E({ demo: true });
  beforeAll(async () => {
    await signIn(e2e.host, '赵应急');
    // The tracing group (owner of 网络直报) has a leader in the template; the others stay empty: gaps on the board.
    await e2e.api('saveWorkGroup', { key: 'tracing', lead: { name: '刘流调', phone: '13900000003' }, members: [] });
  });

  test('a report names its compound (searched) or its point (clicked); the board pins them with population and venues around', async () => {
    const { page, external } = await e2e.open('/mode');
    await page.getByTestId('open-switch').click({ timeout: 20_000 });
    const t0 = Math.floor((Date.now() - HOUR) / MIN) * MIN;
    await page.getByTestId('trigger-at').fill(shanghaiInput(t0));
    // Search the street data for the compound and take it: the place text is suggested from it.
    await page.getByTestId('compound-search').fill('云顶');
    await page.getByTestId('compound-option').first().click();
    await expect.poll(() => page.getByTestId('compound-picked').textContent()).toContain('云顶公馆');
    await expect.poll(() => page.getByTestId('trigger-place').inputValue()).toContain('云顶公馆');
    await page.getByTestId('trigger-place').fill('云顶公馆 2 栋');
    await page.getByTestId('trigger-by').fill('区疾控中心 王某');
    await screenshot(page, 'incident-switch-dialog');
    await page.getByTestId('switch-submit').click();
    await page.getByTestId('switch-dialog').waitFor({ state: 'detached' });

    // 新增阳性报告 by a click on the map: the compound under the click is named before anything is sent.
    await page.getByTestId('open-positive').click();
    const dialog = page.getByTestId('positive-dialog');
    await dialog.getByTestId('place-map-toggle').click();
    await mapReady(page, '[data-testid=positive-dialog]');
    await page.waitForTimeout(800); // the map flies to the incident once
    const frame = (await dialog.getByTestId('report-place-map').boundingBox())!;
    const paths = await dialog.locator('path.outline-compound').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    const taken = (await dialog.locator('path.incident-compound').first().boundingBox())!;
    const inTaken = (b: DOMRect) => b.left + b.width / 2 > taken.x && b.left + b.width / 2 < taken.x + taken.width && b.top + b.height / 2 > taken.y && b.top + b.height / 2 < taken.y + taken.height;
    // A compound drawn well inside the visible map, not the trigger's (outlined as the incident's already).
    const target = paths.find((b) => !inTaken(b) && b.width > 12 && b.height > 12 && b.left > frame.x + 60 && b.right < frame.x + frame.width - 200 && b.top > frame.y + 40 && b.bottom < frame.y + frame.height - 20)!;
    expect(target).toBeTruthy();
    await page.mouse.click(target.left + target.width / 2, target.top + target.height / 2);
    await expect.poll(() => dialog.getByTestId('place-point').textContent()).toMatch(/地图点位：\d+\.\d{5}, \d+\.\d{5}/);
    await expect.poll(() => dialog.getByTestId('compound-picked').count()).toBe(1);
    const clicked = (await dialog.getByTestId('compound-picked').textContent())!.split('·').pop()!.replace('清除', '').trim();
    await expect.poll(() => dialog.locator('path.report-point-picked').count()).toBe(1);
    await dialog.getByTestId('trigger-by').fill('社区卫生服务中心');
    await screenshot(page, 'incident-positive-map');
    await dialog.getByTestId('switch-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const state = await call<Emergency>(e2e.host, 'getEmergency');
    const reports = state.emergency.reports;
    expect(reports.map((r) => r.compoundName)).toEqual(['云顶公馆', clicked]);

    // The board now belongs to the incident.
    await go(page, '/board');
    await mapReady(page);
    await expect.poll(() => page.getByTestId('incident-panel').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('readiness-panel').count()).toBe(0);
    // Two pins, the trigger's larger; both compounds outlined in the danger colour (one if both fell in the same).
    await expect.poll(() => page.locator('path.incident-pin').count()).toBe(2);
    expect(await page.locator('path.incident-pin.trigger').count()).toBe(1);
    expect(clicked).not.toBe('云顶公馆');
    await expect.poll(() => page.locator('path.incident-compound').count()).toBe(2);
    const stroke = await page.locator('path.incident-compound').first().evaluate((el) => getComputedStyle(el).stroke);
    expect(stroke).toBe('rgb(200, 30, 30)');
    const legend = (await page.getByTestId('map-legend').textContent())!;
    expect(legend).toContain('阳性报告');
    expect(legend).toContain('涉疫小区');

    // Deadlines with owners: 网络直报 (流调溯源组) shows its leader with phone; a group without one shows the gap.
    const panel = page.getByTestId('incident-panel');
    await expect.poll(() => panel.textContent()).toContain('网络直报');
    const online = panel.getByTestId('incident-deadline').filter({ hasText: '网络直报' }).first();
    expect(await online.textContent()).toContain('刘流调 13900000003');
    expect(await panel.getByTestId('deadline-owner-gap').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('incident-report').count()).toBe(2);
    expect(await page.getByTestId('incident-t0').textContent()).toBe(shanghai(t0));

    // The compound with its population base and the venues the server found in it and within 500 m.
    const sur = await call<{ radiusM: number; sites: Site[] }>(e2e.host, 'getIncidentSurroundings');
    expect(sur.radiusM).toBe(500);
    const first = sur.sites[0];
    expect(first.compound!.name).toBe('云顶公馆');
    const site = page.getByTestId('incident-site').first();
    expect(await site.textContent()).toContain('云顶公馆');
    expect(await site.getByTestId('site-residents').textContent()).toBe(first.compound!.residents.toLocaleString('zh-CN'));
    expect(await site.getByTestId('site-households').textContent()).toBe(first.compound!.households.toLocaleString('zh-CN'));
    expect(await site.getByTestId('site-elderly').textContent()).toBe(first.compound!.elderly.toLocaleString('zh-CN'));
    expect(first.inside.length + first.nearby.length).toBeGreaterThan(0);
    const shownNear = await site.getByTestId('site-nearby').getByTestId('site-venue').allTextContents();
    expect(shownNear.length).toBe(Math.min(10, first.nearby.length));
    first.nearby.slice(0, 10).forEach((v, i) => expect(shownNear[i]).toContain(v.name));
    for (const v of first.nearby) expect(v.distanceM).toBeLessThanOrEqual(500);
    // Rings on the venues listed, on the map.
    const listed = new Set(sur.sites.flatMap((x) => [...x.inside, ...x.nearby].map((v) => v.name))).size;
    await expect.poll(() => page.locator('path.incident-venue').count()).toBe(listed);
    await page.waitForTimeout(600);
    await screenshot(page, 'incident-board');

    // A smaller distance chosen in 设置 shows on the board at once, with fewer venues around.
    await go(page, '/settings');
    await page.getByTestId('incident-radius').fill('100');
    await page.getByTestId('save-settings').click();
    await expect.poll(() => page.getByTestId('settings-notice').textContent()).toContain('已保存');
    await go(page, '/board');
    await expect.poll(() => page.getByTestId('incident-sites').textContent()).toContain('周边 100 米');
    const small = await call<{ radiusM: number; sites: Site[] }>(e2e.host, 'getIncidentSurroundings');
    expect(small.radiusM).toBe(100);
    expect(small.sites[0].nearby.length).toBeLessThanOrEqual(first.nearby.length);
    for (const v of small.sites[0].nearby) expect(v.distanceM).toBeLessThanOrEqual(100);
    await call(e2e.host, 'saveSettings', { incidentRadiusM: 500 });
    expect(external).toEqual([]);
  }, 150_000);

  test('a T0 correction shows in the report list; a done deadline is reopened with a reason; keyboard reaches 完成 and focus shows', async () => {
    const h = await e2e.startHost();
    await signIn(h, '王值班');
    await call(h, 'createStreet', { code: '500104001', name: '测试街道' });
    const t0 = Math.floor((Date.now() - 30 * MIN) / MIN) * MIN;
    await call(h, 'switchToEmergency', { reportedAt: t0, place: '东山社区 幸福小区 3 栋', caseType: 'confirmed', reportedBy: '区疾控' });
    const { page } = await e2e.open('/mode', h);

    // Correct T0 through the dialog: the list shows the corrected T0, the original struck through with the reason.
    const corrected = t0 - 20 * MIN;
    await page.getByTestId('open-correct-t0').click({ timeout: 20_000 });
    await page.locator('#t0-new').fill(shanghaiInput(corrected));
    await page.locator('#t0-reason').fill('疾控核实：首次电话报告更早');
    await page.getByTestId('correct-t0-submit').click();
    await page.getByTestId('correct-t0-dialog').waitFor({ state: 'detached' });
    const trigger = page.locator('[data-testid=report-row][data-trigger]');
    await expect.poll(() => trigger.getByTestId('report-time').textContent()).toBe(shanghai(corrected));
    expect(await trigger.locator('[data-testid=t0-superseded] del').textContent()).toBe(shanghai(t0));
    expect(await trigger.getByTestId('t0-superseded').textContent()).toContain('疾控核实：首次电话报告更早');
    expect(await trigger.locator('del').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    await screenshot(page, 'incident-report-t0-corrected');

    // Mark 网络直报 done, then reopen it: the reason is required, the row is open again, the log has it.
    const row = page.locator('[data-testid=deadline-row][data-key=online_report]');
    await row.getByTestId('deadline-done').click();
    await row.getByTestId('deadline-done-confirm').click();
    await expect.poll(() => row.getByTestId('deadline-status').textContent()).toContain('已完成');
    await row.getByTestId('deadline-reopen').click();
    const reopen = page.getByTestId('reopen-dialog');
    await reopen.getByTestId('reopen-submit').click();
    await expect.poll(() => reopen.getByRole('alert').first().textContent()).toContain('重开原因不能为空');
    await reopen.getByTestId('reopen-reason').fill('直报系统退回，信息不全');
    await reopen.getByTestId('reopen-submit').click();
    await reopen.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('countdown').textContent()).toMatch(/剩余 01:\d\d:\d\d/);
    expect(await row.getByTestId('deadline-reopened').textContent()).toContain('直报系统退回，信息不全');
    const log = await call<{ rows: { text: string; operator: { name: string } | null }[] }>(h, 'listLogEntries', { categories: ['deadline'] });
    expect(log.rows[0].text).toMatch(/^重开时限：网络直报（原于 .* 由 王值班 标记完成）。原因：直报系统退回，信息不全$/);
    expect(log.rows[0].operator?.name).toBe('王值班');
    await screenshot(page, 'incident-deadline-reopened');

    // Keyboard: on any screen the first Tab is the skip link, shown with its shortcut; Enter lands on the first 完成.
    await page.goto(`${h.url}#/log`);
    await page.getByTestId('deadline-strip').waitFor({ timeout: 20_000 });
    expect(await page.locator('.deadline-strip kbd.shortcut-hint').textContent()).toBe('Alt+J');
    await page.keyboard.press('Tab');
    const skip = page.getByTestId('skip-to-deadlines');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.textContent()).toContain('Alt+J');
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0); // on screen once focused
    await screenshot(page, 'incident-skip-link');
    await page.keyboard.press('Enter');
    const firstDone = page.getByTestId('deadline-done').first();
    await expect.poll(() => firstDone.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(page.url()).toContain('#/mode');
    // The most urgent open deadline is the first row; its 完成 is the one focused.
    expect(await page.getByTestId('deadline-row').first().getByTestId('deadline-done').evaluate((el) => el === document.activeElement)).toBe(true);
    // Space asks, the confirm button takes the focus, Escape-free: the keyboard user can finish it.
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('deadline-done-confirm').evaluate((el) => el === document.activeElement)).toBe(true);

    // Alt+J from another screen does the same.
    await go(page, '/board');
    await page.getByTestId('board').waitFor();
    await page.keyboard.press('Alt+KeyJ');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toMatch(/^deadline-done/);

    // Focus is clearly visible on every control reached by Tab: a solid outline from --color-focus.
    await go(page, '/mode');
    await page.getByTestId('deadline-board').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    const seen = new Set<string>();
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        return { what: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 12) ?? ''}`, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor };
      });
      if (!f) continue;
      seen.add(f.what);
      expect(f.style, f.what).toBe('solid');
      expect(f.width, f.what).toBeGreaterThanOrEqual(2);
      expect(['rgb(26, 86, 219)', 'rgb(147, 197, 253)'], f.what).toContain(f.color);
      if (i === 20) await screenshot(page, 'incident-focus-ring');
    }
    expect(seen.size).toBeGreaterThan(15);
  }, 150_000);

  test('the 简报 is about the incident: corrections marked, late and overdue in the danger colour, no template edits, seven sections', async () => {
    const h = await e2e.startHost();
    await call(h, 'loadDemoStreet');
    await signIn(h, '王值班');
    await call(h, 'saveSettings', { unitName: '示例街道办事处' });
    await call(h, 'saveWorkGroup', { key: 'tracing', lead: { name: '刘流调', phone: '13900000003' }, members: [] });
    const [yunding, second] = (await call<{ rows: { id: number; name: string }[] }>(h, 'listCompounds', { limit: 2 })).rows;
    const t0 = Math.floor((Date.now() - 4.5 * HOUR) / MIN) * MIN;
    await call(h, 'switchToEmergency', { reportedAt: t0, place: `${yunding.name} 2 栋`, caseType: 'confirmed', reportedBy: '区疾控', compoundId: yunding.id });
    await call(h, 'correctT0', { reportedAt: t0 - 5 * MIN, reason: '疾控核实' });
    await call(h, 'recordPositive', { reportedAt: Date.now() - 20 * MIN, place: `${second.name} 5 栋`, caseType: 'asymptomatic', reportedBy: '社区卫生服务中心', compoundId: second.id });

    // A commander appointed during the emergency (the live structure changes: in the log and in 四);
    // edits of templates and settings: they must stay out of the briefing.
    await call(h, 'saveLiveCommandLeader', { role: 'commander', person: { name: '吴指挥', phone: '13911112222' } });
    await call(h, 'saveCommandLeader', { role: 'exec_commander', person: { name: '模板执行指挥长', phone: '13911113333' } });
    await call(h, 'saveChecklistTemplateItem', { groupKey: 'testing', text: '模板新增事项：下次启动用' });
    await call(h, 'saveSettings', { unitName: '示例街道办事处' });

    const e = (await call<Emergency>(h, 'getEmergency')).emergency;
    const trig = e.reports.find((r) => r.compoundName === yunding.name)!;
    const dl = (key: string, reportId?: number) => e.deadlines.find((d) => d.key === key && (reportId === undefined || d.reportId === reportId))!;
    await call(h, 'markDeadlineDone', { id: dl('online_report', trig.id).id }); // due 2 h after T0: done late
    await call(h, 'markDeadlineDone', { id: dl('risk_areas_published').id }); // due T0 + 5 h: in time
    await call(h, 'markDeadlineDone', { id: dl('isolation_transfer').id });
    await call(h, 'reopenDeadline', { id: dl('isolation_transfer').id, reason: '转运车辆未到位' });
    await call(h, 'tickChecklistItem', { id: e.checklist[0].id, done: true });
    const note = await call<{ id: number }>(h, 'addLogEntry', { category: 'note', text: '幸福小区密接 8 人' });
    await call(h, 'correctLogEntry', { id: note.id, text: '幸福小区密接 9 人（复核）', reason: '复核后多 1 人' });

    const { page, external } = await e2e.open('/mode', h);
    await page.getByTestId('deadline-board').waitFor({ timeout: 20_000 });
    const { text, pages } = await printToPdf(page, '/print/briefing', 'incident-briefing');
    await screenshot(page, 'incident-briefing-screen');
    const flat = squash(text);

    // Seven sections in order.
    const heads = ['一、基本情况', '二、应急处置时限', '三、阳性报告', '四、指挥体系', '五、启动清单未完成事项', '六、应急处置日志', '七、下一步工作'];
    const at = heads.map((x) => flat.indexOf(x));
    expect(at.every((i) => i >= 0), heads.filter((_, i) => at[i] < 0).join()).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const section = (n: number) => flat.slice(at[n], at[n + 1] ?? undefined);

    // Posture: T0 in force, the first one struck through with its reason, the profile.
    expect(section(0)).toContain(squash(shanghai(t0 - 5 * MIN)));
    expect(section(0)).toContain(`${squash(shanghai(t0))}原T0，已更正：疾控核实`);
    expect(section(0)).toContain('第九版');
    // Deadlines with owners and phones; reopened with its reason.
    expect(section(1)).toContain('刘流调13900000003');
    expect(section(1)).toContain('组长空缺');
    expect(section(1)).toContain('超时完成');
    expect(section(1)).toContain('已超时');
    expect(section(1)).toContain('已重开');
    expect(await page.locator('[data-testid=print-deadline][data-key=isolation_transfer] [data-testid=print-deadline-reopened]').textContent()).toMatch(/^已重开（.* 王值班）：转运车辆未到位$/);
    // Reports with their compounds.
    expect(section(2)).toContain(yunding.name);
    expect(section(2)).toContain(`${second.name}5栋`);
    // Command structure in force with phones, the commander appointed during the emergency among them.
    expect(section(3)).toContain('13900000003');
    expect(section(3)).toContain('吴指挥13911112222');
    // Open checklist items by group, the ticked one not among them.
    expect(section(4)).toContain(squash(e.checklist[1].text));
    expect(section(4)).not.toContain(squash(e.checklist[0].text));
    expect(section(4)).toContain(squash(e.checklist[1].groupName));
    // The incident log: the correction current, the superseded text only as 已更正; no template or settings edits.
    const logPart = section(5);
    expect(logPart).toContain('幸福小区密接9人（复核）');
    expect(logPart).toContain('已更正幸福小区密接8人（更正原因：复核后多1人）');
    expect(flat.split('幸福小区密接8人').length - 1).toBe(1);
    expect(logPart).toContain('重开时限');
    expect(logPart).toContain('切换到应急状态');
    // The switch's entry names the first T0; the sheet says it was corrected since.
    expect(logPart).toContain(`（T0已更正为${squash(shanghai(t0 - 5 * MIN))}`);
    expect(logPart).toContain('现行指挥体系：指挥长吴指挥13911112222');
    // The template edited during the emergency is for the next one: neither in 四 nor in the log.
    expect(flat).not.toContain('模板执行指挥长');
    for (const out of ['修改设置', '模板新增事项', '启动清单模板', '载入示例街道', '解锁值班台']) expect(flat).not.toContain(out);
    // Next steps: open deadlines by due time, the overdue sampling sites first, the reopened transfer among them.
    const next = section(6);
    const order = ['采样点建成启用', '网络直报', '来（返）人员排查完成', '应隔离人员转运到位', '划定区域全员核酸检测完成'].map((x) => next.indexOf(x));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(next).not.toContain('划定并发布中、高风险区');
    expect(flat).toContain(`第${pages}页/共${pages}页`);

    // Colours on the sheet: done late and overdue in the danger colour, only done in time green.
    const colour = (key: string, nth = 0) =>
      page.locator(`[data-testid=print-deadline][data-key=${key}] [data-testid=print-deadline-status]`).nth(nth).evaluate((el) => getComputedStyle(el).color);
    const late = page.locator('[data-testid=print-deadline][data-key=online_report] [data-testid=print-deadline-status]', { hasText: '超时完成' });
    expect(await late.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(200, 30, 30)');
    expect(await colour('sampling_sites_open')).toBe('rgb(200, 30, 30)');
    expect(await colour('risk_areas_published')).toBe('rgb(21, 115, 71)');
    expect(external).toEqual([]);
  }, 150_000);
});
