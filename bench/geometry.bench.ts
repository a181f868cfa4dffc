/**
 * The self-intersection check of imported boundaries: the importer's check today (a flatbush index over the segments,
 * shared/domain/polygon-check.ts) against the one it replaced (@turf/kinks over every pair of segments), on the same
 * boundaries in the same run. The old check lives on only here, as the baseline. Both must give the same answers on
 * the corpus (rings that do not touch; on touching rings the new check is meant to differ: it accepts them).
 */
import kinks from '@turf/kinks';
import { findRingFault, type XY } from '../shared/domain/polygon-check';
import { checkArea } from '../main/services/import/geojson';
import { Problems } from '../main/services/import/problems';
import { createRng } from '../scripts/demo/random';
import type { BenchResult } from './types';

/** The check as it was in main/services/import/geojson.ts before issue 8: the first kink of the polygon, or none. */
const oldCheck = (rings: XY[][]) => kinks({ type: 'Polygon', coordinates: rings }).features[0] ?? null;

/** A district-like boundary: a wobbly outline around the demo street with fine detail, n corners (n + 1 positions, closed), no crossing. */
function boundary(n: number): XY[] {
  const ring: XY[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = 0.02 * (1 + 0.25 * Math.sin(3 * a) + 0.08 * Math.sin(17 * a + 1) + 0.01 * Math.sin(997 * a));
    ring.push([106.5 + r * Math.cos(a), 29.53 + 0.9 * r * Math.sin(a)]);
  }
  ring.push(ring[0]);
  return ring;
}

/** The same boundary with two corners a quarter of the way apart swapped: the two chords between them cross. */
function crossed(ring: XY[]): XY[] {
  const out = ring.slice();
  const k = Math.floor(ring.length * 0.3);
  const j = k + Math.floor(ring.length / 4);
  [out[k], out[j]] = [out[j], out[k]];
  return out;
}

/**
 * Wall time and CPU time (user + system) of one call. The machine is shared: the wall time includes waiting for a
 * core, the CPU time does not, so ratios are given from CPU time.
 */
function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const d = process.cpuUsage(c);
  return { ms: performance.now() - t, cpuMs: (d.user + d.system) / 1000, value };
}

/** The run with the median CPU time of `runs`. */
function median(fn: () => unknown, runs: number): { ms: number; cpuMs: number } {
  const times: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < runs; i++) times.push(time(fn));
  times.sort((a, b) => a.cpuMs - b.cpuMs);
  return times[Math.floor(times.length / 2)];
}

const ms = (v: number) => (v >= 100 ? Math.round(v) : Number(v.toFixed(1)));

export async function run(): Promise<BenchResult[]> {
  // Warm both paths up on a small ring so neither pays the JIT alone.
  const warm = boundary(2_000);
  for (let i = 0; i < 5; i++) findRingFault([warm]) ?? oldCheck([warm]);

  // The old check on the crossed 64,000-point ring would add another minute or more of a shared CPU: its answer is
  // compared on the 8,000-point one.
  return [compare(8_000, true), compare(64_000, false), corpus(), importerPath()];
}

function compare(n: number, oldOnCrossed: boolean): BenchResult {
  const simple = boundary(n);
  const bad = crossed(simple);
  const oldSimple = time(() => oldCheck([simple]));
  const oldBad = oldOnCrossed ? time(() => oldCheck([bad])) : null;
  const newRun = median(() => findRingFault([simple]), 7);
  const newBad = time(() => findRingFault([bad]));
  const agree = (oldSimple.value === null) === (findRingFault([simple]) === null) && (oldBad === null || (oldBad.value === null) === (newBad.value === null));
  return {
    name: `geometry: self-intersection check of a ${n.toLocaleString('en-US')}-point boundary`,
    figures: {
      points: n,
      'old check (kinks, every pair) CPU ms': ms(oldSimple.cpuMs),
      'old check wall ms': ms(oldSimple.ms),
      'new check (flatbush over segments) CPU ms': ms(newRun.cpuMs),
      'new check wall ms': ms(newRun.ms),
      'speed-up (old ÷ new, CPU)': Math.round(oldSimple.cpuMs / newRun.cpuMs),
      ...(oldBad ? { 'old check, crossed ring CPU ms': ms(oldBad.cpuMs) } : {}),
      'new check, crossed ring CPU ms': ms(newBad.cpuMs),
      'new check finds the crossing': newBad.value?.kind === 'crossing' ? 'yes' : 'NO',
      [oldBad ? 'same answers (simple, crossed)' : 'same answer (simple)']: agree ? 'yes' : 'NO',
    },
  };
}

/** Random polygons of every kind the unit test uses: the two checks must agree on every one. */
function corpus(): BenchResult {
  const rng = createRng(42);
  let refused = 0;
  let mismatches = 0;
  const total = 2_000;
  for (let k = 0; k < total; k++) {
    const n = 3 + Math.floor(rng.range(0, 80));
    const star = (m: number, cx: number, cy: number, r0: number, r1: number): XY[] => {
      const pts: XY[] = [];
      for (let i = 0; i < m; i++) {
        const a = (2 * Math.PI * i) / m;
        const r = rng.range(r0, r1);
        pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
      }
      return [...pts, pts[0]];
    };
    const scramble = (m: number): XY[] => {
      const pts: XY[] = [];
      for (let i = 0; i < m; i++) pts.push([rng.range(106.49, 106.5), rng.range(29.52, 29.53)]);
      return [...pts, pts[0]];
    };
    const shell = star(n, 106.5, 29.53, 0.005, 0.01);
    const rings = [[shell], [scramble(n)], [shell, star(3 + (n % 9), 106.5, 29.53, 0.001, 0.0045).reverse()], [shell, star(3 + (n % 9), 106.504, 29.53, 0.001, 0.003)]][k % 4];
    const before = oldCheck(rings) !== null;
    if (before) refused++;
    if (before !== (findRingFault(rings) !== null)) mismatches++;
  }
  return { name: 'geometry: old and new check on a random corpus', figures: { polygons: total, 'refused by both': refused, mismatches } };
}

/** The importer's whole check of one feature (structure, ranges, repeats, rings, crossing) at the limits. */
function importerPath(): BenchResult {
  // 99,999 corners + the closing position = 100,000 points, the most one feature may have.
  const feature = { type: 'Polygon', coordinates: [boundary(99_999)] };
  const accepted = (i: number) => {
    const problems = new Problems('bench');
    if (!checkArea(feature, i, problems)) throw new Error(`the bench boundary was refused: ${problems.list[0]?.message}`);
  };
  const one = median(() => accepted(0), 3);
  const ten = time(() => {
    for (let i = 0; i < 10; i++) accepted(i);
  });
  return {
    name: 'geometry: importer check at the vertex limits',
    figures: {
      'one feature of 100,000 points (limit per feature) CPU ms': ms(one.cpuMs),
      'one feature wall ms': ms(one.ms),
      'ten such features, 1,000,000 points (limit per file) CPU ms': ms(ten.cpuMs),
      'ten features wall ms': ms(ten.ms),
    },
  };
}
