import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../helpers/browser';
import { startHost, type RunningHost } from '../helpers/host';
import { signInOperator } from '../helpers/e2e';
import { residentsCsv } from '../fixtures/import/fixtures';
import { compoundsByNameGeoJson, populationCsvGbk, populationXlsx, tableRows, tableTotal } from '../fixtures/import/office';

/**
 * Issue 8 end to end in Chromium (npm run build first): a new street built from nothing but a compounds GeoJSON in
 * GCJ-02 that names its communities by name and the office's population table in GBK; the board's totals equal the table's 合计 row.
 * Then the register beside the table: the difference on the board, and a replacement that needs its confirmation.
 */
describe('a new street from the files an office has', () => {
  let host: RunningHost;
  let browser: { browser: Browser; close(): Promise<void> };
  let page: Page;
  let external: string[];

  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
    expect((await host.call('createStreet', { code: '500104001', name: '某某街道' })).ok).toBe(true);
    // Importing is a change: the wizard is open to a signed-in desk only (issue 9).
    await signInOperator(host);
    ({ page, external } = await newPage(browser.browser));
    await page.goto(`${host.url}#/data/import`);
    await page.getByTestId('import-kind-compounds').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  async function choose(kind: string, name: string, content: string | Buffer) {
    await page.getByTestId(`import-kind-${kind}`).click();
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
    await page.getByTestId('import-preview').waitFor();
  }
  const result = (k: string) => page.getByTestId(`result-${k}`).textContent();
  const commitButton = () => page.getByTestId('import-commit');

  test('compounds naming communities by name, then the GBK population table: the board shows the 合计 row', async () => {
    await choose('compounds', '小区.geojson', compoundsByNameGeoJson());
    await expect.poll(() => page.getByTestId('map-communityName').inputValue()).toBe('所属社区');
    const create = page.getByTestId('import-create-communities');
    await create.waitFor();
    expect(await create.locator('tbody tr').allTextContents()).toEqual(['500104001001民主村社区', '500104001002石油路社区']);
    expect(await page.getByTestId('import-create-confirm').isChecked()).toBe(true);
    // The file says nothing of its coordinate system: the wizard asks. Outlines from a Chinese web map are GCJ-02.
    expect(await commitButton().isDisabled()).toBe(true);
    await page.getByTestId('import-crs').selectOption('gcj02');
    await page.getByTestId('import-commit').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-office-compounds-create');
    await commitButton().click();
    await page.getByTestId('import-result').waitFor();
    expect([await result('rowsIn'), await result('inserted'), await result('communitiesCreated')]).toEqual(['4', '4', '2']);
    expect(await page.getByTestId('result-crs').count()).toBe(1); // converted to WGS-84

    await choose('population', '人口底数统计表.csv', populationCsvGbk());
    await expect.poll(() => page.getByTestId('import-detected').textContent()).toContain('GBK');
    // The header found under the title rows, every column of the sheet, data rows only, the 合计 row skipped.
    expect(await page.getByTestId('import-header-line').inputValue()).toBe('4');
    expect(await page.locator('[data-testid=import-preview] thead th').allTextContents()).toEqual([
      '行', '序号', '社区', '小区名称', '小区编码', '楼栋数', '户数', '常住人口', '60岁以上', '备注',
    ]);
    expect(await page.locator('[data-testid=import-preview] tbody tr').count()).toBe(tableRows.length);
    expect(await page.getByTestId('import-skipped-totals').textContent()).toContain('跳过合计行 1 行');
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    expect(await page.getByTestId('import-create').count()).toBe(0); // the compounds exist now
    expect(await commitButton().textContent()).toBe('导入 4 行');
    await screenshot(page, 'import-office-population-preview');
    await commitButton().click();
    await page.getByTestId('import-result').waitFor();
    expect([await result('rowsIn'), await result('inserted'), await result('updated'), await result('skippedTotals')]).toEqual(['4', '0', '4', '1']);

    await page.goto(`${host.url}#/board`);
    const figure = (id: string) => page.getByTestId(id).locator('.figure-value').textContent();
    await expect.poll(() => figure('total-residents')).toBe(tableTotal.residents.toLocaleString('zh-CN'));
    expect(await figure('total-households')).toBe(tableTotal.households.toLocaleString('zh-CN'));
    expect(await figure('total-elderly')).toMatch(new RegExp(`^${tableTotal.elderly.toLocaleString('zh-CN')} `));
    expect(await figure('total-communities')).toBe('2');
    expect(await figure('total-compounds')).toBe('4');
    expect(await page.getByTestId('population-sources').textContent()).toBe('来源：底数表 4 个小区');
    await screenshot(page, 'import-office-board');
    expect(external).toEqual([]);
  });

  test('a register beside the table: the difference is shown; replacing it needs the confirmation', async () => {
    await page.goto(`${host.url}#/data/import`);
    const three = ['P001,1栋,1-101,张三,男,1950,', 'P001,1栋,1-101,李四,女,1952,', 'P001,1栋,1-102,王五,男,1990,'];
    await choose('residents', '台账.csv', residentsCsv(three));
    expect(await page.getByTestId('import-replacements').count()).toBe(0); // the table's base is not replaced
    await commitButton().click();
    await page.getByTestId('import-result').waitFor();

    await choose('residents', '台账2.csv', residentsCsv(['P001,1栋,1-101,张三,男,1950,']));
    const list = page.getByTestId('import-replacements');
    await list.waitFor();
    expect(await list.locator('li').allTextContents()).toEqual(['康居雅苑：替换现有 3 人为 1 人不到现有的一半']);
    expect(await commitButton().isDisabled()).toBe(true);
    await commitButton().scrollIntoViewIfNeeded();
    await screenshot(page, 'import-office-replacement');
    await page.getByTestId('import-replace-confirm').check();
    expect(await commitButton().isDisabled()).toBe(false);
    await commitButton().click();
    await page.getByTestId('import-result').waitFor();
    expect([await result('replacedCompounds'), await result('replaced')]).toEqual(['1', '3']);

    await page.goto(`${host.url}#/board`);
    const mismatch = page.getByTestId('register-mismatch');
    await mismatch.waitFor();
    expect(await mismatch.textContent()).toBe('1 个小区的人口台账与底数不一致：底数 2,890 人，台账 1 人');
    // The base figures stay the table's.
    expect(await page.getByTestId('total-residents').locator('.figure-value').textContent()).toBe(tableTotal.residents.toLocaleString('zh-CN'));
    // The community table marks the community holding it.
    expect(await page.getByTestId('community-table').locator('tbody tr', { hasText: '民主村社区' }).textContent()).toContain('⚠ 1');
    await page.getByTestId('community-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-office-board-mismatch');

    await page.goto(`${host.url}#/data/compounds`);
    const row = page.locator('tr[data-code=P001]');
    await row.waitFor();
    expect(await row.locator('[data-col=source]').textContent()).toBe('底数表');
    expect(await row.locator('[data-col=register]').textContent()).toBe('台账 1 人');
    await screenshot(page, 'import-office-compound-table');
  });

  test('the XLSX table: the sheet holding it is chosen, another can be picked, merged header read', async () => {
    await page.goto(`${host.url}#/data/import`);
    await choose('population', '人口底数统计表.xlsx', await populationXlsx());
    await expect.poll(() => page.getByTestId('import-sheet').inputValue()).toBe('2022年底');
    expect(await page.getByTestId('import-header-line').inputValue()).toBe('3');
    expect(await page.getByTestId('import-skipped-totals').textContent()).toContain('第 8 行（合计）');
    await screenshot(page, 'import-office-xlsx-preview');
    await page.getByTestId('import-sheet').selectOption('2021年底');
    await expect.poll(() => page.getByTestId('import-header-line').inputValue()).toBe('2');
    await expect.poll(() => page.locator('[data-testid=import-preview] tbody tr').count()).toBe(1);
    // Picking the title as the header: the preview says what is missing, headed as the preview's findings.
    await page.getByTestId('import-header-line').selectOption('1');
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('预览发现');
    expect(await problems.textContent()).not.toContain('导入被拒绝');
    expect(await commitButton().isDisabled()).toBe(true);
    await problems.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-office-header-picked');
  });
});
