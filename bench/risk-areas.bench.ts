/**
 * Risk areas (issue 11): the figures of one area over 1,000,000 household points and 100,000 venues, the flatbush +
 * exact turf query (PointIndex, StreetIndex) against a plain turf loop over every point, in the same run on the same
 * points (both must agree); the union of 20 picked compound outlines (polygon-clipping, snapping, sliver holes); and
 * previewRiskArea through the dispatcher on the demo street while a vertex moves (the Node side of drag-to-figures).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from '../main/services/app';
import { dispatch } from '../main/api/dispatch';
import type { Input, MethodName, Output } from '../shared/api/contract';
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
    ...(await previewWhileDragging()),
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

/** previewRiskArea on the demo street, with two saved areas to overlap, as the UI calls it while a vertex is dragged. */
async function previewWhileDragging(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bench-risk-'));
  const clock = { now: Date.UTC(2022, 6, 10, 2, 0) };
  const app = openApp({ dataDir: dir, resourcesDir: path.resolve('resources'), shell: 'host', version: 'bench', now: () => clock.now });
  const ok = async <M extends MethodName>(m: M, i: Input<M>): Promise<Output<M>> => {
    const r = await dispatch(app.ctx, m, i);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value as Output<M>;
  };
  try {
    await ok('loadDemoStreet', {});
    const op = await ok('saveOperator', { name: '值班员' });
    await ok('signIn', { operatorId: op.id });
    await ok('switchToEmergency', { reportedAt: clock.now - 3_600_000, place: '示例', caseType: 'confirmed', reportedBy: '疾控' });
    const ids = (await ok('listCompounds', { limit: 200 })).rows.map((c) => c.id);
    const area = await ok('createRiskArea', { name: '甲', level: 'high', reportIds: [], compoundIds: ids.slice(0, 3) });
    await ok('createRiskArea', { name: '乙', level: 'medium', reportIds: [], compoundIds: ids.slice(2, 6) });
    const wall: number[] = [];
    const node: number[] = [];
    for (let k = 0; k < 41; k++) {
      const moved = structuredClone(area.geometry) as Area;
      const ring = moved.type === 'Polygon' ? moved.coordinates[0] : moved.coordinates[0][0];
      ring[1][0] += 0.00001 * k; // about 1 m a step
      const t = performance.now();
      const p = await ok('previewRiskArea', { geometry: moved, areaId: area.id });
      if (k > 0) wall.push(performance.now() - t);
      if (k > 0) node.push(p.computeMs);
    }
    return [
      {
        name: 'risk areas: previewRiskArea while a vertex moves (demo street, dispatcher)',
        figures: {
          calls: wall.length,
          'dispatch ms, median': round(median(wall)),
          'dispatch ms, fastest': round(Math.min(...wall)),
          'computeMs (figures only), median': round(median(node)),
        },
      },
    ];
  } finally {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
