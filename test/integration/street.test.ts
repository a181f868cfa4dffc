import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openApp, type OpenedApp } from '../../main/services/app';
import { dispatch } from '../../main/api/dispatch';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { communitiesGeoJson, compoundsGeoJson, importFile, residentsCsv, venuesGeoJson } from '../fixtures/import/fixtures';
import { signInAt } from './mode-harness';

/** Street data through the API as the UI calls it: add, edit, delete, conflicts, cascades and the board's totals. */

const square = (lng: number, lat: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]],
});

let dir: string;
let app: OpenedApp;

async function ok<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await dispatch(app.ctx, method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.value as Output<M>;
}

async function fail<M extends MethodName>(method: M, input: unknown): Promise<ApiError> {
  const r = await dispatch(app.ctx, method, input);
  if (r.ok) throw new Error(`${method} should have failed but answered ${JSON.stringify(r.value)}`);
  return r.error;
}

const summary = () => ok('getStreetSummary', {});

/** Two communities side by side; 东 holds two compounds, 西 one. */
async function buildStreet() {
  await ok('createStreet', { code: '500104001', name: '测试街道' });
  const east = await ok('saveCommunity', { code: 'C01', name: '东苑社区', boundary: square(106.5, 29.53, 0.01) });
  const west = await ok('saveCommunity', { code: 'C02', name: '西苑社区', boundary: square(106.48, 29.53, 0.01) });
  const a = await ok('saveCompound', {
    code: 'P001', name: '桂花小区', communityId: east.id, buildings: 12, residents: 1200, households: 450, elderly: 300,
    boundary: square(106.501, 29.531, 0.002),
  });
  const b = await ok('saveCompound', { code: 'P002', name: '兰园小区', communityId: east.id, residents: 800, households: 300, elderly: 100 });
  const c = await ok('saveCompound', { code: 'P003', name: '竹林小区', communityId: west.id, residents: 500, households: 200, elderly: 90 });
  return { east, west, a, b, c };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-street-'));
  app = openApp({ dataDir: dir, resourcesDir: path.resolve('resources'), shell: 'host', version: 'test', now: () => Date.UTC(2022, 5, 1, 2) });
  signInAt(app.ctx, '值班员');
});

afterEach(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('communities', () => {
  test('add, edit and delete a community; the list and the board totals follow', async () => {
    const { east } = await buildStreet();
    expect((await summary()).communities).toBe(2);

    const listed = await ok('listCommunities', {});
    expect(listed.map((c) => c.code)).toEqual(['C01', 'C02']);
    expect(listed[0]).toMatchObject({ name: '东苑社区', compounds: 2, residents: 2000, households: 750, elderly: 400 });

    const renamed = await ok('saveCommunity', { id: east.id, code: 'C01', name: '东苑新社区' });
    expect(renamed.name).toBe('东苑新社区');
    // Editing without a boundary keeps the one drawn before.
    expect(renamed.boundary?.type).toBe('Polygon');
    expect((await ok('listCommunities', { search: '新社区' })).map((c) => c.id)).toEqual([east.id]);
    expect(await ok('listCommunities', { search: 'C02' })).toHaveLength(1);

    const added = await ok('saveCommunity', { code: 'C03', name: '南苑社区' });
    expect(added).toMatchObject({ compounds: 0, residents: 0 });
    expect((await summary()).communities).toBe(3);
    await ok('deleteCommunity', { id: added.id });
    expect((await summary()).communities).toBe(2);
  });

  test('a duplicate community code is a conflict naming the code, and nothing changes', async () => {
    const { east, west } = await buildStreet();
    const dup = await fail('saveCommunity', { code: 'C01', name: '重复社区' });
    expect(dup.code).toBe('conflict');
    expect(dup.message).toContain('C01');
    const rename = await fail('saveCommunity', { id: west.id, code: ' C01 ', name: '西苑社区' });
    expect(rename.code).toBe('conflict');
    const list = await ok('listCommunities', {});
    expect(list.map((c) => [c.id, c.code, c.name])).toEqual([
      [east.id, 'C01', '东苑社区'],
      [west.id, 'C02', '西苑社区'],
    ]);
  });

  test('unknown ids answer not_found', async () => {
    await buildStreet();
    expect((await fail('saveCommunity', { id: 9999, code: 'C09', name: '无' })).code).toBe('not_found');
    expect((await fail('deleteCommunity', { id: 9999 })).code).toBe('not_found');
    expect((await ok('listCommunities', {})).map((c) => c.code)).toEqual(['C01', 'C02']);
  });

  test('an empty name is refused naming the field', async () => {
    await buildStreet();
    const e = await fail('saveCommunity', { code: 'C09', name: '   ' });
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain('name');
    expect((await summary()).communities).toBe(2);
  });

  test('deleting a community takes its grids, compounds and registered residents; venues stay without it', async () => {
    const { east, west, a, b } = await buildStreet();
    const db = app.ctx.db;
    db.prepare("INSERT INTO grid (code, name, community_id, updated_at) VALUES ('G01', '东一网格', ?, 0)").run(east.id);
    const addResident = db.prepare("INSERT INTO resident (compound_id, household, name, birth_year, updated_at) VALUES (?, ?, ?, ?, 0)");
    addResident.run(a.id, '1-101', '张三', 1950);
    addResident.run(a.id, '1-101', '李四', 1980);
    addResident.run(b.id, '2-202', '王五', 1990);
    const venue = await ok('saveVenue', { code: 'V001', name: '桂花超市', type: 'supermarket', lng: 106.502, lat: 29.532 });
    expect(venue.compoundId).toBe(a.id);

    const before = await summary();
    expect(before).toMatchObject({ communities: 2, grids: 1, compounds: 3, residents: 2500, households: 950, elderly: 490, registeredResidents: 3, venues: 1 });

    await ok('deleteCommunity', { id: east.id });
    const after = await summary();
    expect(after).toMatchObject({ communities: 1, grids: 0, compounds: 1, residents: 500, households: 200, elderly: 90, registeredResidents: 0, venues: 1 });
    expect((await ok('listCompounds', {})).rows.map((p) => p.code)).toEqual(['P003']);
    expect((await ok('listCompounds', { communityId: east.id })).total).toBe(0);
    const kept = (await ok('listVenues', {})).rows[0];
    expect(kept).toMatchObject({ code: 'V001', communityId: null, compoundId: null });
    expect((await ok('listCommunities', {})).map((c) => c.id)).toEqual([west.id]);
  });
});

describe('compounds', () => {
  test('add, edit residents and delete a compound; community and street totals follow', async () => {
    const { east, west } = await buildStreet();
    const added = await ok('saveCompound', { code: 'P004', name: '梅苑', communityId: west.id, residents: 100, households: 40, elderly: 10 });
    expect(added).toMatchObject({ communityName: '西苑社区', buildings: null, gridId: null });
    expect((await summary()).residents).toBe(2600);

    const edited = await ok('saveCompound', { ...added, residents: 150, households: 50, elderly: 20, buildings: 3 });
    expect(edited).toMatchObject({ residents: 150, households: 50, elderly: 20, buildings: 3 });
    expect(await summary()).toMatchObject({ compounds: 4, residents: 2650, households: 1000, elderly: 510 });
    expect((await ok('listCommunities', { search: 'C02' }))[0]).toMatchObject({ compounds: 2, residents: 650 });

    // Moving it to the other community moves its people with it.
    await ok('saveCompound', { ...edited, communityId: east.id });
    expect((await ok('listCommunities', {})).map((c) => c.residents)).toEqual([2150, 500]);

    await ok('deleteCompound', { id: added.id });
    expect(await summary()).toMatchObject({ compounds: 3, residents: 2500, households: 950, elderly: 490 });
  });

  test('search by name or code and filter by community, with the total beside the page', async () => {
    const { east, west } = await buildStreet();
    expect((await ok('listCompounds', { search: '桂花' })).rows.map((p) => p.code)).toEqual(['P001']);
    expect((await ok('listCompounds', { search: 'p00' })).total).toBe(3);
    expect((await ok('listCompounds', { communityId: east.id })).rows.map((p) => p.code)).toEqual(['P001', 'P002']);
    expect((await ok('listCompounds', { communityId: west.id, search: '桂花' })).total).toBe(0);
    const page = await ok('listCompounds', { limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(2);
  });

  test('a duplicate compound code is a conflict naming the code, and nothing changes', async () => {
    const { east, b } = await buildStreet();
    const dup = await fail('saveCompound', { code: 'P001', name: '另一个', communityId: east.id, residents: 1, households: 1, elderly: 0 });
    expect(dup.code).toBe('conflict');
    expect(dup.message).toContain('P001');
    const edit = await fail('saveCompound', { ...b, code: 'P001', residents: 999 });
    expect(edit.code).toBe('conflict');
    const rows = (await ok('listCompounds', {})).rows;
    expect(rows.map((p) => p.code)).toEqual(['P001', 'P002', 'P003']);
    expect(rows[1].residents).toBe(800);
    expect((await summary()).residents).toBe(2500);
  });

  test('more elderly than residents is refused, naming both numbers, and nothing changes', async () => {
    const { east, a } = await buildStreet();
    const add = await fail('saveCompound', { code: 'P009', name: '错数小区', communityId: east.id, residents: 10, households: 5, elderly: 11 });
    expect(add.code).toBe('invalid_input');
    expect(add.message).toContain('11');
    expect(add.message).toContain('10');
    const edit = await fail('saveCompound', { ...a, elderly: 5000 });
    expect(edit.code).toBe('invalid_input');
    expect((await summary())).toMatchObject({ compounds: 3, elderly: 490 });
  });

  test('negative or fractional counts are refused naming the field', async () => {
    const { east } = await buildStreet();
    const neg = await fail('saveCompound', { code: 'P009', name: '错数小区', communityId: east.id, residents: -1, households: 0, elderly: 0 });
    expect(neg.code).toBe('invalid_input');
    expect(neg.message).toContain('residents');
    const frac = await fail('saveCompound', { code: 'P009', name: '错数小区', communityId: east.id, residents: 10, households: 2.5, elderly: 0 });
    expect(frac.message).toContain('households');
    expect((await summary()).compounds).toBe(3);
  });

  test('unknown compound, community or grid ids answer not_found, and nothing changes', async () => {
    const { east, west, a } = await buildStreet();
    expect((await fail('saveCompound', { ...a, id: 9999 })).code).toBe('not_found');
    expect((await fail('deleteCompound', { id: 9999 })).code).toBe('not_found');
    const noCommunity = await fail('saveCompound', { code: 'P010', name: '孤岛', communityId: 9999, residents: 0, households: 0, elderly: 0 });
    expect(noCommunity.code).toBe('not_found');
    expect(noCommunity.message).toContain('社区');
    const noGrid = await fail('saveCompound', { code: 'P010', name: '孤岛', communityId: east.id, gridId: 9999, residents: 0, households: 0, elderly: 0 });
    expect(noGrid.code).toBe('not_found');
    expect(noGrid.message).toContain('网格');
    // A grid of another community does not fit.
    const gridWest = Number(
      app.ctx.db.prepare("INSERT INTO grid (code, name, community_id, updated_at) VALUES ('G02', '西一网格', ?, 0)").run(west.id).lastInsertRowid,
    );
    const wrongGrid = await fail('saveCompound', { ...a, gridId: gridWest });
    expect(wrongGrid.code).toBe('invalid_input');
    expect(wrongGrid.message).toContain('西一网格');
    expect((await ok('saveCompound', { ...a, communityId: west.id, gridId: gridWest })).gridId).toBe(gridWest);
    expect((await summary()).compounds).toBe(3);
  });

  test('deleting a compound takes its registered residents; a venue inside it stays, without it', async () => {
    const { a, east } = await buildStreet();
    app.ctx.db.prepare("INSERT INTO resident (compound_id, household, name, updated_at) VALUES (?, '3-301', '赵六', 0)").run(a.id);
    const venue = await ok('saveVenue', { code: 'V001', name: '桂花药房', type: 'pharmacy', lng: 106.502, lat: 29.532 });
    expect(venue.compoundId).toBe(a.id);
    await ok('deleteCompound', { id: a.id });
    expect(await summary()).toMatchObject({ compounds: 2, registeredResidents: 0, residents: 1300, venues: 1 });
    expect((await ok('listVenues', {})).rows[0]).toMatchObject({ compoundId: null, communityId: east.id });
  });
});

describe('key venues', () => {
  test('a venue saved inside a compound outline gets that compound and its community', async () => {
    const { east, west, a } = await buildStreet();
    const v = await ok('saveVenue', { code: 'V001', name: '桂花棋牌室', type: 'chess_room', lng: 106.5015, lat: 29.5315, address: '桂花路 1 号', contact: '13800000000' });
    expect(v).toMatchObject({ compoundId: a.id, communityId: east.id, address: '桂花路 1 号', contact: '13800000000' });

    // Inside the community but outside every compound: the community only.
    const moved = await ok('saveVenue', { ...v, lng: 106.508, lat: 29.538 });
    expect(moved).toMatchObject({ id: v.id, compoundId: null, communityId: east.id });

    // Outside the street: neither.
    const away = await ok('saveVenue', { ...v, lng: 107.0, lat: 30.0 });
    expect(away).toMatchObject({ compoundId: null, communityId: null });

    // A compound moved to the other community takes the venue inside it along.
    const inside = await ok('saveVenue', { code: 'V002', name: '桂花药房', type: 'pharmacy', lng: 106.502, lat: 29.532 });
    await ok('saveCompound', { ...a, communityId: west.id });
    expect((await ok('listVenues', { search: 'V002' })).rows[0]).toMatchObject({ id: inside.id, compoundId: a.id, communityId: west.id });

    const summ = await summary();
    expect(summ.venues).toBe(2);
    expect(summ.venuesByType).toEqual({ chess_room: 1, pharmacy: 1 });
  });

  test('search by name, code or address and filter by type', async () => {
    await buildStreet();
    await ok('saveVenue', { code: 'V001', name: '桂花超市', type: 'supermarket', lng: 106.502, lat: 29.532, address: '桂花路 8 号' });
    await ok('saveVenue', { code: 'V002', name: '东苑网吧', type: 'internet_cafe', lng: 106.505, lat: 29.535 });
    await ok('saveVenue', { code: 'V003', name: '西苑药房', type: 'pharmacy', lng: 106.485, lat: 29.535, address: '竹林路' });
    expect((await ok('listVenues', { search: '桂花路' })).rows.map((v) => v.code)).toEqual(['V001']);
    expect((await ok('listVenues', { type: 'internet_cafe' })).rows.map((v) => v.code)).toEqual(['V002']);
    expect((await ok('listVenues', { search: 'V00', type: 'pharmacy' })).total).toBe(1);
    expect((await ok('listVenues', { search: 'V00' })).total).toBe(3);
  });

  test('a latitude out of range is refused naming the field, and nothing is saved', async () => {
    await buildStreet();
    const e = await fail('saveVenue', { code: 'V001', name: '北极店', type: 'supermarket', lng: 106.5, lat: 91 });
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain('lat');
    expect(e.message).toContain('纬度');
    const badType = await fail('saveVenue', { code: 'V001', name: '未知', type: 'casino', lng: 106.5, lat: 29.5 });
    expect(badType.code).toBe('invalid_input');
    expect(badType.message).toContain('type');
    expect((await summary()).venues).toBe(0);
  });

  test('a duplicate venue code is a conflict naming the code; unknown ids answer not_found', async () => {
    await buildStreet();
    const first = await ok('saveVenue', { code: 'V001', name: '桂花超市', type: 'supermarket', lng: 106.502, lat: 29.532 });
    const dup = await fail('saveVenue', { code: 'V001', name: '又一个', type: 'market', lng: 106.503, lat: 29.533 });
    expect(dup.code).toBe('conflict');
    expect(dup.message).toContain('V001');
    expect((await fail('saveVenue', { ...first, id: 9999, code: 'V002' })).code).toBe('not_found');
    expect((await fail('deleteVenue', { id: 9999 })).code).toBe('not_found');
    const rows = (await ok('listVenues', {})).rows;
    expect(rows.map((v) => [v.code, v.name])).toEqual([['V001', '桂花超市']]);
    await ok('deleteVenue', { id: first.id });
    expect((await summary()).venues).toBe(0);
  });
});

describe('search text', () => {
  test('% and _ in the search box are matched literally, not as wildcards', async () => {
    const { east } = await buildStreet();
    await ok('saveCompound', { code: 'P_10', name: '百分%小区', communityId: east.id, residents: 0, households: 0, elderly: 0 });
    expect((await ok('listCompounds', { search: '%' })).rows.map((p) => p.code)).toEqual(['P_10']);
    expect((await ok('listCompounds', { search: 'P_' })).rows.map((p) => p.code)).toEqual(['P_10']);
    expect(await ok('listCommunities', { search: '_' })).toEqual([]);
    expect((await ok('listVenues', { search: '%' })).total).toBe(0);
  });
});

describe('grids (网格)', () => {
  test('add, edit and delete a grid: the list shows its community and compounds; deleting leaves the compounds, unlinked', async () => {
    const { east, west, a, b } = await buildStreet();
    const g1 = await ok('saveGrid', { code: 'G01', name: '东苑一网格', communityId: east.id });
    expect(g1).toMatchObject({ code: 'G01', name: '东苑一网格', communityId: east.id, communityName: '东苑社区', compounds: 0 });
    await ok('saveGrid', { code: 'G02', name: '西苑一网格', communityId: west.id });
    await ok('saveCompound', { ...a, gridId: g1.id });
    await ok('saveCompound', { ...b, gridId: g1.id });
    expect((await ok('listGrids', {})).map((g) => [g.code, g.compounds])).toEqual([['G01', 2], ['G02', 0]]);
    expect((await ok('listGrids', { communityId: west.id })).map((g) => g.code)).toEqual(['G02']);
    expect((await ok('listGrids', { search: '东苑' })).map((g) => g.code)).toEqual(['G01']);
    expect((await ok('listGrids', { search: 'g02' })).map((g) => g.code)).toEqual(['G02']);
    expect((await summary()).grids).toBe(2);

    const renamed = await ok('saveGrid', { id: g1.id, code: 'G01', name: '桂花网格', communityId: east.id });
    expect(renamed).toMatchObject({ name: '桂花网格', compounds: 2 });

    await ok('deleteGrid', { id: g1.id });
    expect((await ok('listGrids', {})).map((g) => g.code)).toEqual(['G02']);
    const compounds = (await ok('listCompounds', { communityId: east.id })).rows;
    expect(compounds.map((p) => [p.code, p.gridId])).toEqual([['P001', null], ['P002', null]]);
    expect(await summary()).toMatchObject({ compounds: 3, grids: 1, residents: 2500 });
    const log = app.ctx.db.prepare("SELECT text FROM event_log WHERE text LIKE '%网格%' ORDER BY id").all() as { text: string }[];
    expect(log.map((l) => l.text)).toEqual([
      '新增网格：东苑一网格（G01），东苑社区',
      '新增网格：西苑一网格（G02），西苑社区',
      '修改网格：桂花网格（G01），东苑社区',
      '删除网格：桂花网格（G01），东苑社区（其小区保留，不再属于网格）',
    ]);
  });

  test('a duplicate grid code is a conflict naming the code; unknown grid or community ids answer not_found', async () => {
    const { east, west } = await buildStreet();
    const g1 = await ok('saveGrid', { code: 'G01', name: '东苑一网格', communityId: east.id });
    const dup = await fail('saveGrid', { code: 'G01', name: '又一个', communityId: west.id });
    expect(dup.code).toBe('conflict');
    expect(dup.message).toContain('G01');
    const g2 = await ok('saveGrid', { code: 'G02', name: '西苑一网格', communityId: west.id });
    expect((await fail('saveGrid', { id: g2.id, code: 'G01', name: '西苑一网格', communityId: west.id })).code).toBe('conflict');
    expect((await fail('saveGrid', { id: 9999, code: 'G09', name: '无', communityId: east.id })).code).toBe('not_found');
    const noCommunity = await fail('saveGrid', { code: 'G09', name: '无', communityId: 9999 });
    expect(noCommunity.code).toBe('not_found');
    expect(noCommunity.message).toContain('社区');
    const gone = await fail('deleteGrid', { id: 9999 });
    expect(gone.code).toBe('not_found');
    expect(gone.message).toContain('网格');
    expect((await fail('saveGrid', { code: ' ', name: '空', communityId: east.id })).message).toContain('编码不能为空');
    expect((await ok('listGrids', {})).map((g) => [g.code, g.name])).toEqual([['G01', g1.name], ['G02', '西苑一网格']]);
  });

  test('a grid holding compounds cannot move to another community; an empty one can', async () => {
    const { east, west, a } = await buildStreet();
    const g1 = await ok('saveGrid', { code: 'G01', name: '东苑一网格', communityId: east.id });
    await ok('saveCompound', { ...a, gridId: g1.id });
    const moved = await fail('saveGrid', { id: g1.id, code: 'G01', name: '东苑一网格', communityId: west.id });
    expect(moved.code).toBe('conflict');
    expect(moved.message).toContain('1 个小区');
    expect((await ok('listGrids', {}))[0].communityId).toBe(east.id);
    await ok('saveCompound', { ...a, gridId: null });
    expect((await ok('saveGrid', { id: g1.id, code: 'G01', name: '东苑一网格', communityId: west.id })).communityName).toBe('西苑社区');
  });

  test('deleting a community takes its grids with it', async () => {
    const { east, west } = await buildStreet();
    await ok('saveGrid', { code: 'G01', name: '东苑一网格', communityId: east.id });
    await ok('saveGrid', { code: 'G02', name: '西苑一网格', communityId: west.id });
    await ok('deleteCommunity', { id: east.id });
    expect((await ok('listGrids', {})).map((g) => g.code)).toEqual(['G02']);
  });
});

describe('venue names and count rules', () => {
  test('a venue row names its compound and community (joined on the server)', async () => {
    const { a } = await buildStreet();
    const inside = await ok('saveVenue', { code: 'V001', name: '桂花药房', type: 'pharmacy', lng: 106.502, lat: 29.532 });
    expect(inside).toMatchObject({ compoundId: a.id, compoundName: '桂花小区', communityName: '东苑社区' });
    await ok('saveVenue', { code: 'V002', name: '东苑网吧', type: 'internet_cafe', lng: 106.508, lat: 29.538 });
    await ok('saveVenue', { code: 'V003', name: '野外工地', type: 'construction_site', lng: 106.6, lat: 29.6 });
    const rows = (await ok('listVenues', {})).rows;
    expect(rows.map((v) => [v.code, v.communityName, v.compoundName])).toEqual([
      ['V001', '东苑社区', '桂花小区'],
      ['V002', '东苑社区', null],
      ['V003', null, null],
    ]);
    await ok('saveCompound', { ...a, name: '桂花苑' });
    expect((await ok('listVenues', { search: 'V001' })).rows[0].compoundName).toBe('桂花苑');
  });

  test('more households than residents is refused naming both numbers, and nothing changes', async () => {
    const { east, a } = await buildStreet();
    const add = await fail('saveCompound', { code: 'P009', name: '空户小区', communityId: east.id, residents: 10, households: 11, elderly: 0 });
    expect(add.code).toBe('invalid_input');
    expect(add.message).toContain('户数 (11) 不能大于居民数 (10)');
    const edit = await fail('saveCompound', { ...a, households: 1201 });
    expect(edit.message).toContain('1201');
    expect(await summary()).toMatchObject({ compounds: 3, households: 950 });
    expect((await ok('saveCompound', { ...a, households: 1200 })).households).toBe(1200);
  });

  test('count messages are Chinese and name the field and the rule', async () => {
    const { east } = await buildStreet();
    const neg = await fail('saveCompound', { code: 'P009', name: '错数小区', communityId: east.id, residents: -1, households: 0, elderly: 0 });
    expect(neg.message).toContain('居民数须为不小于 0 的整数');
    const frac = await fail('saveCompound', { code: 'P009', name: '错数小区', communityId: east.id, residents: 10, households: 2.5, elderly: 0 });
    expect(frac.message).toContain('户数须为不小于 0 的整数');
    const text = await fail('saveCompound', { code: 'P009', name: '错数小区', communityId: east.id, residents: 10, households: 2, elderly: '三' });
    expect(text.message).toContain('60岁以上人数须为数字');
    expect(neg.message + frac.message + text.message).not.toMatch(/expected|Too small|Invalid/i);
  });
});

describe('who changed a row (issue 4: every record carries the operator)', () => {
  const NOW = Date.UTC(2022, 5, 1, 2);

  async function signInAs(name: string) {
    const op = await ok('saveOperator', { name });
    await ok('signIn', { operatorId: op.id });
    return op;
  }

  test('a compound saved at the desk names the operator; with nobody signed in the save is refused', async () => {
    const { east, a } = await buildStreet(); // by 值班员, signed in before each test
    expect(a).toMatchObject({ updatedAt: NOW, updatedByName: '值班员' });

    const op = await signInAs('王值班');
    const saved = await ok('saveCompound', { id: a.id, code: 'P001', name: '桂花小区', communityId: east.id, residents: 1300, households: 450, elderly: 300 });
    expect(saved.updatedByName).toBe('王值班');
    expect(app.ctx.db.prepare('SELECT updated_by FROM compound WHERE id = ?').get(a.id)).toEqual({ updated_by: op.id });
    const listed = await ok('listCompounds', {});
    expect(listed.rows.map((r) => [r.code, r.updatedByName])).toEqual([
      ['P001', '王值班'],
      ['P002', '值班员'],
      ['P003', '值班员'],
    ]);

    await ok('signOut', {});
    const later = await fail('saveCompound', { id: a.id, code: 'P001', name: '桂花小区', communityId: east.id, residents: 1310, households: 450, elderly: 300 });
    expect(later.code).toBe('signed_out');
    expect(app.ctx.db.prepare('SELECT residents, updated_by FROM compound WHERE id = ?').get(a.id)).toEqual({ residents: 1300, updated_by: op.id });
  });

  test('communities, grids and venues carry the operator too', async () => {
    await ok('createStreet', { code: '500104001', name: '测试街道' });
    await signInAs('李值班');
    const c = await ok('saveCommunity', { code: 'C01', name: '东苑社区', boundary: square(106.5, 29.53, 0.01) });
    const g = await ok('saveGrid', { code: 'G01', name: '一网格', communityId: c.id });
    const v = await ok('saveVenue', { code: 'V01', name: '好又多超市', type: 'supermarket', lng: 106.505, lat: 29.535 });
    for (const row of [c, g, v]) expect(row).toMatchObject({ updatedAt: NOW, updatedByName: '李值班' });
    expect((await ok('listCommunities', {}))[0].updatedByName).toBe('李值班');
    expect((await ok('listGrids', {}))[0].updatedByName).toBe('李值班');
    expect((await ok('listVenues', {})).rows[0].updatedByName).toBe('李值班');
  });

  test('an import stamps every row it writes with the operator at the desk', async () => {
    await ok('createStreet', { code: '500104001', name: '测试街道' });
    await signInAs('赵值班');
    const files: [Parameters<typeof importFile>[1], string, string][] = [
      ['communities', '社区.geojson', communitiesGeoJson()],
      ['compounds', '小区.geojson', compoundsGeoJson()],
      ['venues', '场所.geojson', venuesGeoJson()],
    ];
    for (const [kind, name, content] of files) expect((await importFile(app, kind, name, content)).ok).toBe(true);
    const names = (table: string) =>
      app.ctx.db.prepare(`SELECT DISTINCT o.name FROM ${table} t LEFT JOIN operator o ON o.id = t.updated_by`).all();
    for (const table of ['community', 'compound', 'venue']) expect(names(table)).toEqual([{ name: '赵值班' }]);

    // The register recounts the compounds it names: they are stamped by whoever imported it.
    await signInAs('钱值班');
    expect((await importFile(app, 'residents', '人口.csv', residentsCsv())).ok).toBe(true);
    const byCode = Object.fromEntries((await ok('listCompounds', {})).rows.map((r) => [r.code, r.updatedByName]));
    expect(byCode.P01).toBe('钱值班');
  });

  test('a grid created by a compounds import names the operator', async () => {
    await ok('createStreet', { code: '500104001', name: '测试街道' });
    await signInAs('孙值班');
    expect((await importFile(app, 'communities', '社区.geojson', communitiesGeoJson())).ok).toBe(true);
    const file = JSON.parse(compoundsGeoJson()) as { features: { properties: Record<string, unknown> }[] };
    file.features[0].properties.gridCode = 'W01';
    expect((await importFile(app, 'compounds', '小区.geojson', JSON.stringify(file))).ok).toBe(true);
    expect((await ok('listGrids', {})).map((g) => [g.code, g.updatedByName])).toEqual([['W01', '孙值班']]);
  });
});

describe('odd input to street data', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-street-odd-'));
    app = openApp({ dataDir: dir, resourcesDir: path.resolve('resources'), shell: 'host', version: 'test' });
    signInAt(app.ctx, '值班员');
  });
  afterEach(() => {
    app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a boundary that is not a closed polygon is refused with the field named, and venues can still be saved', async () => {
    await ok('createStreet', { code: '500104001', name: '测试街道' });
    for (const coordinates of [[], [[1, 2]], [[[106.5, 29.5], [106.6, 29.5]]], [[[106.5, 29.5], [106.6, 29.5], [106.6, 29.6], [106.4, 29.6]]]]) {
      const e = await fail('saveCommunity', { code: 'B1', name: '坏边界社区', boundary: { type: 'Polygon', coordinates } });
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(/^boundary: /);
    }
    const c = await ok('saveCommunity', { code: 'G1', name: '好社区', boundary: square(106.5, 29.5, 0.01) });
    const e = await fail('saveCompound', {
      code: 'P1', name: '坏小区', communityId: c.id, residents: 10, households: 5, elderly: 1, boundary: { type: 'MultiPolygon', coordinates: [[]] },
    });
    expect(e.code).toBe('invalid_input');
    expect((await fail('saveCommunity', { id: c.id, code: 'G1', name: '好社区', boundary: { type: 'Polygon', coordinates: [[1, 2]] } })).code).toBe('invalid_input');
    // Nothing bad was stored, so locating a venue still works and finds the community.
    const v = await ok('saveVenue', { code: 'V1', name: '某超市', type: 'supermarket', lng: 106.505, lat: 29.505 });
    expect(v.communityId).toBe(c.id);
  });

  test('a very long search answers a clear invalid_input, not an internal error', async () => {
    await ok('createStreet', { code: '500104001', name: '测试街道' });
    const long = '某'.repeat(60_000);
    for (const method of ['listCommunities', 'listGrids', 'listCompounds', 'listVenues'] as const) {
      const e = await fail(method, { search: long });
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(/^search: /);
    }
    expect(await ok('listCompounds', { search: '某'.repeat(100) })).toEqual({ total: 0, rows: [] });
  });
});
