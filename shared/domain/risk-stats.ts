import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { venueTypes, type VenueType } from './venues';
import { areaM2, bboxOf, intersectionM2, type Area } from './risk-geometry';
import { AreaRaster, containsPolygon, EdgeIndex } from './area-raster';
import type { RiskLevelKey } from './policy';

/**
 * Who and what is inside a risk area, pure (no I/O). Candidates come from flatbush indexes (compound boxes, venue
 * points); turf's point-in-polygon and polygon-clipping's intersection give the exact answer (STYLE.md section 4).
 *
 * Rule for a compound cut by the boundary: it is flagged `split` with the share of its outline's area inside, and
 * counted in full (residents, households, 60+) when at least `countShare` (50%) of it is inside, not at all below.
 */

export interface StatsCompoundInput {
  id: number;
  code: string;
  name: string;
  communityName: string;
  residents: number;
  households: number;
  elderly: number;
  /** null: the compound has no outline and cannot be placed. */
  geometry: Area | null;
}

export interface StatsVenueInput {
  id: number;
  code: string;
  name: string;
  type: VenueType;
  address: string | null;
  contact: string | null;
  lng: number;
  lat: number;
}

export interface StatsCompound extends Omit<StatsCompoundInput, 'geometry'> {
  share: number;
  split: boolean;
  counted: boolean;
}

export type StatsVenue = StatsVenueInput;

export interface AreaStats {
  areaM2: number;
  insideStreetShare: number;
  compounds: StatsCompound[];
  compoundsCounted: number;
  compoundsSplit: number;
  compoundsWithoutOutline: number;
  residents: number;
  households: number;
  elderly: number;
  venuesByType: Record<string, number>;
  venues: StatsVenue[];
  venuesToSuspend: StatsVenue[];
  nobodyInside: boolean;
  notes: string[];
}

/** Shares within this of 0 or 1 are taken as 0 or 1: a boundary drawn along an outline is not a cut. */
const SHARE_TOLERANCE = 0.001;
const suspendTypes = new Set<string>(venueTypes.filter((t) => t.suspendInRiskArea).map((t) => t.id));
const venueTypeName = new Map<string, string>(venueTypes.map((t) => [t.id, t.zh]));

/**
 * Points (lng, lat) in a flatbush index; `inside` answers the indices of those inside a shape. The coordinates are
 * kept in a spatial order (bands of latitude), so the candidates of one search sit next to each other in memory: with
 * a million points in input order, reading them scattered cost more than the tests themselves.
 */
export class PointIndex {
  private readonly index: Flatbush | null;
  /** Coordinates in index order, and the input index of each. */
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly ids: Uint32Array;

  constructor(lng: ArrayLike<number>, lat: ArrayLike<number>) {
    const n = lng.length;
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.ids = new Uint32Array(n);
    if (n === 0) {
      this.index = null;
      return;
    }
    // Order: 1,024 bands of latitude, west to east within each (a search box then reads a few runs of memory).
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      if (lat[i] < minY) minY = lat[i];
      if (lat[i] > maxY) maxY = lat[i];
    }
    const bandOf = (y: number) => Math.min(1023, Math.floor(((y - minY) / (maxY - minY || 1)) * 1024));
    const band = new Uint16Array(n);
    for (let i = 0; i < n; i++) band[i] = bandOf(lat[i]);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => band[a] - band[b] || lng[a] - lng[b]);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      this.ids[k] = i;
      this.xs[k] = lng[i];
      this.ys[k] = lat[i];
    }
    this.index = new Flatbush(n, 16, Float64Array);
    for (let k = 0; k < n; k++) this.index.add(this.xs[k], this.ys[k], this.xs[k], this.ys[k]);
    this.index.finish();
  }

  /** Indices of the points inside the shape: flatbush candidates in its box, then the raster, then turf near edges. */
  inside(g: Area, raster = new AreaRaster(g)): number[] {
    if (!this.index) return [];
    const out: number[] = [];
    for (const k of this.index.search(raster.minX, raster.minY, raster.maxX, raster.maxY)) {
      if (raster.contains(this.xs[k], this.ys[k])) out.push(this.ids[k]);
    }
    return out.sort((a, b) => a - b);
  }
}

/** The same question without an index: every point tested (the baseline of bench/risk-areas.bench.ts). */
export function insideByLoop(lng: ArrayLike<number>, lat: ArrayLike<number>, g: Area): number[] {
  const out: number[] = [];
  for (let i = 0; i < lng.length; i++) if (booleanPointInPolygon([lng[i], lat[i]], g)) out.push(i);
  return out;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The street's compounds and venues, indexed once; `stats` answers for any shape (a saved area or one being dragged). */
export class StreetIndex {
  private readonly placed: (StatsCompoundInput & { geometry: Area; areaM2: number })[];
  private readonly compoundIndex: Flatbush | null;
  private readonly venuePoints: PointIndex;
  private readonly streetEdges: EdgeIndex | null;
  private readonly streetRaster: AreaRaster | null;
  private readonly streetCorners: Position[];
  readonly compoundsWithoutOutline: number;

  constructor(
    compounds: readonly StatsCompoundInput[],
    private readonly venues: readonly StatsVenueInput[],
    private readonly street: Area | null,
    private readonly countShare = 0.5,
  ) {
    this.placed = compounds.filter((c): c is StatsCompoundInput & { geometry: Area } => c.geometry !== null).map((c) => ({ ...c, areaM2: areaM2(c.geometry) }));
    this.compoundsWithoutOutline = compounds.length - this.placed.length;
    if (this.placed.length) {
      this.compoundIndex = new Flatbush(this.placed.length, 16, Float64Array);
      for (const c of this.placed) this.compoundIndex.add(...bboxOf(c.geometry));
      this.compoundIndex.finish();
    } else {
      this.compoundIndex = null;
    }
    this.streetEdges = street ? new EdgeIndex(street) : null;
    this.streetRaster = street ? new AreaRaster(street, 256) : null;
    this.streetCorners = street ? (street.type === 'Polygon' ? street.coordinates : street.coordinates.flat()).flat() : [];
    this.venuePoints = new PointIndex(
      venues.map((v) => v.lng),
      venues.map((v) => v.lat),
    );
  }

  /** The share of the shape inside the street (1 when the street has no boundary to compare with). */
  insideStreetShare(g: Area, area = areaM2(g)): number {
    if (!this.street || !this.streetEdges || area === 0) return 1;
    const [minX, minY, maxX, maxY] = bboxOf(g);
    // No street edge near the shape: it is wholly inside or wholly outside; one corner tells which.
    if (!this.streetEdges.meets(minX, minY, maxX, maxY)) return booleanPointInPolygon(firstCorner(g), this.street) ? 1 : 0;
    // Near the street's edge but wholly inside it (an area drawn up to the boundary): no clipping needed.
    if (this.streetRaster && containsPolygon(this.streetRaster, this.streetEdges, this.streetCorners, g)) return 1;
    return clamp01(intersectionM2(g, this.street) / area);
  }

  stats(g: Area): AreaStats {
    const area = areaM2(g);
    const insideStreetShare = this.insideStreetShare(g, area);
    const compounds: StatsCompound[] = [];
    const raster = new AreaRaster(g);
    if (this.compoundIndex) {
      const edges = new EdgeIndex(g);
      const parts = partsOf(g);
      const corners = (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).flat();
      for (const i of this.compoundIndex.search(raster.minX, raster.minY, raster.maxX, raster.maxY)) {
        const c = this.placed[i];
        const [cx0, cy0, cx1, cy1] = bboxOf(c.geometry);
        let share: number;
        if (!edges.meets(cx0, cy0, cx1, cy1)) {
          // No edge of the area near the compound: wholly inside or wholly outside.
          const [x, y] = firstCorner(c.geometry);
          share = raster.contains(x, y) ? 1 : 0;
        } else if (containsPolygon(raster, edges, corners, c.geometry)) {
          share = 1; // wholly inside, touching the boundary (a picked compound): no clipping needed
        } else {
          // Exact: the compound against the parts of the area near it (polygon-clipping).
          const near = parts.filter((p) => boxesMeet(p.box, [cx0, cy0, cx1, cy1]));
          const inside = near.reduce((s, p) => s + intersectionM2(p.geometry, c.geometry), 0);
          share = c.areaM2 > 0 ? clamp01(inside / c.areaM2) : 0;
        }
        if (share < SHARE_TOLERANCE) continue;
        if (share > 1 - SHARE_TOLERANCE) share = 1;
        const { geometry: _g, areaM2: _a, ...fields } = c;
        compounds.push({ ...fields, share, split: share < 1, counted: share >= this.countShare });
      }
    }
    compounds.sort((a, b) => a.code.localeCompare(b.code));
    const counted = compounds.filter((c) => c.counted);
    const sum = (k: 'residents' | 'households' | 'elderly') => counted.reduce((s, c) => s + c[k], 0);
    const venues = this.venuePoints.inside(g, raster).map((i) => this.venues[i]);
    venues.sort((a, b) => a.code.localeCompare(b.code));
    const venuesByType: Record<string, number> = {};
    for (const v of venues) venuesByType[v.type] = (venuesByType[v.type] ?? 0) + 1;
    const residents = sum('residents');
    const stats: AreaStats = {
      areaM2: area,
      insideStreetShare,
      compounds,
      compoundsCounted: counted.length,
      compoundsSplit: compounds.filter((c) => c.split).length,
      compoundsWithoutOutline: this.compoundsWithoutOutline,
      residents,
      households: sum('households'),
      elderly: sum('elderly'),
      venuesByType,
      venues,
      venuesToSuspend: venues.filter((v) => suspendTypes.has(v.type)),
      nobodyInside: residents === 0,
      notes: [],
    };
    stats.notes = statsNotes(stats, this.countShare);
    return stats;
  }
}

function statsNotes(s: AreaStats, countShare: number): string[] {
  const notes: string[] = [];
  if (s.nobodyInside) {
    notes.push(s.compounds.length === 0 ? '区域内没有小区，也没有居民。可以划定（如场所、道路），请核对边界。' : '区域内没有计入的居民。可以划定，请核对边界。');
  }
  for (const c of s.compounds.filter((x) => x.split)) {
    notes.push(`小区“${c.name}”被边界分割（区内约 ${pct(c.share)}），${c.counted ? '按规则整体计入' : '按规则不计入'}（区内不少于 ${pct(countShare)} 的整体计入）。`);
  }
  if (s.insideStreetShare < 1 - SHARE_TOLERANCE && s.insideStreetShare > 0) notes.push(`区域约有 ${pct(1 - s.insideStreetShare)} 在街道边界以外。`);
  if (s.compoundsWithoutOutline > 0) notes.push(`街道有 ${s.compoundsWithoutOutline} 个小区没有边界，无法判断是否在区内，未计入。`);
  if (s.venuesToSuspend.length > 0) {
    const byType = new Map<string, number>();
    for (const v of s.venuesToSuspend) byType.set(v.type, (byType.get(v.type) ?? 0) + 1);
    notes.push(`须暂停营业的室内娱乐场所 ${s.venuesToSuspend.length} 个：${[...byType].map(([t, n]) => `${venueTypeName.get(t) ?? t} ${n}`).join('、')}。`);
  }
  return notes;
}

const clamp01 = (v: number) => Math.max(0, Math.min(1, v));
const firstCorner = (g: Area): [number, number] => {
  const p = g.type === 'Polygon' ? g.coordinates[0][0] : g.coordinates[0][0][0];
  return [p[0], p[1]];
};
type Box = [number, number, number, number];
const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
/** The polygons of a shape, each with its box (parts of a MultiPolygon do not overlap, so their shares add up). */
function partsOf(g: Area): { geometry: Area; box: Box }[] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((coordinates) => {
    const geometry: Area = { type: 'Polygon', coordinates };
    return { geometry, box: bboxOf(geometry) };
  });
}

/** Levels from highest down, for "counts once, at the higher level". */
const levelRank: Record<RiskLevelKey, number> = { high: 3, medium: 2, low: 1 };

export interface TotalsArea {
  level: RiskLevelKey;
  compounds: readonly Pick<StatsCompound, 'id' | 'counted' | 'residents' | 'households' | 'elderly'>[];
  venuesToSuspend: readonly Pick<StatsVenue, 'id'>[];
}

export interface LevelTotal {
  level: RiskLevelKey;
  areas: number;
  compounds: number;
  residents: number;
  households: number;
  elderly: number;
  venuesToSuspend: number;
}

/**
 * Street totals by level over the active areas: a compound (or venue) inside several areas counts once, at the
 * highest of their levels. Only counted compounds (see the split rule) take part.
 */
export function levelTotals(levels: readonly RiskLevelKey[], areas: readonly TotalsArea[]): { byLevel: LevelTotal[]; compoundsInSeveralAreas: number } {
  const compoundLevel = new Map<number, { level: RiskLevelKey; c: TotalsArea['compounds'][number]; areas: number }>();
  const venueLevel = new Map<number, RiskLevelKey>();
  const higher = (a: RiskLevelKey, b: RiskLevelKey) => (levelRank[a] >= levelRank[b] ? a : b);
  for (const a of areas) {
    for (const c of a.compounds) {
      if (!c.counted) continue;
      const seen = compoundLevel.get(c.id);
      compoundLevel.set(c.id, seen ? { level: higher(seen.level, a.level), c, areas: seen.areas + 1 } : { level: a.level, c, areas: 1 });
    }
    for (const v of a.venuesToSuspend) venueLevel.set(v.id, venueLevel.has(v.id) ? higher(venueLevel.get(v.id)!, a.level) : a.level);
  }
  const byLevel = [...levels]
    .sort((a, b) => levelRank[b] - levelRank[a])
    .map((level): LevelTotal => {
      const cs = [...compoundLevel.values()].filter((x) => x.level === level).map((x) => x.c);
      return {
        level,
        areas: areas.filter((a) => a.level === level).length,
        compounds: cs.length,
        residents: cs.reduce((s, c) => s + c.residents, 0),
        households: cs.reduce((s, c) => s + c.households, 0),
        elderly: cs.reduce((s, c) => s + c.elderly, 0),
        venuesToSuspend: [...venueLevel.values()].filter((l) => l === level).length,
      };
    });
  return { byLevel, compoundsInSeveralAreas: [...compoundLevel.values()].filter((x) => x.areas > 1).length };
}
