import { describe, expect, test } from 'vitest';
import { bd09ToGcj02, bd09ToWgs84, gcj02ToBd09, gcj02ToWgs84, metresBetween, outOfChina, wgs84ToGcj02 } from '../../shared/domain/coords';

describe('GCJ-02 <-> WGS-84', () => {
  test('the forward transform matches a published reference point (Beijing, coordtransform README)', () => {
    const [lng, lat] = wgs84ToGcj02(116.404, 39.915);
    expect(lng).toBeCloseTo(116.41024449916938, 9);
    expect(lat).toBeCloseTo(39.91640428150164, 9);
  });

  test('the iterative inverse recovers the reference point to well under 0.5 m', () => {
    const [lng, lat] = gcj02ToWgs84(116.41024449916938, 39.91640428150164);
    expect(metresBetween(lng, lat, 116.404, 39.915)).toBeLessThan(0.01);
  });

  test('round trips over a grid across China stay under 0.5 m (and the shift itself is hundreds of metres)', () => {
    let worst = 0;
    let smallestShift = Infinity;
    for (let lng = 74; lng <= 135; lng += 3.7) {
      for (let lat = 4; lat <= 53; lat += 2.9) {
        const g = wgs84ToGcj02(lng, lat);
        const w = gcj02ToWgs84(g[0], g[1]);
        worst = Math.max(worst, metresBetween(w[0], w[1], lng, lat));
        smallestShift = Math.min(smallestShift, metresBetween(g[0], g[1], lng, lat));
      }
    }
    expect(worst).toBeLessThan(0.5);
    expect(worst).toBeLessThan(0.001);
    expect(smallestShift).toBeGreaterThan(10);
  });

  test('the demo street (Chongqing): GCJ-02 -> WGS-84 -> GCJ-02 returns to the start', () => {
    const gcj: [number, number] = [106.5, 29.53];
    const w = gcj02ToWgs84(...gcj);
    const back = wgs84ToGcj02(...w);
    expect(metresBetween(back[0], back[1], gcj[0], gcj[1])).toBeLessThan(0.5);
    // WGS-84 lies south-west of GCJ-02 here by a few hundred metres.
    expect(metresBetween(w[0], w[1], gcj[0], gcj[1])).toBeGreaterThan(200);
    expect(metresBetween(w[0], w[1], gcj[0], gcj[1])).toBeLessThan(800);
  });

  test('outside China the two systems coincide', () => {
    expect(outOfChina(2.35, 48.85)).toBe(true);
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84(-74, 40.7)).toEqual([-74, 40.7]);
  });
});

describe('BD-09 (Baidu) -> GCJ-02 -> WGS-84', () => {
  test('both directions match the published reference points (Beijing, coordtransform README)', () => {
    const [gLng, gLat] = bd09ToGcj02(116.404, 39.915);
    expect(gLng).toBeCloseTo(116.39762729119315, 9);
    expect(gLat).toBeCloseTo(39.90865673957631, 9);
    const [bLng, bLat] = gcj02ToBd09(116.404, 39.915);
    expect(bLng).toBeCloseTo(116.41036949371029, 9);
    expect(bLat).toBeCloseTo(39.92133699351021, 9);
  });

  test('Baidu coordinates of the demo street come back to WGS-84 within a metre; unconverted they are far off', () => {
    const wgs: [number, number] = [106.5, 29.53];
    const bd = gcj02ToBd09(...wgs84ToGcj02(...wgs));
    const back = bd09ToWgs84(...bd);
    expect(metresBetween(back[0], back[1], wgs[0], wgs[1])).toBeLessThan(1);
    expect(metresBetween(bd[0], bd[1], wgs[0], wgs[1])).toBeGreaterThan(500);
  });
});
