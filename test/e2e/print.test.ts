import { beforeAll, describe, expect, test } from 'vitest';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { printToPdf, shanghai, squash } from './print-pdf';

const UNIT = '示范街道办事处';

interface ShiftDef { key: string; name: string }

/** Monday of this week and today's Shanghai date, as the duty screen opens on. */
function thisWeek(): { monday: string; month: string } {
  const today = shanghai(Date.now()).slice(0, 10);
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return { monday: d.toISOString().slice(0, 10), month: today.slice(0, 7) };
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('print views on A4: 值班表 and 指挥体系表', () => {
  const e2e = useE2E({ street: { code: '500104002', name: '示范街道' }, signedIn: '周值班' });
  let shifts: ShiftDef[];
  beforeAll(async () => {
    await e2e.api('saveSettings', { unitName: UNIT });
    await e2e.api('saveCommunity', { code: 'C01', name: '南岸社区' });
    shifts = (await e2e.api<{ shifts: ShiftDef[] }>('getDutyConfig')).shifts;
  });

  test('roster a shift through the duty screen, refuse bad shifts, record a swap, print the week and the month', async () => {
    const { page, external } = await e2e.open('/duty');
    const { monday, month } = thisWeek();
    const first = shifts[0];
    const cell = page.getByTestId(`shift-${monday}-${first.key}`);
    await expect.poll(() => cell.textContent(), { timeout: 20_000 }).toContain('缺带班领导');

    // Same person twice on one shift: refused with the server's message, nothing saved.
    await cell.click();
    const editor = page.getByTestId('shift-editor');
    await editor.locator('[data-testid="shift-leader"] input[data-field="name"]').fill('刘主任');
    await editor.locator('[data-testid="shift-member"] input[data-field="name"]').first().fill('刘主任');
    await editor.getByTestId('save-shift').click();
    await expect.poll(() => editor.getByRole('alert').first().textContent()).toContain('出现了两次');
    // A proper shift: a leader and a duty officer.
    await editor.locator('[data-testid="shift-member"] input[data-field="name"]').first().fill('孙干事');
    await editor.locator('[data-testid="shift-member"] input[data-field="phone"]').first().fill('13700000001');
    await editor.getByTestId('save-shift').click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => cell.textContent()).toContain('刘主任');
    await expect.poll(() => cell.textContent()).toContain('孙干事');

    // A swap: 孙干事 out, 钱干事 in; recorded and shown.
    await cell.click();
    await page.getByTestId('open-swap').click();
    await page.locator('#swap-out').selectOption('孙干事');
    await page.locator('[data-testid="swap-in"] input[data-field="name"]').fill('钱干事');
    await page.getByTestId('swap-form').locator('input[placeholder]').last().fill('孙干事家中有事');
    await page.getByTestId('save-swap').click();
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => cell.textContent()).toContain('钱干事');
    await expect.poll(() => cell.textContent()).toContain('换班 1 次');
    await screenshot(page, 'duty-week');

    // The rest of the month through the API so the monthly roster runs over several pages.
    const start = `${month}-01`;
    for (let i = 0; i < 31; i++) {
      const date = addDays(start, i);
      if (!date.startsWith(month) || date === monday) continue;
      for (const s of shifts) {
        await e2e.api('saveDutyShift', {
          date,
          shiftKey: s.key,
          leader: { name: `领导${(i % 5) + 1}`, phone: `1360000000${i % 10}` },
          members: [{ name: `值班员${(i % 7) + 1}`, phone: `1350000000${i % 10}` }, { name: `值班员${(i % 7) + 8}` }],
        });
      }
    }

    const week = await printToPdf(page, `/print/duty?week=${monday}`, 'duty-week');
    const wflat = squash(week.text);
    expect(wflat).toContain(UNIT);
    expect(wflat).toContain('值班表（周）');
    expect(wflat).toContain(`${monday}至${addDays(monday, 6)}`);
    expect(wflat).toContain('刘主任');
    expect(wflat).toContain('钱干事');
    expect(wflat).toContain('孙干事→钱干事');
    expect(wflat).toContain(`第1页/共${week.pages}页`);

    const monthly = await printToPdf(page, `/print/duty?month=${month}`, 'duty-month');
    const mflat = squash(monthly.text);
    expect(mflat).toContain('值班表（月）');
    expect(mflat).toContain(`${month}-01`);
    expect(monthly.pages).toBeGreaterThan(1);
    expect(mflat).toContain(`第${monthly.pages}页/共${monthly.pages}页`);
    // Every page carries the unit in its running head.
    expect(monthly.text.split(UNIT).length - 1).toBeGreaterThanOrEqual(monthly.pages);
    // Page by page: each repeats the table header; a day's shifts never split across pages (a day's date and both
    // shift names on the same page); the sign-off shares its page with the last day, never alone.
    const pageTexts = monthly.text.split('\f').map(squash).filter((p) => p.length > 0);
    expect(pageTexts).toHaveLength(monthly.pages);
    const shiftNames = shifts.map((s) => s.name);
    for (const p of pageTexts) {
      expect(p).toContain('日期班次带班领导值班人员及电话');
      const dayBlocks = p.split(/(?=\d{4}-\d{2}-\d{2}周)/).slice(1);
      for (const block of dayBlocks) for (const n of shiftNames) expect(block, block.slice(0, 20)).toContain(n);
    }
    const last = pageTexts[pageTexts.length - 1];
    expect(last).toContain('审核：');
    expect(last).toMatch(/\d{4}-\d{2}-\d{2}周/);
    await screenshot(page, 'print-duty-month-screen');
    expect(external).toEqual([]);
  });

  test('the command structure sheet lists leaders, groups with phones and 三级包保', async () => {
    const communities = await e2e.api<{ id: number }[]>('listCommunities');
    await e2e.api('saveCommandLeader', { role: 'area_chief', person: { name: '封片长', phone: '13811110000' } });
    await e2e.api('saveWorkGroup', {
      key: 'tracing', lead: { name: '马流调', phone: '13822220000' }, members: [{ name: '牛队员', phone: '13833330000', duty: '联络员' }], tasks: '接报即查',
    });
    await e2e.api('saveBaobao', {
      communityId: communities[0].id, districtLeader: { name: '区领导甲' }, streetCadre: { name: '街道干部乙', phone: '13844440000' }, communityCadre: null,
    });
    const { page } = await e2e.open();
    const sheet = await printToPdf(page, '/print/command', 'command-sheet');
    const flat = squash(sheet.text);
    for (const s of [UNIT, '指挥体系表', '封片长', '13811110000', '流调溯源组', '马流调', '13822220000', '牛队员', '联络员', '南岸社区', '街道干部乙', '13844440000']) {
      expect(flat).toContain(s);
    }
    expect(flat).toContain(`第1页/共${sheet.pages}页`);
    // The toolbar is on screen, never on paper.
    expect(flat).not.toContain('打印/保存为PDF');
    await screenshot(page, 'print-command-screen');
    // The leaders table has a header row like the work-group table, so an empty phone cell is explained.
    expect(await page.locator('table.print-leaders thead th').allTextContents()).toEqual(['职务', '姓名', '电话']);

    // In the browser host the button opens the browser's print dialog.
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => {
        w.printed++;
      };
    });
    await page.getByTestId('print-button').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // On the desktop the preload's bridge prints to PDF with a suggested file name and answers the saved path.
    await page.evaluate(() => {
      const w = window as unknown as { asked: string[]; streetCommandDesktop: { printToPdf(n?: string): Promise<string | null> } };
      w.asked = [];
      w.streetCommandDesktop = { printToPdf: async (n) => (w.asked.push(n ?? ''), 'C:\\文档\\指挥体系表.pdf') };
    });
    await page.getByTestId('print-button').click();
    await expect.poll(() => page.getByTestId('print-toolbar').textContent()).toContain('已保存');
    expect(await page.evaluate(() => (window as unknown as { asked: string[] }).asked)).toEqual([expect.stringMatching(/^指挥体系表-\d{4}-\d\d-\d\d$/)]);
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // The drill watermark hook: a data attribute on the sheet, printed on every page.
    await page.locator('[data-testid="print-doc"]').evaluate((el) => el.setAttribute('data-watermark', '演练'));
    await page.pdf({ path: 'test-output/command-sheet-drill.pdf', format: 'A4', preferCSSPageSize: true, printBackground: true });
    const { execFileSync } = await import('node:child_process');
    // pdftotext reads the rotated watermark glyph by glyph.
    const drillText = execFileSync('pdftotext', ['test-output/command-sheet-drill.pdf', '-'], { encoding: 'utf8' });
    expect(drillText).toMatch(/演/);
    expect(drillText).toMatch(/练/);
    expect(flat).not.toMatch(/演|练/);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', 'test-output/command-sheet-drill.pdf', 'test-output/command-sheet-drill']);
  });
});
