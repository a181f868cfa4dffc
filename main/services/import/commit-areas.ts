import type { AppContext } from '../context';
import { streetEditor } from '../street';
import type { CoordinateSystem, ImportMapping, ImportResultDto } from '../../../shared/api/imports';
import { areaToWgs84, checkArea, type GeometryNotes, type RawFeature } from './geojson';
import { resolveMapping, type MappedField } from './mapping';
import { Problems } from './problems';
import { textOf } from './values';
import { idsByCode, insertCommunity, updateImportedCommunity } from '../../db/street';
import type { AreaGeometry } from '../../../shared/api/common';

/** Communities from GeoJSON: every feature checked, then one transaction of upserts by code (compounds: commit-compounds.ts). */

export interface Args {
  file: string;
  columns: string[];
  features: RawFeature[];
  mapping: ImportMapping;
  crs: CoordinateSystem;
  /** Collects what the geometry check fixed (repeats removed, rings dropped) for the result. */
  notes?: GeometryNotes;
}

/** Reads code and name, reports a missing one or a code already used by an earlier feature. */
export function codeAndName(f: RawFeature, m: Record<string, MappedField>, seen: Map<string, number>, problems: Problems) {
  if (!f.isFeature) problems.add({ feature: f.index, field: 'type', message: '不是 GeoJSON Feature（type 应为 "Feature"）。' });
  const code = textOf(f.properties[m.code.column]);
  const name = textOf(f.properties[m.name.column]);
  if (code === '') problems.add({ feature: f.index, field: m.code.column, message: '编码为空。' });
  else {
    const first = seen.get(code);
    if (first !== undefined) {
      problems.add({ feature: f.index, field: m.code.column, message: `编码“${code}”重复：要素 ${first} 与要素 ${f.index} 使用同一编码。` });
    } else seen.set(code, f.index);
  }
  if (name === '') problems.add({ feature: f.index, field: m.name.column, message: '名称为空。' });
  return { code, name };
}

export function commitCommunities(ctx: AppContext, a: Args): ImportResultDto {
  const problems = new Problems(a.file);
  const m = resolveMapping('communities', a.mapping, a.columns, problems, {});
  problems.throwIfAny();
  const seen = new Map<string, number>();
  const rows: { code: string; name: string; boundary: AreaGeometry | null }[] = [];
  for (const f of a.features) {
    const { code, name } = codeAndName(f, m, seen, problems);
    const area = checkArea(f.geometry, f.index, problems, a.notes);
    if (area !== undefined) rows.push({ code, name, boundary: area ? areaToWgs84(area, a.crs) : null });
  }
  problems.throwIfAny();

  const existing = idsByCode(ctx.db, 'community');
  const now = ctx.now();
  const by = streetEditor(ctx);
  let inserted = 0;
  let updated = 0;
  ctx.db.transaction(() => {
    for (const r of rows) {
      const hit = existing.get(r.code);
      if (hit) {
        updateImportedCommunity(ctx.db, hit.id, r, now, by);
        updated++;
      } else {
        insertCommunity(ctx.db, r, now, by);
        inserted++;
      }
    }
  })();
  return { kind: 'communities', rowsIn: a.features.length, inserted, updated };
}
