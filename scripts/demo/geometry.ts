import type { Rng } from './random';

/**
 * The demo street's shapes, built in local metres (x east, y north) around the origin and converted to
 * WGS-84 at the end. Communities tile a jittered 4 x 2 lattice: every shared edge is one polyline used by
 * both neighbours, so the tiling has no gaps or overlaps. Compounds sit in blocks cut from each community's
 * bilinear (u, v) square, inset from its edges, so they are inside their community and apart from each other.
 */
export type XY = [number, number];

export const ORIGIN = { lng: 106.5, lat: 29.53 };
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG = 111_320 * Math.cos((ORIGIN.lat * Math.PI) / 180);

export const COLS = 4;
export const ROWS = 2;
const CELL_W = 1000;
const CELL_H = 1500;
/** Blocks keep this far (in u, v) from the community edge, well beyond the edge jitter. */
const MARGIN = 0.07;
const ROAD = 0.028;

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
export const toLngLat = ([x, y]: XY): [number, number] => [round6(ORIGIN.lng + x / M_PER_DEG_LNG), round6(ORIGIN.lat + y / M_PER_DEG_LAT)];
export const ringToLngLat = (ring: XY[]) => ring.map(toLngLat);

export interface CommunityCell {
  col: number;
  row: number;
  /** Closed, counter-clockwise. */
  ring: XY[];
  /** Lattice corners A (south-west), B (south-east), C (north-east), D (north-west). */
  corners: [XY, XY, XY, XY];
}

export interface StreetLayout {
  outline: XY[];
  cells: CommunityCell[];
}

export function layoutStreet(rng: Rng): StreetLayout {
  const V: XY[][] = [];
  for (let i = 0; i <= COLS; i++) {
    V.push([]);
    for (let j = 0; j <= ROWS; j++) {
      const x = (i - COLS / 2) * CELL_W;
      const y = (j - ROWS / 2) * CELL_H;
      const edgeX = i === 0 || i === COLS;
      const edgeY = j === 0 || j === ROWS;
      const jx = edgeX && edgeY ? 80 : edgeX ? 60 : 230;
      const jy = edgeX && edgeY ? 80 : edgeY ? 60 : 260;
      V[i].push([x + rng.range(-jx, jx), y + rng.range(-jy, jy)]);
    }
  }
  const centre: XY = [0, 0];
  // H[i][j]: V[i][j] -> V[i+1][j]; U[i][j]: V[i][j] -> V[i][j+1].
  const H: XY[][][] = [];
  const U: XY[][][] = [];
  for (let i = 0; i < COLS; i++) {
    H.push([]);
    for (let j = 0; j <= ROWS; j++) H[i].push(edge(rng, V[i][j], V[i + 1][j], j === 0 || j === ROWS, centre));
  }
  for (let i = 0; i <= COLS; i++) {
    U.push([]);
    for (let j = 0; j < ROWS; j++) U[i].push(edge(rng, V[i][j], V[i][j + 1], i === 0 || i === COLS, centre));
  }
  const cells: CommunityCell[] = [];
  for (let j = 0; j < ROWS; j++) {
    for (let i = 0; i < COLS; i++) {
      const ring = join([H[i][j], U[i + 1][j], rev(H[i][j + 1]), rev(U[i][j])]);
      cells.push({ col: i, row: j, ring, corners: [V[i][j], V[i + 1][j], V[i + 1][j + 1], V[i][j + 1]] });
    }
  }
  const outline = join([
    ...H.map((col) => col[0]),
    ...U[COLS],
    ...H.map((col) => rev(col[ROWS])).reverse(),
    ...U[0].map(rev).reverse(),
  ]);
  return { outline, cells };
}

/** A polyline from a to b. Inner edges wobble a little either way; outer edges bulge outward, irregularly. */
function edge(rng: Rng, a: XY, b: XY, outer: boolean, centre: XY): XY[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  let n: XY = [-dy / len, dx / len];
  const mid: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  if (outer && n[0] * (mid[0] - centre[0]) + n[1] * (mid[1] - centre[1]) < 0) n = [-n[0], -n[1]];
  const k = outer ? 9 : rng.int(3, 5);
  const p1 = rng.range(0, 2 * Math.PI);
  const p2 = rng.range(0, 2 * Math.PI);
  const pts: XY[] = [a];
  for (let s = 1; s <= k; s++) {
    const t = s / (k + 1) + rng.range(-0.25, 0.25) / (k + 1);
    const envelope = Math.sin(Math.PI * t);
    const off = outer
      ? (30 + 55 * (2 + Math.sin(2 * Math.PI * t + p1) + Math.sin(5 * Math.PI * t + p2)) / 2) * envelope
      : rng.range(-32, 32) * envelope;
    pts.push([a[0] + dx * t + n[0] * off, a[1] + dy * t + n[1] * off]);
  }
  pts.push(b);
  return pts;
}

const rev = (p: XY[]) => [...p].reverse();

/** Joins polylines end to start into a closed ring. */
function join(parts: XY[][]): XY[] {
  const ring: XY[] = [];
  for (const p of parts) ring.push(...(ring.length ? p.slice(1) : p));
  return ring;
}

export function bilinear(c: [XY, XY, XY, XY], u: number, v: number): XY {
  const [A, B, C, D] = c;
  const w = [(1 - u) * (1 - v), u * (1 - v), u * v, (1 - u) * v];
  return [w[0] * A[0] + w[1] * B[0] + w[2] * C[0] + w[3] * D[0], w[0] * A[1] + w[1] * B[1] + w[2] * C[1] + w[3] * D[1]];
}

export interface Block {
  row: number;
  col: number;
  /** u0, u1, v0, v1 */
  uv: [number, number, number, number];
  /** Counter-clockwise corners. */
  quad: XY[];
}

export interface CellPlan {
  blocks: Block[];
  /** Road centre lines between blocks, in (u, v): vertical lines at u, horizontal at v. */
  roadsU: number[];
  roadsV: number[];
}

/** Cuts a community into blocks of irregular widths with roads between them. */
export function planBlocks(rng: Rng, cell: CommunityCell, cols: number, rows: number): CellPlan {
  const cuts = (n: number) => {
    const w = Array.from({ length: n }, () => rng.range(0.75, 1.3));
    const total = w.reduce((s, x) => s + x, 0);
    const span = 1 - 2 * MARGIN - ROAD * (n - 1);
    const out: [number, number][] = [];
    let at = MARGIN;
    for (const x of w) {
      const size = (span * x) / total;
      out.push([at, at + size]);
      at += size + ROAD;
    }
    return out;
  };
  const us = cuts(cols);
  const vs = cuts(rows);
  const blocks: Block[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [u0, u1] = us[c];
      const [v0, v1] = vs[r];
      const k = cell.corners;
      blocks.push({ row: r, col: c, uv: [u0, u1, v0, v1], quad: [bilinear(k, u0, v0), bilinear(k, u1, v0), bilinear(k, u1, v1), bilinear(k, u0, v1)] });
    }
  }
  return {
    blocks,
    roadsU: us.slice(1).map(([a]) => a - ROAD / 2),
    roadsV: vs.slice(1).map(([a]) => a - ROAD / 2),
  };
}

/**
 * An irregular compound outline inside a convex block: a star-shaped polygon around the block's centre
 * (vertices in angle order at less than the distance to the block edge), so it is simple and strictly inside.
 */
export function compoundShape(rng: Rng, quad: XY[]): XY[] {
  const c: XY = [quad.reduce((s, p) => s + p[0], 0) / quad.length, quad.reduce((s, p) => s + p[1], 0) / quad.length];
  const angleOf = (p: XY) => Math.atan2(p[1] - c[1], p[0] - c[0]);
  const corners = quad.map(angleOf);
  const verts: { a: number; f: number }[] = [];
  for (let k = 0; k < corners.length; k++) {
    const a = corners[k];
    if (rng.chance(0.3)) {
      const f = rng.range(0.84, 0.9);
      verts.push({ a: a - 0.12, f }, { a: a + 0.12, f });
    } else {
      verts.push({ a: a + rng.range(-0.05, 0.05), f: rng.range(0.86, 0.95) });
    }
    if (rng.chance(0.35)) {
      let b = corners[(k + 1) % corners.length];
      if (b < a) b += 2 * Math.PI;
      verts.push({ a: (a + b) / 2 + rng.range(-0.1, 0.1), f: rng.chance(0.5) ? rng.range(0.62, 0.78) : rng.range(0.92, 0.97) });
    }
  }
  const norm = (a: number) => ((a % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  verts.sort((x, y) => norm(x.a) - norm(y.a));
  const ring: XY[] = verts.map(({ a, f }) => {
    const r = f * rayToEdge(c, a, quad);
    return [c[0] + r * Math.cos(a), c[1] + r * Math.sin(a)];
  });
  ring.push(ring[0]);
  return ring;
}

/** Distance from c along angle a to the boundary of the convex polygon around it. */
function rayToEdge(c: XY, a: number, poly: XY[]): number {
  const d: XY = [Math.cos(a), Math.sin(a)];
  let best = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    const e: XY = [q[0] - p[0], q[1] - p[1]];
    const den = d[0] * e[1] - d[1] * e[0];
    if (Math.abs(den) < 1e-12) continue;
    const w: XY = [p[0] - c[0], p[1] - c[1]];
    const t = (w[0] * e[1] - w[1] * e[0]) / den;
    const s = (w[0] * d[1] - w[1] * d[0]) / den;
    if (t > 0 && s >= 0 && s <= 1 && t < best) best = t;
  }
  return best;
}

/** Shoelace area in square metres. */
export function area(ring: XY[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(s) / 2;
}
