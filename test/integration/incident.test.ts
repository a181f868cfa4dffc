import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HOUR, MIN, START, openTestApp, signedIn, trigger, type TestApp } from './mode-harness';

/**
 * Issue 10: a report names where it is (a compound, a point on the map); the board's surroundings of the incident
 * (population base, key venues inside and within the set distance); a done deadline reopened with a reason.
 */

let t: TestApp;
beforeEach(async () => {
  t = openTestApp();
  // Every change needs a signed-in desk (issue 9), the street's too.
  await signedIn(t);
});
afterEach(() => t.close());

const square = (lng: number, lat: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]],
});
/** Metres to degrees at this latitude (the street lies around 29.53° N). */
const LAT_M = 1 / ((Math.PI / 180) * 6_371_008.8);
const LNG_M = LAT_M / Math.cos((29.531 * Math.PI) / 180);

/**
 * 桂花小区 is a square about 200 m across at (106.5, 29.53); 兰园小区 lies 300 m east of it. Venues: one inside 桂花,
 * one 250 m north of it, one in 兰园 (300 m + from 桂花), one 1 km away.
 */
async function street() {
  await t.ok('createStreet', { code: '500104001', name: '测试街道' });
  const community = await t.ok('saveCommunity', { code: 'C01', name: '东苑社区', boundary: square(106.49, 29.52, 0.03) });
  const guihua = await t.ok('saveCompound', {
    code: 'P001', name: '桂花小区', communityId: community.id, residents: 1200, households: 450, elderly: 300, boundary: square(106.5, 29.53, 0.002),
  });
  const lanyuan = await t.ok('saveCompound', {
    code: 'P002', name: '兰园小区', communityId: community.id, residents: 800, households: 300, elderly: 120, boundary: square(106.502 + 300 * LNG_M, 29.53, 0.002),
  });
  const venue = (code: string, name: string, type: 'market' | 'school' | 'chess_room' | 'pharmacy', lng: number, lat: number) =>
    t.ok('saveVenue', { code, name, type, lng, lat });
  await venue('V1', '桂花菜市场', 'market', 106.501, 29.531);
  await venue('V2', '北门小学', 'school', 106.501, 29.532 + 250 * LAT_M);
  await venue('V3', '兰园棋牌室', 'chess_room', 106.5025 + 300 * LNG_M, 29.531);
  await venue('V4', '远处药店', 'pharmacy', 106.501, 29.532 + 1000 * LAT_M);
  return { guihua, lanyuan };
}

describe('a report names where it is', () => {
  test('the compound picked is stored and shown with its community; the log says it', async () => {
    const { guihua } = await street();
    const s = await t.ok('switchToEmergency', { ...trigger(START - 30 * MIN), compoundId: guihua.id });
    expect(s.emergency!.trigger).toMatchObject({ compoundId: guihua.id, compoundName: '桂花小区', communityName: '东苑社区', point: null });
    const log = await t.ok('listLogEntries', { categories: ['mode'] });
    expect(log.rows[0].text).toContain('（小区 桂花小区）');
  });

  test('a point clicked on the map finds the compound that holds it; a point outside every compound stays a point', async () => {
    const { lanyuan } = await street();
    await t.ok('switchToEmergency', trigger(START - 30 * MIN));
    const inLanyuan = { lng: 106.503 + 300 * LNG_M, lat: 29.5305 };
    const s1 = await t.ok('recordPositive', { ...trigger(START - 5 * MIN), place: '兰园 2 栋', point: inLanyuan });
    expect(s1.emergency!.reports.find((r) => r.place === '兰园 2 栋')).toMatchObject({ compoundId: lanyuan.id, compoundName: '兰园小区', point: inLanyuan });
    const outside = { lng: 106.495, lat: 29.525 };
    const s2 = await t.ok('recordPositive', { ...trigger(START - 2 * MIN), place: '公交站', point: outside });
    expect(s2.emergency!.reports.find((r) => r.place === '公交站')).toMatchObject({ compoundId: null, compoundName: null, point: outside });
    // The first report named no place on the map: neither compound nor point.
    expect(s2.emergency!.trigger).toMatchObject({ compoundId: null, point: null });
  });

  test('an unknown compound or a point off the globe is refused in words', async () => {
    await street();
    const unknown = await t.fail('switchToEmergency', { ...trigger(START - 30 * MIN), compoundId: 999 });
    expect(unknown.code).toBe('invalid_input');
    expect(unknown.message).toContain('找不到小区');
    const bad = await t.fail('switchToEmergency', { ...trigger(START - 30 * MIN), point: { lng: 200, lat: 29.5 } });
    expect(bad.code).toBe('invalid_input');
    expect(bad.message).toContain('经度');
    expect((await t.ok('getEmergency', {})).mode).toBe('routine');
  });

  test('a compound deleted after the report: the report keeps its place text and reads as no compound', async () => {
    const { guihua } = await street();
    await t.ok('switchToEmergency', { ...trigger(START - 30 * MIN), compoundId: guihua.id });
    await t.ok('deleteCompound', { id: guihua.id });
    const e = (await t.ok('getEmergency', {})).emergency!;
    expect(e.trigger).toMatchObject({ place: '桂花小区 3 栋', compoundId: null, compoundName: null });
    expect((await t.ok('getIncidentSurroundings', {})).unplaced).toEqual([e.trigger.id]);
  });
});

describe('getIncidentSurroundings', () => {
  test('routine: nothing; emergency: the compound with residents, households and 60+, venues inside and within 500 m', async () => {
    const { guihua, lanyuan } = await street();
    expect(await t.ok('getIncidentSurroundings', {})).toEqual({ radiusM: 500, sites: [], unplaced: [] });
    const s = await t.ok('switchToEmergency', { ...trigger(START - 30 * MIN), compoundId: guihua.id });
    const r = await t.ok('getIncidentSurroundings', {});
    expect(r.radiusM).toBe(500);
    expect(r.sites).toHaveLength(1);
    const site = r.sites[0];
    expect(site.reportIds).toEqual([s.emergency!.trigger.id]);
    expect(site.compound).toMatchObject({ id: guihua.id, name: '桂花小区', communityName: '东苑社区', residents: 1200, households: 450, elderly: 300 });
    expect(site.compound!.boundary?.type).toBe('Polygon');
    expect(site.inside.map((v) => [v.name, v.distanceM])).toEqual([['桂花菜市场', 0]]);
    // Nearest first, with metres to the compound's edge; the far pharmacy (about 1 km) is not listed.
    expect(site.nearby.map((v) => v.name)).toEqual(['北门小学', '兰园棋牌室']);
    expect(site.nearby[0].distanceM).toBeGreaterThan(240);
    expect(site.nearby[0].distanceM).toBeLessThan(260);
    expect(site.nearby[1].distanceM).toBeGreaterThan(340);
    expect(site.nearby[1].distanceM).toBeLessThan(360);

    // A second report in 兰园小区 by its point: a site of its own, in the order of the reports.
    await t.ok('recordPositive', { ...trigger(START - 5 * MIN), place: '兰园', point: { lng: 106.5025 + 300 * LNG_M, lat: 29.5305 } });
    const two = await t.ok('getIncidentSurroundings', {});
    expect(two.sites.map((x) => x.compound?.name)).toEqual(['桂花小区', '兰园小区']);
    expect(two.sites[1].compound!.id).toBe(lanyuan.id);
    expect(two.sites[1].inside.map((v) => v.name)).toEqual(['兰园棋牌室']);
  });

  test('the distance is a setting: at 200 m the school 250 m away drops out; a point-only report measures from its point', async () => {
    const { guihua } = await street();
    await t.ok('saveSettings', { incidentRadiusM: 200 });
    await t.ok('switchToEmergency', { ...trigger(START - 30 * MIN), compoundId: guihua.id });
    const r = await t.ok('getIncidentSurroundings', {});
    expect(r.radiusM).toBe(200);
    expect(r.sites[0].inside.map((v) => v.name)).toEqual(['桂花菜市场']);
    expect(r.sites[0].nearby).toEqual([]);

    // 80 m west of 桂花's west edge, outside every compound but inside the community.
    const bus = { lng: 106.5 - 80 * LNG_M, lat: 29.531 };
    await t.ok('recordPositive', { ...trigger(START - MIN), place: '公交站', point: bus });
    const withPoint = await t.ok('getIncidentSurroundings', {});
    const pointSite = withPoint.sites[1];
    expect(pointSite.compound).toBeNull();
    expect(pointSite.point).toEqual(bus);
    expect(pointSite.nearby.map((v) => v.name)).toEqual(['桂花菜市场']);
    expect(pointSite.nearby[0].distanceM).toBeGreaterThan(170);
    expect(pointSite.nearby[0].distanceM).toBeLessThan(185);

    const bad = await t.fail('saveSettings', { incidentRadiusM: 10 });
    expect(bad.code).toBe('invalid_input');
    expect(bad.message).toContain('至少 50 米');
  });
});

describe('reopen a done deadline', () => {
  test('with a reason: open again, the mark and the reason kept, logged; done again later', async () => {
    await t.ok('switchToEmergency', trigger(START - 30 * MIN));
    const online = (await t.ok('getEmergency', {})).emergency!.deadlines.find((d) => d.key === 'online_report')!;
    await t.work(10 * MIN);
    await t.ok('markDeadlineDone', { id: online.id });
    await t.work(5 * MIN);
    const reopened = await t.ok('reopenDeadline', { id: online.id, reason: '直报系统退回，信息不全' });
    const d = reopened.emergency!.deadlines.find((x) => x.id === online.id)!;
    expect(d).toMatchObject({ status: 'pending', doneAt: null, doneBy: null });
    expect(d.reopens).toEqual([{ at: START + 15 * MIN, by: expect.objectContaining({ name: '王值班' }), reason: '直报系统退回，信息不全', doneAt: START + 10 * MIN, doneBy: expect.objectContaining({ name: '王值班' }) }]);
    const log = await t.ok('listLogEntries', { categories: ['deadline'] });
    expect(log.rows[0]).toMatchObject({ method: 'reopenDeadline', link: { kind: 'deadline', id: online.id } });
    expect(log.rows[0].text).toBe('重开时限：网络直报（原于 2022-07-10 10:10 由 王值班 标记完成）。原因：直报系统退回，信息不全');

    // Open deadlines are urgent again (the strip), and it can be done again; both marks are history.
    expect((await t.ok('getModeStatus', {})).urgent.map((x) => x.key)).toContain('online_report');
    await t.work(2 * HOUR); // now past due: done late
    const again = (await t.ok('markDeadlineDone', { id: online.id })).emergency!.deadlines.find((x) => x.id === online.id)!;
    expect(again).toMatchObject({ status: 'done', doneAt: START + 15 * MIN + 2 * HOUR, doneLate: true });
    expect(again.reopens).toHaveLength(1);

    // A restart changes nothing.
    t.reopen();
    const after = (await t.ok('getEmergency', {})).emergency!.deadlines.find((x) => x.id === online.id)!;
    expect(after).toMatchObject({ status: 'done', doneLate: true });
    expect(after.reopens[0].reason).toBe('直报系统退回，信息不全');
  });

  test('refused: no reason, a deadline not done, an unknown one, one of an ended emergency', async () => {
    await t.ok('switchToEmergency', trigger(START - 30 * MIN));
    const [first, second] = (await t.ok('getEmergency', {})).emergency!.deadlines;
    await t.ok('markDeadlineDone', { id: first.id });
    const noReason = await t.fail('reopenDeadline', { id: first.id, reason: '  ' });
    expect(noReason.code).toBe('invalid_input');
    expect(noReason.message).toContain('重开原因不能为空');
    const notDone = await t.fail('reopenDeadline', { id: second.id, reason: 'x' });
    expect(notDone.code).toBe('conflict');
    expect(notDone.message).toContain('尚未完成');
    expect((await t.fail('reopenDeadline', { id: 9999, reason: 'x' })).code).toBe('not_found');
    await t.ok('switchToRoutine', { reason: '演示结束' });
    expect((await t.fail('reopenDeadline', { id: first.id, reason: 'x' })).message).toContain('已结束');
  });

  test('the database keeps one standing done mark per deadline, whatever the caller', async () => {
    await t.ok('switchToEmergency', trigger(START - 30 * MIN));
    const [first] = (await t.ok('getEmergency', {})).emergency!.deadlines;
    await t.ok('markDeadlineDone', { id: first.id });
    const db = t.app.ctx.db;
    expect(() => db.prepare('INSERT INTO deadline_done (deadline_id, done_at) VALUES (?, ?)').run(first.id, START)).toThrow(/already done/);
    await t.ok('reopenDeadline', { id: first.id, reason: '复核' });
    expect(() => db.prepare('DELETE FROM deadline_reopen').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE deadline_done SET done_at = 1').run()).toThrow(/append-only/);
  });
});
