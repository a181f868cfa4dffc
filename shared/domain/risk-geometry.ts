import polygonClipping, { type MultiPolygon as PcMultiPolygon, type Polygon as PcPolygon } from 'polygon-clipping';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { findRingFault, isDegenerate, oriented, removeRepeats, type XY } from './polygon-check';

/**
 * Geometry of risk areas, pure (no I/O): checking a drawn shape, the union of picked compound outlines, areas in m²
 * and the share of one shape inside another. Coordinates are WGS-84 [lng, lat].
 */

export type Area = Polygon | MultiPolygon;

/** WGS-84 semi-major axis, as @turf/area uses. */
const EARTH_RADIUS = 6378137;
const rad = Math.PI / 180;

/** Area of a ring on the sphere in m² (the spherical-excess formula of @turf/area; sign dropped). */
function ringArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 4) return 0;
  let total = 0;
  for (let i = 0; i < n - 1; i++) {
    const lower = ring[i];
    const middle = ring[i + 1];
    const upper = ring[i + 2 === n ? 1 : i + 2];
    total += (upper[0] * rad - lower[0] * rad) * Math.sin(middle[1] * rad);
  }
  return Math.abs((total * EARTH_RADIUS * EARTH_RADIUS) / 2);
}

function polygonArea(rings: readonly Position[][]): number {
  if (rings.length === 0) return 0;
  let a = ringArea(rings[0]);
  for (let i = 1; i < rings.length; i++) a -= ringArea(rings[i]);
  return Math.max(0, a);
}

/** Area of a Polygon or MultiPolygon in m². */
export function areaM2(g: Area | PcMultiPolygon): number {
  if (Array.isArray(g)) return g.reduce((s, p) => s + polygonArea(p), 0);
  return g.type === 'Polygon' ? polygonArea(g.coordinates) : g.coordinates.reduce((s, p) => s + polygonArea(p), 0);
}

const polygonsOf = (g: Area): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const toPc = (g: Area): PcMultiPolygon => polygonsOf(g) as PcMultiPolygon;

/** A polygon-clipping result as GeoJSON: a Polygon when it has one part, rings in RFC 7946 order. */
export function fromPc(mp: PcMultiPolygon): Area | null {
  const polys = mp.map((p) => p.map((r, i) => oriented(r as XY[], i === 0)));
  if (polys.length === 0) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

/** Area of the intersection of two shapes in m² (0 when they do not meet). */
export function intersectionM2(a: Area, b: Area): number {
  return areaM2(polygonClipping.intersection(toPc(a), toPc(b)));
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks a drawn (or sent) Polygon / MultiPolygon and answers it cleaned (repeats removed, rings closed when the
 * drawing left them open, RFC 7946 orientation), or a problem in words: bad coordinates (with a hint when they
 * look swapped), fewer than three corners, and edges that cross or run along each other (polygon-check.ts).
 */
export function checkDrawnArea(g: { type: string; coordinates: unknown }): { geometry: Area; problem: null } | { geometry: null; problem: string } {
  const fail = (problem: string) => ({ geometry: null, problem }) as const;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return fail(`边界应为 Polygon 或 MultiPolygon，实际为 ${g.type}。`);
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polys) || polys.length === 0) return fail('边界没有坐标。');
  const out: XY[][][] = [];
  for (let pi = 0; pi < polys.length; pi++) {
    const rings = polys[pi] as unknown;
    const label = polys.length > 1 ? `第 ${pi + 1} 个多边形的` : '';
    if (!Array.isArray(rings) || rings.length === 0) return fail(`${label}坐标不是环的数组。`);
    const kept: XY[][] = [];
    for (let ri = 0; ri < rings.length; ri++) {
      const ring = rings[ri] as unknown;
      const ringLabel = `${label}${ri === 0 ? '外环' : `第 ${ri} 个内环`}`;
      if (!Array.isArray(ring) || !ring.every((p) => Array.isArray(p) && p.length >= 2 && isNum(p[0]) && isNum(p[1]))) {
        return fail(`${ringLabel}含有不是 [经度, 纬度] 数字对的坐标。`);
      }
      const pts = (ring as number[][]).map((p): XY => [p[0], p[1]]);
      for (const [lng, lat] of pts) {
        if (lat < -90 || lat > 90) {
          const swapped = Math.abs(lng) <= 90 && Math.abs(lat) <= 180;
          return fail(`${ringLabel}：纬度 ${lat} 超出 -90..90${swapped ? '：经纬度可能写反了（应为 [经度, 纬度]）' : ''}。`);
        }
        if (lng < -180 || lng > 180) return fail(`${ringLabel}：经度 ${lng} 超出 -180..180。`);
      }
      const first = pts[0];
      const last = pts[pts.length - 1];
      if (first && (first[0] !== last[0] || first[1] !== last[1])) pts.push([first[0], first[1]]); // a drawing may leave the ring open
      const { ring: clean } = removeRepeats(pts);
      if (isDegenerate(clean)) {
        if (ri === 0) return fail(`${ringLabel}少于 3 个不同的点或面积为 0，不能围成区域。`);
        continue; // a degenerate hole bounds nothing: dropped
      }
      kept.push(clean);
    }
    const fault = findRingFault(kept);
    if (fault) {
      const how = fault.kind === 'crossing' ? '两条边交叉' : '两条边重叠（边界沿自身折返）';
      return fail(`${label}边界自相交：${how}，约在 [${fault.at[0].toFixed(6)}, ${fault.at[1].toFixed(6)}]。请调整顶点使边界不交叉。`);
    }
    out.push(kept.map((r, i) => oriented(r, i === 0)));
  }
  const geometry: Area = out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
  return { geometry, problem: null };
}

/** Metres per degree of longitude and latitude near a latitude (local equirectangular: fine over a street). */
function metresPerDegree(lat: number): [number, number] {
  return [111_320 * Math.cos(lat * rad), 110_540];
}

/** The nearest point to p on segment a-b, and its distance in metres. */
function nearestOnSegment(p: XY, a: XY, b: XY, mx: number, my: number): { at: XY; metres: number } {
  const ax = (a[0] - p[0]) * mx;
  const ay = (a[1] - p[1]) * my;
  const bx = (b[0] - p[0]) * mx;
  const by = (b[1] - p[1]) * my;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : -(ax * dx + ay * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  // The ends exactly, so a snapped corner meets the neighbour's corner bit for bit.
  const at: XY = t === 0 ? a : t === 1 ? b : [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  const ex = ax + t * dx;
  const ey = ay + t * dy;
  return { at, metres: Math.sqrt(ex * ex + ey * ey) };
}

/**
 * Moves each corner of a picked outline that lies within `metres` of another picked outline onto it (onto its
 * nearest corner when that is within reach, else onto its nearest edge), so hand-drawn neighbours that almost touch
 * meet. A flatbush index over all edges finds the nearby ones.
 */
export function snapOutlines(outlines: readonly Area[], metres: number): Area[] {
  const edges: { owner: number; a: XY; b: XY }[] = [];
  outlines.forEach((g, owner) => {
    for (const poly of polygonsOf(g)) for (const ring of poly) for (let i = 0; i < ring.length - 1; i++) edges.push({ owner, a: ring[i] as XY, b: ring[i + 1] as XY });
  });
  if (edges.length === 0 || metres <= 0) return [...outlines];
  const lat0 = (edges[0].a[1] + edges[edges.length - 1].b[1]) / 2;
  const [mx, my] = metresPerDegree(lat0);
  const padX = metres / mx;
  const padY = metres / my;
  const index = new Flatbush(edges.length);
  for (const e of edges) index.add(Math.min(e.a[0], e.b[0]), Math.min(e.a[1], e.b[1]), Math.max(e.a[0], e.b[0]), Math.max(e.a[1], e.b[1]));
  index.finish();

  const snapPoint = (p: XY, owner: number): XY => {
    // A corner of a neighbour within reach wins (corners then meet exactly); else the nearest point on its edges.
    let corner: { at: XY; metres: number } | null = null;
    let edge: { at: XY; metres: number } | null = null;
    for (const i of index.search(p[0] - padX, p[1] - padY, p[0] + padX, p[1] + padY)) {
      const e = edges[i];
      if (e.owner === owner) continue;
      for (const c of [e.a, e.b]) {
        const m = Math.hypot((c[0] - p[0]) * mx, (c[1] - p[1]) * my);
        if (m <= metres && (!corner || m < corner.metres)) corner = { at: c, metres: m };
      }
      const hit = nearestOnSegment(p, e.a, e.b, mx, my);
      if (hit.metres <= metres && (!edge || hit.metres < edge.metres)) edge = hit;
    }
    return (corner ?? edge)?.at ?? p;
  };

  return outlines.map((g, owner) => {
    const snapRing = (ring: Position[]) => {
      const r = ring.map((p) => snapPoint(p as XY, owner));
      r[r.length - 1] = r[0];
      return removeRepeats(r).ring;
    };
    const polys = polygonsOf(g).map((poly) => poly.map(snapRing).filter((r, i) => i === 0 || !isDegenerate(r)));
    return g.type === 'Polygon' ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
  });
}

/** Drops holes smaller than `minHoleM2` (slivers between neighbours); and parts that small when larger parts remain. */
export function dropSlivers(mp: PcMultiPolygon, minHoleM2: number): { result: PcMultiPolygon; holesDropped: number; partsDropped: number } {
  let holesDropped = 0;
  let parts = mp.map((poly) => {
    const kept: PcPolygon = [poly[0]];
    for (let i = 1; i < poly.length; i++) {
      if (ringArea(poly[i]) < minHoleM2) holesDropped++;
      else kept.push(poly[i]);
    }
    return kept;
  });
  const big = parts.filter((p) => polygonArea(p) >= minHoleM2);
  const partsDropped = big.length > 0 ? parts.length - big.length : 0;
  if (big.length > 0) parts = big;
  return { result: parts, holesDropped, partsDropped };
}

export interface UnionResult {
  geometry: Area;
  holesDropped: number;
  partsDropped: number;
  /** Separate pieces left (the picked compounds do not all touch). */
  parts: number;
}

/**
 * The union of picked compound outlines (polygon-clipping), cleaned of slivers: corners within `snapMetres` of a
 * neighbour are snapped onto it first (closing near-touching gaps), then holes below `minHoleM2` are dropped.
 */
export function unionOutlines(outlines: readonly Area[], snapMetres: number, minHoleM2: number): UnionResult | null {
  if (outlines.length === 0) return null;
  // The originals join the snapped copies, so every picked compound stays wholly inside its union (a corner
  // snapped inward would otherwise leave a sliver of its own compound outside and flag it as split).
  const snapped = snapMetres > 0 ? snapOutlines(outlines, snapMetres) : [];
  const [first, ...rest] = [...outlines, ...snapped].map(toPc);
  const merged = polygonClipping.union(first, ...rest);
  const { result, holesDropped, partsDropped } = dropSlivers(merged, minHoleM2);
  const geometry = fromPc(result);
  return geometry ? { geometry, holesDropped, partsDropped, parts: result.length } : null;
}

/** [minX, minY, maxX, maxY] of a shape. */
export function bboxOf(g: Area): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygonsOf(g)) {
    for (const [x, y] of poly[0]) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** A checked drawing as stored: a MultiPolygon's parts are unioned (overlapping parts would be counted twice). */
export function normalizeArea(g: Area): Area {
  if (g.type === 'Polygon') return g;
  const [first, ...rest] = g.coordinates as PcPolygon[];
  return fromPc(polygonClipping.union(first, ...rest)) ?? g;
}
