import Flatbush from 'flatbush';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** A bounding box in WGS-84 degrees. */
export type Box = [west: number, south: number, east: number, north: number];

export interface IndexedArea<T> {
  key: T;
  geometry: Polygon | MultiPolygon;
}

/**
 * Which area holds a point: a flatbush index over the areas' bounding boxes gives candidates,
 * turf's exact point-in-polygon decides (STYLE.md section 4). Pure: no I/O.
 */
export class AreaIndex<T> {
  private readonly areas: IndexedArea<T>[];
  private readonly index: Flatbush | null;

  constructor(areas: IndexedArea<T>[]) {
    this.areas = areas;
    if (areas.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(areas.length);
    for (const a of areas) {
      const [minX, minY, maxX, maxY] = bbox(a.geometry);
      this.index.add(minX, minY, maxX, maxY);
    }
    this.index.finish();
  }

  /** The first area containing the point, or null. */
  locate(lng: number, lat: number): T | null {
    if (!this.index) return null;
    const candidates = this.index.search(lng, lat, lng, lat);
    for (const i of candidates) {
      if (booleanPointInPolygon([lng, lat], this.areas[i].geometry)) return this.areas[i].key;
    }
    return null;
  }

  /** Every area whose bounding box meets the given box: candidates for an exact test. */
  candidates(minX: number, minY: number, maxX: number, maxY: number): T[] {
    if (!this.index) return [];
    return this.index.search(minX, minY, maxX, maxY).map((i) => this.areas[i].key);
  }
}

export function bbox(g: Polygon | MultiPolygon): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const rings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** The box of an outline (Polygon or MultiPolygon); null for no geometry, another type, or an outline without points. */
export function areaBox(g: Geometry | null | undefined): Box | null {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  const b = bbox(g);
  return b[0] <= b[2] && b[1] <= b[3] ? b : null;
}

/** Mean Earth radius (m), as turf uses it. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance between two [lng, lat] points in metres (haversine). */
export function distanceM(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A box grown by `meters` on every side. Used for index candidates only (the exact test follows), so it errs on the
 * large side: the longitude margin is taken at the box's edge farthest from the equator.
 */
export function growBox([minX, minY, maxX, maxY]: Box, meters: number): Box {
  const dLat = meters / (EARTH_RADIUS_M * RAD);
  const lat = Math.min(89, Math.max(Math.abs(minY), Math.abs(maxY)) + dLat);
  const dLng = dLat / Math.cos(lat * RAD);
  return [minX - dLng, minY - dLat, maxX + dLng, maxY + dLat];
}

/**
 * Metres from a point to an area: 0 inside (turf's exact test; a point in a hole is outside), otherwise to the
 * nearest edge. Edges are measured in a plane tangent at the point, which is exact to well under a metre over the
 * few kilometres of a street (the distances asked here are a few hundred metres).
 */
export function distanceToAreaM(p: Position, g: Polygon | MultiPolygon): number {
  if (booleanPointInPolygon(p, g)) return 0;
  const kx = Math.cos(p[1] * RAD) * EARTH_RADIUS_M * RAD;
  const ky = EARTH_RADIUS_M * RAD;
  const rings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1][0] - p[0]) * kx;
      const ay = (ring[i - 1][1] - p[1]) * ky;
      const bx = (ring[i][0] - p[0]) * kx;
      const by = (ring[i][1] - p[1]) * ky;
      best = Math.min(best, segmentDistanceFromOrigin(ax, ay, bx, by));
    }
  }
  return best;
}

/** Distance from (0, 0) to the segment a-b in the plane. */
function segmentDistanceFromOrigin(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

export interface IndexedPoint<T> {
  key: T;
  lng: number;
  lat: number;
}

/**
 * Points (key venues) in a flatbush index: a box search gives candidates, an exact distance decides
 * (STYLE.md section 4: never a loop over every point of a large set).
 */
export class PointIndex<T> {
  private readonly points: IndexedPoint<T>[];
  private readonly index: Flatbush | null;

  constructor(points: IndexedPoint<T>[]) {
    this.points = points;
    if (points.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(points.length);
    for (const p of points) this.index.add(p.lng, p.lat, p.lng, p.lat);
    this.index.finish();
  }

  /** Every point within `meters` of the area (inside it: distance 0), nearest first. */
  nearArea(g: Polygon | MultiPolygon, meters: number): { point: IndexedPoint<T>; distanceM: number }[] {
    return this.near(growBox(bbox(g), meters), meters, (p) => distanceToAreaM(p, g));
  }

  /** Every point within `meters` of a point, nearest first. */
  nearPoint(at: Position, meters: number): { point: IndexedPoint<T>; distanceM: number }[] {
    return this.near(growBox([at[0], at[1], at[0], at[1]], meters), meters, (p) => distanceM(at, p));
  }

  private near(box: Box, meters: number, measure: (p: Position) => number) {
    if (!this.index) return [];
    const out: { point: IndexedPoint<T>; distanceM: number }[] = [];
    for (const i of this.index.search(...box)) {
      const point = this.points[i];
      const d = measure([point.lng, point.lat]);
      if (d <= meters) out.push({ point, distanceM: d });
    }
    return out.sort((a, b) => a.distanceM - b.distanceM);
  }
}
