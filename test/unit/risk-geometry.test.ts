import { describe, expect, test } from 'vitest';
import type { Polygon } from 'geojson';
import { areaM2, checkDrawnArea, unionOutlines } from '../../shared/domain/risk-geometry';
import { gapCloseMeters, sliverHoleM2 } from '../../shared/api/risk-areas';
import { AreaRaster, containsPolygon, EdgeIndex } from '../../shared/domain/area-raster';

/** Drawn shapes are checked; picked compounds are unioned without slivers or near-touching gaps. */

// Near 29.5° N (the demo street): 1 m ≈ 1.03e-5° of longitude, 9.05e-6° of latitude.
const LNG_M = 1 / (111_320 * Math.cos((29.5 * Math.PI) / 180));
const LAT_M = 1 / 110_540;
/** A rectangle x0..x1, y0..y1 in metres from (106.48, 29.5). */
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => {
  const p = (x: number, y: number) => [106.48 + x * LNG_M, 29.5 + y * LAT_M];
  return { type: 'Polygon', coordinates: [[p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1), p(x0, y0)]] };
};

describe('drawn shapes', () => {
  test('a 100 m square measures 10,000 m² (within 1%: a sphere, as @turf/area)', () => {
    expect(areaM2(rect(0, 0, 100, 100))).toBeGreaterThan(9900);
    expect(areaM2(rect(0, 0, 100, 100))).toBeLessThan(10100);
  });

  test('a drawing that crosses itself is refused, with where', () => {
    const bowtie = { type: 'Polygon', coordinates: [[[106.48, 29.5], [106.49, 29.51], [106.49, 29.5], [106.48, 29.51], [106.48, 29.5]]] };
    const r = checkDrawnArea(bowtie);
    expect(r.geometry).toBeNull();
    expect(r.problem).toMatch(/自相交：两条边交叉，约在 \[106\.485000, 29\.505000\]/);
  });

  test('swapped coordinates are refused with a hint; an open ring is closed; repeats are removed', () => {
    const swapped = { type: 'Polygon', coordinates: [[[29.5, 106.48], [29.51, 106.48], [29.51, 106.49], [29.5, 106.48]]] };
    expect(checkDrawnArea(swapped).problem).toMatch(/纬度 106\.48 超出.*经纬度可能写反了/);
    const open = { type: 'Polygon', coordinates: [[[106.48, 29.5], [106.49, 29.5], [106.49, 29.5], [106.49, 29.51]]] };
    const r = checkDrawnArea(open);
    expect(r.problem).toBeNull();
    expect((r.geometry as Polygon).coordinates[0]).toEqual([[106.48, 29.5], [106.49, 29.5], [106.49, 29.51], [106.48, 29.5]]);
    expect(checkDrawnArea({ type: 'Polygon', coordinates: [[[106.48, 29.5], [106.49, 29.5], [106.48, 29.5]]] }).problem).toMatch(/少于 3 个不同的点/);
  });
});

describe('union of picked compounds', () => {
  test(`neighbours ${gapCloseMeters} m apart or closer join into one polygon; farther ones stay apart`, () => {
    const nearly = unionOutlines([rect(0, 0, 100, 100), rect(101, 0, 200, 100)], gapCloseMeters, sliverHoleM2)!;
    expect(nearly.geometry.type).toBe('Polygon');
    expect(nearly.parts).toBe(1);
    const apart = unionOutlines([rect(0, 0, 100, 100), rect(110, 0, 200, 100)], gapCloseMeters, sliverHoleM2)!;
    expect(apart.geometry.type).toBe('MultiPolygon');
    expect(apart.parts).toBe(2);
  });

  test(`a sliver hole below ${sliverHoleM2} m² between three outlines is dropped; a real courtyard is kept`, () => {
    // Three blocks around a 5 m x 5 m gap (25 m²): the gap becomes a hole in the union, then is dropped.
    const sliver = unionOutlines([rect(0, 0, 100, 50), rect(0, 50, 47, 100), rect(52, 50, 100, 100), rect(47, 55, 52, 100)], 0, sliverHoleM2)!;
    expect(sliver.holesDropped).toBe(1);
    expect((sliver.geometry as Polygon).coordinates).toHaveLength(1);
    // A ring of blocks around a 40 m x 40 m courtyard (1,600 m²) keeps its hole.
    const ring = unionOutlines([rect(0, 0, 100, 30), rect(0, 70, 100, 100), rect(0, 30, 30, 70), rect(70, 30, 100, 70)], 0, sliverHoleM2)!;
    expect(ring.holesDropped).toBe(0);
    expect((ring.geometry as Polygon).coordinates).toHaveLength(2);
  });
});

describe('a compound wholly inside an area, decided without clipping', () => {
  const check = (area: Polygon, compound: Polygon) => {
    const raster = new AreaRaster(area);
    return containsPolygon(raster, new EdgeIndex(area), area.coordinates.flat(), compound);
  };
  test('its own outline, and a larger area, contain it; a hole or a notch inside it does not', () => {
    expect(check(rect(0, 0, 100, 100), rect(0, 0, 100, 100))).toBe(true);
    expect(check(rect(-50, -50, 150, 150), rect(0, 0, 100, 100))).toBe(true);
    const withHole: Polygon = { type: 'Polygon', coordinates: [rect(-50, -50, 150, 150).coordinates[0], rect(40, 40, 60, 60).coordinates[0].slice().reverse()] };
    expect(check(withHole, rect(0, 0, 100, 100))).toBe(false);
    // A notch from the top edge down to y = 50 between x = 40 and 60: the compound's top edge is crossed.
    const p = (x: number, y: number) => rect(x, y, x, y).coordinates[0][0];
    const notched: Polygon = { type: 'Polygon', coordinates: [[p(-50, -50), p(150, -50), p(150, 150), p(60, 150), p(60, 50), p(40, 50), p(40, 150), p(-50, 150), p(-50, -50)]] };
    expect(check(notched, rect(0, 0, 100, 100))).toBe(false);
    expect(check(rect(50, 0, 150, 100), rect(0, 0, 100, 100))).toBe(false);
  });
});

test('a MultiPolygon is wholly inside only when no corner of the outer shape lies inside any of its parts', () => {
  const outer = { type: 'Polygon' as const, coordinates: [rect(-50, -50, 400, 150).coordinates[0], rect(290, 40, 310, 60).coordinates[0].slice().reverse()] };
  const two = { type: 'MultiPolygon' as const, coordinates: [rect(0, 0, 100, 100).coordinates, rect(250, 0, 350, 100).coordinates] };
  expect(containsPolygon(new AreaRaster(outer), new EdgeIndex(outer), outer.coordinates.flat(), two)).toBe(false); // the hole is inside the second part
  const solid = rect(-50, -50, 400, 150);
  expect(containsPolygon(new AreaRaster(solid), new EdgeIndex(solid), solid.coordinates.flat(), two)).toBe(true);
});
