import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import type { ProblemLocation } from '../../shared/api/errors';
import {
  api,
  b64,
  collection,
  communitiesGeoJson,
  compoundsGeoJson,
  importFile,
  openTestApp,
  polygon,
  residentHeader,
  residentRows,
  residentsCsv,
  square,
  tableCounts,
} from '../fixtures/import/fixtures';

type Opened = ReturnType<typeof openTestApp>;
type Rejection = { code: string; message: string; problems?: ProblemLocation[] };

/**
 * Every bad input of issue 3 point 4: each is refused with import_rejected, the problem names the file,
 * the line (header = line 1) or feature index and the field, and not one row in any table changes.
 */
describe('import: bad input is refused with a located problem and nothing is written', () => {
  let app: Opened;
  let before: ReturnType<typeof tableCounts>;
  beforeAll(async () => {
    app = openTestApp();
    await importFile(app, 'communities', 'c.geojson', communitiesGeoJson());
    await importFile(app, 'compounds', 'p.geojson', compoundsGeoJson());
    await importFile(app, 'residents', 'r.csv', residentsCsv());
    before = tableCounts(app);
    expect(before).toMatchObject({ community: 2, compound: 3, resident: 4 });
  });
  afterAll(() => app.close());

  async function rejected(kind: 'communities' | 'compounds' | 'venues' | 'residents', fileName: string, content: string | Uint8Array, extra = {}): Promise<Rejection> {
    const r = await importFile(app, kind, fileName, content, extra);
    expect(r.ok).toBe(false);
    if (r.ok) throw new Error('accepted');
    expect(r.error.code).toBe('import_rejected');
    expect(tableCounts(app)).toEqual(before);
    for (const p of r.error.problems ?? []) expect(p.file).toBe(fileName);
    return r.error as Rejection;
  }

  const csvWith = (...rows: string[]) => [residentHeader, ...rows].join('\n') + '\n';

  test('an empty file (0 bytes), a blank one, a header with no rows, an empty FeatureCollection', async () => {
    expect((await rejected('residents', 'empty.csv', '')).message).toContain('空');
    expect((await rejected('residents', 'blank.csv', '\r\n\r\n  \r\n')).message).toContain('空');
    const header = await rejected('residents', 'header.csv', residentHeader + '\r\n');
    expect(header.message).toContain('只有表头');
    expect(header.problems?.[0].line).toBe(1);
    expect((await rejected('compounds', 'none.geojson', '{"type":"FeatureCollection","features":[]}')).message).toContain('空');
  });

  test('a CSV or Excel file given to the boundary importer is told that only GeoJSON goes there', async () => {
    for (const name of ['社区.csv', '小区.xlsx']) {
      const r = await rejected('compounds', name, residentsCsv());
      expect(r.message).toContain('只能从 GeoJSON 文件');
      expect(r.message).toContain(name);
    }
    expect(tableCounts(app)).toEqual(before);
  });

  test('GBK bytes forced to UTF-8: "not UTF-8, probably GBK, choose GBK in the preview", with the line', async () => {
    const bytes = iconv.encode(residentsCsv(), 'gbk');
    const err = await rejected('residents', 'gbk.csv', bytes, { encoding: 'utf-8' });
    expect(err.message).toMatch(/不是 UTF-8.*GBK.*选为 GBK/);
    expect(err.problems?.[0]).toMatchObject({ line: 1 });
  });

  test('the same GBK file is read correctly on auto, and on GBK chosen by hand', async () => {
    const bytes = iconv.encode(residentsCsv(), 'gbk');
    const preview = await api<{ encoding: string; rows: { values: string[] }[] }>(app, 'previewImport', { kind: 'residents', fileName: 'gbk.csv', contentBase64: b64(bytes) });
    expect(preview.ok && preview.value.encoding).toBe('gbk');
    expect(preview.ok && preview.value.rows[0].values[3]).toBe('张三');
    const r = await importFile(app, 'residents', 'gbk.csv', bytes, { encoding: 'gbk' });
    expect(r.ok && r.value).toMatchObject({ rowsIn: 4, inserted: 4, replacedResidents: 4 });
    expect(tableCounts(app)).toEqual(before); // the same register again: same counts
  });

  test('a BOM: detected, stripped, the first header still maps (小区编码)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(residentsCsv(residentRows, '\r\n'))]);
    const preview = await api<{ bom: boolean; columns: string[]; mapping: Record<string, string> }>(app, 'previewImport', { kind: 'residents', fileName: 'bom.csv', contentBase64: b64(bytes) });
    expect(preview.ok && preview.value).toMatchObject({ bom: true, mapping: { compoundCode: '小区编码' } });
    expect(preview.ok && preview.value.columns[0]).toBe('小区编码');
    const r = await importFile(app, 'residents', 'bom.csv', bytes);
    expect(r.ok).toBe(true);
    // And a GeoJSON saved with a BOM parses too.
    const geo = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(communitiesGeoJson())]);
    expect((await importFile(app, 'communities', 'bom.geojson', geo)).ok).toBe(true);
    expect(tableCounts(app)).toEqual(before);
  });

  test('CRLF: no carriage return ends up in the last column', async () => {
    const r = await importFile(app, 'residents', 'crlf.csv', residentsCsv(residentRows, '\r\n'));
    expect(r.ok).toBe(true);
    const phones = app.ctx.db.prepare("SELECT phone FROM resident WHERE phone LIKE '%' || char(13) || '%'").all();
    expect(phones).toEqual([]);
    expect(app.ctx.db.prepare("SELECT phone FROM resident WHERE name = '张三'").get()).toEqual({ phone: '13800000001' });
  });

  test('duplicate codes in one file: both features are named', async () => {
    const dup = collection([
      { properties: { code: 'C05', name: '甲社区' }, geometry: polygon(square(106.49, 29.55)) },
      { properties: { code: 'C06', name: '乙社区' }, geometry: polygon(square(106.50, 29.55)) },
      { properties: { code: 'C05', name: '丙社区' }, geometry: polygon(square(106.51, 29.55)) },
    ]);
    const err = await rejected('communities', 'dup.geojson', dup);
    expect(err.problems).toHaveLength(1);
    expect(err.problems?.[0]).toMatchObject({ feature: 2, field: 'code' });
    expect(err.problems?.[0].message).toMatch(/C05.*要素 0.*要素 2/);
  });

  test('a row with too few columns, and one with too many (an unquoted comma)', async () => {
    const err = await rejected('residents', 'short.csv', csvWith(residentRows[0], 'P01,1栋,1-101', residentRows[1], 'P02,1栋,1-102,赵,六,女,1940,139'));
    expect(err.problems).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringContaining('只有 3 列，表头有 7 列') }),
      expect.objectContaining({ line: 5, message: expect.stringContaining('多于表头') }),
    ]);
  });

  test('text in a number field: register birth year, compound residents', async () => {
    const err = await rejected('residents', 'year.csv', csvWith(residentRows[0], 'P01,1栋,1-101,李四,女,五五年,'));
    expect(err.problems).toEqual([expect.objectContaining({ line: 3, field: '出生年份', message: expect.stringContaining('“五五年”不是数字') })]);
    const geo = compoundsGeoJson().replace('"residents": 200', '"residents": "约200"');
    const err2 = await rejected('compounds', 'count.geojson', geo);
    expect(err2.problems).toEqual([expect.objectContaining({ feature: 1, field: 'residents', message: expect.stringContaining('约200') })]);
  });

  test('unknown codes referenced: a compound of an unknown community, a resident of an unknown compound', async () => {
    const geo = compoundsGeoJson().replace('"communityCode": "C02"', '"communityCode": "C99"');
    const err = await rejected('compounds', 'p.geojson', geo);
    expect(err.problems).toEqual([expect.objectContaining({ feature: 2, field: 'communityCode', message: expect.stringContaining('C99') })]);
    const err2 = await rejected('residents', 'r.csv', csvWith(residentRows[0], 'P77,1栋,1-101,周八,男,1980,'));
    expect(err2.problems).toEqual([expect.objectContaining({ line: 3, field: '小区编码', message: expect.stringContaining('P77') })]);
  });

  test('a problem on the last of many good rows still leaves the old register exactly as it was', async () => {
    const names = () => app.ctx.db.prepare('SELECT r.name FROM resident r JOIN compound p ON p.id = r.compound_id ORDER BY r.id').all();
    const oldNames = names();
    const good = Array.from({ length: 5000 }, (_, i) => `P0${1 + (i % 3)},1栋,${i},新居民${i},女,1980,`);
    const err = await rejected('residents', 'late.csv', csvWith(...good, 'P01,1栋,9999,最后一人,女,1980年代,'));
    expect(err.problems).toEqual([expect.objectContaining({ line: 5002, field: '出生年份' })]);
    expect(names()).toEqual(oldNames);
  });

  test('a polygon with an unclosed ring, and a self-intersecting one (bow tie)', async () => {
    const open = square(106.49, 29.55).slice(0, 4);
    const err = await rejected('communities', 'open.geojson', collection([{ properties: { code: 'C07', name: '开口' }, geometry: polygon(open) }]));
    expect(err.problems).toEqual([expect.objectContaining({ feature: 0, field: 'geometry', message: expect.stringContaining('未闭合') })]);
    const bowTie: [number, number][] = [
      [106.49, 29.55],
      [106.5, 29.56],
      [106.5, 29.55],
      [106.49, 29.56],
      [106.49, 29.55],
    ];
    const file = collection([
      { properties: { code: 'C08', name: '好的' }, geometry: polygon(square(106.49, 29.57)) },
      { properties: { code: 'C09', name: '蝴蝶结' }, geometry: polygon(bowTie) },
    ]);
    const err2 = await rejected('communities', 'kink.geojson', file);
    expect(err2.problems).toEqual([expect.objectContaining({ feature: 1, field: 'geometry', message: expect.stringContaining('自相交') })]);
    expect(err2.problems?.[0].message).toContain('106.495');
  });

  test('latitude and longitude swapped: "纬度 106.5 超出 -90..90：经纬度可能写反了"', async () => {
    const swapped = square(106.5, 29.53).map(([x, y]) => [y, x] as [number, number]);
    const err = await rejected('communities', 'swap.geojson', collection([{ properties: { code: 'C10', name: '写反' }, geometry: polygon(swapped) }]));
    expect(err.problems?.[0]).toMatchObject({ feature: 0, field: 'geometry' });
    expect(err.problems?.[0].message).toContain('纬度 106.5 超出 -90..90：经纬度可能写反了');
    const venue = collection([{ properties: { code: 'V9', name: '店', type: 'pharmacy' }, geometry: { type: 'Point', coordinates: [29.53, 106.5] } }]);
    expect((await rejected('venues', 'v.geojson', venue)).problems?.[0].message).toContain('经纬度可能写反了');
  });

  test('not a FeatureCollection, and invalid JSON with its position', async () => {
    const feature = JSON.stringify({ type: 'Feature', properties: { code: 'X' }, geometry: polygon(square(106.5, 29.5)) });
    expect((await rejected('communities', 'one.geojson', feature)).message).toContain('不是 GeoJSON FeatureCollection');
    const broken = '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature" "properties": {}}\n  ]\n}';
    const err = await rejected('communities', 'broken.geojson', broken);
    expect(err.message).toMatch(/不是有效的 JSON：第 4 行第 \d+ 列（位置 \d+）/);
    expect(err.problems?.[0].line).toBe(4);
  });

  test('a 200 MB file is refused with the 50 MB limit stated, before it is decoded', async () => {
    const huge = 'A'.repeat(Math.ceil((200 * 1024 * 1024 * 4) / 3));
    const r = await api(app, 'commitImport', { kind: 'residents', fileName: 'huge.csv', contentBase64: huge, mapping: {} });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('import_rejected');
    expect(r.error.message).toMatch(/200\.0 MB，超过 50 MB 的上限/);
    expect(tableCounts(app)).toEqual(before);
  });

  test('every problem is collected: 300 bad rows list 200 and the message says 300', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `P01,1栋,${i},姓名${i},男,不详,`);
    const err = await rejected('residents', 'many.csv', csvWith(...rows));
    expect(err.message).toContain('300 个问题');
    expect(err.message).toContain('只列出前 200 个');
    expect(err.problems).toHaveLength(200);
    expect(err.problems?.[199]).toMatchObject({ line: 201, field: '出生年份' });
  });

  test('a required field left unmapped is refused at the header', async () => {
    const r = await api(app, 'commitImport', {
      kind: 'residents',
      fileName: 'r.csv',
      contentBase64: b64(residentsCsv()),
      mapping: { compoundCode: '小区编码', household: '户号', name: null },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems).toEqual([expect.objectContaining({ line: 1, field: '姓名', message: expect.stringContaining('必填字段') })]);
    expect(tableCounts(app)).toEqual(before);
  });

  test('an old .xls and an Excel file given as GeoJSON are refused with what to do', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await rejected('residents', 'old.xls', xls)).message).toContain('另存为 .xlsx');
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect((await rejected('compounds', 'p.xlsx', zip)).message).toContain('不是 GeoJSON');
  });
});
