import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HOUR, openTestApp, signedIn, trigger, type TestApp, board } from './mode-harness';
import { workGroupKeys } from '../../shared/domain/workgroups';

/** The command structure template, its readiness gaps, and its activation at the switch. */

let t: TestApp;
beforeEach(async () => {
  t = openTestApp();
  await signedIn(t);
});
afterEach(() => t.close());

const p = (name: string, phone: string | null = '13800000000') => ({ name, phone });

describe('command structure', () => {
  test('an empty template lists every gap with what and where', async () => {
    await t.ok('createStreet', { code: 'S1', name: '测试街道' });
    const c = await t.ok('saveCommunity', { code: 'C01', name: '东苑社区' });
    const r = await t.ok('getReadiness', {});
    expect(r.ready).toBe(false);
    const what = r.gaps.map((g) => g.what);
    expect(what).toContain('未指定片长');
    expect(what).toContain('核酸检测组 没有组长');
    expect(what).toContain('东苑社区 三级包保缺少区领导、街道干部、社区干部');
    const bb = r.gaps.find((g) => g.kind === 'baobao_missing')!;
    expect(bb).toMatchObject({ where: '东苑社区', communityId: c.id });
    expect(r.gaps.filter((g) => g.kind === 'group_lead_missing')).toHaveLength(9);
  });

  test('filling the template clears the gaps; a missing phone is a gap of its own', async () => {
    await t.ok('createStreet', { code: 'S1', name: '测试街道' });
    const c = await t.ok('saveCommunity', { code: 'C01', name: '东苑社区' });
    await t.ok('saveCommandLeader', { role: 'area_chief', person: p('封区长') });
    await t.ok('saveCommandLeader', { role: 'commander', person: p('吴书记') });
    await t.ok('saveCommandLeader', { role: 'exec_commander', person: p('李副书记', null) });
    for (const key of workGroupKeys) await t.ok('saveWorkGroup', { key, lead: p(`${key}组长`), members: [p(`${key}组员`)] });
    await t.ok('saveBaobao', { communityId: c.id, districtLeader: p('区领导甲'), streetCadre: p('街道干部乙'), communityCadre: p('社区干部丙', '') });
    await t.ok('saveDutyShift', { date: '2022-07-10', shiftKey: 'day', leader: p('张书记'), members: [p('王五')] });
    const r = await t.ok('getReadiness', {});
    expect(r.gaps.map((g) => [g.kind, g.what])).toEqual([
      ['leader_phone_missing', '执行指挥长 李副书记 缺少电话'],
      ['baobao_phone_missing', '东苑社区 包保社区干部 社区干部丙 缺少电话'],
    ]);
    await t.ok('saveCommandLeader', { role: 'exec_commander', person: p('李副书记') });
    await t.ok('saveBaobao', { communityId: c.id, districtLeader: p('区领导甲'), streetCadre: p('街道干部乙'), communityCadre: p('社区干部丙') });
    expect(await t.ok('getReadiness', {})).toEqual({ ready: true, gaps: [] });
    const tpl = await t.ok('getCommandTemplate', {});
    expect(tpl.groups.map((g) => g.name)).toEqual(['社区排查组', '重点防控组', '核酸检测组', '流调溯源组', '隔离转运组', '定点救治组', '生活保障组', '交通运输组', '环境消杀组']);
    expect(tpl.updatedBy).toBe('王值班');
  });

  test('bad input: a person twice in a group, a bad phone, an unknown community', async () => {
    const twice = await t.fail('saveWorkGroup', { key: 'testing', lead: p('甲'), members: [p('乙'), p('甲')] });
    expect(twice.message).toBe('核酸检测组：甲 出现了两次。');
    expect((await t.fail('saveCommandLeader', { role: 'commander', person: p('吴书记', '电话未知') })).message).toMatch(/person\.phone: 电话只能包含数字/);
    // A 10-digit number was once accepted and printed; a landline with area code is fine.
    expect((await t.fail('saveWorkGroup', { key: 'testing', lead: p('甲', '1380000000'), members: [] })).message).toMatch(/lead\.phone: 电话须为 11 位手机号/);
    expect((await t.ok('saveWorkGroup', { key: 'testing', lead: p('甲', '023-68123456'), members: [] })).groups[2].lead?.phone).toBe('023-68123456');
    expect((await t.fail('saveBaobao', { communityId: 99, districtLeader: null, streetCadre: null, communityCadre: null })).code).toBe('not_found');
  });

  test('the switch activates a snapshot; the live structure is completed during the emergency, the template stays', async () => {
    await t.ok('createStreet', { code: 'S1', name: '测试街道' });
    const east = await t.ok('saveCommunity', { code: 'C01', name: '东苑社区' });
    await t.ok('saveCommandLeader', { role: 'commander', person: p('吴书记', '13800000001') });
    await t.ok('switchToEmergency', trigger(t.clock.now - HOUR));
    expect((await board(t)).commandSource).toBe('snapshot');
    expect((await board(t)).command.leaders[1].person).toEqual({ name: '吴书记', phone: '13800000001' });

    // Appointments during the emergency: the live structure changes, one snapshot and one log entry each.
    await t.ok('saveLiveCommandLeader', { role: 'commander', person: p('郑书记', '13800000009') });
    const live = await t.ok('saveLiveWorkGroup', { key: 'tracing', lead: p('周流调', '13800000010'), members: [{ name: '钱组员', phone: null, duty: '联络员' }] });
    expect(live.groups.find((g) => g.key === 'tracing')).toMatchObject({ lead: { name: '周流调', phone: '13800000010' }, members: [{ name: '钱组员', duty: '联络员' }] });
    expect(live.updatedBy).toBe('王值班');
    // A community added after the switch has an empty 包保 row in the live structure, and can be filled.
    const west = await t.ok('saveCommunity', { code: 'C02', name: '西河社区' });
    expect((await board(t)).command.baobao.map((b) => [b.communityName, b.districtLeader])).toEqual([['东苑社区', null], ['西河社区', null]]);
    await t.ok('saveLiveBaobao', { communityId: west.id, districtLeader: p('区领导甲'), streetCadre: null, communityCadre: null });

    const now = await board(t);
    expect(now.command.leaders[1].person).toEqual({ name: '郑书记', phone: '13800000009' });
    expect(now.command.groups.find((g) => g.key === 'tracing')?.lead?.name).toBe('周流调');
    expect(now.command.baobao.find((b) => b.communityId === west.id)?.districtLeader?.name).toBe('区领导甲');
    expect(now.command.baobao.find((b) => b.communityId === east.id)?.districtLeader).toBeNull();

    // The template is what it was: the next emergency starts from it.
    const tpl = await t.ok('getCommandTemplate', {});
    expect(tpl.leaders[1].person?.name).toBe('吴书记');
    expect(tpl.groups.find((g) => g.key === 'tracing')?.lead).toBeNull();

    // Every version stays on record.
    const snaps = t.app.ctx.db.prepare('SELECT data FROM command_snapshot ORDER BY id').all() as { data: string }[];
    expect(snaps.map((x) => JSON.parse(x.data).leaders[1].person.name)).toEqual(['吴书记', '郑书记', '郑书记', '郑书记']);

    const log = await t.ok('listLogEntries', { categories: ['command'] });
    expect(log.rows.map((r) => [r.method, r.text])).toEqual([
      ['saveLiveBaobao', '现行三级包保：西河社区 区领导 区领导甲 13800000000，街道干部 （空缺），社区干部 （空缺）'],
      ['saveLiveWorkGroup', '现行指挥体系：流调溯源组 组长 周流调 13800000010，组员 1 人（钱组员）'],
      ['saveLiveCommandLeader', '现行指挥体系：指挥长 郑书记 13800000009（原为 吴书记）'],
      ['saveCommandLeader', '指挥体系：指挥长 吴书记 13800000001'],
    ]);
    expect(log.rows[0].emergencyId).not.toBeNull();
  });

  test('a template edit during the emergency is for the next one; the live structure is not touched', async () => {
    await t.ok('saveCommandLeader', { role: 'commander', person: p('吴书记', '13800000001') });
    await t.ok('switchToEmergency', trigger(t.clock.now - HOUR));
    await t.ok('saveCommandLeader', { role: 'commander', person: p('新书记', '13800000002') });
    expect((await board(t)).command.leaders[1].person?.name).toBe('吴书记');
    expect((await t.ok('getCommandTemplate', {})).leaders[1].person?.name).toBe('新书记');
    const log = await t.ok('listLogEntries', { categories: ['command'] });
    expect(log.rows[0].text).toBe('指挥体系模板（下次启动应急响应时生效，本次不变）：指挥长 新书记 13800000002');
    // Back in routine and switched again: the new emergency starts from the template.
    await t.ok('switchToRoutine', { reason: '演练结束' });
    await t.ok('switchToEmergency', trigger(t.clock.now - 10 * 60_000));
    expect((await board(t)).command.leaders[1].person?.name).toBe('新书记');
  });

  test('the live structure is refused in routine times; readiness in an emergency is that of the live structure', async () => {
    const refused = await t.fail('saveLiveCommandLeader', { role: 'commander', person: p('吴书记') });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/没有进行中的应急响应/);
    await t.ok('switchToEmergency', trigger(t.clock.now - HOUR));
    const before = (await t.ok('getReadiness', {})).gaps.filter((g) => g.kind === 'group_lead_missing').length;
    expect(before).toBe(9);
    await t.ok('saveLiveWorkGroup', { key: 'tracing', lead: p('周流调'), members: [] });
    expect((await t.ok('getReadiness', {})).gaps.filter((g) => g.kind === 'group_lead_missing').map((g) => g.groupKey)).not.toContain('tracing');
    expect((await t.ok('getReadiness', {})).gaps.filter((g) => g.kind === 'group_lead_missing')).toHaveLength(8);
    const twice = await t.fail('saveLiveWorkGroup', { key: 'testing', lead: p('甲'), members: [p('甲')] });
    expect(twice.message).toBe('核酸检测组：甲 出现了两次。');
  });
});
