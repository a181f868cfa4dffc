import { describe, expect, test } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { distanceM, distanceToAreaM, growBox, PointIndex } from '../../shared/domain/spatial';

/** Distances for the incident's surroundings (key venues in a compound and within 500 m of it). */

const square = (x0: number, y0: number, size: number): Position[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];
// A compound about 100 m across at Chongqing's latitude, with a courtyard (hole) in the middle.
const compound: Polygon = { type: 'Polygon', coordinates: [square(106.5, 29.53, 0.001), square(106.5004, 29.5304, 0.0002)] };
/** One degree of latitude in metres on the mean sphere. */
const DEG = (Math.PI / 180) * 6_371_008.8;

describe('distanceM', () => {
  test('one thousandth of a degree of latitude is about 111 m; of longitude at 29.53° about 96.7 m', () => {
    expect(distanceM([106.5, 29.53], [106.5, 29.531])).toBeCloseTo(DEG / 1000, 1);
    expect(distanceM([106.5, 29.53], [106.501, 29.53])).toBeCloseTo((DEG / 1000) * Math.cos((29.53 * Math.PI) / 180), 0);
    expect(distanceM([106.5, 29.53], [106.5, 29.53])).toBe(0);
  });
});

describe('distanceToAreaM', () => {
  test('inside is 0, in the hole is outside, east of the edge is measured to the edge', () => {
    expect(distanceToAreaM([106.5001, 29.5301], compound)).toBe(0);
    // The courtyard's centre is 0.0001° from the hole's edge.
    expect(distanceToAreaM([106.5005, 29.5305], compound)).toBeCloseTo(distanceM([106.5005, 29.5305], [106.5006, 29.5305]), 0);
    // 0.003° east of the east edge, level with the middle of it.
    const east: Position = [106.504, 29.5305];
    expect(distanceToAreaM(east, compound)).toBeCloseTo(distanceM(east, [106.501, 29.5305]), 0);
  });

  test('beyond a corner the distance is to the corner, not to the line through the edge', () => {
    const ne: Position = [106.502, 29.532];
    expect(distanceToAreaM(ne, compound)).toBeCloseTo(distanceM(ne, [106.501, 29.531]), 0);
  });
});

describe('PointIndex', () => {
  const venues = new PointIndex([
    { key: 'inside', lng: 106.5002, lat: 29.5302 },
    { key: 'courtyard', lng: 106.5005, lat: 29.5305 },
    { key: '300 m east', lng: 106.501 + 300 / (DEG * Math.cos((29.5305 * Math.PI) / 180)), lat: 29.5305 },
    { key: '490 m north', lng: 106.5005, lat: 29.531 + 490 / DEG },
    { key: '510 m north', lng: 106.5005, lat: 29.531 + 510 / DEG },
    { key: 'far', lng: 106.6, lat: 29.6 },
  ]);

  test('venues in the compound and within 500 m of it, nearest first, with their distances', () => {
    const near = venues.nearArea(compound, 500);
    expect(near.map((n) => n.point.key)).toEqual(['inside', 'courtyard', '300 m east', '490 m north']);
    expect(near[0].distanceM).toBe(0);
    expect(near[1].distanceM).toBeGreaterThan(0); // the courtyard is not part of the compound
    expect(near[2].distanceM).toBeCloseTo(300, -1);
    expect(near[3].distanceM).toBeCloseTo(490, -1);
  });

  test('a smaller radius keeps fewer; around a point it measures from the point', () => {
    expect(venues.nearArea(compound, 100).map((n) => n.point.key)).toEqual(['inside', 'courtyard']);
    // From the middle of the north edge: the courtyard 56 m, inside 94 m, "300 m east" 355 m, "490 m north" 490 m.
    expect(venues.nearPoint([106.5005, 29.531], 400).map((n) => n.point.key)).toEqual(['courtyard', 'inside', '300 m east']);
    expect(venues.nearPoint([106.5005, 29.531], 400)[0].distanceM).toBeCloseTo(0.0005 * DEG, 0);
    expect(new PointIndex<string>([]).nearPoint([106.5, 29.53], 500)).toEqual([]);
  });

  test('the candidate box is never smaller than the radius', () => {
    const [w, s, e, n] = growBox([106.5, 29.53, 106.5, 29.53], 500);
    expect(distanceM([106.5, 29.53], [e, 29.53])).toBeGreaterThanOrEqual(500);
    expect(distanceM([106.5, 29.53], [w, 29.53])).toBeGreaterThanOrEqual(500);
    expect(distanceM([106.5, 29.53], [106.5, n])).toBeGreaterThanOrEqual(499.9);
    expect(distanceM([106.5, 29.53], [106.5, s])).toBeGreaterThanOrEqual(499.9);
  });
});
