import { describe, expect, test } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { AreaIndex, bbox } from '../../shared/domain/spatial';

const square = (x0: number, y0: number, size: number): Position[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

// A compound with a courtyard that belongs to no one (the hole), and a community in two separate parts.
const courtyard: Polygon = { type: 'Polygon', coordinates: [square(106.5, 29.53, 0.01), square(106.504, 29.534, 0.002)] };
const twoParts: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(106.52, 29.53, 0.005)], [square(106.54, 29.53, 0.005)]] };

describe('AreaIndex', () => {
  const index = new AreaIndex([
    { key: 'courtyard', geometry: courtyard },
    { key: 'two-parts', geometry: twoParts },
  ]);

  test('locates a point inside a polygon, but not one in its hole', () => {
    expect(index.locate(106.501, 29.531)).toBe('courtyard');
    expect(index.locate(106.505, 29.535)).toBeNull();
  });

  test('locates points in either part of a MultiPolygon, and not in the gap between the parts', () => {
    expect(index.locate(106.522, 29.532)).toBe('two-parts');
    expect(index.locate(106.542, 29.532)).toBe('two-parts');
    // Inside the MultiPolygon's bounding box, between its parts: a candidate, but not inside.
    expect(index.candidates(106.53, 29.532, 106.53, 29.532)).toEqual(['two-parts']);
    expect(index.locate(106.53, 29.532)).toBeNull();
  });

  test('a point on no polygon gives null; an empty index gives null', () => {
    expect(index.locate(106.6, 29.6)).toBeNull();
    expect(new AreaIndex<string>([]).locate(106.5, 29.53)).toBeNull();
    expect(new AreaIndex<string>([]).candidates(0, 0, 180, 90)).toEqual([]);
  });

  test('bbox spans every ring of every part', () => {
    expect(bbox(twoParts)).toEqual([106.52, 29.53, 106.545, 29.535]);
  });
});
