/**
 * Generates the fictional demo street (示例街道) into resources/demo/. Deterministic: a fixed seed, no clock,
 * no Math.random, so running it again gives byte-identical files (a test checks this).
 * Run with `npm run demo:generate`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import booleanWithin from '@turf/boolean-within';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import { polygon } from '@turf/helpers';
import { createRng } from './demo/random';
import { area, compoundShape, layoutStreet, planBlocks, ringToLngLat, toLngLat, type Block, type XY } from './demo/geometry';
import { COMMUNITY_NAMES, ROAD_NAMES, compoundName, maskedPhone, personName, type CompoundKind } from './demo/names';
import { populateCompound, registerCsv, type ResidentRow } from './demo/population';
import { placeVenues, type VenueCommunity } from './demo/venues';

export const DEMO_SEED = 20220601;
/** The register's ages are as of this year (elderly = born in 1966 or before). */
export const DEMO_YEAR = 2026;
export const DEMO_RESIDENTS = 100_000;
export const DEMO_FILES = ['street.json', 'communities.geojson', 'grids.json', 'compounds.geojson', 'venues.geojson', 'residents.csv', 'teams.json', 'operators.json'] as const;

const COMMENT = '虚构数据：示例街道及其中的社区、小区、场所、人员、电话均为程序生成，与真实地点和人物无关。Fictional demo data.';
const BLOCK_COLS = 4;
const BLOCK_ROWS = 5;
const COMPOUNDS_PER_COMMUNITY = [16, 14, 15, 17, 13, 15, 16, 14];
const DENSITY: Record<CompoundKind, number> = { old: 1.45, mid: 1, new: 1.2 };

interface CompoundPlan {
  code: string;
  name: string;
  communityCode: string;
  gridCode: string;
  kind: CompoundKind;
  ring: XY[];
  weight: number;
  residents: number;
  households: number;
  elderly: number;
  buildings: number;
}

/** Builds every file's content in memory. */
export function buildDemo(): Record<(typeof DEMO_FILES)[number], string> {
  const rng = createRng(DEMO_SEED);
  const layout = layoutStreet(rng);
  const roadNames = rng.shuffle([...ROAD_NAMES]);
  const counts = rng.shuffle([...COMPOUNDS_PER_COMMUNITY]);
  const taken = new Set<string>();
  const grids: { code: string; name: string; communityCode: string; fictional: true }[] = [];
  const compounds: CompoundPlan[] = [];
  const venueCommunities: VenueCommunity[] = [];

  layout.cells.forEach((cell, k) => {
    const communityCode = `SQ${String(k + 1).padStart(2, '0')}`;
    const plan = planBlocks(rng, cell, BLOCK_COLS, BLOCK_ROWS);
    const order = rng.shuffle(plan.blocks.map((_, i) => i));
    const housing = new Set(order.slice(0, counts[k]));
    const blocks = plan.blocks.filter((_, i) => housing.has(i));
    const gridCount = rng.int(3, 5);
    for (let g = 1; g <= gridCount; g++) grids.push({ code: `${communityCode}-WG${g}`, name: `${COMMUNITY_NAMES[k]}第${g}网格`, communityCode, fictional: true });
    // Grids take columns of blocks, west to east.
    const byColumn = [...blocks].sort((a, b) => a.col - b.col || a.row - b.row);
    const mine: CompoundPlan[] = [];
    blocks.forEach((block: Block, i) => {
      const kind = rng.weighted([['old', 35], ['mid', 40], ['new', 25]] as const);
      const ring = compoundShape(rng, block.quad);
      const g = Math.floor((byColumn.indexOf(block) * gridCount) / blocks.length) + 1;
      mine.push({
        code: `${communityCode}-XQ${String(i + 1).padStart(2, '0')}`,
        name: compoundName(rng, kind, taken),
        communityCode,
        gridCode: `${communityCode}-WG${g}`,
        kind,
        ring,
        weight: area(ring) * DENSITY[kind] * rng.range(0.75, 1.25),
        residents: 0,
        households: 0,
        elderly: 0,
        buildings: 0,
      });
    });
    compounds.push(...mine);
    venueCommunities.push({
      name: COMMUNITY_NAMES[k],
      cell,
      compounds: mine.map((c) => ({ name: c.name, ring: c.ring, buildings: 0 })),
      emptyBlocks: plan.blocks.filter((_, i) => !housing.has(i)),
      roadsU: plan.roadsU.map((u) => ({ u, name: roadNames.pop()! })),
      roadsV: plan.roadsV.map((v) => ({ v, name: roadNames.pop()! })),
    });
  });

  apportion(compounds, DEMO_RESIDENTS);
  const popRng = createRng(DEMO_SEED + 1);
  const register: ResidentRow[] = [];
  for (const c of compounds) {
    const pop = populateCompound(popRng, c.code, c.kind, c.residents, DEMO_YEAR);
    Object.assign(c, { households: pop.households, elderly: pop.elderly, buildings: pop.buildings });
    register.push(...pop.rows);
  }
  for (const vc of venueCommunities) for (const vcc of vc.compounds) vcc.buildings = compounds.find((c) => c.name === vcc.name)!.buildings;
  const venues = placeVenues(createRng(DEMO_SEED + 2), venueCommunities);

  const communities = layout.cells.map((cell, k) => ({
    type: 'Feature',
    properties: { code: `SQ${String(k + 1).padStart(2, '0')}`, name: COMMUNITY_NAMES[k] },
    geometry: { type: 'Polygon', coordinates: [ringToLngLat(cell.ring)] },
  }));
  const compoundFeatures = compounds.map((c) => ({
    type: 'Feature',
    properties: {
      code: c.code,
      name: c.name,
      communityCode: c.communityCode,
      gridCode: c.gridCode,
      buildings: c.buildings,
      residents: c.residents,
      households: c.households,
      elderly: c.elderly,
    },
    geometry: { type: 'Polygon', coordinates: [ringToLngLat(c.ring)] },
  }));
  const venueFeatures = venues.map((v, i) => ({
    type: 'Feature',
    properties: { code: `CS${String(i + 1).padStart(3, '0')}`, name: v.name, type: v.type, address: v.address, contact: v.contact },
    geometry: { type: 'Point', coordinates: toLngLat(v.at) },
  }));
  const boundary = { type: 'Polygon', coordinates: [ringToLngLat(layout.outline)] };
  check(boundary.coordinates[0], communities, compoundFeatures, venueFeatures);

  return {
    'street.json': JSON.stringify({ fictional: true, comment: COMMENT, code: 'DEMO', name: '示例街道', isFictional: true, boundary }, null, 1) + '\n',
    'communities.geojson': featureCollection(communities),
    'grids.json': '[\n' + grids.map((g) => JSON.stringify(g)).join(',\n') + '\n]\n',
    'compounds.geojson': featureCollection(compoundFeatures),
    'venues.geojson': featureCollection(venueFeatures),
    'residents.csv': registerCsv(register),
    'teams.json': JSON.stringify({ fictional: true, comment: COMMENT, teams: teams() }, null, 1) + '\n',
    'operators.json': JSON.stringify({ fictional: true, comment: COMMENT, operators: DEMO_OPERATORS }, null, 1) + '\n',
  };
}

export function generateDemo(outDir: string): string[] {
  const files = buildDemo();
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(outDir, name), text, 'utf8');
  return Object.keys(files);
}

/** Residents proportional to weight, summing exactly to the total (largest remainder). */
function apportion(compounds: CompoundPlan[], total: number) {
  const sum = compounds.reduce((s, c) => s + c.weight, 0);
  const exact = compounds.map((c) => (c.weight * total) / sum);
  compounds.forEach((c, i) => (c.residents = Math.floor(exact[i])));
  const short = total - compounds.reduce((s, c) => s + c.residents, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < short; k++) compounds[byRemainder[k][1]].residents++;
}

/**
 * The desk's operators of the demo street, so the first sign-in needs no detour through the operator list: three duty
 * officers, none with a PIN and none an admin, so the operator list stays open to change (as on a fresh database)
 * until someone is made admin (README). Phones are fictional but well-formed.
 */
export const DEMO_OPERATORS = [
  { name: '周主任', phone: '13800138001', isAdmin: false },
  { name: '刘值班', phone: '13800138002', isAdmin: false },
  { name: '孙值班', phone: '13800138003', isAdmin: false },
];

function teams() {
  const rng = createRng(DEMO_SEED + 3);
  let phone = 1;
  const member = (role: 'leader' | 'sampler' | 'registrar') => ({ name: personName(rng, rng.chance(0.6) ? 'F' : 'M', rng.int(1970, 2000)), role, phone: maskedPhone(rng, phone++) });
  return Array.from({ length: 12 }, (_, i) => ({
    code: `CYD${String(i + 1).padStart(2, '0')}`,
    name: `第${i + 1}采样队`,
    members: [
      member('leader'),
      ...Array.from({ length: rng.int(4, 6) }, () => member('sampler')),
      ...Array.from({ length: rng.int(4, 6) }, () => member('registrar')),
    ],
  }));
}

function featureCollection(features: unknown[]): string {
  return `{"type":"FeatureCollection","fictional":true,"comment":${JSON.stringify(COMMENT)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

type Ring = [number, number][];
type PolygonFeature = { properties: { code: string; communityCode?: string }; geometry: { coordinates: Ring[] } };

/** Refuses to write a street that breaks its own promises: simple polygons, compounds inside communities, venues inside the street. */
function check(outline: Ring, communities: PolygonFeature[], compounds: PolygonFeature[], venues: { properties: { code: string }; geometry: { coordinates: [number, number] } }[]) {
  const street = polygon([outline]);
  if (kinks(street).features.length) throw new Error('street outline intersects itself');
  const byCode = new Map(communities.map((c) => [c.properties.code, polygon(c.geometry.coordinates)]));
  for (const [code, p] of byCode) if (kinks(p).features.length) throw new Error(`community ${code} intersects itself`);
  for (const c of compounds) {
    const p = polygon(c.geometry.coordinates);
    if (kinks(p).features.length) throw new Error(`compound ${c.properties.code} intersects itself`);
    if (!booleanWithin(p, byCode.get(c.properties.communityCode!)!)) throw new Error(`compound ${c.properties.code} is not within its community`);
  }
  for (const v of venues) if (!booleanPointInPolygon(v.geometry.coordinates, street)) throw new Error(`venue ${v.properties.code} is outside the street`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'demo');
  const written = generateDemo(outDir);
  for (const f of written) console.log(`${path.join(outDir, f)}  ${fs.statSync(path.join(outDir, f)).size} bytes`);
}
