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
    expect((await t.fail('saveBaobao', { communityId: 99, districtLeader: null, streetCadre: null, communityCadre: null })).code).toBe('not_found');
  });

  test('the switch activates a snapshot; an edit during the emergency takes a new one and keeps the old', async () => {
    await t.ok('saveCommandLeader', { role: 'commander', person: p('吴书记', '13800000001') });
    await t.ok('switchToEmergency', trigger(t.clock.now - HOUR));
    expect((await board(t)).commandSource).toBe('snapshot');
    expect((await board(t)).command.leaders[1].person).toEqual({ name: '吴书记', phone: '13800000001' });
    await t.ok('saveCommandLeader', { role: 'commander', person: p('吴书记', '13800000009') });
    expect((await board(t)).command.leaders[1].person?.phone).toBe('13800000009');
    const snaps = t.app.ctx.db.prepare('SELECT data FROM command_snapshot ORDER BY id').all() as { data: string }[];
    expect(snaps.map((x) => JSON.parse(x.data).leaders[1].person.phone)).toEqual(['13800000001', '13800000009']);
    const log = await t.ok('listLogEntries', { categories: ['command'] });
    expect(log.rows[0].text).toBe('指挥体系：指挥长 吴书记 13800000009');
  });
});
