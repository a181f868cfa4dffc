/**
 * Risk areas (issue 11): the figures of one area over 1,000,000 household points and 100,000 venues, the flatbush +
 * exact turf query (PointIndex, StreetIndex) against a plain turf loop over every point, in the same run on the same
 * points (both must agree); and the union of 20 picked compound outlines (polygon-clipping, snapping, sliver holes).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import { bbox } from '../shared/domain/spatial';
import { unionOutlines, type Area } from '../shared/domain/risk-geometry';
import { insideByLoop, PointIndex, StreetIndex, type StatsVenueInput } from '../shared/domain/risk-stats';
import { venueTypeIds } from '../shared/domain/venues';
import { gapCloseMeters, sliverHoleM2 } from '../shared/api/risk-areas';
import { createRng } from '../scripts/demo/random';
import type { BenchResult } from './types';

const HOUSEHOLDS = 1_000_000;
const VENUES = 100_000;
const demoDir = fileURLToPath(new URL('../resources/demo/', import.meta.url));

interface DemoCompound {
  properties: { code: string; name: string; residents: number; households: number; elderly: number };
  geometry: Area;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median and fastest of `reps` runs after one warm-up (the machine is shared: the fastest shows the cost alone). */
function time<T>(reps: number, f: () => T): { ms: number; min: number; value: T } {
  let value = f(); // warm-up
  const runs: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    value = f();
    runs.push(performance.now() - t);
  }
  return { ms: median(runs), min: Math.min(...runs), value };
}

const round = (v: number, d = 2) => Number(v.toFixed(d));

export async function run(): Promise<BenchResult[]> {
  const street = (JSON.parse(fs.readFileSync(demoDir + 'street.json', 'utf8')) as { boundary: Polygon }).boundary;
  const compounds = (JSON.parse(fs.readFileSync(demoDir + 'compounds.geojson', 'utf8')) as { features: DemoCompound[] }).features;
  const [minX, minY, maxX, maxY] = bbox(street);
  const rng = createRng(11);
  const hLng = new Float64Array(HOUSEHOLDS);
  const hLat = new Float64Array(HOUSEHOLDS);
  for (let i = 0; i < HOUSEHOLDS; i++) {
    hLng[i] = rng.range(minX, maxX);
    hLat[i] = rng.range(minY, maxY);
  }
  const venues: StatsVenueInput[] = [];
  for (let i = 0; i < VENUES; i++) {
    venues.push({ id: i + 1, code: `V${i}`, name: `场所${i}`, type: venueTypeIds[i % venueTypeIds.length], address: null, contact: null, lng: rng.range(minX, maxX), lat: rng.range(minY, maxY) });
  }

  // The area: a high-risk area picked from three neighbouring compounds, as 第九版 draws them.
  const picked3 = unionOutlines(compounds.slice(0, 3).map((c) => c.geometry), gapCloseMeters, sliverHoleM2)!.geometry;

  const t0 = performance.now();
  const households = new PointIndex(hLng, hLat);
  const householdBuildMs = performance.now() - t0;
  const t1 = performance.now();
  const streetIndex = new StreetIndex(
    compounds.map((c, i) => ({ id: i + 1, code: c.properties.code, name: c.properties.name, communityName: '', residents: c.properties.residents, households: c.properties.households, elderly: c.properties.elderly, geometry: c.geometry })),
    venues,
    street,
  );
  const streetBuildMs = performance.now() - t1;
  const vLng = venues.map((v) => v.lng);
  const vLat = venues.map((v) => v.lat);

  const indexed = time(30, () => {
    const h = households.inside(picked3).length;
    const s = streetIndex.stats(picked3);
    return { households: h, venues: s.venues.length, compounds: s.compoundsCounted };
  });
  const venuePoints = new PointIndex(vLng, vLat);
  const points = time(30, () => ({ households: households.inside(picked3).length, venues: venuePoints.inside(picked3).length }));
  const loop = time(3, () => ({ households: insideByLoop(hLng, hLat, picked3).length, venues: insideByLoop(vLng, vLat, picked3).length }));

  // The union of 20 picked compounds (the first 20 of the demo street: neighbours in two communities).
  const outlines20 = compounds.slice(0, 20).map((c) => c.geometry);
  const union = time(20, () => unionOutlines(outlines20, gapCloseMeters, sliverHoleM2)!);
  const unionNoSnap = time(20, () => unionOutlines(outlines20, 0, sliverHoleM2)!);
  const stats20 = time(20, () => streetIndex.stats(union.value.geometry));

  return [
    {
      name: 'risk areas: one area over 1,000,000 households and 100,000 venues',
      figures: {
        'household points': HOUSEHOLDS,
        venues: VENUES,
        'households inside': indexed.value.households,
        'venues inside': indexed.value.venues,
        'compounds counted': indexed.value.compounds,
        'agree with loop': points.value.households === loop.value.households && points.value.venues === loop.value.venues && indexed.value.venues === loop.value.venues ? 'yes' : 'NO',
        'index build ms (households)': Math.round(householdBuildMs),
        'index build ms (street: compounds + venues)': Math.round(streetBuildMs),
        'indexed ms (households + venues), median': round(points.ms),
        'indexed ms (households + venues), fastest': round(points.min),
        'plain turf loop ms (households + venues), median': round(loop.ms),
        'plain turf loop ms (households + venues), fastest': round(loop.min),
        'speed-up (loop ÷ indexed), medians': round(loop.ms / points.ms, 1),
        'speed-up (loop ÷ indexed), fastest': round(loop.min / points.min, 1),
        'full stats ms (households + compounds with shares + venues + street), median': round(indexed.ms),
        'full stats ms, fastest': round(indexed.min),
      },
    },
    {
      name: 'risk areas: union of 20 picked compounds',
      figures: {
        compounds: outlines20.length,
        'union ms (snap + union + slivers), median': round(union.ms),
        'union ms (snap + union + slivers), fastest': round(union.min),
        'union ms (no snapping), median': round(unionNoSnap.ms),
        parts: union.value.parts,
        'holes dropped': union.value.holesDropped,
        'stats of the union ms, median': round(stats20.ms),
        'stats of the union ms, fastest': round(stats20.min),
      },
    },
  ];
}
