import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ProblemLocation } from '../../shared/api/errors';
import { api, collection, communitiesGeoJson, importFile, openTestApp, polygon, square, tableCounts } from '../fixtures/import/fixtures';

type Opened = ReturnType<typeof openTestApp>;
type Rejection = { code: string; message: string; problems?: ProblemLocation[] };

/** Grids reach a street through the compounds file: unknown grid codes are created under the compound's community. */

const compound = (code: string, communityCode: string, extra: Record<string, unknown>, lng: number) => ({
  properties: { code, name: `${code}小区`, communityCode, residents: 100, households: 40, elderly: 10, ...extra },
  geometry: polygon(square(lng, 29.522)),
});

const grids = (app: Opened) =>
  app.ctx.db
    .prepare('SELECT g.code, g.name, c.code AS community, (SELECT COUNT(*) FROM compound p WHERE p.grid_id = g.id) AS compounds FROM grid g JOIN community c ON c.id = g.community_id ORDER BY g.code')
    .all();

describe('import: grids in a compounds file', () => {
  let app: Opened;
  beforeEach(async () => {
    app = openTestApp();
    expect((await importFile(app, 'communities', '社区.geojson', communitiesGeoJson())).ok).toBe(true);
  });
  afterEach(() => app.close());

  async function rejected(fileName: string, content: string): Promise<Rejection> {
    const before = tableCounts(app);
    const gridsBefore = grids(app);
    const r = await importFile(app, 'compounds', fileName, content);
    expect(r.ok).toBe(false);
    expect(tableCounts(app)).toEqual(before);
    expect(grids(app)).toEqual(gridsBefore);
    if (r.ok) throw new Error('accepted');
    expect(r.error.code).toBe('import_rejected');
    return r.error as Rejection;
  }

  test('unknown grid codes are created under the compound community, named by gridName, counted in the result', async () => {
    const file = collection([
      compound('P01', 'C01', { gridCode: 'G01', gridName: '东风一网格' }, 106.492),
      compound('P02', 'C01', { gridCode: 'G01' }, 106.497),
      compound('P03', 'C02', { gridCode: 'G02' }, 106.512),
      compound('P04', 'C02', {}, 106.517),
    ]);
    const preview = await api<{ mapping: Record<string, string | null> }>(app, 'previewImport', {
      kind: 'compounds',
      fileName: '小区.geojson',
      contentBase64: Buffer.from(file).toString('base64'),
    });
    expect(preview.ok && preview.value.mapping).toMatchObject({ gridCode: 'gridCode', gridName: 'gridName' });
    const r = await importFile(app, 'compounds', '小区.geojson', file);
    expect(r).toEqual({ ok: true, value: { kind: 'compounds', rowsIn: 4, inserted: 4, updated: 0, gridsCreated: 2 } });
    expect(grids(app)).toEqual([
      { code: 'G01', name: '东风一网格', community: 'C01', compounds: 2 },
      { code: 'G02', name: 'G02', community: 'C02', compounds: 1 },
    ]);
    const log = app.ctx.db.prepare("SELECT text FROM event_log WHERE text LIKE '导入小区%'").get() as { text: string };
    expect(log.text).toContain('新建网格 2');

    // A second import finds the grids it created: none new, and the compounds stay in them.
    const again = await importFile(app, 'compounds', '小区.geojson', file);
    expect(again).toEqual({ ok: true, value: { kind: 'compounds', rowsIn: 4, inserted: 0, updated: 4, gridsCreated: 0 } });
    expect(grids(app)).toHaveLength(2);
    // The grids appear in the API as the street-data screen shows them.
    const listed = await api<{ code: string; communityName: string; compounds: number }[]>(app, 'listGrids', {});
    expect(listed.ok && listed.value.map((g) => [g.code, g.communityName, g.compounds])).toEqual([
      ['G01', '东风社区', 2],
      ['G02', '红旗社区', 1],
    ]);
  });

  test('a file without a grid column keeps the grids of compounds already stored', async () => {
    await importFile(app, 'compounds', 'a.geojson', collection([compound('P01', 'C01', { gridCode: 'G01' }, 106.492)]));
    const r = await importFile(app, 'compounds', 'b.geojson', collection([compound('P01', 'C01', { residents: 120 }, 106.492)]));
    expect(r.ok).toBe(true);
    expect(grids(app)).toEqual([{ code: 'G01', name: 'G01', community: 'C01', compounds: 1 }]);
  });

  test('a grid code that exists under another community is a problem at that feature, and nothing is written', async () => {
    await importFile(app, 'compounds', 'a.geojson', collection([compound('P01', 'C01', { gridCode: 'G01' }, 106.492)]));
    const err = await rejected(
      'b.geojson',
      collection([compound('P02', 'C01', { gridCode: 'G09' }, 106.497), compound('P03', 'C02', { gridCode: 'G01' }, 106.512)]),
    );
    expect(err.problems).toEqual([
      { file: 'b.geojson', feature: 1, field: 'gridCode', message: expect.stringContaining('网格“G01”属于社区“C01”，不能用于社区“C02”') },
    ]);
    expect(err.message).toContain('未写入任何数据');
  });

  test('one new grid code under two communities in the same file names both features', async () => {
    const err = await rejected(
      'c.geojson',
      collection([compound('P01', 'C01', { gridCode: 'G05' }, 106.492), compound('P02', 'C02', { gridCode: 'G05' }, 106.512)]),
    );
    expect(err.problems).toEqual([
      { file: 'c.geojson', feature: 1, field: 'gridCode', message: expect.stringContaining('在要素 0 中属于社区“C01”') },
    ]);
  });

  test('more households than residents is a located problem (also against a stored count the file leaves out)', async () => {
    const err = await rejected('d.geojson', collection([compound('P01', 'C01', { households: 101 }, 106.492)]));
    expect(err.problems).toEqual([{ file: 'd.geojson', feature: 0, field: 'households', message: '户数 101 大于居民数 100：每户至少一人。' }]);

    await importFile(app, 'compounds', 'e.geojson', collection([compound('P01', 'C01', {}, 106.492)]));
    const lower = collection([{ properties: { code: 'P01', name: 'P01小区', communityCode: 'C01', residents: 30, elderly: 5 }, geometry: polygon(square(106.492, 29.522)) }]);
    const err2 = await rejected('f.geojson', lower);
    expect(err2.problems).toEqual([{ file: 'f.geojson', feature: 0, field: 'residents', message: '户数 40 大于居民数 30：每户至少一人。' }]);
  });
});
