import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { collection, communitiesGeoJson, compoundsGeoJson, polygon, residentsCsv, square } from '../fixtures/import/fixtures';

/** The import wizard in Chromium against the built browser host (npm run build first). */
describe('import wizard', () => {
  const e2e = useE2E({ street: { code: '500104001', name: '测试街道' }, signedIn: true });
  let page: Page;
  let external: string[];
  let scratch: string;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-e2e-import-'));
    ({ page, external } = await e2e.open('/data/import'));
    await page.getByTestId('import-kind-communities').waitFor();
  });
  afterAll(() => {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  async function choose(kind: string, name: string, content: string | Buffer) {
    await page.getByTestId(`import-kind-${kind}`).click();
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
    await page.getByTestId('import-preview').waitFor();
  }

  const resultCount = (k: string) => page.getByTestId(`result-${k}`).textContent();

  /** A GeoJSON file without a crs member: the wizard asks, and import waits for the answer. */
  async function answerCrs(system: 'wgs84' | 'gcj02' | 'bd09') {
    await page.getByTestId('import-crs-unknown').waitFor();
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    await page.getByTestId('import-crs').selectOption(system);
  }

  test('communities and compounds GeoJSON, then a GBK register: previews, counts in = counts stored', async () => {
    await choose('communities', '社区边界.geojson', communitiesGeoJson());
    expect(await page.getByTestId('import-crs-unknown').textContent()).toContain('没有声明坐标系');
    await screenshot(page, 'import-crs-question');
    await answerCrs('wgs84');
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
    await answerCrs('wgs84');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await resultCount('rowsIn')).toBe('3');
    expect(await resultCount('inserted')).toBe('3');
    expect(await resultCount('gridsCreated')).toBe('1');
    await screenshot(page, 'import-result-grids');
    const grids = await e2e.api<{ code: string; name: string; compounds: number }[]>('listGrids', {});
    expect(grids.map((g) => [g.code, g.name, g.compounds])).toEqual([['G01', '东风一网格', 2]]);

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

    const summary = await e2e.api<{ registeredResidents: number; compounds: number; residents: number }>('getStreetSummary');
    expect(summary).toMatchObject({ registeredResidents: 4, compounds: 3 });
    const names = await e2e.api<{ rows: { code: string; residents: number; households: number }[] }>('listCompounds', { search: 'P01' });
    expect(names.rows[0]).toMatchObject({ code: 'P01', residents: 3, households: 2 });
  });

  test('a self-intersecting polygon: the error names the feature, and nothing is written', async () => {
    const before = await e2e.api<{ total: number }>('listCompounds', {});
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
    // The preview already lists the crossing, headed as a problem in the file, not as a refused import.
    const found = page.getByTestId('import-geometry-problems');
    await found.waitFor();
    expect(await found.textContent()).toContain('预览发现 1 个问题');
    expect(await found.textContent()).toContain('要素索引 1');
    expect(await found.textContent()).not.toContain('导入被拒绝');
    await screenshot(page, 'import-preview-geometry-problem');
    await answerCrs('wgs84');
    await page.getByTestId('import-commit').click();
    const alert = page.getByRole('alert').filter({ hasText: '自相交' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('坏边界.geojson');
    expect(text).toContain('要素索引 1');
    expect(text).toContain('geometry');
    expect(text).toContain('未写入任何数据');
    await screenshot(page, 'import-error-self-intersection');
    const after = await e2e.api<{ total: number; rows: { code: string }[] }>('listCompounds', {});
    expect(after.total).toBe(before.total);
    expect(after.rows.map((r) => r.code)).not.toContain('P10');
  });

  test('a GCJ-02 file that says so, with repeated points: no question asked, the fixes shown before and after', async () => {
    const [a, b, c, d] = square(106.53, 29.53);
    const declared = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'gcj02' } },
      features: [{ type: 'Feature', properties: { code: 'C05', name: '火星社区' }, geometry: polygon([a, a, b, c, c, d, a]) }],
    });
    await choose('communities', '高德社区.geojson', declared);
    await expect.poll(() => page.getByTestId('import-crs').inputValue()).toBe('gcj02');
    expect(await page.getByTestId('import-crs-declared').textContent()).toContain('gcj02');
    expect(await page.getByTestId('import-crs-unknown').count()).toBe(0);
    expect(await page.getByTestId('import-geometry-fixes').textContent()).toContain('去掉连续重复的点 2 个');
    await screenshot(page, 'import-preview-declared-crs');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await resultCount('duplicateVertices')).toBe('2');
    expect(await page.getByTestId('result-crs').textContent()).toContain('GCJ-02');
    await screenshot(page, 'import-result-fixes');
  });

  test('an invalid JSON file is headed as unreadable (not as a refused import), in Chinese, with its line', async () => {
    await page.getByTestId('import-kind-communities').click();
    const broken = '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature" "properties": {}}\n  ]\n}';
    await page.getByTestId('import-file').setInputFiles({ name: '坏文件.geojson', mimeType: 'application/octet-stream', buffer: Buffer.from(broken) });
    const alert = page.getByRole('alert').filter({ hasText: '不是有效的 JSON' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('无法读取此文件');
    expect(text).not.toContain('导入被拒绝');
    expect(text).toContain('第 4 行');
    expect(text).not.toMatch(/Expected|position/);
    await screenshot(page, 'import-preview-invalid-json');
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
