import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { wgs84ToGcj02, metresBetween } from '../../shared/domain/coords';
import {
  api,
  b64,
  collection,
  communitiesGeoJson,
  compoundsGeoJson,
  importFile,
  openTestApp,
  polygon,
  residentsCsv,
  square,
  tableCounts,
  venuesGeoJson,
} from '../fixtures/import/fixtures';

type Opened = ReturnType<typeof openTestApp>;

describe('import: the happy paths, one transaction per file, upsert by code', () => {
  let app: Opened;
  beforeEach(() => {
    app = openTestApp();
  });
  afterEach(() => app.close());

  async function loadStreet() {
    expect((await importFile(app, 'communities', '社区.geojson', communitiesGeoJson())).ok).toBe(true);
    expect((await importFile(app, 'compounds', '小区.geojson', compoundsGeoJson())).ok).toBe(true);
  }

  test('preview names the encoding, the columns, the first rows, the total and suggests the mapping', async () => {
    const r = await api<{
      format: string;
      encoding: string;
      bom: boolean;
      columns: string[];
      rows: { line: number; values: string[] }[];
      totalRows: number;
      mapping: Record<string, string | null>;
    }>(app, 'previewImport', { kind: 'residents', fileName: 'p.csv', contentBase64: b64(residentsCsv()), encoding: 'auto' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ format: 'csv', encoding: 'utf-8', bom: false, totalRows: 4 });
    expect(r.value.columns).toEqual(['小区编码', '楼栋', '户号', '姓名', '性别', '出生年份', '电话']);
    expect(r.value.rows[0]).toEqual({ line: 2, values: ['P01', '1栋', '1-101', '张三', '男', '1950', '13800000001'] });
    expect(r.value.mapping).toEqual({
      compoundCode: '小区编码',
      building: '楼栋',
      household: '户号',
      name: '姓名',
      sex: '性别',
      birthYear: '出生年份',
      phone: '电话',
    });
  });

  test('English headers are matched too', async () => {
    const csv = 'compoundCode,Building,household,NAME,sex,birth_year,phone\nP01,1,101,张三,M,1950,\n';
    const r = await api<{ mapping: Record<string, string | null> }>(app, 'previewImport', { kind: 'residents', fileName: 'p.csv', contentBase64: b64(csv) });
    expect(r.ok && r.value.mapping).toEqual({
      compoundCode: 'compoundCode',
      building: 'Building',
      household: 'household',
      name: 'NAME',
      sex: 'sex',
      birthYear: 'birth_year',
      phone: 'phone',
    });
  });

  test('communities, compounds, venues and the register import; counts in equal counts stored', async () => {
    const c = await importFile(app, 'communities', '社区.geojson', communitiesGeoJson());
    expect(c).toEqual({ ok: true, value: { kind: 'communities', rowsIn: 2, inserted: 2, updated: 0 } });
    const p = await importFile(app, 'compounds', '小区.geojson', compoundsGeoJson());
    expect(p).toEqual({ ok: true, value: { kind: 'compounds', rowsIn: 3, inserted: 3, updated: 0, gridsCreated: 0 } });
    const v = await importFile(app, 'venues', '场所.geojson', venuesGeoJson());
    expect(v).toEqual({ ok: true, value: { kind: 'venues', rowsIn: 2, inserted: 2, updated: 0 } });
    const r = await importFile(app, 'residents', '台账.csv', residentsCsv());
    // P01 and P02 had figures from the compounds file: the register replaces them (no register rows deleted yet).
    expect(r).toEqual({ ok: true, value: { kind: 'residents', rowsIn: 4, inserted: 4, updated: 0, replacedResidents: 0, replacedCompounds: 2, deleted: 0 } });
    expect(tableCounts(app)).toMatchObject({ community: 2, compound: 3, venue: 2, resident: 4 });

    // The market lies inside 幸福小区 (P01); the chess room only inside 红旗社区.
    const venues = app.ctx.db
      .prepare('SELECT v.code, p.code AS compound, c.code AS community, v.type FROM venue v LEFT JOIN compound p ON p.id = v.compound_id LEFT JOIN community c ON c.id = v.community_id ORDER BY v.code')
      .all();
    expect(venues).toEqual([
      { code: 'V01', compound: 'P01', community: 'C01', type: 'market' },
      { code: 'V02', compound: null, community: 'C02', type: 'chess_room' },
    ]);
  });

  test('the register replaces the residents of the compounds it names and recomputes their totals', async () => {
    await loadStreet();
    await importFile(app, 'residents', '台账.csv', residentsCsv());
    const totals = () =>
      app.ctx.db.prepare('SELECT code, residents, households, elderly FROM compound ORDER BY code').all() as { code: string; residents: number; households: number; elderly: number }[];
    // now = 2024-06-01 (Asia/Shanghai): elderly means born in 1964 or earlier.
    expect(totals()).toEqual([
      { code: 'P01', residents: 3, households: 2, elderly: 2 },
      { code: 'P02', residents: 1, households: 1, elderly: 1 },
      { code: 'P03', residents: 150, households: 60, elderly: 40 }, // not named in the register: untouched
    ]);
    // A second register for P01 only: P01's residents are replaced, P02 keeps its own.
    const again = await importFile(app, 'residents', '台账2.csv', residentsCsv(['P01,3栋,3-301,孙七,女,2001,']));
    expect(again).toEqual({ ok: true, value: { kind: 'residents', rowsIn: 1, inserted: 1, updated: 0, replacedResidents: 3, replacedCompounds: 1, deleted: 3 } });
    expect(totals().slice(0, 2)).toEqual([
      { code: 'P01', residents: 1, households: 1, elderly: 0 },
      { code: 'P02', residents: 1, households: 1, elderly: 1 },
    ]);
    expect(tableCounts(app).resident).toBe(2);
  });

  test('a second import of the same codes updates instead of inserting', async () => {
    await loadStreet();
    const changed = compoundsGeoJson().replace('幸福小区', '幸福小区（一期）');
    const r = await importFile(app, 'compounds', '小区.geojson', changed);
    expect(r).toEqual({ ok: true, value: { kind: 'compounds', rowsIn: 3, inserted: 0, updated: 3, gridsCreated: 0 } });
    expect(tableCounts(app).compound).toBe(3);
    expect(app.ctx.db.prepare("SELECT name FROM compound WHERE code = 'P01'").get()).toEqual({ name: '幸福小区（一期）' });
  });

  test('GCJ-02 files are converted to WGS-84 before storing', async () => {
    const wgs: [number, number] = [106.5, 29.53];
    const gcj = wgs84ToGcj02(...wgs);
    const file = collection([
      { properties: { code: 'C09', name: '火星社区' }, geometry: polygon(square(gcj[0], gcj[1]).map(([x, y]) => [x, y]) as [number, number][]) },
    ]);
    const r = await importFile(app, 'communities', 'gcj.geojson', file, { crs: 'gcj02' });
    expect(r.ok).toBe(true);
    const stored = JSON.parse((app.ctx.db.prepare("SELECT boundary FROM community WHERE code = 'C09'").get() as { boundary: string }).boundary);
    const [lng, lat] = stored.coordinates[0][0];
    expect(metresBetween(lng, lat, wgs[0], wgs[1])).toBeLessThan(0.5);
    // GCJ-02 differs from WGS-84 by hundreds of metres here, so an unconverted import would be far off.
    expect(metresBetween(gcj[0], gcj[1], wgs[0], wgs[1])).toBeGreaterThan(100);
  });
});

describe('import: the log', () => {
  test('an import writes one log entry with the file name and the counts it stored', async () => {
    const app = openTestApp();
    try {
      expect((await importFile(app, 'communities', '社区.geojson', communitiesGeoJson())).ok).toBe(true);
      const log = await api<{ rows: { text: string }[] }>(app, 'listLogEntries', { search: '社区.geojson' });
      if (!log.ok) throw new Error(log.error.message);
      expect(log.value.rows).toHaveLength(1);
      expect(log.value.rows[0].text).toMatch(/^导入社区：文件 社区\.geojson，\d+ 行，新增 \d+、更新 0/);
      expect(log.value.rows[0].text).not.toContain('undefined');
    } finally {
      app.close();
    }
  });
});
