import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { fillPerson, go, HOUR, prepareStreet } from './mode-setup';

interface Structure {
  leaders: { role: string; person: { name: string; phone: string | null } | null }[];
  groups: { key: string; lead: { name: string; phone: string | null } | null }[];
}

/** Issue 10.2: during an emergency the live command structure is completed and changed; the template stays. */
describe('the live command structure during an emergency', () => {
  const e2e = useE2E();
  beforeAll(async () => {
    const { wang } = await prepareStreet(e2e.host);
    await e2e.api('signIn', { operatorId: wang.id });
    await e2e.api('saveCommandLeader', { role: 'commander', person: { name: '吴书记', phone: '13900000001' } });
    await e2e.api('switchToEmergency', { reportedAt: Date.now() - HOUR, place: '东山社区 幸福小区 3 栋', caseType: 'confirmed', reportedBy: '区疾控中心' });
  });

  const live = async () => (await e2e.api<{ command: Structure; source: string }>('getCommandStructure')).command;
  const lead = (s: Structure, key: string) => s.groups.find((g) => g.key === key)?.lead ?? null;

  test('a vacant owner shows on the deadline row; the lead appointed on the command screen replaces the gap', async () => {
    const { page } = await e2e.open('/mode');
    // 网络直报 belongs to 流调溯源组, empty in the template: the row says so in the danger colour.
    const report = page.locator('[data-testid="deadline-row"][data-key="online_report"]');
    await expect.poll(() => report.getByTestId('deadline-owner').textContent(), { timeout: 20_000 }).toContain('流调溯源组 · 组长空缺');
    const colour = await report.getByTestId('group-lead-vacant').evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(200, 30, 30)'); // --color-danger
    await screenshot(page, 'command-live-deadline-vacant');

    // The command screen edits the live structure and says so.
    await go(page, '/command');
    await expect.poll(() => page.getByTestId('command-scope-note').textContent(), { timeout: 10_000 }).toContain('本次应急响应的现行指挥体系');
    expect(await page.getByTestId('scope-live').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('[data-testid="leader-commander"] input[data-field="name"]').inputValue()).toBe('吴书记');
    const tracing = '[data-testid="group-tracing"]';
    expect(await page.locator(`${tracing} .badge.vacant`).textContent()).toBe('空缺');

    // A 10-digit phone is flagged while typing and refused on Enter; the server's rule is shown.
    await fillPerson(page, `${tracing} [data-testid="group-lead"]`, '周流调', '1380000001');
    const phone = page.locator(`${tracing} [data-testid="group-lead"] input[data-field="phone"]`);
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await phone.press('Enter');
    await expect.poll(() => page.locator(`${tracing} .error-box`).textContent()).toContain('电话须为 11 位手机号');
    expect(lead(await live(), 'tracing')).toBeNull();

    // Fixed, Enter in the field saves (no click): the live structure has the lead, the template does not.
    await phone.fill('13800000010');
    await phone.press('Enter');
    await expect.poll(async () => lead(await live(), 'tracing'), { timeout: 10_000 }).toEqual({ name: '周流调', phone: '13800000010', duty: null });
    const template = await e2e.api<Structure>('getCommandTemplate');
    expect(lead(template, 'tracing')).toBeNull();
    await expect.poll(() => page.locator(`${tracing} .badge.vacant`).count()).toBe(0);
    await screenshot(page, 'command-live-screen');

    // Replacing the commander during the emergency: one log entry naming who was replaced.
    await fillPerson(page, '[data-testid="leader-commander"]', '郑书记', '13900000009');
    await page.locator('[data-testid="leader-commander"] [data-testid="save-leader"]').click();
    await expect.poll(async () => (await live()).leaders.find((l) => l.role === 'commander')?.person?.name).toBe('郑书记');
    const log = await e2e.api<{ rows: { text: string; method: string }[] }>('listLogEntries', { categories: ['command'] });
    expect(log.rows.slice(0, 2).map((r) => r.text)).toEqual([
      '现行指挥体系：指挥长 郑书记 13900000009（原为 吴书记）',
      '现行指挥体系：流调溯源组 组长 周流调 13800000010，组员 0 人',
    ]);

    // Back on the deadline board: the owner cell shows the lead and phone.
    await go(page, '/mode');
    await expect.poll(() => report.getByTestId('deadline-owner').textContent(), { timeout: 10_000 }).toContain('流调溯源组 · 组长 周流调 13800000010');
    await screenshot(page, 'command-live-deadline-lead');
    await page.close();
  });

  test('the template tab edits the next emergency only; unsaved edits ask before they are lost', async () => {
    const { page } = await e2e.open('/command');
    await expect.poll(() => page.getByTestId('command-scope-note').isVisible(), { timeout: 20_000 }).toBe(true);

    // Unsaved edit, then a tab in the top bar: the question comes, "stay" keeps the edit and the screen.
    const testingLead = page.locator('[data-testid="group-testing"] [data-testid="group-lead"] input[data-field="name"]');
    await testingLead.fill('陈检测');
    expect(await page.locator('[data-testid="group-testing"] [data-testid="unsaved"]').textContent()).toBe('未保存');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.locator('header.topbar nav a', { hasText: '值班日志' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('尚未保存');
    expect(await page.evaluate(() => window.location.hash)).toBe('#/command');
    expect(await testingLead.inputValue()).toBe('陈检测');

    // Switching to the template asks too; "leave" drops the edit.
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await page.getByTestId('scope-template').click();
    await expect.poll(() => asked.length).toBe(2);
    await expect.poll(() => page.getByTestId('command-scope-note').textContent()).toContain('下次启动应急响应时生效');
    // The template still has the commander of before the emergency; the live one was replaced.
    expect(await page.locator('[data-testid="leader-commander"] input[data-field="name"]').inputValue()).toBe('吴书记');
    await fillPerson(page, '[data-testid="group-testing"] [data-testid="group-lead"]', '陈检测', '023-68123456');
    await page.locator('[data-testid="group-testing"] [data-testid="group-lead"] input[data-field="phone"]').press('Enter');
    await expect.poll(async () => lead(await e2e.api<Structure>('getCommandTemplate'), 'testing')?.phone).toBe('023-68123456');
    expect(lead(await live(), 'testing')).toBeNull();
    const log = await e2e.api<{ rows: { text: string }[] }>('listLogEntries', { categories: ['command'] });
    expect(log.rows[0].text).toBe('指挥体系模板（下次启动应急响应时生效，本次不变）：核酸检测组 组长 陈检测 023-68123456，组员 0 人');
    await screenshot(page, 'command-template-during-emergency');

    // Nothing unsaved: leaving asks nothing.
    await page.locator('header.topbar nav a', { hasText: '值班日志' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/log');
    expect(asked).toHaveLength(2);
    await page.close();
  });
});
