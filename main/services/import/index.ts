import type { AppContext } from '../context';
import {
  previewRowCount,
  type CommitImportInput,
  type ImportFileInput,
  type ImportPreviewDto,
  type ImportResultDto,
} from '../../../shared/api/imports';
import { commitCommunities } from './commit-areas';
import { commitCompounds } from './commit-compounds';
import { commitResidents } from './commit-residents';
import { commitVenues } from './commit-venues';
import { checkArea, checkPoint, describeGeometry, GeometryNotes } from './geojson';
import { suggestMapping } from './mapping';
import { Problems, rejectFile } from './problems';
import { headerOnly, readSource, unclosedQuote, type GeoJsonSource, type Source } from './source';
import { textOf } from './values';

/** Import use cases: preview a file (encoding, columns, first rows, suggested mapping) and commit it. */

export async function previewImport(_ctx: AppContext, input: ImportFileInput): Promise<ImportPreviewDto> {
  const source = await readSource(input);
  const preview = previewRows(input.fileName, source);
  const mapping = suggestMapping(input.kind, source.columns);
  return {
    kind: input.kind,
    fileName: input.fileName,
    format: source.format,
    encoding: source.encoding,
    bom: source.bom,
    columns: source.columns,
    rows: preview.rows,
    totalRows: preview.total,
    mapping,
    ...(source.format === 'geojson' ? { crsDeclared: source.crs, geometry: checkGeometry(input.kind, source, input.fileName) } : {}),
  };
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

function previewRows(file: string, source: Source): { rows: ImportPreviewDto['rows']; total: number } {
  if (source.format === 'geojson') {
    const rows = source.features.slice(0, previewRowCount).map((f) => ({
      feature: f.index,
      values: source.columns.map((c) => (c in f.properties ? textOf(f.properties[c]) : null)),
      geometry: describeGeometry(f.geometry),
    }));
    return { rows, total: source.features.length };
  }
  const rows: ImportPreviewDto['rows'] = [];
  let total = 0;
  const { unclosedQuoteLine } = source.forEachRow((cells, line) => {
    total++;
    if (rows.length < previewRowCount) rows.push({ line, values: source.columns.map((_, k) => (k < cells.length ? cells[k] : null)) });
  });
  if (unclosedQuoteLine !== null) throw unclosedQuote(file, unclosedQuoteLine);
  if (total === 0) throw headerOnly(file, source);
  return { rows, total };
}

export async function commitImport(ctx: AppContext, input: CommitImportInput): Promise<ImportResultDto> {
  const source = await readSource(input);
  const file = input.fileName;
  if (input.kind === 'residents') {
    if (source.format === 'geojson') throw rejectFile(file, '人口台账应为 CSV 或 XLSX 文件。');
    return commitResidents(ctx, file, source, input.mapping);
  }
  if (source.format !== 'geojson') throw rejectFile(file, '边界与场所数据应为 GeoJSON 文件。');
  // The user's choice wins over the file's crs member (files often declare CRS84 over GCJ-02 points).
  const crs = input.crs ?? source.crs?.system ?? 'wgs84';
  const notes = new GeometryNotes(file);
  const args = { file, columns: source.columns, features: source.features, mapping: input.mapping, crs, notes };
  // Said only when it matters, so a plain WGS-84 file's result stays the counts alone.
  const done = (result: ImportResultDto): ImportResultDto => {
    const fixes = notes.summary();
    const fixed = fixes.duplicateVertices + fixes.droppedRings + fixes.droppedZ > 0;
    return { ...result, ...(fixed ? { geometry: fixes } : {}), ...(crs !== 'wgs84' ? { crs } : {}) };
  };
  switch (input.kind) {
    case 'communities':
      return done(commitCommunities(ctx, args));
    case 'compounds':
      return done(commitCompounds(ctx, args));
    case 'venues':
      return done(commitVenues(ctx, args));
  }
}
