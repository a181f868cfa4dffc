import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import type { Area } from './risk-geometry';

/**
 * A coarse grid over a shape's bounding box that answers most point-in-shape questions without the exact test:
 * cells that no edge of the shape touches lie wholly inside or wholly outside (decided once per connected group of
 * such cells with turf's exact test); only points in cells an edge touches need turf's test themselves. Used after
 * a flatbush search has given the candidates, so the exact test runs on a few per cent of them. Pure.
 */

export const OUTSIDE = 0;
export const INSIDE = 1;
export const BOUNDARY = 2;

const ringsOf = (g: Area): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

export class AreaRaster {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cw: number;
  private readonly ch: number;
  private readonly cells: Uint8Array;

  constructor(
    private readonly g: Area,
    cellsAlongLongerSide = 128,
  ) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const r of ringsOf(g)) {
      for (const [x, y] of r) {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      }
    }
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    const w = Math.max(maxX - minX, 1e-12);
    const h = Math.max(maxY - minY, 1e-12);
    const n = cellsAlongLongerSide;
    this.cols = w >= h ? n : Math.max(1, Math.round((n * w) / h));
    this.rows = h >= w ? n : Math.max(1, Math.round((n * h) / w));
    this.cw = w / this.cols;
    this.ch = h / this.rows;
    this.cells = new Uint8Array(this.cols * this.rows);
    this.markEdges();
    this.fillRegions();
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.cw)));
  }
  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.ch)));
  }

  /** Marks every cell an edge passes through or touches (with a margin, so an edge on a cell border marks both sides). */
  private markEdges(): void {
    const ex = this.cw * 1e-6;
    const ey = this.ch * 1e-6;
    for (const ring of ringsOf(this.g)) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[i + 1];
        const c0 = this.col(Math.min(ax, bx) - ex);
        const c1 = this.col(Math.max(ax, bx) + ex);
        for (let c = c0; c <= c1; c++) {
          // The part of the segment within this column, by its x range.
          const x0 = Math.max(Math.min(ax, bx), this.minX + c * this.cw);
          const x1 = Math.min(Math.max(ax, bx), this.minX + (c + 1) * this.cw);
          let y0: number;
          let y1: number;
          if (ax === bx) {
            y0 = Math.min(ay, by);
            y1 = Math.max(ay, by);
          } else {
            const ya = ay + ((x0 - ax) * (by - ay)) / (bx - ax);
            const yb = ay + ((x1 - ax) * (by - ay)) / (bx - ax);
            y0 = Math.min(ya, yb);
            y1 = Math.max(ya, yb);
          }
          const r0 = this.row(y0 - ey);
          const r1 = this.row(y1 + ey);
          for (let r = r0; r <= r1; r++) this.cells[r * this.cols + c] = BOUNDARY;
        }
      }
    }
  }

  /** Groups the untouched cells (4-neighbours) and decides each group with one exact test at a cell centre. */
  private fillRegions(): void {
    const UNSET = 255;
    for (let i = 0; i < this.cells.length; i++) if (this.cells[i] !== BOUNDARY) this.cells[i] = UNSET;
    const stack: number[] = [];
    for (let start = 0; start < this.cells.length; start++) {
      if (this.cells[start] !== UNSET) continue;
      const c = start % this.cols;
      const r = (start - c) / this.cols;
      const inside = booleanPointInPolygon([this.minX + (c + 0.5) * this.cw, this.minY + (r + 0.5) * this.ch], this.g);
      const label = inside ? INSIDE : OUTSIDE;
      this.cells[start] = label;
      stack.push(start);
      while (stack.length) {
        const k = stack.pop()!;
        const kc = k % this.cols;
        const neighbours = [kc > 0 ? k - 1 : -1, kc < this.cols - 1 ? k + 1 : -1, k - this.cols, k + this.cols];
        for (const m of neighbours) {
          if (m >= 0 && m < this.cells.length && this.cells[m] === UNSET) {
            this.cells[m] = label;
            stack.push(m);
          }
        }
      }
    }
  }

  /** OUTSIDE or INSIDE for sure, or BOUNDARY: ask the exact test. */
  classify(x: number, y: number): number {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return OUTSIDE;
    // Inlined col()/row(): this runs once per candidate point.
    let c = ((x - this.minX) / this.cw) | 0;
    let r = ((y - this.minY) / this.ch) | 0;
    if (c >= this.cols) c = this.cols - 1;
    if (r >= this.rows) r = this.rows - 1;
    return this.cells[r * this.cols + c];
  }

  /** Exact answer: the grid where it is sure, turf's point-in-polygon where an edge is near. */
  contains(x: number, y: number): boolean {
    const k = this.classify(x, y);
    return k === BOUNDARY ? booleanPointInPolygon([x, y], this.g) : k === INSIDE;
  }
}

/** The edges of a shape in a flatbush index, to ask "does any edge pass through this box?". */
export class EdgeIndex {
  private readonly index: Flatbush | null;
  private readonly seg: Float64Array;
  constructor(g: Area) {
    const segs: number[] = [];
    for (const r of ringsOf(g)) for (let i = 0; i < r.length - 1; i++) segs.push(r[i][0], r[i][1], r[i + 1][0], r[i + 1][1]);
    this.seg = Float64Array.from(segs);
    if (segs.length === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(segs.length / 4, 16, Float64Array);
    for (let i = 0; i < segs.length; i += 4) this.index.add(Math.min(segs[i], segs[i + 2]), Math.min(segs[i + 1], segs[i + 3]), Math.max(segs[i], segs[i + 2]), Math.max(segs[i + 1], segs[i + 3]));
    this.index.finish();
  }

  /** Whether any edge crosses the segment a-b properly (each strictly on both sides of the other; touching is not). */
  crosses(ax: number, ay: number, bx: number, by: number): boolean {
    if (!this.index) return false;
    const s = this.seg;
    const hits = this.index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (i) =>
      properlyCross(ax, ay, bx, by, s[4 * i], s[4 * i + 1], s[4 * i + 2], s[4 * i + 3]),
    );
    return hits.length > 0;
  }

  /** Whether any edge passes through (or touches) the box; if none does, the box is wholly inside or wholly outside. */
  meets(minX: number, minY: number, maxX: number, maxY: number): boolean {
    if (!this.index) return false;
    const s = this.seg;
    const hits = this.index.search(minX, minY, maxX, maxY, (i) => segmentMeetsBox(s[4 * i], s[4 * i + 1], s[4 * i + 2], s[4 * i + 3], minX, minY, maxX, maxY));
    return hits.length > 0;
  }
}

/** Liang–Barsky: does the segment a-b meet the closed box? (A long diagonal edge's own box says little.) */
function segmentMeetsBox(ax: number, ay: number, bx: number, by: number, minX: number, minY: number, maxX: number, maxY: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return clip(-dx, ax - minX) && clip(dx, maxX - ax) && clip(-dy, ay - minY) && clip(dy, maxY - ay);
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

function properlyCross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/**
 * Whether polygon `inner` lies wholly inside the shape of `raster` / `edges` (touching its boundary allowed), without
 * clipping: every corner and edge midpoint of `inner` is inside or on the shape, no edge of the shape crosses an edge
 * of `inner`, and no corner of the shape lies strictly inside `inner` (which a hole or a notch of the shape would
 * have). The common case of a compound picked into its own area, answered without polygon-clipping.
 */
export function containsPolygon(raster: AreaRaster, edges: EdgeIndex, shapeCorners: readonly Position[], inner: Area): boolean {
  const rings = ringsOf(inner);
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      if (!raster.contains(ax, ay) || !raster.contains((ax + bx) / 2, (ay + by) / 2)) return false;
      if (edges.crosses(ax, ay, bx, by)) return false;
    }
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  for (const c of shapeCorners) {
    if (c[0] <= minX || c[0] >= maxX || c[1] <= minY || c[1] >= maxY) continue;
    if (booleanPointInPolygon(c, inner, { ignoreBoundary: true })) return false;
  }
  return true;
}
