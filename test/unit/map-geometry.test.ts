import { describe, expect, test } from 'vitest';
import type { Polygon, MultiPolygon } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { labelPoint, labelWidth, unionBox } from '../../renderer/map/geometry';
import { areaBox } from '../../shared/domain/spatial';
import { stamp, type Sprite } from '../../renderer/map/pointRaster';

const square = (x: number, y: number, s: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});

describe('map geometry', () => {
  test('a square is labelled at its centre', () => {
    expect(labelPoint(square(106.5, 29.5, 0.01))).toEqual([expect.closeTo(106.505, 9), expect.closeTo(29.505, 9)]);
  });

  test('a U-shaped compound keeps its label on its own ground, not in the courtyard', () => {
    // A U open to the north: the centroid falls into the open courtyard.
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]],
    };
    const p = labelPoint(u)!;
    expect(booleanPointInPolygon(p, u, { ignoreBoundary: true })).toBe(true);
  });

  test('a multipolygon is labelled in its largest part', () => {
    const m: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0, 1).coordinates, square(10, 10, 3).coordinates] };
    const [x, y] = labelPoint(m)!;
    expect(x).toBeCloseTo(11.5);
    expect(y).toBeCloseTo(11.5);
  });

  test('no geometry, no label; boxes and their union', () => {
    expect(labelPoint(null)).toBeNull();
    expect(labelPoint({ type: 'Point', coordinates: [1, 2] })).toBeNull();
    expect(areaBox(square(1, 2, 3))).toEqual([1, 2, 4, 5]);
    expect(areaBox(null)).toBeNull();
    expect(areaBox({ type: 'Point', coordinates: [1, 2] })).toBeNull();
    expect(areaBox({ type: 'Polygon', coordinates: [] })).toBeNull();
    expect(unionBox([[0, 0, 1, 1], null, [2, -1, 3, 0.5]])).toEqual([0, -1, 3, 1]);
    expect(unionBox([null])).toBeNull();
  });

  test('a Chinese name is wider than a Latin one of the same length', () => {
    expect(labelWidth('滨江家园', 12)).toBe(48);
    expect(labelWidth('ABCD', 12)).toBeCloseTo(28.8);
  });
});

describe('point raster', () => {
  const dot = (rgba: number[]): Sprite => ({ size: 1, rgba: new Uint8ClampedArray(rgba) });
  const rgbaAt = (buf: Uint32Array, i: number) => [buf[i] & 255, (buf[i] >>> 8) & 255, (buf[i] >>> 16) & 255, buf[i] >>> 24];

  test('an opaque dot replaces the pixel; a half-transparent one over nothing keeps its colour and alpha', () => {
    const buf = new Uint32Array(4);
    stamp(buf, 2, 2, dot([200, 100, 50, 255]), 0, 0);
    expect(rgbaAt(buf, 0)).toEqual([200, 100, 50, 255]);
    stamp(buf, 2, 2, dot([10, 20, 30, 128]), 1, 1);
    expect(rgbaAt(buf, 3)).toEqual([10, 20, 30, 128]);
  });

  test('half-transparent white over opaque red blends to pink (source-over)', () => {
    const buf = new Uint32Array(1);
    stamp(buf, 1, 1, dot([255, 0, 0, 255]), 0, 0);
    stamp(buf, 1, 1, dot([255, 255, 255, 128]), 0, 0);
    const [r, g, b, a] = rgbaAt(buf, 0);
    expect(r).toBe(255);
    expect(g).toBeGreaterThanOrEqual(127);
    expect(g).toBeLessThanOrEqual(129);
    expect(b).toBe(g);
    expect(a).toBe(255);
  });

  test('a dot at the edge is clipped, not wrapped onto the next row', () => {
    const buf = new Uint32Array(9);
    const s: Sprite = { size: 3, rgba: new Uint8ClampedArray(Array.from({ length: 9 }, () => [1, 2, 3, 255]).flat()) };
    stamp(buf, 3, 3, s, 0, 0); // centre on the top-left pixel: only the lower-right 2×2 of the sprite lands
    expect(Array.from(buf).map((v) => (v ? 1 : 0))).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 0]);
  });
});
