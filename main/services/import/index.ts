import type { AppContext } from '../context';
import type { CommitImportInput, ImportResultDto } from '../../../shared/api/imports';
import { commitCommunities } from './commit-areas';
import { commitCompounds } from './commit-compounds';
import { commitPopulation } from './commit-population';
import { commitResidents } from './commit-residents';
import { commitVenues } from './commit-venues';
import { GeometryNotes } from './geojson';
import { rejectFile } from './problems';
import { readSource } from './source';

/** Import use cases: preview a file (./preview.ts) and commit it. */

export { previewImport } from './preview';

export async function commitImport(ctx: AppContext, input: CommitImportInput): Promise<ImportResultDto> {
  const source = await readSource(input);
  const file = input.fileName;
  if (input.kind === 'residents' || input.kind === 'population') {
    if (source.format === 'geojson') throw rejectFile(file, '人口台账和人口底数表应为 CSV 或 XLSX 文件。');
    if (input.kind === 'population') return commitPopulation(ctx, file, source, input.mapping, input.createMissing);
    return commitResidents(ctx, file, source, input.mapping, input.confirmReplace);
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
      return done(commitCompounds(ctx, args, input.createMissing));
    case 'venues':
      return done(commitVenues(ctx, args));
  }
}
