import { describe, expect, test } from 'vitest';
import kinks from '@turf/kinks';
import { doubleSignedArea, findRingFault, isDegenerate, oriented, removeRepeats, type XY } from '../../shared/domain/polygon-check';
import { createRng } from '../../scripts/demo/random';

const close = (r: XY[]): XY[] => [...r, r[0]];

/** A star-shaped ring (corners by angle, random radius): simple, whatever the radii. */
function star(rng: ReturnType<typeof createRng>, n: number, cx: number, cy: number, r0: number, r1: number): XY[] {
  const pts: XY[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = rng.range(r0, r1);
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return close(pts);
}

/** Corners in random order: usually crossing itself. */
function scramble(rng: ReturnType<typeof createRng>, n: number): XY[] {
  const pts: XY[] = [];
  for (let i = 0; i < n; i++) pts.push([rng.range(106.49, 106.5), rng.range(29.52, 29.53)]);
  return close(pts);
}

/** The check the importer used before (every pair of segments, @turf/kinks): any point in common is a kink. */
const oldCheckRefuses = (rings: XY[][]) => kinks({ type: 'Polygon', coordinates: rings }).features.length > 0;

describe('ring check: same answers as the old quadratic check where rings do not touch', () => {
  test('1,200 random polygons (simple stars, scrambled rings, holes inside and holes crossing the outer ring)', () => {
    const rng = createRng(7);
    const tally = { accepted: 0, refused: 0 };
    const disagreements: string[] = [];
    for (let k = 0; k < 1200; k++) {
      const n = 3 + Math.floor(rng.range(0, 60));
      const c: XY = [106.5, 29.53];
      const shell = star(rng, n, c[0], c[1], 0.005, 0.01);
      const rings =
        k % 4 === 0
          ? [shell]
          : k % 4 === 1
            ? [scramble(rng, n)]
            : k % 4 === 2
              ? [shell, star(rng, 3 + (n % 9), c[0], c[1], 0.001, 0.0045).reverse()]
              : [shell, star(rng, 3 + (n % 9), c[0] + 0.004, c[1], 0.001, 0.003)];
      const before = oldCheckRefuses(rings);
      const now = findRingFault(rings);
      if (before !== (now !== null)) disagreements.push(JSON.stringify(rings));
      // A crossing reported now is one the old check also found.
      if (now && before) {
        const points = kinks({ type: 'Polygon', coordinates: rings }).features.map((f) => f.geometry.coordinates);
        expect(points.some(([x, y]) => Math.abs(x - now.at[0]) < 1e-9 && Math.abs(y - now.at[1]) < 1e-9)).toBe(true);
      }
      tally[before ? 'refused' : 'accepted']++;
    }
    expect(disagreements).toEqual([]);
    // The corpus holds plenty of both answers.
    expect(tally.accepted).toBeGreaterThan(300);
    expect(tally.refused).toBeGreaterThan(300);
  });
});

describe('ring check: what the old check got wrong, and what it missed', () => {
  test('repeated consecutive points are not a crossing once removed (the old check called them kinks)', () => {
    const ring: XY[] = [[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 1], [0, 1], [0, 0]];
    expect(oldCheckRefuses([ring])).toBe(true);
    const { ring: clean, removed } = removeRepeats(ring);
    expect(removed).toBe(3);
    expect(clean).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    expect(findRingFault([clean])).toBeNull();
  });

  test('a ring touching itself at one corner is accepted; one passing through itself at a corner is refused', () => {
    // Two lobes meeting at (1, 1), both turning the same way: a touch.
    const touching: XY[] = [[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [1, 2], [1, 1], [0, 1], [0, 0]];
    expect(oldCheckRefuses([touching])).toBe(true);
    expect(findRingFault([touching])).toBeNull();
    // A figure of eight through (1, 1): the boundary crosses there.
    const eight: XY[] = [[0, 0], [1, 1], [2, 2], [2, 0], [1, 1], [0, 2], [0, 0]];
    expect(findRingFault([eight])).toEqual({ kind: 'crossing', at: [1, 1] });
  });

  test('a corner touching the middle of another edge is accepted, and the same corner poking through it is refused', () => {
    const notch: XY[] = [[0, 0], [4, 0], [4, 4], [3, 4], [2, 0], [1, 4], [0, 4], [0, 0]];
    expect(findRingFault([notch])).toBeNull();
    const through: XY[] = [[0, 0], [4, 0], [4, 4], [3, 4], [2.5, 0], [2, -1], [1.5, 0], [1, 4], [0, 4], [0, 0]];
    expect(findRingFault([through])?.kind).toBe('crossing');
  });

  test('a hole touching its outer ring at one point is accepted; a hole crossing it is refused at the crossing', () => {
    const shell: XY[] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    expect(findRingFault([shell, [[0, 2], [2, 1], [2, 3], [0, 2]]])).toBeNull();
    const fault = findRingFault([shell, [[-1, 2], [2, 1], [2, 3], [-1, 2]]]);
    expect(fault?.kind).toBe('crossing');
    expect(fault?.at[0]).toBe(0);
  });

  test('edges running along each other are refused as an overlap, where it starts', () => {
    const retrace: XY[] = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 0], [1.5, 0], [1.5, -1], [0, -1], [0, 0]];
    expect(findRingFault([retrace])).toEqual({ kind: 'overlap', at: [1, 0] });
  });

  test('the bow tie of the old tests is still refused at its centre', () => {
    const bowTie: XY[] = [[106.49, 29.55], [106.5, 29.56], [106.5, 29.55], [106.49, 29.56], [106.49, 29.55]];
    const fault = findRingFault([bowTie]);
    expect(fault?.kind).toBe('crossing');
    expect(fault?.at[0]).toBeCloseTo(106.495, 9);
    expect(fault?.at[1]).toBeCloseTo(29.555, 9);
  });
});

describe('degenerate rings and orientation', () => {
  test('fewer than three distinct corners, or all on one line, is degenerate; a triangle is not; a bow tie is not', () => {
    expect(isDegenerate([[0, 0], [1, 0], [0, 0]])).toBe(true);
    expect(isDegenerate([[0, 0], [1, 0], [2, 0], [0, 0]])).toBe(true);
    expect(isDegenerate([[0, 0], [1, 0], [0, 1], [0, 0]])).toBe(false);
    expect(isDegenerate([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]])).toBe(false);
  });

  test('oriented() turns rings to RFC 7946 order and leaves well-turned ones as they are', () => {
    const ccw: XY[] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const cw = ccw.slice().reverse();
    expect(doubleSignedArea(ccw)).toBeGreaterThan(0);
    expect(oriented(cw, true)).toEqual(ccw);
    expect(oriented(ccw, true)).toBe(ccw);
    expect(doubleSignedArea(oriented(ccw, false))).toBeLessThan(0);
  });
});

describe('ring check: speed (figures belong in bench/geometry.bench.ts; this only guards the order of growth)', () => {
  test('a 64,000-point boundary is checked, and a crossing in it found', () => {
    const n = 64_000;
    const ring: XY[] = [];
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = 0.01 * (1 + 0.3 * Math.sin(a * 7));
      ring.push([106.5 + r * Math.cos(a), 29.53 + r * Math.sin(a)]);
    }
    const simple = close(ring);
    expect(findRingFault([simple])).toBeNull();
    const crossed = simple.slice();
    [crossed[1000], crossed[1001]] = [crossed[1001], crossed[1000]];
    expect(findRingFault([crossed])?.kind).toBe('crossing');
  });
});
