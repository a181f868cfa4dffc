/**
 * Assigning points to compounds: the flatbush + exact turf index (AreaIndex) against a plain loop running turf's
 * point-in-polygon over every compound for every point. Same process, same points; both must agree.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { AreaIndex, bbox } from '../shared/domain/spatial';
import { createRng } from '../scripts/demo/random';
import type { BenchResult } from './types';

const POINTS = 100_000;
const WARM_UP = 2_000;
const demoDir = fileURLToPath(new URL('../resources/demo/', import.meta.url));

type Area = Polygon | MultiPolygon;
const readAreas = (file: string): Area[] =>
  (JSON.parse(fs.readFileSync(demoDir + file, 'utf8')) as { features: { geometry: Area }[] }).features.map((f) => f.geometry);

export async function run(): Promise<BenchResult[]> {
  const street = (JSON.parse(fs.readFileSync(demoDir + 'street.json', 'utf8')) as { boundary: Polygon }).boundary;
  const [minX, minY, maxX, maxY] = bbox(street);
  const rng = createRng(42);
  const lng = new Float64Array(POINTS);
  const lat = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) {
    lng[i] = rng.range(minX, maxX);
    lat[i] = rng.range(minY, maxY);
  }
  return [compare('spatial: 100,000 points → compounds', readAreas('compounds.geojson'), lng, lat), compare('spatial: 100,000 points → communities', readAreas('communities.geojson'), lng, lat)];
}

function compare(name: string, areas: Area[], lng: Float64Array, lat: Float64Array): BenchResult {
  const t0 = performance.now();
  const index = new AreaIndex(areas.map((geometry, key) => ({ key, geometry })));
  const buildMs = performance.now() - t0;

  const indexed = (i: number) => index.locate(lng[i], lat[i]) ?? -1;
  const naive = (i: number) => {
    const p = [lng[i], lat[i]];
    for (let k = 0; k < areas.length; k++) if (booleanPointInPolygon(p, areas[k])) return k;
    return -1;
  };
  // Warm both paths up so neither pays the JIT alone.
  for (let i = 0; i < WARM_UP; i++) indexed(i) + naive(i);

  const a = new Int32Array(lng.length);
  const b = new Int32Array(lng.length);
  const t1 = performance.now();
  for (let i = 0; i < lng.length; i++) a[i] = indexed(i);
  const indexedMs = performance.now() - t1;
  const t2 = performance.now();
  for (let i = 0; i < lng.length; i++) b[i] = naive(i);
  const naiveMs = performance.now() - t2;

  let mismatches = 0;
  let located = 0;
  for (let i = 0; i < lng.length; i++) {
    if (a[i] !== b[i]) mismatches++;
    if (a[i] >= 0) located++;
  }
  const perSecond = (ms: number) => Math.round((lng.length / ms) * 1000);
  return {
    name,
    figures: {
      points: lng.length,
      polygons: areas.length,
      'points located': located,
      'index build ms': Number(buildMs.toFixed(2)),
      'AreaIndex ms': Math.round(indexedMs),
      'plain loop ms': Math.round(naiveMs),
      'AreaIndex points/s': perSecond(indexedMs),
      'plain loop points/s': perSecond(naiveMs),
      'speed-up (AreaIndex ÷ loop)': Number((naiveMs / indexedMs).toFixed(1)),
      mismatches,
    },
  };
}
