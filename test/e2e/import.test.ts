import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../helpers/browser';
import { startHost, type RunningHost } from '../helpers/host';
import { collection, communitiesGeoJson, compoundsGeoJson, polygon, residentsCsv, square } from '../fixtures/import/fixtures';

/** The import wizard in Chromium against the built browser host (npm run build first). */
describe('import wizard', () => {
  let host: RunningHost;
  let browser: { browser: Browser; close(): Promise<void> };
  let page: Page;
  let external: string[];
  let scratch: string;

  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-e2e-import-'));
    const created = await host.call('createStreet', { code: '500104001', name: '测试街道' });
    expect(created.ok).toBe(true);
    ({ page, external } = await newPage(browser.browser));
    await page.goto(`${host.url}#/data/import`);
    await page.getByTestId('import-kind-communities').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  async function choose(kind: string, name: string, content: string | Buffer) {
    await page.getByTestId(`import-kind-${kind}`).click();
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
    await page.getByTestId('import-preview').waitFor();
  }

  const resultCount = (k: string) => page.getByTestId(`result-${k}`).textContent();

  test('communities and compounds GeoJSON, then a GBK register: previews, counts in = counts stored', async () => {
    await choose('communities', '社区边界.geojson', communitiesGeoJson());
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await resultCount('rowsIn')).toBe('2');
    expect(await resultCount('inserted')).toBe('2');

    // The two compounds of C01 name a grid the street does not have yet: it is created under C01.
    const withGrid = compoundsGeoJson().replaceAll('"communityCode": "C01",', '"communityCode": "C01", "gridCode": "G01", "gridName": "东风一网格",');
    await choose('compounds', '小区.geojson', withGrid);
    await expect.poll(() => page.getByTestId('map-communityCode').inputValue()).toBe('communityCode');
    expect(await page.getByTestId('map-gridCode').inputValue()).toBe('gridCode');
    expect(await page.getByTestId('map-gridName').inputValue()).toBe('gridName');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await resultCount('rowsIn')).toBe('3');
    expect(await resultCount('inserted')).toBe('3');
    expect(await resultCount('gridsCreated')).toBe('1');
    await screenshot(page, 'import-result-grids');
    const grids = await host.call<{ code: string; name: string; compounds: number }[]>('listGrids', {});
    expect(grids.value?.map((g) => [g.code, g.name, g.compounds])).toEqual([['G01', '东风一网格', 2]]);

    // A register saved by Excel in China: GBK, CRLF.
    const gbk = iconv.encode(residentsCsv(undefined, '\r\n'), 'gbk');
    await choose('residents', '人口台账.csv', gbk);
    await expect.poll(() => page.getByTestId('import-detected').textContent()).toContain('GBK');
    await expect.poll(() => page.getByTestId('import-preview').textContent()).toContain('张三');
    expect(await page.getByTestId('map-birthYear').inputValue()).toBe('出生年份');
    await screenshot(page, 'import-preview-gbk');

    // Forcing UTF-8 on GBK bytes says what is wrong and what to choose; back to auto reads it again.
    await page.getByTestId('import-encoding').selectOption('utf-8');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('不是 UTF-8');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('GBK');
    await screenshot(page, 'import-encoding-forced-utf8');
    await page.getByTestId('import-encoding').selectOption('gbk');
    await page.getByTestId('import-preview').waitFor();

    // P01 and P02 have figures from the compounds file: the register replaces them, once the user confirms.
    await expect.poll(() => page.getByTestId('import-replacements').locator('li').count()).toBe(2);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.getByTestId('import-replace-confirm').check();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await resultCount('rowsIn')).toBe('4');
    expect(await resultCount('inserted')).toBe('4');
    expect(await page.getByTestId('import-result').textContent()).toContain('全部入库');
    await screenshot(page, 'import-result');

    const summary = await host.call<{ registeredResidents: number; compounds: number; residents: number }>('getStreetSummary');
    expect(summary.value).toMatchObject({ registeredResidents: 4, compounds: 3 });
    const names = await host.call<{ rows: { code: string; residents: number; households: number }[] }>('listCompounds', { search: 'P01' });
    expect(names.value?.rows[0]).toMatchObject({ code: 'P01', residents: 3, households: 2 });
  });

  test('a self-intersecting polygon: the error names the feature, and nothing is written', async () => {
    const before = await host.call<{ total: number }>('listCompounds', {});
    const bowTie: [number, number][] = [
      [106.49, 29.55],
      [106.5, 29.56],
      [106.5, 29.55],
      [106.49, 29.56],
      [106.49, 29.55],
    ];
    const broken = collection([
      { properties: { code: 'P10', name: '好小区', communityCode: 'C01' }, geometry: polygon(square(106.49, 29.53)) },
      { properties: { code: 'P11', name: '蝴蝶结小区', communityCode: 'C01' }, geometry: polygon(bowTie) },
    ]);
    await choose('compounds', '坏边界.geojson', broken);
    await page.getByTestId('import-commit').click();
    const alert = page.getByRole('alert').filter({ hasText: '自相交' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('坏边界.geojson');
    expect(text).toContain('要素索引 1');
    expect(text).toContain('geometry');
    expect(text).toContain('未写入任何数据');
    await screenshot(page, 'import-error-self-intersection');
    const after = await host.call<{ total: number; rows: { code: string }[] }>('listCompounds', {});
    expect(after.value?.total).toBe(before.value?.total);
    expect(after.value?.rows.map((r) => r.code)).not.toContain('P10');
  });

  test('a 200 MB file is refused from its size, before it is read', async () => {
    const huge = path.join(scratch, '巨大台账.csv');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, 200 * 1024 * 1024); // sparse: no 200 MB written to disk
    await page.getByTestId('import-kind-residents').click();
    await page.getByTestId('import-file').setInputFiles(huge);
    const refused = page.getByTestId('import-file-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/200\.0 MB，超过 50 MB/);
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    await screenshot(page, 'import-refused-200mb');
  });

  test('export downloads the register as CSV (UTF-8 with BOM, CRLF, Chinese header)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-residents-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^人口台账-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = path.join(scratch, 'export.csv');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('小区编码,楼栋,户号,姓名,性别,出生年份,电话');
    expect(external).toEqual([]);
  });
});
