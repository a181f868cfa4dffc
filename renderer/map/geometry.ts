import type { Geometry, Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { bbox, type Box } from '../../shared/domain/spatial';

/**
 * Geometry only the map needs: where to write an outline's name, how wide a label is, the box that fits every outline.
 * Boxes of outlines (areaBox) and point-in-polygon tests come from shared/domain/spatial.ts and turf.
 */

/** The outer rings of a Polygon or MultiPolygon; nothing for other geometries. */
function outerRings(g: Geometry | null | undefined): Position[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates.length ? [g.coordinates[0]] : [];
  if (g.type === 'MultiPolygon') return g.coordinates.filter((p) => p.length).map((p) => p[0]);
  return [];
}

export function unionBox(boxes: (Box | null)[]): Box | null {
  let out: Box | null = null;
  for (const b of boxes) {
    if (!b) continue;
    out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [...b];
  }
  return out;
}

function ringArea(ring: Position[]): number {
  if (!ring.length) return 0;
  const [x0, y0] = ring[0];
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j][0] - x0) * (ring[i][1] - y0) - (ring[i][0] - x0) * (ring[j][1] - y0);
  }
  return a / 2;
}

/**
 * Where to write an outline's name: the centroid of its largest ring when that lies inside the ring,
 * otherwise the middle of the widest inside stretch of the horizontal line through the centroid
 * (an L- or U-shaped compound keeps its label on its own ground).
 */
export function labelPoint(g: Geometry | null | undefined): Position | null {
  const rings = outerRings(g).filter((r) => r.length >= 3);
  if (!rings.length) return null;
  const ring = rings.reduce((best, r) => (Math.abs(ringArea(r)) > Math.abs(ringArea(best)) ? r : best));
  const area = ringArea(ring);
  let cx = 0;
  let cy = 0;
  if (area === 0) {
    const b = bbox({ type: 'Polygon', coordinates: [ring] });
    return [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  }
  // Relative to the first vertex: products of raw longitudes lose digits to cancellation.
  const [x0, y0] = ring[0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0] - x0;
    const yi = ring[i][1] - y0;
    const xj = ring[j][0] - x0;
    const yj = ring[j][1] - y0;
    const f = xj * yi - xi * yj;
    cx += (xj + xi) * f;
    cy += (yj + yi) * f;
  }
  const centroid: Position = [x0 + cx / (6 * area), y0 + cy / (6 * area)];
  if (booleanPointInPolygon(centroid, { type: 'Polygon', coordinates: [ring] })) return centroid;
  return widestStretch(ring, centroid[1]) ?? centroid;
}

function widestStretch(ring: Position[], y: number): Position | null {
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  xs.sort((a, b) => a - b);
  let best: Position | null = null;
  let width = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1] - xs[k] > width) {
      width = xs[k + 1] - xs[k];
      best = [(xs[k] + xs[k + 1]) / 2, y];
    }
  }
  return best;
}

/** Rough on-screen width in pixels of a label: CJK characters are square, Latin ones about half as wide. */
export function labelWidth(text: string, fontPx: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontPx : fontPx * 0.6;
  return w;
}
