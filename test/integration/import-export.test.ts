import { afterEach, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { loadDemoStreet } from '../../main/services/demo';
import { api, communitiesGeoJson, compoundsGeoJson, importFile, openTestApp, residentsCsv, tableCounts, venuesGeoJson } from '../fixtures/import/fixtures';

type Opened = ReturnType<typeof openTestApp>;
type Exported = { fileName: string; mimeType: string; contentBase64: string };

async function exported(app: Opened, kind: string, format: string): Promise<Exported & { bytes: Buffer }> {
  const r = await api<Exported>(app, 'exportData', { kind, format });
  if (!r.ok) throw new Error(r.error.message);
  return { ...r.value, bytes: Buffer.from(r.value.contentBase64, 'base64') };
}

describe('export: the same formats, and an export re-imports cleanly', () => {
  const opened: Opened[] = [];
  const open = (...args: Parameters<typeof openTestApp>) => {
    const a = openTestApp(...args);
    opened.push(a);
    return a;
  };
  afterEach(() => {
    for (const a of opened.splice(0)) a.close();
  });

  async function filled() {
    const app = open();
    await importFile(app, 'communities', 'c.geojson', communitiesGeoJson());
    await importFile(app, 'compounds', 'p.geojson', compoundsGeoJson());
    await importFile(app, 'venues', 'v.geojson', venuesGeoJson());
    await importFile(app, 'residents', 'r.csv', residentsCsv());
    return app;
  }

  test('residents CSV: UTF-8 with BOM, CRLF, Chinese header, 男/女', async () => {
    const app = await filled();
    const csv = await exported(app, 'residents', 'csv');
    expect(csv.fileName).toBe('人口台账-2024-06-01.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('小区编码,楼栋,户号,姓名,性别,出生年份,电话');
    expect(text.split('\r\n')[1]).toBe('P01,1栋,1-101,张三,男,1950,13800000001');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('residents XLSX: first worksheet, header row, re-imports through the XLSX reader', async () => {
    const app = await filled();
    const xlsx = await exported(app, 'residents', 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '小区编码', '楼栋', '户号', '姓名', '性别', '出生年份', '电话']);
    const preview = await api<{ format: string; encoding: null; totalRows: number }>(app, 'previewImport', { kind: 'residents', fileName: 'x.xlsx', contentBase64: xlsx.contentBase64 });
    expect(preview.ok && preview.value).toMatchObject({ format: 'xlsx', encoding: null, totalRows: 4 });
    const before = tableCounts(app);
    const r = await importFile(app, 'residents', 'x.xlsx', xlsx.bytes);
    expect(r.ok && r.value).toEqual({ kind: 'residents', rowsIn: 4, inserted: 4, updated: 0, replacedResidents: 4, replacedCompounds: 2, deleted: 4 });
    expect(tableCounts(app)).toEqual(before);
  });

  test('an XLSX register with a problem names the sheet row and the column', async () => {
    const app = await filled();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['小区编码', '楼栋', '户号', '姓名', '性别', '出生年份', '电话']);
    ws.addRow(['P01', '1栋', '1-101', '张三', '男', 1950, '138']);
    ws.addRow(['P01', '1栋', '1-102', '李四', '女', 'unknown', '139']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = tableCounts(app);
    const r = await importFile(app, 'residents', '台账.xlsx', bytes);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems).toEqual([expect.objectContaining({ file: '台账.xlsx', line: 3, field: '出生年份' })]);
    expect(tableCounts(app)).toEqual(before);
  });

  test('round trip: every export imported into a fresh street exports identically', async () => {
    const a = await filled();
    const files = {
      communities: await exported(a, 'communities', 'geojson'),
      compounds: await exported(a, 'compounds', 'geojson'),
      venues: await exported(a, 'venues', 'geojson'),
      residents: await exported(a, 'residents', 'csv'),
    };
    expect(JSON.parse(files.compounds.bytes.toString()).features[0].properties).toEqual({
      code: 'P01',
      name: '幸福小区',
      communityCode: 'C01',
      gridCode: null,
      buildings: 4,
      residents: 3,
      households: 2,
      elderly: 2,
    });
    const b = open();
    for (const kind of ['communities', 'compounds', 'venues', 'residents'] as const) {
      const r = await importFile(b, kind, files[kind].fileName, files[kind].bytes);
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    expect(tableCounts(b)).toEqual(tableCounts(a));
    for (const kind of ['communities', 'compounds', 'venues'] as const) {
      expect(JSON.parse((await exported(b, kind, 'geojson')).bytes.toString())).toEqual(JSON.parse(files[kind].bytes.toString()));
    }
    expect((await exported(b, 'residents', 'csv')).bytes.equals(files.residents.bytes)).toBe(true);
  });

  test('a format a kind does not offer is refused', async () => {
    const app = open();
    const r = await api(app, 'exportData', { kind: 'communities', format: 'csv' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_input');
  });

  test('the demo street: its register re-imported through the importer gives the generator’s own totals', async () => {
    const app = open(Date.UTC(2026, 0, 15), false);
    loadDemoStreet(app.ctx);
    const totals = () => app.ctx.db.prepare('SELECT code, residents, households, elderly FROM compound ORDER BY code').all();
    const demo = totals();
    const csv = await exported(app, 'residents', 'csv');
    const r = await importFile(app, 'residents', csv.fileName, csv.bytes);
    expect(r.ok && r.value.rowsIn).toBe(100_000);
    expect(r.ok && r.value.replacedResidents).toBe(100_000);
    expect(totals()).toEqual(demo);
  });
});
