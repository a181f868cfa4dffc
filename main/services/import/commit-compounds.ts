import type { AppContext } from '../context';
import { streetEditor } from '../street';
import type { ImportResultDto } from '../../../shared/api/imports';
import { codeAndName, type Args } from './commit-areas';
import { compoundCountsByCode, insertCompound, updateImportedCompound } from '../../db/compounds';
import type { AreaGeometry } from '../../../shared/api/common';
import { CommunityPlan, realId } from './communities';
import { areaToWgs84, checkArea } from './geojson';
import { GridPlan } from './grids';
import { resolveMapping, type MappedField } from './mapping';
import { Problems } from './problems';
import { intOf, textOf } from './values';

/**
 * Compounds from GeoJSON: every feature checked (community, grid, counts, outline), then one transaction that
 * creates the new communities (named by the file, when the user agreed) and grids, and upserts the compounds by code.
 * A compound's community is found by code or by name (`所属社区: 民主村社区`, see communities.ts).
 */

const countFields = ['buildings', 'residents', 'households', 'elderly'] as const;
type Counts = Record<(typeof countFields)[number], number | null>;

export function commitCompounds(ctx: AppContext, a: Args, createMissing: boolean): ImportResultDto {
  const problems = new Problems(a.file);
  const m = resolveMapping('compounds', a.mapping, a.columns, problems, {});
  problems.throwIfAny();
  const communities = new CommunityPlan(ctx);
  const stored = compoundCountsByCode(ctx.db);
  const grids = new GridPlan(ctx);
  const seen = new Map<string, number>();
  type Row = { code: string; name: string; communityId: number; gridCode: string | null; boundary: AreaGeometry | null } & Counts;
  const rows: Row[] = [];
  for (const f of a.features) {
    const at = { feature: f.index };
    const { code, name } = codeAndName(f, m, seen, problems);
    const community = communities.resolve(at, communityText(f.properties, m), { code: m.communityCode, name: m.communityName }, problems);

    let gridCode: string | null = null;
    const gridText = m.gridCode.index >= 0 ? textOf(f.properties[m.gridCode.column]) : '';
    if (gridText !== '' && community) {
      const gridName = m.gridName.index >= 0 ? textOf(f.properties[m.gridName.column]) : '';
      const grid = { code: gridText, name: gridName, field: m.gridCode };
      if (grids.check(at, grid, community, problems)) gridCode = gridText;
    }

    const counts = {} as Counts;
    let badCount = false;
    for (const k of countFields) {
      const raw = m[k].index >= 0 ? f.properties[m[k].column] : undefined;
      const v = intOf(raw);
      if (v !== null && Number.isNaN(v)) {
        problems.add({ ...at, field: m[k].column, message: `${m[k].zh}“${textOf(raw)}”不是非负整数。` });
        badCount = true;
      }
      counts[k] = v !== null && !Number.isNaN(v) ? v : null;
    }
    // A count the file leaves out keeps its stored value, so the rules compare what will be stored.
    const before = stored.get(code);
    const residents = counts.residents ?? before?.residents ?? 0;
    const households = counts.households ?? before?.households ?? 0;
    const elderly = counts.elderly ?? before?.elderly ?? 0;
    if (!badCount && elderly > residents) {
      problems.add({ ...at, field: counts.elderly !== null ? m.elderly.column : m.residents.column, message: `60岁以上人数 ${elderly} 大于居民数 ${residents}。` });
    }
    if (!badCount && households > residents) {
      problems.add({
        ...at,
        field: counts.households !== null ? m.households.column : m.residents.column,
        message: `户数 ${households} 大于居民数 ${residents}：每户至少一人。`,
      });
    }
    const area = checkArea(f.geometry, f.index, problems, a.notes);
    if (area !== undefined && community) {
      rows.push({ code, name, communityId: community.id, gridCode, boundary: area ? areaToWgs84(area, a.crs) : null, ...counts });
    }
  }
  if (!createMissing) communities.refuseCreation(problems, m.communityName.index >= 0 ? m.communityName.column : m.communityCode.column);
  problems.throwIfAny();

  const now = ctx.now();
  const by = streetEditor(ctx);
  let inserted = 0;
  let updated = 0;
  let gridsCreated = 0;
  let communitiesCreated = 0;
  ctx.db.transaction(() => {
    const communityIds = communities.create(ctx, now, by);
    communitiesCreated = communityIds.size;
    const grid = grids.create(ctx, now, by, communityIds);
    gridsCreated = grid.created;
    for (const r of rows) {
      const gridId = r.gridCode === null ? null : (grid.ids.get(r.gridCode) ?? null);
      const communityId = realId(communityIds, r.communityId);
      // Counts from the file make it the source of the compound's figures (the board says so).
      const source = r.residents !== null || r.households !== null || r.elderly !== null ? ('compound_file' as const) : null;
      const hit = stored.get(r.code);
      if (hit) {
        // Left-out counts and grid keep their stored values; a compound moved to another community leaves its old grid.
        updateImportedCompound(ctx.db, hit.id, { ...r, communityId, gridId, populationSource: source }, now, by);
        updated++;
      } else {
        const counts = { residents: r.residents ?? 0, households: r.households ?? 0, elderly: r.elderly ?? 0 };
        insertCompound(ctx.db, { ...r, communityId, gridId, ...counts }, now, by, source ?? 'entered');
        inserted++;
      }
    }
  })();
  return { kind: 'compounds', rowsIn: a.features.length, inserted, updated, gridsCreated, ...(communitiesCreated ? { communitiesCreated } : {}) };
}

/** The community code and name a feature gives (either may be ''). */
export function communityText(p: Record<string, unknown>, m: Record<string, MappedField>): { code: string; name: string } {
  return {
    code: m.communityCode.index >= 0 ? textOf(p[m.communityCode.column]) : '',
    name: m.communityName.index >= 0 ? textOf(p[m.communityName.column]) : '',
  };
}
