import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Polygon } from 'geojson';
import { openTestApp, signedIn, trigger, HOUR, START, type TestApp } from './mode-harness';
import { shanghaiMs } from '../../shared/domain/shanghai-time';

/**
 * Risk areas through the dispatcher against a real SQLite file: figures checked against a hand-counted street,
 * including a compound split by the boundary, a MultiPolygon and two overlapping areas; the 5-hour deadline;
 * the lifecycle to lifting and back to routine; venue ticks; import and export; the bad input of issue 11.
 */

// Near 29.5° N: metres to degrees (local, fine over a street).
const LNG_M = 1 / (111_320 * Math.cos((29.5 * Math.PI) / 180));
const LAT_M = 1 / 110_540;
const pt = (x: number, y: number) => [106.48 + x * LNG_M, 29.5 + y * LAT_M];
const ring = (x0: number, y0: number, x1: number, y1: number) => [pt(x0, y0), pt(x1, y0), pt(x1, y1), pt(x0, y1), pt(x0, y0)];
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [ring(x0, y0, x1, y1)] });

/**
 * The hand-counted street (metres from its south-west corner; the community is 1 km square):
 *   A   0..100 x 0..100    100 residents, 40 households, 20 aged 60+   KTV at (50, 50)
 *   B 100..200 x 0..100    200 / 80 / 50                               棋牌室 at (150, 50)
 *   C 300..400 x 0..100    300 / 120 / 60                              超市 at (350, 50)
 *   D 500..600 x 500..600   50 / 20 / 10                               网吧 at (550, 550)
 *   E  no outline          999 / 300 / 100
 *   a school at (800, 800), in no compound.
 */
async function handCountedStreet(t: TestApp) {
  await t.ok('createStreet', { code: 'T01', name: '测试街道' });
  const community = await t.ok('saveCommunity', { code: 'SQ1', name: '东苑社区', boundary: rect(0, 0, 1000, 1000) });
  const compound = (code: string, name: string, residents: number, households: number, elderly: number, boundary: Polygon | null) =>
    t.ok('saveCompound', { code, name, communityId: community.id, residents, households, elderly, boundary });
  const ids = {
    A: (await compound('A', '桂花小区', 100, 40, 20, rect(0, 0, 100, 100))).id,
    B: (await compound('B', '兰园', 200, 80, 50, rect(100, 0, 200, 100))).id,
    C: (await compound('C', '竹苑', 300, 120, 60, rect(300, 0, 400, 100))).id,
    D: (await compound('D', '梅苑', 50, 20, 10, rect(500, 500, 600, 600))).id,
    E: (await compound('E', '无边界小区', 999, 300, 100, null)).id,
  };
  const venue = async (code: string, name: string, type: 'ktv' | 'chess_room' | 'supermarket' | 'internet_cafe' | 'school', x: number, y: number) => {
    const [lng, lat] = pt(x, y);
    return (await t.ok('saveVenue', { code, name, type, lng, lat })).id;
  };
  const venues = {
    ktv: await venue('V1', '金嗓子KTV', 'ktv', 50, 50),
    chess: await venue('V2', '老友棋牌室', 'chess_room', 150, 50),
    market: await venue('V3', '好又多超市', 'supermarket', 350, 50),
    cafe: await venue('V4', '星空网吧', 'internet_cafe', 550, 550),
    school: await venue('V5', '东苑小学', 'school', 800, 800),
  };
  return { ids, venues };
}

let t: TestApp;
beforeEach(async () => {
  t = openTestApp();
  // Every change needs a signed-in desk (issue 9), the street's too.
  await signedIn(t);
});
afterEach(() => t.close());

async function emergency(profile = 'cn-2022-jun-v9') {
  if (profile !== 'cn-2022-jun-v9') await t.ok('setActivePolicyProfile', { id: profile });
  const e = await t.ok('switchToEmergency', trigger(START - HOUR));
  return e.emergency!.trigger.id;
}

describe('figures against the hand-counted street', () => {
  test('a drawn high area, a split compound, a MultiPolygon, two overlapping areas and the street totals', async () => {
    const { ids, venues } = await handCountedStreet(t);
    const reportId = await emergency();

    // High: A and B whole, 30% of C (split, not counted: under 50%).
    const high = await t.ok('createRiskArea', { name: '桂花兰园高风险区', level: 'high', reportIds: [reportId], geometry: rect(-10, -10, 330, 110) });
    expect(high.status).toBe('delineated');
    expect(high.stats.compounds.map((c) => [c.code, Math.round(c.share * 100), c.split, c.counted])).toEqual([
      ['A', 100, false, true],
      ['B', 100, false, true],
      ['C', 30, true, false],
    ]);
    expect([high.residents, high.households, high.elderly, high.compoundsCounted]).toEqual([300, 120, 70, 2]);
    expect(high.stats.compoundsSplit).toBe(1);
    expect(high.stats.compoundsWithoutOutline).toBe(1);
    expect(high.stats.venuesByType).toEqual({ ktv: 1, chess_room: 1 });
    expect(high.stats.venuesToSuspend.map((v) => v.name)).toEqual(['金嗓子KTV', '老友棋牌室']);
    expect(high.stats.notes.some((n) => n.includes('小区“竹苑”被边界分割（区内约 30%），按规则不计入'))).toBe(true);
    expect(high.stats.notes.some((n) => n.includes('1 个小区没有边界'))).toBe(true);
    expect(high.measures).toEqual(['足不出户', '上门服务', '上门采样']);
    expect(high.reports.map((r) => r.id)).toEqual([reportId]);

    // Medium, a MultiPolygon: 60% of C (split, counted) and D whole.
    const multi = await t.ok('createRiskArea', {
      name: '竹苑梅苑中风险区',
      level: 'medium',
      reportIds: [],
      geometry: { type: 'MultiPolygon', coordinates: [[ring(340, -10, 420, 110)], [ring(490, 490, 610, 610)]] },
    });
    expect(multi.stats.compounds.map((c) => [c.code, Math.round(c.share * 100), c.split, c.counted])).toEqual([
      ['C', 60, true, true],
      ['D', 100, false, true],
    ]);
    expect([multi.residents, multi.households, multi.elderly]).toEqual([350, 140, 70]);
    expect(multi.stats.venuesByType).toEqual({ supermarket: 1, internet_cafe: 1 });
    expect(multi.stats.venuesToSuspend.map((v) => v.id)).toEqual([venues.cafe]);

    // Medium, overlapping the high area: 60% of B (counted here too). Overlap is allowed and said.
    const overlap = await t.ok('createRiskArea', { name: '兰园东侧中风险区', level: 'medium', reportIds: [], geometry: rect(140, -20, 250, 120) });
    expect(overlap.stats.compounds.map((c) => [c.code, Math.round(c.share * 100), c.counted])).toEqual([['B', 60, true]]);
    expect(overlap.stats.notes.some((n) => n.includes('与风险区“桂花兰园高风险区”重叠'))).toBe(true);

    // Street totals: B is in the high and a medium area and counts once, at high.
    const totals = await t.ok('getRiskAreaTotals', {});
    expect(totals.byLevel.map((l) => [l.level, l.areas, l.compounds, l.residents, l.households, l.elderly, l.venuesToSuspend])).toEqual([
      ['high', 1, 2, 300, 120, 70, 2],
      ['medium', 2, 2, 350, 140, 70, 1],
    ]);
    expect(totals.compoundsInSeveralAreas).toBe(1);
    const list = await t.ok('listRiskAreas', {});
    expect(list.areas.map((a) => a.name)).toEqual(['兰园东侧中风险区', '竹苑梅苑中风险区', '桂花兰园高风险区']);
    expect(list.levels.filter((l) => l.drawable).map((l) => l.key)).toEqual(['high', 'medium']);
    expect(list.totals).toEqual(totals);
    expect(ids.E).toBeGreaterThan(0);
  });

  test('picked compounds: their union, both wholly inside; the preview gives the same figures without saving', async () => {
    const { ids } = await handCountedStreet(t);
    await emergency();
    const p = await t.ok('previewRiskArea', { compoundIds: [ids.A, ids.B] });
    expect(p.problem).toBeNull();
    expect(p.geometry!.type).toBe('Polygon'); // A and B share an edge: one polygon
    expect(p.stats!.compounds.map((c) => [c.code, c.share, c.split])).toEqual([
      ['A', 1, false],
      ['B', 1, false],
    ]);
    expect(p.stats!.residents).toBe(300);
    expect((await t.ok('listRiskAreas', {})).areas).toHaveLength(0);
    const area = await t.ok('createRiskArea', { name: '桂花兰园', level: 'high', reportIds: [], compoundIds: [ids.A, ids.B] });
    expect(area.source).toBe('compounds');
    expect(area.compoundIds).toEqual([ids.A, ids.B]);
    expect(area.residents).toBe(300);
    // Dragging a vertex: the preview of the changed shape answers at once with the new figures.
    const dragged = await t.ok('previewRiskArea', { geometry: rect(0, 0, 150, 100), areaId: area.id });
    expect(dragged.stats!.compounds.map((c) => [c.code, Math.round(c.share * 100)])).toEqual([['A', 100], ['B', 50]]);
    expect(dragged.computeMs).toBeGreaterThanOrEqual(0);
  });

  test('an area with nobody inside is allowed and said plainly', async () => {
    await handCountedStreet(t);
    await emergency();
    const empty = await t.ok('createRiskArea', { name: '空地', level: 'medium', reportIds: [], geometry: rect(700, 700, 750, 750) });
    expect(empty.nobodyInside).toBe(true);
    expect(empty.residents).toBe(0);
    expect(empty.stats.notes[0]).toMatch(/区域内没有小区，也没有居民/);
    const log = (await t.ok('listLogEntries', { categories: ['area'] })).rows.map((r) => r.text);
    expect(log.some((x) => x.includes('划定中风险区“空地”（绘制）：区域内没有居民'))).toBe(true);
  });
});

describe('bad input', () => {
  test('a crossing drawing, an area outside the street, a level the profile has not, revoking without a reason', async () => {
    const { ids } = await handCountedStreet(t);
    await emergency();
    const bowtie = { type: 'Polygon' as const, coordinates: [[pt(0, 0), pt(100, 100), pt(100, 0), pt(0, 100), pt(0, 0)]] };
    const crossing = await t.fail('createRiskArea', { name: '交叉', level: 'high', reportIds: [], geometry: bowtie });
    expect(crossing.code).toBe('invalid_input');
    expect(crossing.message).toMatch(/边界自相交：两条边交叉/);
    expect((await t.ok('previewRiskArea', { geometry: bowtie })).problem).toMatch(/自相交/);

    const outside = await t.fail('createRiskArea', { name: '外面', level: 'high', reportIds: [], geometry: rect(5000, 5000, 5100, 5100) });
    expect(outside.message).toMatch(/完全在街道边界以外/);
    // Partly outside is allowed, with the share said.
    const partly = await t.ok('createRiskArea', { name: '跨界', level: 'medium', reportIds: [], geometry: rect(900, 900, 1100, 1100) });
    expect(partly.stats.notes.some((n) => /约有 7\d% 在街道边界以外/.test(n))).toBe(true);

    expect((await t.fail('createRiskArea', { name: '低', level: 'low', reportIds: [], compoundIds: [ids.A] })).message).toMatch(/低风险区是风险区以外的地区/);
    expect((await t.fail('createRiskArea', { name: '无边界', level: 'high', reportIds: [], compoundIds: [ids.E] })).message).toMatch(/没有边界，不能选取/);
    expect((await t.fail('createRiskArea', { name: '接报', level: 'high', reportIds: [999], compoundIds: [ids.A] })).message).toMatch(/接报 #999 不属于本次应急响应/);
    expect((await t.fail('createRiskArea', { name: '两者', level: 'high', reportIds: [], compoundIds: [ids.A], geometry: rect(0, 0, 10, 10) })).code).toBe('invalid_input');

    const area = await t.ok('createRiskArea', { name: '桂花', level: 'high', reportIds: [], compoundIds: [ids.A] });
    const noReason = await t.fail('revokeRiskArea', { id: area.id, reason: '  ' });
    expect(noReason.code).toBe('invalid_input');
    expect(noReason.message).toMatch(/须填写理由/);
    const revoked = await t.ok('revokeRiskArea', { id: area.id, reason: '地址核实有误' });
    expect([revoked.status, revoked.revokeReason, revoked.lifecycle.stage]).toEqual(['revoked', '地址核实有误', 'ended']);
    expect((await t.fail('publishRiskArea', { id: area.id })).message).toMatch(/已于 .* 撤销/);
    // Nothing is deleted: the revoked area is still there with its history.
    expect((await t.ok('listRiskAreas', { includeEnded: true })).areas.map((a) => a.name)).toContain('桂花');
    expect(revoked.history.map((h) => h.kind)).toEqual(['delineated', 'revoked']);
  });

  test('二十条 has no medium level', async () => {
    const { ids } = await handCountedStreet(t);
    await emergency('cn-2022-nov-20');
    const r = await t.fail('createRiskArea', { name: '中', level: 'medium', reportIds: [], compoundIds: [ids.A] });
    expect(r.message).toMatch(/没有中风险区（本版本的风险等级：高风险区、低风险区）/);
    expect((await t.ok('listRiskAreas', {})).levels.map((l) => l.key)).toEqual(['high', 'low']);
  });

  test('in routine mode areas cannot be drawn', async () => {
    const { ids } = await handCountedStreet(t);
    expect((await t.fail('createRiskArea', { name: '常态', level: 'high', reportIds: [], compoundIds: [ids.A] })).message).toMatch(/常态化状态/);
    expect((await t.ok('listRiskAreas', {})).areas).toEqual([]);
  });
});

describe('publishing and the 5-hour deadline', () => {
  test('turns done by itself, with who and when, once every drawn (non-revoked) area is published', async () => {
    const { ids } = await handCountedStreet(t);
    await emergency();
    const a = await t.ok('createRiskArea', { name: '甲', level: 'high', reportIds: [], compoundIds: [ids.A] });
    const b = await t.ok('createRiskArea', { name: '乙', level: 'medium', reportIds: [], compoundIds: [ids.C] });
    const c = await t.ok('createRiskArea', { name: '丙（误划）', level: 'medium', reportIds: [], compoundIds: [ids.D] });
    const deadline = async () => (await t.ok('getEmergency', {})).emergency!.deadlines.find((d) => d.key === 'risk_areas_published')!;
    await t.workUntil(START + 2 * HOUR);
    await t.ok('publishRiskArea', { id: a.id });
    expect((await deadline()).status).not.toBe('done');
    await t.ok('publishRiskArea', { id: b.id });
    expect((await deadline()).status).not.toBe('done'); // 丙 is drawn and not published
    await t.workUntil(START + 3 * HOUR);
    await t.ok('revokeRiskArea', { id: c.id, reason: '划错了小区' });
    const d = await deadline();
    expect(d.status).toBe('done');
    expect(d.doneAt).toBe(START + 3 * HOUR);
    expect(d.doneBy?.name).toBe('王值班');
    expect(d.doneLate).toBe(false);
    const log = (await t.ok('listLogEntries', { categories: ['deadline'] })).rows.map((r) => r.text);
    expect(log.some((x) => x.includes('时限完成：划定并发布中、高风险区（全部 2 个风险区已发布，自动标记'))).toBe(true);
    // A new area drawn later does not undo it: done stays done.
    await t.ok('createRiskArea', { name: '丁', level: 'high', reportIds: [], compoundIds: [ids.B] });
    expect((await deadline()).status).toBe('done');
    expect((await t.fail('publishRiskArea', { id: a.id })).message).toMatch(/已于 .* 发布/);
  });
});

describe('lifecycle to lifting, and routine again', () => {
  test('第九版: high → medium on day 7 after the round → lifted on day 10; then routine is possible', async () => {
    const { ids } = await handCountedStreet(t);
    await emergency();
    const day = (d: number, time = '10:00') => shanghaiMs('2022-07-10', time) + d * 86_400_000; // START is 2022-07-10 10:00
    const area = await t.ok('createRiskArea', { name: '桂花小区', level: 'high', reportIds: [], compoundIds: [ids.A] });
    expect(area.lifecycle.stage).toBe('not_started');
    await t.ok('publishRiskArea', { id: area.id });

    await t.workUntil(day(5));
    let s = (await t.ok('getRiskArea', { id: area.id })).lifecycle;
    expect(s.words).toBe('第 5 天 / 7，第 7 天全员核酸待完成（7月17日）');
    expect((await t.fail('downgradeRiskArea', { id: area.id, confirm: true })).message).toMatch(/还不能降级/);
    expect((await t.fail('downgradeRiskArea', { id: area.id } as never)).code).toBe('invalid_input'); // confirmation is required

    await t.workUntil(day(7, '15:00'));
    await t.ok('recordRiskAreaNegativeRound', { id: area.id, at: day(7, '08:00') });
    s = (await t.ok('getRiskArea', { id: area.id })).lifecycle;
    expect(s.stage).toBe('due');
    const down = await t.ok('downgradeRiskArea', { id: area.id, confirm: true });
    expect([down.level, down.drawnLevel, down.measures]).toEqual(['medium', 'high', ['人不出区', '错峰取物']]);
    expect(down.lifecycle.next).toMatchObject({ action: 'lift', date: '2022-07-20' });
    expect(down.negativeRounds.map((r) => r.day)).toEqual([7]);

    const calendar = await t.ok('getRiskAreaCalendar', {});
    expect(calendar.map((c) => [c.name, c.action, c.date])).toEqual([['桂花小区', 'lift', '2022-07-20']]);

    expect((await t.fail('switchToRoutine', { reason: '解除' })).message).toMatch(/还有 1 个风险区未解除/);
    await t.workUntil(day(10, '09:00'));
    const lifted = await t.ok('liftRiskArea', { id: area.id, confirm: true });
    expect([lifted.status, lifted.lifecycle.stage]).toEqual(['lifted', 'ended']);
    expect(lifted.history.map((h) => h.kind)).toEqual(['delineated', 'published', 'negative_round', 'downgraded', 'lifted']);
    const back = await t.ok('switchToRoutine', { reason: '全部风险区已解除' });
    expect(back.mode).toBe('routine');
  });

  test('a community infection restarts the clock; under 新十条 an in-control finding does not', async () => {
    const { ids } = await handCountedStreet(t);
    await emergency('cn-2022-dec-10');
    const day = (d: number) => START + d * 86_400_000;
    const area = await t.ok('createRiskArea', { name: '楼栋', level: 'high', reportIds: [], compoundIds: [ids.A] });
    await t.ok('publishRiskArea', { id: area.id });
    await t.workUntil(day(3));
    const inControl = await t.ok('recordRiskAreaInfection', { id: area.id, at: day(3) - HOUR, foundAt: 'in_control' });
    expect(inControl.infections[0].restartedClock).toBe(false);
    expect(inControl.lifecycle.day).toBe(3);
    await t.workUntil(day(4));
    const community = await t.ok('recordRiskAreaInfection', { id: area.id, at: day(4) - HOUR, foundAt: 'community' });
    expect(community.infections[1].restartedClock).toBe(true);
    expect(community.lifecycle.day).toBe(0);
    expect((await t.fail('recordRiskAreaInfection', { id: area.id, at: day(6), foundAt: 'community' })).message).toMatch(/晚于现在/);
  });
});

describe('venues to suspend', () => {
  test('ticked off with who and when; a venue not to suspend is refused', async () => {
    const { ids, venues } = await handCountedStreet(t);
    await emergency();
    const area = await t.ok('createRiskArea', { name: '桂花兰园', level: 'high', reportIds: [], compoundIds: [ids.A, ids.B] });
    expect(area.suspensions.map((s) => [s.name, s.suspended])).toEqual([['金嗓子KTV', false], ['老友棋牌室', false]]);
    await t.workUntil(START + 90 * 60_000);
    const list = await t.ok('setVenueSuspension', { areaId: area.id, venueId: venues.ktv, suspended: true, note: '已张贴停业通知' });
    expect(list.find((s) => s.id === venues.ktv)).toMatchObject({ suspended: true, at: START + 90 * 60_000, by: { name: '王值班' }, note: '已张贴停业通知' });
    expect((await t.ok('listRiskAreas', {})).areas[0]).toMatchObject({ venuesToSuspend: 2, venuesSuspended: 1 });
    expect((await t.fail('setVenueSuspension', { areaId: area.id, venueId: venues.ktv, suspended: true })).code).toBe('conflict');
    expect((await t.fail('setVenueSuspension', { areaId: area.id, venueId: venues.market, suspended: true })).message).toMatch(/不在风险区“桂花兰园”须暂停营业的场所中/);
    const undone = await t.ok('setVenueSuspension', { areaId: area.id, venueId: venues.ktv, suspended: false });
    expect(undone.find((s) => s.id === venues.ktv)!.suspended).toBe(false);
  });
});

describe('GeoJSON import and export', () => {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o), 'utf8').toString('base64');
  const feature = (properties: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties, geometry });

  test('export then import round-trips name, level and state', async () => {
    const { ids } = await handCountedStreet(t);
    await emergency();
    const a = await t.ok('createRiskArea', { name: '桂花', level: 'high', reportIds: [], compoundIds: [ids.A] });
    await t.ok('publishRiskArea', { id: a.id });
    const file = await t.ok('exportRiskAreas', {});
    const fc = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8'));
    expect(fc.features[0].properties).toMatchObject({ name: '桂花', level: 'high', status: 'published', residents: 100, compounds: ['桂花小区'] });
    expect(fc.features[0].properties.state).toMatch(/^第 0 天 \/ 7/);
    const r = await t.ok('importRiskAreas', { fileName: file.fileName, contentBase64: file.contentBase64 });
    expect(r.inserted).toBe(1);
    const imported = (await t.ok('listRiskAreas', {})).areas.find((x) => x.id === r.areas[0].id)!;
    expect([imported.name, imported.level, imported.status, imported.source, imported.residents]).toEqual(['桂花', 'high', 'published', 'imported', 100]);
  });

  test('swapped coordinates, an unknown level and a crossing boundary reject the whole file; nothing is written', async () => {
    await handCountedStreet(t);
    await emergency();
    const swapped = rect(0, 0, 100, 100).coordinates[0].map(([lng, lat]) => [lat, lng]);
    const file = {
      type: 'FeatureCollection',
      features: [
        feature({ 名称: '写反', 等级: '高风险区' }, { type: 'Polygon', coordinates: [swapped] }),
        feature({ name: '等级错', level: '特高' }, rect(0, 0, 50, 50)),
        feature({ name: '交叉', level: 'medium' }, { type: 'Polygon', coordinates: [[pt(0, 0), pt(100, 100), pt(100, 0), pt(0, 100), pt(0, 0)]] }),
        feature({ name: '好的', level: 'medium' }, rect(0, 0, 50, 50)),
      ],
    };
    const r = await t.fail('importRiskAreas', { fileName: 'areas.geojson', contentBase64: b64(file) });
    expect(r.code).toBe('import_rejected');
    const msgs = r.problems!.map((p) => `${p.feature}: ${p.message}`);
    expect(msgs.some((m) => m.startsWith('0:') && m.includes('经纬度可能写反了'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('1:') && m.includes('风险等级“特高”无法识别'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('2:') && m.includes('自相交'))).toBe(true);
    expect((await t.ok('listRiskAreas', {})).areas).toEqual([]);
  });
});
