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
