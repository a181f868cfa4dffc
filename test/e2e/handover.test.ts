import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { printToPdf, squash } from './print-pdf';
import { HOUR, prepareStreet, UNIT } from './mode-setup';

/** Issue 10.5: the handover dialog is pre-filled with the situation; the handover prints as an A4 交接班记录. */
describe('handover carries the situation', () => {
  const e2e = useE2E();
  beforeAll(async () => {
    const { wang } = await prepareStreet(e2e.host);
    await e2e.api('signIn', { operatorId: wang.id });
    // T0 three hours ago: the 2-hour online report is overdue.
    await e2e.api('switchToEmergency', { reportedAt: Date.now() - 3 * HOUR, place: '东山社区 幸福小区 3 栋', caseType: 'confirmed', reportedBy: '区疾控中心' });
    await e2e.api('addLogEntry', { category: 'instruction', text: '区指挥部：今晚 22:00 前报送密接名单' });
  });

  test('the outgoing officer edits the pre-filled summary, hands over to 接班人, and prints the record', async () => {
    const { page } = await e2e.open('/mode');
    await page.getByTestId('open-handover').click({ timeout: 20_000 });
    const dialog = page.getByTestId('handover-dialog');
    await expect.poll(() => dialog.locator('label[for="handover-who"]').textContent()).toBe('接班人');
    const note = page.getByTestId('handover-note');
    await expect.poll(() => note.inputValue()).toContain('【未完成的处置时限】');
    const text = await note.inputValue();
    expect(text).toMatch(/【应急状态】T0 \d{4}-\d\d-\d\d \d\d:\d\d，已历时 03:00:\d\d。/);
    expect(text).toMatch(/1\. 网络直报（流调溯源组）时限 \d\d:\d\d，已超时 01:00:\d\d/);
    expect(text).toMatch(/其中超时 1 项/);
    expect(text).toMatch(/【启动清单未完成】19 项/);
    expect(text).toContain('【上次交接班以来的阳性报告】1 起');
    expect(text).toContain('东山社区 幸福小区 3 栋，确诊病例，区疾控中心');
    expect(text).toContain('[上级指令] 区指挥部：今晚 22:00 前报送密接名单');
    // Sign-ins are not the situation.
    expect(text).not.toContain('登录值班台');
    await screenshot(page, 'handover-dialog-prefilled');

    // The officer adds what to follow up, picks the next one and hands over.
    await note.fill(`${text}网络直报已超时，请立即补报`);
    await page.getByTestId('handover-who').selectOption({ label: '李接班' });
    await page.getByTestId('handover-submit').click();
    await expect.poll(() => page.getByTestId('handover-done').textContent()).toContain('王值班 已把值班台交给 李接班');
    await expect.poll(() => page.getByTestId('desk-operator').textContent()).toContain('李接班');
    const log = await e2e.api<{ rows: { text: string }[] }>('listLogEntries', { categories: ['desk'], limit: 1 });
    expect(log.rows[0].text).toContain('交接班：王值班 → 李接班');
    expect(log.rows[0].text).toContain('网络直报已超时，请立即补报');

    // The A4 record: title, unit, both names, the note as written, two signature lines.
    await page.getByTestId('handover-print').click();
    await page.locator('body[data-print-ready="true"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('print-handover-from').textContent()).toBe('王值班');
    expect(await page.getByTestId('print-handover-to').textContent()).toBe('李接班');
    expect(await page.getByTestId('print-handover-mode').textContent()).toBe('应急状态');
    expect(await page.getByTestId('print-handover-note').textContent()).toContain('网络直报已超时，请立即补报');
    await screenshot(page, 'handover-print');
    const { text: pdf, pages } = await printToPdf(page, '/print/handover', 'handover-record');
    const flat = squash(pdf);
    expect(flat).toContain('交接班记录');
    expect(flat).toContain(UNIT);
    expect(flat).toContain('交班人王值班');
    expect(flat).toContain('接班人李接班');
    expect(flat).toContain('交班人（签字）：');
    expect(flat).toContain('接班人（签字）：');
    expect(flat).toContain('网络直报已超时，请立即补报');
    expect(pages).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});
