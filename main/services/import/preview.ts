import type { AppContext } from '../context';
import { importFields, previewRowCount, type ImportFileInput, type ImportNote, type ImportPreviewDto } from '../../../shared/api/imports';
import { CommunityPlan } from './communities';
import { communityText } from './commit-compounds';
import { planPopulation } from './commit-population';
import { runResidents } from './commit-residents';
import { checkArea, checkPoint, describeGeometry, GeometryNotes } from './geojson';
import { resolveMapping, suggestMapping } from './mapping';
import { Problems } from './problems';
import { MappingSanity } from './sanity';
import { readSource, type GeoJsonSource, type TableSource } from './source';
import { textOf } from './values';

/**
 * The preview: the file as read (encoding, sheet, header row, every column, the first data rows) and the import
 * checked with the mapping (the user's, else the suggested one) without writing: problems, warnings, skipped total rows,
 * the communities (and compounds) it would create, and what it would replace. Problems found here are the preview's
 * findings, shown before the user commits, not a rejected import.
 */
export async function previewImport(ctx: AppContext, input: ImportFileInput): Promise<ImportPreviewDto> {
  const source = await readSource(input);
  const mapping = input.mapping ?? suggestMapping(input.kind, source.columns);
  const base: ImportPreviewDto = {
    kind: input.kind,
    fileName: input.fileName,
    format: source.format,
    encoding: source.encoding,
    bom: source.bom,
    columns: source.columns,
    rows: [],
    totalRows: 0,
    mapping,
    sheets: [],
    sheet: null,
    headerLine: null,
    headerFound: true,
    topRows: [],
    skippedTotals: [],
    problems: [],
    problemCount: 0,
    warnings: [],
    communitiesToCreate: [],
    compoundsToCreate: [],
    replacements: [],
  };
  if (source.format === 'geojson') return { ...base, ...previewFeatures(ctx, input, source, mapping) };
  return { ...base, ...previewTable(ctx, input, source, mapping) };
}

const notes = (p: Problems): ImportNote[] => p.list.map(({ file: _file, ...rest }) => rest);

function previewTable(ctx: AppContext, input: ImportFileInput, source: TableSource, mapping: ImportPreviewDto['mapping']): Partial<ImportPreviewDto> {
  const rows: ImportPreviewDto['rows'] = [];
  const width = source.columns.length;
  const tap = (cells: string[], line: number) => {
    if (rows.length < previewRowCount) rows.push({ line, values: Array.from({ length: width }, (_, k) => (k < cells.length ? cells[k] : null)) });
  };
  const table = {
    sheets: source.sheets,
    sheet: source.sheet,
    headerLine: source.headerLine,
    headerFound: source.headerFound,
    topRows: source.topRows.map((r) => ({ line: r.line, values: r.cells.slice(0, Math.max(width, 1)) })),
  };
  if (input.kind === 'population') {
    const plan = planPopulation(ctx, input.fileName, source, mapping, input.createMissing, tap);
    return {
      ...table,
      rows,
      totalRows: plan.rowsIn,
      skippedTotals: plan.totals.skipped,
      problems: notes(plan.problems),
      problemCount: plan.problems.total,
      warnings: [...plan.totals.warnings, ...plan.warnings],
      communitiesToCreate: plan.communities.toCreate().map(({ code, name }) => ({ code, name })),
      compoundsToCreate: plan.newCompounds,
    };
  }
  const out = runResidents(ctx, input.fileName, source, mapping, { write: false, confirmReplace: input.confirmReplace, tap });
  return {
    ...table,
    rows,
    totalRows: out.rowsIn,
    skippedTotals: out.totals.skipped,
    problems: notes(out.problems),
    problemCount: out.problems.total,
    warnings: [...out.totals.warnings, ...out.warnings],
    replacements: out.replacements,
  };
}

function previewFeatures(
  ctx: AppContext,
  input: ImportFileInput,
  source: GeoJsonSource,
  mapping: ImportPreviewDto['mapping'],
): Partial<ImportPreviewDto> {
  const rows = source.features.slice(0, previewRowCount).map((f) => ({
    feature: f.index,
    values: source.columns.map((c) => (c in f.properties ? textOf(f.properties[c]) : null)),
    geometry: describeGeometry(f.geometry),
  }));
  const result: Partial<ImportPreviewDto> = {
    rows,
    totalRows: source.features.length,
    crsDeclared: source.crs,
    geometry: checkGeometry(input.kind, source, input.fileName),
  };
  const problems = new Problems(input.fileName);
  const warnings: ImportNote[] = [];
  const m = resolveMapping(input.kind, mapping, source.columns, problems, {});
  if (problems.total === 0) {
    // Counts that are text, for every kind with count fields (compounds).
    const fields = importFields[input.kind].filter((f) => f.type === 'count').map((f) => m[f.id]);
    const sanity = new MappingSanity(fields, []);
    for (const f of source.features) sanity.add((field) => f.properties[field.column]);
    for (const p of sanity.problems({})) problems.add(p);
    if (input.kind === 'compounds') {
      // The communities the file names: found by code or name, or to be created.
      const communities = new CommunityPlan(ctx);
      for (const f of source.features) communities.resolve({ feature: f.index }, communityText(f.properties, m), { code: m.communityCode, name: m.communityName }, problems);
      if (!input.createMissing) communities.refuseCreation(problems, m.communityName.index >= 0 ? m.communityName.column : m.communityCode.column);
      result.communitiesToCreate = communities.toCreate().map(({ code, name }) => ({ code, name }));
    }
  }
  return { ...result, problems: notes(problems), problemCount: problems.total, warnings };
}

/**
 * The preview runs the commit's geometry checks over every feature, so crossing edges and dropped rings are shown
 * before the user imports (as problems in the file, not as a refused import).
 */
function checkGeometry(kind: ImportFileInput['kind'], source: GeoJsonSource, file: string): NonNullable<ImportPreviewDto['geometry']> {
  const problems = new Problems(file);
  const notes = new GeometryNotes(file);
  for (const f of source.features) {
    if (kind === 'venues') checkPoint(f.geometry, f.index, problems, notes);
    else checkArea(f.geometry, f.index, problems, notes);
  }
  return { ...notes.summary(), problems: problems.list, problemsTotal: problems.total };
}
