import Flatbush from 'flatbush';

/**
 * Validity of polygon rings for imported boundaries, in O(n log n): a flatbush index over the segments gives the
 * pairs whose boxes meet, and only those are compared (the old check compared every pair: 35 s for 64,000 points).
 *
 * What is refused: two edges that really cross, and two edges that run along each other (overlap). What is
 * accepted: rings that touch at a single point (a ring touching itself at a vertex, a hole touching its outer ring),
 * as long as they do not pass through each other there. Consecutive repeated points are not faults: remove them
 * first (removeRepeats). Pure: no I/O.
 */

/** A position reduced to longitude and latitude. */
export type XY = [number, number];

export interface RingFault {
  kind: 'crossing' | 'overlap';
  /** Where: the crossing point, or where the overlapping stretch starts. */
  at: XY;
}

/** Removes consecutive repeated positions of a closed ring (it stays closed); answers how many were removed. */
export function removeRepeats(ring: readonly XY[]): { ring: XY[]; removed: number } {
  const out: XY[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return { ring: out, removed: ring.length - out.length };
}

/** Twice the signed area of a closed ring (positive when counter-clockwise), relative to its first point for precision. */
export function doubleSignedArea(ring: readonly XY[]): number {
  if (ring.length < 4) return 0;
  const [ox, oy] = ring[0];
  let sum = 0;
  for (let i = 1; i < ring.length - 2; i++) {
    sum += (ring[i][0] - ox) * (ring[i + 1][1] - oy) - (ring[i + 1][0] - ox) * (ring[i][1] - oy);
  }
  return sum;
}

/**
 * A closed ring (free of repeats) with fewer than four positions (three corners), or whose corners all lie on one
 * line, cannot bound anything. (A zero signed area alone is not enough: a symmetric bow tie has one.)
 */
export function isDegenerate(ring: readonly XY[]): boolean {
  if (ring.length < 4) return true;
  const [a, b] = ring;
  for (let i = 2; i < ring.length - 1; i++) if (orient(a, b, ring[i]) !== 0) return false;
  return true;
}

/** The ring in the given orientation (RFC 7946: outer rings counter-clockwise, holes clockwise). */
export function oriented(ring: XY[], counterClockwise: boolean): XY[] {
  return doubleSignedArea(ring) > 0 === counterClockwise ? ring : ring.slice().reverse();
}

const orient = (a: XY, b: XY, c: XY) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const opposite = (d1: number, d2: number) => (d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0);
const within = (a: XY, b: XY, p: XY) =>
  p[0] >= Math.min(a[0], b[0]) && p[0] <= Math.max(a[0], b[0]) && p[1] >= Math.min(a[1], b[1]) && p[1] <= Math.max(a[1], b[1]);
const same = (a: XY, b: XY) => a[0] === b[0] && a[1] === b[1];

/**
 * The first crossing or overlap between the edges of one polygon's rings (outer ring and holes together), or null.
 * Each ring must be closed, free of consecutive repeats and not degenerate.
 */
export function findRingFault(rings: readonly XY[][]): RingFault | null {
  const start: number[] = [];
  let n = 0;
  for (const r of rings) {
    start.push(n);
    n += r.length - 1;
  }
  if (n === 0) return null;
  const segRing = new Int32Array(n);
  const segAt = new Int32Array(n);
  const index = new Flatbush(n);
  rings.forEach((r, ri) => {
    for (let s = 0; s < r.length - 1; s++) {
      const [ax, ay] = r[s];
      const [bx, by] = r[s + 1];
      segRing[start[ri] + s] = ri;
      segAt[start[ri] + s] = s;
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
  });
  index.finish();

  const touches = new Touches(rings, start);
  for (let g = 0; g < n; g++) {
    const ri = segRing[g];
    const ring = rings[ri];
    const m = ring.length - 1;
    const s = segAt[g];
    const p1 = ring[s];
    const p2 = ring[s + 1];
    const later = (h: number) => h > g;
    for (const h of index.search(Math.min(p1[0], p2[0]), Math.min(p1[1], p2[1]), Math.max(p1[0], p2[0]), Math.max(p1[1], p2[1]), later)) {
      const t = segAt[h];
      // Neighbours in the same ring share a corner by construction.
      if (segRing[h] === ri && (t - s === 1 || (s === 0 && t === m - 1))) continue;
      const other = rings[segRing[h]];
      const fault = compareSegments(p1, p2, other[t], other[t + 1], (at) => touches.add(at, g, h));
      if (fault) return fault;
    }
  }
  return touches.fault();
}

/** Two segments: a crossing or overlap, or null (a single shared point is reported through `touch`). */
function compareSegments(p1: XY, p2: XY, q1: XY, q2: XY, touch: (at: XY) => void): RingFault | null {
  const d1 = orient(q1, q2, p1);
  const d2 = orient(q1, q2, p2);
  const d3 = orient(p1, p2, q1);
  const d4 = orient(p1, p2, q2);
  if (opposite(d1, d2) && opposite(d3, d4)) {
    const t = ((q1[0] - p1[0]) * (q2[1] - q1[1]) - (q1[1] - p1[1]) * (q2[0] - q1[0])) / ((p2[0] - p1[0]) * (q2[1] - q1[1]) - (p2[1] - p1[1]) * (q2[0] - q1[0]));
    return { kind: 'crossing', at: [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])] };
  }
  if (d1 === 0 && d2 === 0) {
    // On one line: compare the stretches along the axis where q1..q2 is longest.
    const axis = Math.abs(q2[0] - q1[0]) >= Math.abs(q2[1] - q1[1]) ? 0 : 1;
    const lo = Math.max(Math.min(p1[axis], p2[axis]), Math.min(q1[axis], q2[axis]));
    const hi = Math.min(Math.max(p1[axis], p2[axis]), Math.max(q1[axis], q2[axis]));
    if (hi < lo) return null;
    const at = [p1, p2, q1, q2].find((p) => p[axis] === lo) as XY;
    if (hi > lo) return { kind: 'overlap', at };
    touch(at);
    return null;
  }
  if (d1 === 0 && within(q1, q2, p1)) touch(p1);
  if (d2 === 0 && within(q1, q2, p2)) touch(p2);
  if (d3 === 0 && within(p1, p2, q1)) touch(q1);
  if (d4 === 0 && within(p1, p2, q2)) touch(q2);
  return null;
}

/**
 * Points where two passes of the boundary meet. A pass is the boundary going through the point: at a corner
 * (from the previous to the next corner) or through the middle of an edge. Two passes that only touch leave each
 * other's directions on one side; two that cross each other there put one direction on each side.
 */
class Touches {
  /** "lng,lat" -> pass ids: 2 * segment for the corner where that segment starts, 2 * segment + 1 for its middle. */
  private readonly at = new Map<string, { point: XY; passes: Set<number> }>();

  constructor(
    private readonly rings: readonly XY[][],
    private readonly start: readonly number[],
  ) {}

  add(point: XY, g: number, h: number): void {
    const key = `${point[0]},${point[1]}`;
    let hit = this.at.get(key);
    if (!hit) {
      hit = { point, passes: new Set() };
      this.at.set(key, hit);
    }
    hit.passes.add(this.passOf(point, g));
    hit.passes.add(this.passOf(point, h));
  }

  fault(): RingFault | null {
    for (const { point, passes } of this.at.values()) {
      const list = [...passes].map((id) => this.directions(id, point));
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const kind = meeting(list[i], list[j]);
          if (kind !== 'touch') return { kind, at: point };
        }
      }
    }
    return null;
  }

  private locate(segment: number): { ring: XY[]; s: number } {
    // The last ring starting at or before the segment (binary search: a polygon may have many holes).
    let lo = 0;
    let hi = this.start.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start[mid] <= segment) lo = mid;
      else hi = mid - 1;
    }
    const ri = lo;
    return { ring: this.rings[ri], s: segment - this.start[ri] };
  }

  private passOf(point: XY, segment: number): number {
    const { ring, s } = this.locate(segment);
    if (same(point, ring[s])) return 2 * segment;
    if (same(point, ring[s + 1])) return 2 * (s + 1 === ring.length - 1 ? segment - s : segment + 1);
    return 2 * segment + 1;
  }

  /** The pass's two directions away from the point. */
  private directions(id: number, p: XY): [XY, XY] {
    const { ring, s } = this.locate(id >> 1);
    const m = ring.length - 1;
    const [a, b] = id % 2 === 1 ? [ring[s], ring[s + 1]] : [ring[s === 0 ? m - 1 : s - 1], ring[s + 1]];
    return [
      [a[0] - p[0], a[1] - p[1]],
      [b[0] - p[0], b[1] - p[1]],
    ];
  }
}

const cross = (u: XY, w: XY) => u[0] * w[1] - u[1] * w[0];
const dot = (u: XY, w: XY) => u[0] * w[0] + u[1] * w[1];
/** Counter-clockwise angle from u to w, in [0, 2π). */
function turn(u: XY, w: XY): number {
  const a = Math.atan2(cross(u, w), dot(u, w));
  return a < 0 ? a + 2 * Math.PI : a;
}

/** How two passes through one point meet: leaving together along an edge, crossing, or only touching. */
function meeting([u1, u2]: [XY, XY], [w1, w2]: [XY, XY]): 'overlap' | 'crossing' | 'touch' {
  for (const u of [u1, u2]) for (const w of [w1, w2]) if (cross(u, w) === 0 && dot(u, w) > 0) return 'overlap';
  const sector = turn(u1, u2);
  const inside = (w: XY) => turn(u1, w) < sector;
  return inside(w1) !== inside(w2) ? 'crossing' : 'touch';
}
