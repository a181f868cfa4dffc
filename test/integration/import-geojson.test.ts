import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ProblemLocation } from '../../shared/api/errors';
import { maxVerticesPerFeature, maxVerticesPerFile, type ImportPreviewDto, type ImportResultDto } from '../../shared/api/imports';
import { bd09ToWgs84, gcj02ToBd09, gcj02ToWgs84, metresBetween, wgs84ToGcj02 } from '../../shared/domain/coords';
import { doubleSignedArea, type XY } from '../../shared/domain/polygon-check';
import { api, b64, collection, importFile, openTestApp, polygon, square, tableCounts, type Ring } from '../fixtures/import/fixtures';

type Opened = ReturnType<typeof openTestApp>;
type Kind = 'communities' | 'compounds' | 'venues';

/**
 * GeoJSON as Chinese web maps and GIS tools write it (issue 8 point 4): a crs member, 3D coordinates, mixed winding,
 * holes and multipolygons, repeated points, degenerate and self-touching rings, codes in the feature id.
 * Every fixture is made here, in the test.
 */
let app: Opened;
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.close());

const fileWith = (features: { id?: string | number; properties: Record<string, unknown>; geometry: unknown }[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features: features.map((f) => ({ type: 'Feature', ...f })) });

async function preview(kind: Kind, fileName: string, content: string, extra: Record<string, unknown> = {}): Promise<ImportPreviewDto> {
  const r = await api<ImportPreviewDto>(app, 'previewImport', { kind, fileName, contentBase64: b64(content), ...extra });
  if (!r.ok) throw new Error(`preview refused: ${r.error.message}`);
  return r.value;
}

async function imported(kind: Kind, fileName: string, content: string, extra: Record<string, unknown> = {}): Promise<ImportResultDto> {
  const r = await importFile(app, kind, fileName, content, extra);
  if (!r.ok) throw new Error(`import refused: ${r.error.message}`);
  return r.value as ImportResultDto;
}

async function refused(kind: Kind, fileName: string, content: string, extra: Record<string, unknown> = {}) {
  const before = tableCounts(app);
  const r = await importFile(app, kind, fileName, content, extra);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('accepted');
  expect(tableCounts(app)).toEqual(before);
  return r.error as { code: string; message: string; problems?: ProblemLocation[] };
}

const boundaryOf = (table: 'community' | 'compound', code: string) =>
  JSON.parse((app.ctx.db.prepare(`SELECT boundary FROM ${table} WHERE code = ?`).get(code) as { boundary: string }).boundary);

const cw = (r: Ring): Ring => r.slice().reverse();

describe('GeoJSON: the crs member', () => {
  test('CRS84 and EPSG:4326 are read as WGS-84 and stored as written; the preview names them', async () => {
    const ring = square(106.49, 29.52, 0.02);
    for (const name of ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326']) {
      const file = fileWith([{ properties: { code: 'C01', name: '东风社区' }, geometry: polygon(ring) }], { crs: { type: 'name', properties: { name } } });
      expect((await preview('communities', 'c.geojson', file)).crsDeclared).toEqual({ name, system: 'wgs84' });
      const r = await imported('communities', 'c.geojson', file);
      expect(r.crs).toBeUndefined();
      expect(boundaryOf('community', 'C01').coordinates[0]).toEqual(ring);
    }
  });

  test('a file declaring GCJ-02 is converted without being asked; BD-09 too; the result says which', async () => {
    const wgs: XY = [106.5, 29.53];
    const gcj = wgs84ToGcj02(...wgs);
    const gcjFile = fileWith([{ properties: { code: 'C01', name: '东风社区' }, geometry: polygon(square(gcj[0], gcj[1])) }], {
      crs: { type: 'name', properties: { name: 'gcj02' } },
    });
    expect((await preview('communities', 'gcj.geojson', gcjFile)).crsDeclared).toEqual({ name: 'gcj02', system: 'gcj02' });
    const r = await imported('communities', 'gcj.geojson', gcjFile);
    expect(r.crs).toBe('gcj02');
    const [lng, lat] = boundaryOf('community', 'C01').coordinates[0][0];
    expect(metresBetween(lng, lat, wgs[0], wgs[1])).toBeLessThan(0.5);
    expect(metresBetween(gcj[0], gcj[1], wgs[0], wgs[1])).toBeGreaterThan(100);

    const bd = gcj02ToBd09(...gcj);
    const bdFile = fileWith([{ properties: { code: 'V01', name: '药店', type: 'pharmacy' }, geometry: { type: 'Point', coordinates: bd } }], {
      crs: { type: 'cnCoordinateType', properties: { name: 'bd09ll' } },
    });
    expect((await imported('venues', 'bd.geojson', bdFile)).crs).toBe('bd09');
    const v = app.ctx.db.prepare("SELECT lng, lat FROM venue WHERE code = 'V01'").get() as { lng: number; lat: number };
    expect(metresBetween(v.lng, v.lat, wgs[0], wgs[1])).toBeLessThan(2);
    expect(metresBetween(...bd09ToWgs84(...bd), ...gcj02ToWgs84(...gcj))).toBeLessThan(2);
  });

  test("the user's choice wins over the crs member (a CRS84 label over GCJ-02 points is common)", async () => {
    const gcj = wgs84ToGcj02(106.5, 29.53);
    const file = fileWith([{ properties: { code: 'C01', name: '东风社区' }, geometry: polygon(square(gcj[0], gcj[1])) }], {
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
    });
    await imported('communities', 'c.geojson', file, { crs: 'gcj02' });
    const [lng, lat] = boundaryOf('community', 'C01').coordinates[0][0];
    expect(metresBetween(lng, lat, 106.5, 29.53)).toBeLessThan(0.5);
  });

  test('no crs member: the preview says the system is unknown (null) so the wizard can ask', async () => {
    const file = collection([{ properties: { code: 'C01', name: '东风社区' }, geometry: polygon(square(106.49, 29.52)) }]);
    expect((await preview('communities', 'c.geojson', file)).crsDeclared).toBeNull();
  });

  test('an unknown or projected crs is refused with its name, in the preview already', async () => {
    const file = (name: string) => fileWith([{ properties: { code: 'C01', name: '东风社区' }, geometry: polygon(square(106.49, 29.52)) }], { crs: { type: 'name', properties: { name } } });
    const err = await refused('communities', 'c.geojson', file('urn:ogc:def:crs:EPSG::3857'));
    expect(err.code).toBe('import_rejected');
    expect(err.message).toContain('Web 墨卡托');
    const r = await api(app, 'previewImport', { kind: 'communities', fileName: 'c.geojson', contentBase64: b64(file('西安80')) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('“西安80”无法识别');
  });
});

describe('GeoJSON: coordinates and rings as GIS tools write them', () => {
  test('3D coordinates: the height is dropped (counted), the outline stored in two dimensions', async () => {
    const ring3d = square(106.49, 29.52).map(([x, y]) => [x, y, 312.5]);
    const file = collection([{ properties: { code: 'C01', name: '东风社区' }, geometry: { type: 'Polygon', coordinates: [ring3d] } }]);
    const r = await imported('communities', 'z.geojson', file);
    expect(r.geometry?.droppedZ).toBe(5);
    expect(boundaryOf('community', 'C01').coordinates[0]).toEqual(square(106.49, 29.52));
    const v = collection([{ properties: { code: 'V01', name: '药店', type: 'pharmacy' }, geometry: { type: 'Point', coordinates: [106.5, 29.53, 200] } }]);
    expect((await imported('venues', 'v.geojson', v)).geometry?.droppedZ).toBe(1);
  });

  test('mixed winding is accepted and stored in RFC 7946 order (outer counter-clockwise, holes clockwise)', async () => {
    const outer = cw(square(106.49, 29.52, 0.02)); // clockwise outer ring
    const hole = square(106.495, 29.525, 0.005); // counter-clockwise hole
    const file = collection([
      { properties: { code: 'C01', name: '东风社区' }, geometry: { type: 'Polygon', coordinates: [outer, hole] } },
      { properties: { code: 'C02', name: '红旗社区' }, geometry: polygon(square(106.52, 29.52, 0.02)) },
    ]);
    expect(await imported('communities', 'w.geojson', file)).toMatchObject({ rowsIn: 2, inserted: 2 });
    const [o, h] = boundaryOf('community', 'C01').coordinates as XY[][];
    expect(doubleSignedArea(o)).toBeGreaterThan(0);
    expect(doubleSignedArea(h)).toBeLessThan(0);
    expect(new Set(o.map(String))).toEqual(new Set(outer.map(String)));
  });

  test('holes and multipolygons: a point in a hole is in no community, a point in the second part is', async () => {
    const file = collection([
      {
        properties: { code: 'C01', name: '东风社区' },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[square(106.49, 29.52, 0.02), cw(square(106.495, 29.525, 0.005))], [square(106.53, 29.52, 0.01)]],
        },
      },
    ]);
    await imported('communities', 'm.geojson', file);
    const venues = collection([
      { properties: { code: 'V1', name: '洞里', type: 'pharmacy' }, geometry: { type: 'Point', coordinates: [106.497, 29.527] } },
      { properties: { code: 'V2', name: '第二块', type: 'pharmacy' }, geometry: { type: 'Point', coordinates: [106.535, 29.525] } },
      { properties: { code: 'V3', name: '第一块', type: 'pharmacy' }, geometry: { type: 'Point', coordinates: [106.491, 29.521] } },
    ]);
    await imported('venues', 'v.geojson', venues);
    const rows = app.ctx.db.prepare('SELECT v.code, c.code AS community FROM venue v LEFT JOIN community c ON c.id = v.community_id ORDER BY v.code').all();
    expect(rows).toEqual([
      { code: 'V1', community: null },
      { code: 'V2', community: 'C01' },
      { code: 'V3', community: 'C01' },
    ]);
  });

  test('consecutive repeated points are removed and counted, not called a self-intersection', async () => {
    const [a, b, c, d] = square(106.49, 29.52);
    const ring = [a, a, b, c, c, c, d, a];
    const file = collection([{ properties: { code: 'C01', name: '东风社区' }, geometry: polygon(ring) }]);
    expect((await preview('communities', 'd.geojson', file)).geometry).toMatchObject({ duplicateVertices: 3, problemsTotal: 0 });
    const r = await imported('communities', 'd.geojson', file);
    expect(r.geometry?.duplicateVertices).toBe(3);
    expect(boundaryOf('community', 'C01').coordinates[0]).toEqual([a, b, c, d, a]);
  });

  test('a degenerate ring is dropped with a warning; a polygon left without its outer ring is an error', async () => {
    const hole = cw(square(106.495, 29.525, 0.005));
    const sliver: Ring = [[106.5, 29.53], [106.501, 29.53], [106.5, 29.53]];
    const file = collection([{ properties: { code: 'C01', name: '东风社区' }, geometry: { type: 'Polygon', coordinates: [square(106.49, 29.52, 0.02), hole, sliver] } }]);
    const p = await preview('communities', 'g.geojson', file);
    expect(p.geometry).toMatchObject({ droppedRings: 1, warningsTotal: 1, problemsTotal: 0 });
    expect(p.geometry?.warnings[0]).toMatchObject({ feature: 0, field: 'geometry', message: expect.stringContaining('第 3 个环（内环）只有 2 个不同的点') });
    expect((await imported('communities', 'g.geojson', file)).geometry?.droppedRings).toBe(1);
    expect(boundaryOf('community', 'C01').coordinates).toHaveLength(2);

    const noOuter = collection([{ properties: { code: 'C02', name: '红旗社区' }, geometry: { type: 'Polygon', coordinates: [sliver, hole] } }]);
    const err = await refused('communities', 'n.geojson', noOuter);
    expect(err.problems).toEqual([expect.objectContaining({ feature: 0, field: 'geometry', message: expect.stringContaining('没有外环') })]);
    const nothingLeft = collection([{ properties: { code: 'C02', name: '红旗社区' }, geometry: polygon(sliver) }]);
    expect((await refused('communities', 'e.geojson', nothingLeft)).problems?.[0].message).toContain('没有剩下可用的边界');
  });

  test('a ring touching itself at a single corner is accepted', async () => {
    // Two blocks of one compound meeting at one corner, drawn as one ring.
    const ring: Ring = [[106.49, 29.52], [106.5, 29.52], [106.5, 29.53], [106.51, 29.53], [106.51, 29.54], [106.5, 29.54], [106.5, 29.53], [106.49, 29.53], [106.49, 29.52]];
    const file = collection([{ properties: { code: 'C01', name: '东风社区' }, geometry: polygon(ring) }]);
    expect(await imported('communities', 't.geojson', file)).toMatchObject({ rowsIn: 1, inserted: 1 });
  });

  test('rings whose edges really cross are refused with the feature index and the location, in the preview already', async () => {
    const bowTie: Ring = [[106.49, 29.55], [106.5, 29.56], [106.5, 29.55], [106.49, 29.56], [106.49, 29.55]];
    const file = collection([
      { properties: { code: 'C01', name: '好的' }, geometry: polygon(square(106.49, 29.57)) },
      { properties: { code: 'C02', name: '蝴蝶结' }, geometry: { type: 'MultiPolygon', coordinates: [[square(106.52, 29.52)], [bowTie]] } },
    ]);
    const p = await preview('communities', 'x.geojson', file);
    expect(p.geometry?.problemsTotal).toBe(1);
    expect(p.geometry?.problems[0]).toMatchObject({ feature: 1, field: 'geometry' });
    const err = await refused('communities', 'x.geojson', file);
    expect(err.problems).toEqual([expect.objectContaining({ feature: 1, field: 'geometry', message: expect.stringContaining('第 2 个多边形的边界自相交') })]);
    expect(err.problems?.[0].message).toContain('[106.495, 29.555]');
  });

  test('codes in the feature id: offered as a column and suggested for the code', async () => {
    const file = fileWith([
      { id: 'C01', properties: { name: '东风社区' }, geometry: polygon(square(106.49, 29.52)) },
      { id: 2, properties: { name: '红旗社区' }, geometry: polygon(square(106.51, 29.52)) },
    ]);
    const p = await preview('communities', 'id.geojson', file);
    expect(p.columns).toEqual(['name', '要素 id']);
    expect(p.mapping).toEqual({ code: '要素 id', name: 'name' });
    expect(p.rows.map((r) => r.values)).toEqual([
      ['东风社区', 'C01'],
      ['红旗社区', '2'],
    ]);
    await imported('communities', 'id.geojson', file);
    expect(app.ctx.db.prepare('SELECT code, name FROM community ORDER BY code').all()).toEqual([
      { code: '2', name: '红旗社区' },
      { code: 'C01', name: '东风社区' },
    ]);
  });
});

describe('GeoJSON: limits and unreadable files', () => {
  test(`more than ${maxVerticesPerFeature.toLocaleString('en-US')} points in one feature is refused with the limit named`, async () => {
    const n = maxVerticesPerFeature + 1;
    const ring: Ring = [];
    for (let i = 0; i < n - 1; i++) ring.push([106.5 + 0.01 * Math.cos((2 * Math.PI * i) / (n - 1)), 29.53 + 0.01 * Math.sin((2 * Math.PI * i) / (n - 1))]);
    ring.push(ring[0]);
    const file = collection([{ properties: { code: 'C01', name: '东风社区' }, geometry: polygon(ring) }]);
    const err = await refused('communities', 'big.geojson', file);
    expect(err.problems?.[0]).toMatchObject({ feature: 0, field: 'geometry' });
    expect(err.problems?.[0].message).toContain('100,001 个点，超过每个要素 100,000 个点的上限');
  });

  test(`more than ${maxVerticesPerFile.toLocaleString('en-US')} points in one file is refused before any check, with the limit named`, async () => {
    const ring = `[${Array.from({ length: 100_000 }, () => '[106.5,29.5]').join(',')}]`;
    const feature = `{"type":"Feature","properties":{"code":"C","name":"n"},"geometry":{"type":"Polygon","coordinates":[${ring}]}}`;
    const file = `{"type":"FeatureCollection","features":[${Array.from({ length: 11 }, () => feature).join(',')}]}`;
    const err = await refused('communities', 'huge.geojson', file);
    expect(err.message).toContain('1,100,000 个坐标点，超过每个文件 1,000,000 个点的上限');
  });

  test('invalid and truncated JSON are refused in Chinese, with the line; deep nesting is invalid_input, not internal', async () => {
    const broken = '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature" "properties": {}}\n  ]\n}';
    const err = await refused('communities', 'broken.geojson', broken);
    expect(err.message).toMatch(/不是有效的 JSON：第 4 行第 \d+ 列/);
    expect(err.message).not.toMatch(/Expected|position|Unexpected/);
    const good = collection([{ properties: { code: 'C01', name: '东风社区' }, geometry: polygon(square(106.49, 29.52)) }]);
    const cut = await refused('communities', 'cut.geojson', good.slice(0, Math.floor(good.length / 2)));
    expect(cut.message).toContain('文件不完整');
    expect(cut.message).not.toMatch(/Unexpected end/);
    const deep = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '},"geometry":null}]}';
    const r = await api(app, 'previewImport', { kind: 'communities', fileName: 'deep.geojson', contentBase64: b64(deep) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toContain('嵌套太深');
    }
  });
});

describe('GeoJSON: a district file with every trait at once', () => {
  test('a multipolygon district with repeated points, a degenerate ring and a self-touching ring: counts in = counts stored, fixes reported', async () => {
    const [a, b, c, d] = square(106.49, 29.52, 0.02);
    const touching: Ring = [[106.52, 29.52], [106.53, 29.52], [106.53, 29.53], [106.54, 29.53], [106.54, 29.54], [106.53, 29.54], [106.53, 29.53], [106.52, 29.53], [106.52, 29.52]];
    const sliver: Ring = [[106.56, 29.52], [106.561, 29.521], [106.56, 29.52]];
    const file = fileWith(
      [
        // Repeated points (an export artefact) in a MultiPolygon whose second part is a degenerate sliver.
        { properties: { code: 'C01', name: '东风社区' }, geometry: { type: 'MultiPolygon', coordinates: [[[a, b, b, c, d, d, a]], [sliver]] } },
        // A ring that touches itself at one corner, plus a hole, in 3D with the outer ring clockwise.
        {
          properties: { code: 'C02', name: '红旗社区' },
          geometry: { type: 'Polygon', coordinates: [cw(touching).map(([x, y]) => [x, y, 0]), cw(square(106.521, 29.521, 0.005)).map(([x, y]) => [x, y, 0])] },
        },
        { properties: { code: 'C03', name: '建设社区' }, geometry: polygon(square(106.58, 29.52, 0.02)) },
      ],
      { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } },
    );
    const p = await preview('communities', '区界.geojson', file);
    expect(p.totalRows).toBe(3);
    expect(p.crsDeclared?.system).toBe('wgs84');
    expect(p.geometry).toMatchObject({ duplicateVertices: 2, droppedRings: 1, droppedZ: 14, problemsTotal: 0, warningsTotal: 1 });

    const r = await imported('communities', '区界.geojson', file);
    expect(r).toMatchObject({ kind: 'communities', rowsIn: 3, inserted: 3, updated: 0 });
    expect(r.geometry).toMatchObject({ duplicateVertices: 2, droppedRings: 1, droppedZ: 14, warningsTotal: 1 });
    expect(r.geometry?.warnings).toEqual([
      { file: '区界.geojson', feature: 0, field: 'geometry', message: expect.stringContaining('第 2 个多边形的第 1 个环（外环）只有 2 个不同的点（至少需要 3 个），已去掉') },
    ]);
    // Counts in = counts stored.
    expect(tableCounts(app).community).toBe(r.inserted + r.updated);
    expect(tableCounts(app).community).toBe(3);
    const c01 = boundaryOf('community', 'C01');
    expect(c01).toEqual({ type: 'MultiPolygon', coordinates: [[[a, b, c, d, a]]] });
    const c02 = boundaryOf('community', 'C02');
    expect(c02.coordinates).toHaveLength(2);
    expect(c02.coordinates[0]).toHaveLength(touching.length);
    expect(c02.coordinates[0].every((p: number[]) => p.length === 2)).toBe(true);
  });
});
