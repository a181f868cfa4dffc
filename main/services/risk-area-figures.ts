import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { AppError } from '../../shared/api/errors';
import { gapCloseMeters, sliverHoleM2, splitCompoundShare, type RiskAreaPreviewDto } from '../../shared/api/risk-areas';
import { bboxOf, checkDrawnArea, fromPc, intersectionM2, normalizeArea, unionOutlines, type Area } from '../../shared/domain/risk-geometry';
import { StreetIndex, type AreaStats } from '../../shared/domain/risk-stats';
import type { Db } from '../db/open';
import * as q from '../db/risk-areas';
import { currentEmergencyId } from '../db/mode';
import type { AppContext } from './context';

/**
 * The figures of risk areas (who and what is inside) and the making of their shapes: a drawn shape checked, or the
 * union of picked compounds. The street (compounds, venues, its outline) is indexed once and rebuilt only when
 * street data changes (q.streetVersion); each area's figures are cached by its boundary.
 */

interface Cached {
  version: string;
  index: StreetIndex;
  outlines: Map<number, { name: string; geometry: Area | null }>;
  /** Area id -> figures, valid while the boundary is the same. */
  byArea: Map<number, { geometry: string; stats: AreaStats }>;
}

const cache = new WeakMap<Db, Cached>();

/** The street's outline: its own boundary, else the union of its communities, else none (then nothing is refused). */
function streetOutline(db: Db): Area | null {
  const own = q.streetBoundary(db);
  if (own) return own;
  const communities = q.communityBoundaries(db);
  if (communities.length === 0) return null;
  const parts = communities.map((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)) as PcMultiPolygon[];
  return fromPc(polygonClipping.union(parts[0], ...parts.slice(1)));
}

function street(ctx: AppContext): Cached {
  const version = q.streetVersion(ctx.db);
  const hit = cache.get(ctx.db);
  if (hit && hit.version === version) return hit;
  const compounds = q.streetCompounds(ctx.db).map(({ boundary, ...c }) => ({ ...c, geometry: boundary ? (JSON.parse(boundary) as Area) : null }));
  const index = new StreetIndex(compounds, q.streetVenues(ctx.db), streetOutline(ctx.db), splitCompoundShare);
  const fresh: Cached = { version, index, outlines: new Map(compounds.map((c) => [c.id, { name: c.name, geometry: c.geometry }])), byArea: new Map() };
  cache.set(ctx.db, fresh);
  return fresh;
}

/** Figures of any shape. */
export function statsOf(ctx: AppContext, g: Area): AreaStats {
  return street(ctx).index.stats(g);
}

/** Figures of a saved area (cached while its boundary and the street data stay the same). */
export function areaStats(ctx: AppContext, area: { id: number; geometry: Area }): AreaStats {
  const s = street(ctx);
  const key = JSON.stringify(area.geometry);
  const hit = s.byArea.get(area.id);
  if (hit && hit.geometry === key) return hit.stats;
  const stats = s.index.stats(area.geometry);
  s.byArea.set(area.id, { geometry: key, stats });
  return stats;
}

export interface Shape {
  geometry: Area;
  source: 'drawn' | 'compounds';
  compoundIds: number[];
  /** What was done to the shape, in words (holes dropped ...). */
  notes: string[];
}

/**
 * A shape from the input, or a problem in words: a drawn shape checked (crossing edges refused), or picked compounds
 * unioned (each must exist and have an outline). A shape wholly outside the street is refused.
 */
export function makeShape(ctx: AppContext, input: { geometry?: { type: string; coordinates: unknown }; compoundIds?: number[] }): { shape: Shape; problem: null } | { shape: null; problem: string } {
  let shape: Shape;
  if (input.compoundIds) {
    const s = street(ctx);
    const ids = [...new Set(input.compoundIds)];
    const outlines: Area[] = [];
    for (const id of ids) {
      const c = s.outlines.get(id);
      if (!c) return { shape: null, problem: `找不到小区 (id ${id})。` };
      if (!c.geometry) return { shape: null, problem: `小区“${c.name}”没有边界，不能选取。请先导入小区边界，或直接绘制。` };
      outlines.push(c.geometry);
    }
    const u = unionOutlines(outlines, gapCloseMeters, sliverHoleM2);
    if (!u) return { shape: null, problem: '所选小区没有可用的边界。' };
    const notes: string[] = [];
    if (u.holesDropped) notes.push(`合并边界时去掉了 ${u.holesDropped} 个小于 ${sliverHoleM2} 平方米的缝隙。`);
    if (u.partsDropped) notes.push(`去掉了 ${u.partsDropped} 个小于 ${sliverHoleM2} 平方米的碎片。`);
    if (u.parts > 1) notes.push(`所选小区不相连，区域由 ${u.parts} 块组成。`);
    shape = { geometry: u.geometry, source: 'compounds', compoundIds: ids, notes };
  } else if (input.geometry) {
    const checked = checkDrawnArea(input.geometry);
    if (checked.problem !== null) return { shape: null, problem: checked.problem };
    shape = { geometry: normalizeArea(checked.geometry), source: 'drawn', compoundIds: [], notes: [] };
  } else {
    return { shape: null, problem: '须绘制边界或选择小区。' };
  }
  const inside = street(ctx).index.insideStreetShare(shape.geometry);
  if (inside === 0) {
    return { shape: null, problem: '区域完全在街道边界以外，不能划定。请核对位置（坐标的经纬度是否写反、坐标系是否正确）。' };
  }
  return { shape, problem: null };
}

/** makeShape for a change: a problem is refused as invalid input. */
export function requireShape(ctx: AppContext, input: Parameters<typeof makeShape>[1]): Shape {
  const r = makeShape(ctx, input);
  if (r.problem !== null) throw new AppError('invalid_input', `${input.compoundIds ? 'compoundIds' : 'geometry'}: ${r.problem}`);
  return r.shape;
}

/** "与风险区“X”重叠" for the active areas of the emergency the shape overlaps (overlap is allowed; said plainly). */
export function overlapNotes(ctx: AppContext, emergencyId: number | null, g: Area, excludeId?: number): string[] {
  if (emergencyId === null) return [];
  const [minX, minY, maxX, maxY] = bboxOf(g);
  const names: string[] = [];
  for (const a of q.listAreas(ctx.db, emergencyId, false)) {
    if (a.id === excludeId) continue;
    const [ax, ay, bx, by] = bboxOf(a.geometry);
    if (ax > maxX || bx < minX || ay > maxY || by < minY) continue;
    if (intersectionM2(g, a.geometry) > 1) names.push(`“${a.name}”`);
  }
  return names.length ? [`与风险区${names.join('、')}重叠（可以重叠；同一小区只按较高等级计一次）。`] : [];
}

/** previewRiskArea: never throws for a bad shape; says why it would be refused. */
export function preview(ctx: AppContext, input: { geometry?: { type: string; coordinates: unknown }; compoundIds?: number[]; areaId?: number }): RiskAreaPreviewDto {
  const t0 = performance.now();
  const r = makeShape(ctx, input);
  if (r.problem !== null) return { problem: r.problem, geometry: null, stats: null, computeMs: performance.now() - t0 };
  const stats = statsOf(ctx, r.shape.geometry);
  const emergencyId = currentEmergencyId(ctx.db);
  const notes = [...r.shape.notes, ...stats.notes, ...overlapNotes(ctx, emergencyId, r.shape.geometry, input.areaId)];
  return { problem: null, geometry: r.shape.geometry, stats: { ...stats, notes }, computeMs: performance.now() - t0 };
}
