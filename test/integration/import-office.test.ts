import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { api, b64, compoundsGeoJson, communitiesGeoJson, importFile, openTestApp, residentsCsv, type PreviewValue, type ResultValue } from '../fixtures/import/fixtures';
import { compoundsByNameGeoJson, populationCsvGbk, populationXlsx, tableRows, tableTotal } from '../fixtures/import/office';

/**
 * Issue 8: files as street offices make them import on the first try, through the dispatcher as the UI calls it.
 * The population table (人口底数统计表) in GBK with title rows and a 合计 row, the same as XLSX with merged cells, a
 * compounds file naming communities by name; mappings that make no sense and replacements are caught in the preview.
 */

type Opened = ReturnType<typeof openTestApp>;

const preview = (app: Opened, input: Record<string, unknown>) => api<PreviewValue>(app, 'previewImport', { encoding: 'auto', ...input });
const commit = (app: Opened, input: Record<string, unknown>) => api<ResultValue>(app, 'commitImport', { encoding: 'auto', ...input });

function compounds(app: Opened) {
  return app.ctx.db
    .prepare(
      `SELECT p.code, p.name, c.name AS community, p.buildings, p.households, p.residents, p.elderly, p.population_source AS source
       FROM compound p JOIN community c ON c.id = p.community_id ORDER BY p.code`,
    )
    .all() as { code: string; name: string; community: string; buildings: number | null; households: number; residents: number; elderly: number; source: string }[];
}
const count = (app: Opened, table: string) => (app.ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the population table (人口底数统计表) as offices save it', () => {
  let app: Opened;
  beforeEach(() => {
    app = openTestApp();
  });
  afterEach(() => app.close());

  // The wizard offers to create what the file names and does not exist; the preview is asked with that agreement.
  const csvInput = (extra: Record<string, unknown> = {}) => ({ kind: 'population', fileName: '人口底数.csv', contentBase64: b64(populationCsvGbk()), createMissing: true, ...extra });

  test('GBK CSV: the header is found under the title rows, every column shown, the 合计 row skipped and checked', async () => {
    const r = await preview(app, csvInput());
    if (!r.ok) throw new Error(r.error.message);
    const p = r.value;
    expect(p).toMatchObject({ format: 'csv', encoding: 'gbk', headerLine: 4, headerFound: true, totalRows: tableRows.length, problemCount: 0 });
    expect(p.columns).toEqual(['序号', '社区', '小区名称', '小区编码', '楼栋数', '户数', '常住人口', '60岁以上', '备注']);
    expect(p.topRows.map((t) => t.line)).toEqual([1, 2, 4, 5, 6, 7, 8, 9]); // the all-comma row 3 and the empty rows are blank
    expect(p.topRows[0].values[0]).toBe('某某街道2022年底人口情况表');
    // Data rows only: the title, the unit row, the header and the 合计 row are not data.
    expect(p.rows.map((row) => row.line)).toEqual([5, 6, 7, 8]);
    expect(p.rows[1].values).toEqual(['2', '民主村社区', '幸福里', 'P002', '6', '４５０', '1,293', '301', '老旧小区']);
    expect(p.skippedTotals).toEqual([{ line: 9, label: '合计' }]);
    expect(p.warnings).toEqual([]); // the 合计 row equals the sum of the rows
    expect(p.mapping).toEqual({
      communityName: '社区',
      communityCode: null,
      compoundName: '小区名称',
      compoundCode: '小区编码',
      buildings: '楼栋数',
      households: '户数',
      residents: '常住人口',
      elderly: '60岁以上',
    });
    // A street with no communities yet: both are offered, with codes under the street's code.
    expect(p.communitiesToCreate).toEqual([
      { code: '500000001001', name: '民主村社区' },
      { code: '500000001002', name: '石油路社区' },
    ]);
    expect(p.compoundsToCreate.map((c) => [c.code, c.name, c.communityName])).toEqual(tableRows.map((t) => [t.code, t.name, t.community]));
  });

  test('committed with the communities and compounds it names: counts in = counts stored = the 合计 row', async () => {
    const p = await preview(app, csvInput());
    if (!p.ok) throw new Error(p.error.message);
    const r = await commit(app, csvInput({ mapping: p.value.mapping, createMissing: true }));
    expect(r).toEqual({
      ok: true,
      value: { kind: 'population', rowsIn: 4, inserted: 4, updated: 0, communitiesCreated: 2, skippedTotals: 1, replacedCompounds: 0, deleted: 0 },
    });
    expect(compounds(app)).toEqual(tableRows.map((t) => ({ ...t, source: 'table' })));
    const summary = await api<{ residents: number; households: number; elderly: number; compounds: number; populationSources: Record<string, number> }>(app, 'getStreetSummary', {});
    expect(summary.ok && summary.value).toMatchObject({
      compounds: 4,
      residents: tableTotal.residents,
      households: tableTotal.households,
      elderly: tableTotal.elderly,
      populationSources: { table: 4, register: 0, entered: 0, compound_file: 0 },
    });
    const log = await api<{ rows: { text: string }[] }>(app, 'listLogEntries', { search: '人口底数.csv' });
    expect(log.ok && log.value.rows.map((x) => x.text)).toEqual(['导入人口底数表：文件 人口底数.csv，4 行，新增 4、更新 0、替换 0、删除 0，新建社区 2，跳过合计行 1']);
  });

  test('without agreeing to create them, unknown communities and compounds refuse the import and nothing is written', async () => {
    const p = await preview(app, csvInput());
    if (!p.ok) throw new Error(p.error.message);
    const r = await commit(app, csvInput({ mapping: p.value.mapping, createMissing: false }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('import_rejected');
    expect(r.error.problems?.map((x) => x.message)).toContain('社区“民主村社区”不存在：在预览中勾选“新建这些社区”，或先导入社区。');
    expect([count(app, 'community'), count(app, 'compound')]).toEqual([0, 0]);
    // The preview says the same when asked without creation: problems, located at the row that first names them.
    const again = await preview(app, csvInput({ createMissing: false, mapping: p.value.mapping }));
    expect(again.ok && again.value.problems.find((x) => x.message.includes('石油路社区'))?.line).toBe(7);
  });

  test('a 合计 row that disagrees with the rows is a warning naming the figures, not a problem', async () => {
    const wrong = b64(populationCsvGbk({ residents: tableTotal.residents + 3 }));
    const r = await preview(app, { kind: 'population', fileName: 'x.csv', contentBase64: wrong, createMissing: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.problemCount).toBe(0);
    expect(r.value.warnings).toEqual([{ line: 9, field: '常住人口', message: `合计行的常住人口 6,204 与各行之和 6,201 不符（多 3）。` }]);
  });

  test('the user picks another header row: the columns follow, and the unmapped fields are problems of the preview', async () => {
    const r = await preview(app, csvInput({ headerLine: 1 }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.headerLine).toBe(1);
    expect(r.value.columns[0]).toBe('某某街道2022年底人口情况表');
    // The rows under it are still shown (the unit row reads as a note and is skipped): the user sees what went wrong.
    expect(r.value.rows.map((row) => row.line)).toEqual([4, 5, 6, 7, 8]);
    expect(r.value.problems.map((x) => x.message)).toContain('必填字段“常住人口”没有对应的列：请在字段对应中选择。');
    const outside = await preview(app, csvInput({ headerLine: 3 })); // a blank row is not a candidate
    expect(outside.ok).toBe(false);
  });

  test('names mapped to 户数 are refused in the preview as one problem about the mapping', async () => {
    expect((await importFile(app, 'compounds', '小区.geojson', compoundsByNameGeoJson())).ok).toBe(true); // found by 小区编码
    const p = await preview(app, csvInput());
    if (!p.ok) throw new Error(p.error.message);
    const mapping = { ...p.value.mapping, households: '小区名称', compoundName: null };
    const r = await preview(app, csvInput({ mapping, createMissing: true }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.problemCount).toBe(1);
    expect(r.value.problems[0]).toMatchObject({ line: 4, field: '小区名称' });
    expect(r.value.problems[0].message).toContain('对应“户数”，但它的 4 个值中有 4 个不是数字（如“康居雅苑”）');
    const c = await commit(app, csvInput({ mapping, createMissing: true }));
    expect(c.ok).toBe(false);
    expect(compounds(app).map((x) => x.households)).toEqual([0, 0, 0, 0]); // nothing written
  });

  test('XLSX: the table sheet is found after a notes sheet, merged title and two-row header, formulas read as their values', async () => {
    const file = await populationXlsx();
    const r = await preview(app, { kind: 'population', fileName: '人口底数.xlsx', contentBase64: b64(file), createMissing: true });
    if (!r.ok) throw new Error(r.error.message);
    const p = r.value;
    expect(p).toMatchObject({ format: 'xlsx', encoding: null, sheets: ['填表说明', '2022年底', '2021年底'], sheet: '2022年底', headerLine: 3, totalRows: 4, problemCount: 0 });
    expect(p.columns).toEqual(['序号', '社区', '小区名称', '小区编码', '楼栋数', '户数', '常住人口', '60岁以上', '备注']);
    // 社区 merged down over two compounds names both; the text "1,293" and the 合计 formulas read as figures.
    expect(p.rows.map((row) => row.values[1])).toEqual(['民主村社区', '民主村社区', '石油路社区', '石油路社区']);
    expect(p.skippedTotals).toEqual([{ line: 8, label: '合计' }]);
    expect(p.warnings).toEqual([]);
    const c = await commit(app, { kind: 'population', fileName: '人口底数.xlsx', contentBase64: b64(file), mapping: p.mapping, createMissing: true });
    expect(c.ok && c.value).toMatchObject({ rowsIn: 4, inserted: 4, skippedTotals: 1 });
    expect(compounds(app).map((x) => [x.code, x.community, x.households, x.residents])).toEqual(tableRows.map((t) => [t.code, t.community, t.households, t.residents]));

    // The user picks last year's sheet.
    const old = await preview(app, { kind: 'population', fileName: '人口底数.xlsx', contentBase64: b64(file), sheet: '2021年底' });
    expect(old.ok && old.value).toMatchObject({ sheet: '2021年底', headerLine: 2, totalRows: 1, replacements: [] });
  });
});

describe('a new street from one compounds file naming communities by name, then its population table', () => {
  let app: Opened;
  beforeEach(() => {
    app = openTestApp();
  });
  afterEach(() => app.close());

  test('the compounds preview offers the two communities; committed, the table then updates the four compounds', async () => {
    const file = compoundsByNameGeoJson();
    const p = await preview(app, { kind: 'compounds', fileName: '小区.geojson', contentBase64: b64(file) });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.mapping).toMatchObject({ code: '小区编码', name: '小区名称', communityCode: null, communityName: '所属社区' });
    expect(p.value.communitiesToCreate).toEqual([
      { code: '500000001001', name: '民主村社区' },
      { code: '500000001002', name: '石油路社区' },
    ]);
    const r = await importFile(app, 'compounds', '小区.geojson', file);
    expect(r).toEqual({ ok: true, value: { kind: 'compounds', rowsIn: 4, inserted: 4, updated: 0, gridsCreated: 0, communitiesCreated: 2 } });
    expect(compounds(app).map((c) => [c.code, c.community, c.source])).toEqual(tableRows.map((t) => [t.code, t.community, 'entered']));

    const t = await importFile(app, 'population', '人口底数.csv', populationCsvGbk());
    expect(t).toEqual({ ok: true, value: { kind: 'population', rowsIn: 4, inserted: 0, updated: 4, communitiesCreated: 0, skippedTotals: 1, replacedCompounds: 0, deleted: 0 } });
    expect(count(app, 'community')).toBe(2);
    expect(compounds(app)).toEqual(tableRows.map((row) => ({ ...row, source: 'table' })));
  });

  test('a community named by a shorter name, or by a code column holding names, is the stored one', async () => {
    expect((await importFile(app, 'communities', '社区.geojson', communitiesGeoJson())).ok).toBe(true); // 东风社区 C01, 红旗社区 C02
    const file = compoundsByNameGeoJson().replaceAll('民主村社区', '东风').replaceAll('石油路社区', '红旗社区');
    const p = await preview(app, { kind: 'compounds', fileName: '小区.geojson', contentBase64: b64(file) });
    expect(p.ok && p.value.communitiesToCreate).toEqual([]);
    expect((await importFile(app, 'compounds', '小区.geojson', file)).ok).toBe(true);
    expect(compounds(app).map((c) => c.community)).toEqual(['东风社区', '东风社区', '红旗社区', '红旗社区']);
    expect(count(app, 'community')).toBe(2);
  });

  test('a compound file with only unknown community codes is refused: a code alone cannot name a new community', async () => {
    const r = await importFile(app, 'compounds', '小区.geojson', compoundsGeoJson()); // communityCode C01, C02; none stored
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.problems?.[0].message).toBe('未知的社区编码“C01”：请先导入社区，或在字段对应中选择社区名称列，以便新建社区。');
  });
});

describe('the register against what is stored', () => {
  let app: Opened;
  beforeEach(async () => {
    app = openTestApp();
    expect((await importFile(app, 'communities', '社区.geojson', communitiesGeoJson())).ok).toBe(true);
    expect((await importFile(app, 'compounds', '小区.geojson', compoundsGeoJson())).ok).toBe(true); // P01 300, P02 200, P03 150
  });
  afterEach(() => app.close());

  const register = (rows: string[]) => ({ kind: 'residents', fileName: '台账.csv', contentBase64: b64(residentsCsv(rows)) });

  test('the preview says what a register replaces; without confirmation nothing is written', async () => {
    const file = register(['P01,1栋,1-101,张三,男,1950,']);
    const p = await preview(app, file);
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.problemCount).toBe(0);
    expect(p.value.replacements).toEqual([
      { code: 'P01', name: '幸福小区', storedRegister: 0, storedResidents: 300, storedSource: 'compound_file', incoming: 1, shrinks: true },
    ]);
    const refused = await commit(app, { ...file, mapping: p.value.mapping });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toContain('幸福小区：替换现有 300 人为 1 人');
    expect(refused.error.message).toContain('确认替换');
    expect(count(app, 'resident')).toBe(0);
    expect(compounds(app)[0].residents).toBe(300);

    const done = await commit(app, { ...file, mapping: p.value.mapping, confirmReplace: true });
    expect(done).toEqual({ ok: true, value: { kind: 'residents', rowsIn: 1, inserted: 1, updated: 0, replacedResidents: 0, replacedCompounds: 1, deleted: 0 } });
    expect(compounds(app)[0]).toMatchObject({ residents: 1, source: 'register' });
    const log = await api<{ rows: { text: string }[] }>(app, 'listLogEntries', { search: '台账.csv' });
    expect(log.ok && log.value.rows[0].text).toBe('导入人口台账：文件 台账.csv，1 行，新增 1、更新 0、替换 1、删除 0');
  });

  test('a 合计 row in a register is skipped, reported, and not a resident', async () => {
    const file = register(['P03,1栋,1-101,张三,男,1950,', 'P03,1栋,1-102,李四,女,1952,', '合计,,,2 人,,,']);
    const p = await preview(app, file);
    expect(p.ok && p.value).toMatchObject({ totalRows: 2, skippedTotals: [{ line: 4, label: '合计' }], problemCount: 0 });
    const r = await importFile(app, 'residents', '台账.csv', residentsCsv(['P03,1栋,1-101,张三,男,1950,', 'P03,1栋,1-102,李四,女,1952,', '合计,,,2 人,,,']));
    expect(r.ok && r.value).toMatchObject({ rowsIn: 2, inserted: 2, skippedTotals: 1 });
    expect(count(app, 'resident')).toBe(2);
  });

  test('over the population table the register does not replace the base: the difference is shown on the board', async () => {
    // The table sets P01's base; a register of three people for P01 then counts beside it.
    const table = ['社区,小区名称,小区编码,户数,常住人口,60岁以上', '东风社区,幸福小区,P01,120,300,60'].join('\n');
    expect((await importFile(app, 'population', '底数.csv', table)).ok).toBe(true);
    const file = register(['P01,1栋,1-101,张三,男,1950,', 'P01,1栋,1-102,李四,女,1990,', 'P01,1栋,1-102,王五,男,2015,']);
    const p = await preview(app, file);
    expect(p.ok && p.value.replacements).toEqual([]);
    expect((await commit(app, { ...file, mapping: p.ok ? p.value.mapping : {} })).ok).toBe(true);

    const list = await api<{ rows: { code: string; residents: number; populationSource: string; registerResidents: number | null; registerHouseholds: number | null }[] }>(app, 'listCompounds', {});
    expect(list.ok && list.value.rows.map((c) => [c.code, c.residents, c.populationSource, c.registerResidents, c.registerHouseholds])).toEqual([
      ['P01', 300, 'table', 3, 2],
      ['P02', 200, 'compound_file', null, null],
      ['P03', 150, 'compound_file', null, null],
    ]);
    const summary = await api<{ registerMismatch: unknown; populationSources: unknown }>(app, 'getStreetSummary', {});
    expect(summary.ok && summary.value.registerMismatch).toEqual({ compounds: 1, residents: 300, registerResidents: 3 });
    expect(summary.ok && summary.value.populationSources).toEqual({ entered: 0, compound_file: 2, table: 1, register: 0 });
    const communities = await api<{ code: string; mismatchedCompounds: number }[]>(app, 'listCommunities', {});
    expect(communities.ok && communities.value.map((c) => [c.code, c.mismatchedCompounds])).toEqual([['C01', 1], ['C02', 0]]);

    // A second register for P01 replaces the first one's three people (stored register rows), still under the base.
    const again = register(['P01,1栋,1-101,张三,男,1950,']);
    const p2 = await preview(app, again);
    expect(p2.ok && p2.value.replacements).toMatchObject([{ code: 'P01', storedRegister: 3, incoming: 1, storedSource: 'table', shrinks: true }]);
  });

  test('a figure typed in the form makes the source "entered"; renaming keeps the source', async () => {
    const table = ['社区,小区名称,小区编码,户数,常住人口', '东风社区,幸福小区,P01,120,300'].join('\n');
    expect((await importFile(app, 'population', '底数.csv', table)).ok).toBe(true);
    const stored = await api<{ rows: { id: number; communityId: number; households: number; elderly: number }[] }>(app, 'listCompounds', { search: 'P01' });
    if (!stored.ok) throw new Error('list');
    const c = stored.value.rows[0];
    const save = (name: string, residents: number) =>
      api<{ populationSource: string }>(app, 'saveCompound', { id: c.id, code: 'P01', name, communityId: c.communityId, residents, households: c.households, elderly: c.elderly });
    expect(await save('幸福小区一期', 300)).toMatchObject({ ok: true, value: { populationSource: 'table' } });
    expect(await save('幸福小区一期', 310)).toMatchObject({ ok: true, value: { populationSource: 'entered' } });
  });
});

describe('the population table exported re-imports cleanly', () => {
  test('exported as CSV and XLSX, imported into a new street: the same communities, compounds and figures', async () => {
    const source = openTestApp();
    try {
      expect((await importFile(source, 'population', '人口底数.csv', populationCsvGbk())).ok).toBe(true);
      // A name that would run as a formula in a spreadsheet is exported as text and comes back as typed.
      source.ctx.db.prepare("UPDATE compound SET name = '=光明小区' WHERE code = 'P004'").run();
      for (const format of ['csv', 'xlsx'] as const) {
        const file = await api<{ fileName: string; contentBase64: string }>(source, 'exportData', { kind: 'population', format });
        if (!file.ok) throw new Error(file.error.message);
        expect(file.value.fileName).toMatch(new RegExp(`^人口底数表-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
        const target = openTestApp();
        try {
          const r = await importFile(target, 'population', file.value.fileName, Buffer.from(file.value.contentBase64, 'base64'));
          expect(r.ok && r.value).toMatchObject({ rowsIn: 4, inserted: 4, communitiesCreated: 2 });
          expect(compounds(target)).toEqual(compounds(source));
        } finally {
          target.close();
        }
      }
    } finally {
      source.close();
    }
  });
});
