import type { AppContext } from '../context';
import type { CoordinateSystem, ImportMapping, ImportResultDto } from '../../../shared/api/imports';
import { areaToWgs84, checkArea, type RawFeature } from './geojson';
import { resolveMapping, type MappedField } from './mapping';
import { Problems } from './problems';
import { intOf, textOf } from './values';

/** Communities and compounds from GeoJSON: every feature checked, then one transaction of upserts by code. */

interface Args {
  file: string;
  columns: string[];
  features: RawFeature[];
  mapping: ImportMapping;
  crs: CoordinateSystem;
}

/** Reads code and name, reports a missing one or a code already used by an earlier feature. */
function codeAndName(f: RawFeature, m: Record<string, MappedField>, seen: Map<string, number>, problems: Problems) {
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

function existingCodes(ctx: AppContext, table: 'community' | 'compound' | 'grid'): Map<string, { id: number; communityId: number | null }> {
  const col = table === 'community' ? 'NULL' : 'community_id';
  const rows = ctx.db.prepare(`SELECT id, code, ${col} AS communityId FROM ${table}`).all() as { id: number; code: string; communityId: number | null }[];
  return new Map(rows.map((r) => [r.code, { id: r.id, communityId: r.communityId }]));
}

export function commitCommunities(ctx: AppContext, a: Args): ImportResultDto {
  const problems = new Problems(a.file);
  const m = resolveMapping('communities', a.mapping, a.columns, problems, {});
  problems.throwIfAny();
  const seen = new Map<string, number>();
  const rows: { code: string; name: string; boundary: string | null }[] = [];
  for (const f of a.features) {
    const { code, name } = codeAndName(f, m, seen, problems);
    const area = checkArea(f.geometry, f.index, problems);
    if (area !== undefined) rows.push({ code, name, boundary: area ? JSON.stringify(areaToWgs84(area, a.crs)) : null });
  }
  problems.throwIfAny();

  const existing = existingCodes(ctx, 'community');
  const now = ctx.now();
  const insert = ctx.db.prepare('INSERT INTO community (code, name, boundary, updated_at) VALUES (?, ?, ?, ?)');
  const update = ctx.db.prepare('UPDATE community SET name = ?, boundary = COALESCE(?, boundary), updated_at = ? WHERE id = ?');
  let inserted = 0;
  let updated = 0;
  ctx.db.transaction(() => {
    for (const r of rows) {
      const hit = existing.get(r.code);
      if (hit) {
        update.run(r.name, r.boundary, now, hit.id);
        updated++;
      } else {
        insert.run(r.code, r.name, r.boundary, now);
        inserted++;
      }
    }
  })();
  return { kind: 'communities', rowsIn: a.features.length, inserted, updated };
}

const countFields = ['buildings', 'residents', 'households', 'elderly'] as const;

export function commitCompounds(ctx: AppContext, a: Args): ImportResultDto {
  const problems = new Problems(a.file);
  const m = resolveMapping('compounds', a.mapping, a.columns, problems, {});
  problems.throwIfAny();
  const communities = existingCodes(ctx, 'community');
  const grids = existingCodes(ctx, 'grid');
  const seen = new Map<string, number>();
  type Row = { code: string; name: string; communityId: number; gridId: number | null; boundary: string | null } & Record<
    (typeof countFields)[number],
    number | null
  >;
  const rows: Row[] = [];
  for (const f of a.features) {
    const at = { feature: f.index };
    const { code, name } = codeAndName(f, m, seen, problems);
    const communityCode = textOf(f.properties[m.communityCode.column]);
    const community = communities.get(communityCode);
    if (communityCode === '') problems.add({ ...at, field: m.communityCode.column, message: '社区编码为空。' });
    else if (!community) problems.add({ ...at, field: m.communityCode.column, message: `未知的社区编码“${communityCode}”：请先导入社区。` });

    let gridId: number | null = null;
    const gridCode = m.gridCode.index >= 0 ? textOf(f.properties[m.gridCode.column]) : '';
    if (gridCode !== '') {
      const grid = grids.get(gridCode);
      if (!grid) problems.add({ ...at, field: m.gridCode.column, message: `未知的网格编码“${gridCode}”（如不导入网格，可在字段对应中不选此列）。` });
      else if (community && grid.communityId !== community.id) {
        problems.add({ ...at, field: m.gridCode.column, message: `网格“${gridCode}”不属于社区“${communityCode}”。` });
      } else gridId = grid.id;
    }

    const counts = {} as Record<(typeof countFields)[number], number | null>;
    for (const k of countFields) {
      const raw = m[k].index >= 0 ? f.properties[m[k].column] : undefined;
      const v = intOf(raw);
      if (v !== null && Number.isNaN(v)) problems.add({ ...at, field: m[k].column, message: `${m[k].zh}“${textOf(raw)}”不是非负整数。` });
      counts[k] = v !== null && !Number.isNaN(v) ? v : null;
    }
    if (counts.elderly !== null && counts.residents !== null && counts.elderly > counts.residents) {
      problems.add({ ...at, field: m.elderly.column, message: `60岁以上人数 ${counts.elderly} 大于居民数 ${counts.residents}。` });
    }
    const area = checkArea(f.geometry, f.index, problems);
    if (area !== undefined && community) {
      rows.push({ code, name, communityId: community.id, gridId, boundary: area ? JSON.stringify(areaToWgs84(area, a.crs)) : null, ...counts });
    }
  }
  problems.throwIfAny();

  const existing = existingCodes(ctx, 'compound');
  const now = ctx.now();
  const insert = ctx.db.prepare(
    `INSERT INTO compound (code, name, community_id, grid_id, buildings, residents, households, elderly, boundary, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A count the file leaves out keeps its stored value (e.g. totals recomputed from the register).
  const update = ctx.db.prepare(
    `UPDATE compound SET name = ?, community_id = ?, grid_id = ?, buildings = COALESCE(?, buildings), residents = COALESCE(?, residents),
       households = COALESCE(?, households), elderly = COALESCE(?, elderly), boundary = COALESCE(?, boundary), updated_at = ? WHERE id = ?`,
  );
  let inserted = 0;
  let updated = 0;
  ctx.db.transaction(() => {
    for (const r of rows) {
      const hit = existing.get(r.code);
      if (hit) {
        update.run(r.name, r.communityId, r.gridId, r.buildings, r.residents, r.households, r.elderly, r.boundary, now, hit.id);
        updated++;
      } else {
        insert.run(r.code, r.name, r.communityId, r.gridId, r.buildings, r.residents ?? 0, r.households ?? 0, r.elderly ?? 0, r.boundary, now);
        inserted++;
      }
    }
  })();
  return { kind: 'compounds', rowsIn: a.features.length, inserted, updated };
}
