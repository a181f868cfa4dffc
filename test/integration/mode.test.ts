import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HOUR, MIN, START, openTestApp, signedIn, trigger, type TestApp, board } from './mode-harness';

/** The switch to emergency and back, through the API, on a real database, with a clock the test moves. */

let t: TestApp;
beforeEach(() => {
  t = openTestApp();
});
afterEach(() => t.close());

const state = () => board(t);

describe('switch to emergency', () => {
  test('nobody at the desk: refused with a clear message', async () => {
    const e = await t.fail('switchToEmergency', trigger(START - HOUR));
    expect(e.code).toBe('signed_out');
    expect(e.message).toMatch(/值班台无人登录/);
    expect((await state()).mode).toBe('routine');
  });

  test('one call: mode, T0, profile, clocks, command snapshot, checklist and one log entry', async () => {
    await signedIn(t);
    await t.ok('saveCommandLeader', { role: 'commander', person: { name: '吴书记', phone: '13800000001' } });
    const s = await t.ok('switchToEmergency', trigger(START - 30 * MIN));
    expect(s.mode).toBe('emergency');
    const e = s.emergency!;
    expect(e.t0).toBe(START - 30 * MIN);
    expect(e.switchedAt).toBe(START);
    expect(e.switchedBy?.name).toBe('王值班');
    expect(e.elapsedMs).toBe(30 * MIN);
    expect(e.profile.id).toBe('cn-2022-jun-v9');
    expect(e.trigger).toMatchObject({ place: '桂花小区 3 栋', caseType: 'confirmed', reportedBy: '区疾控中心 李医生', isTrigger: true });
    expect(e.deadlines.map((d) => [d.key, (d.dueAt - e.t0) / HOUR])).toEqual([
      ['online_report', 2],
      ['sampling_sites_open', 4],
      ['risk_areas_published', 5],
      ['arrivals_checked', 8],
      ['isolation_transfer', 12],
      ['area_tested', 24],
    ]);
    expect((await board(t)).commandSource).toBe('snapshot');
    expect((await board(t)).command.leaders.find((l) => l.role === 'commander')?.person?.name).toBe('吴书记');
    expect(e.checklist.length).toBeGreaterThanOrEqual(15);
    expect(e.checklist.some((i) => i.text.includes('先管后筛'))).toBe(true);
    expect(e.checklist.some((i) => i.text.includes('100个隔离房间'))).toBe(true);
    const modeLog = (await board(t)).log.filter((l) => l.category === 'mode');
    expect(modeLog).toHaveLength(1);
    expect(modeLog[0].text).toMatch(/切换到应急状态。T0 2022-07-10 09:30/);
    expect(modeLog[0].operator?.name).toBe('王值班');
  });

  test('bad input: T0 in the future, T0 72 h+ ago without confirmation, empty trigger fields', async () => {
    await signedIn(t);
    const future = await t.fail('switchToEmergency', trigger(START + 5 * MIN));
    expect(future.code).toBe('invalid_input');
    expect(future.message).toMatch(/T0 不能在将来/);
    // within a minute of tolerance is accepted later; first the old T0:
    const old = await t.fail('switchToEmergency', trigger(START - 73 * HOUR));
    expect(old.code).toBe('confirmation_required');
    expect(old.message).toMatch(/超过 72 小时/);
    for (const [field, label] of [['place', '地点'], ['reportedBy', '报告人']] as const) {
      const e = await t.fail('switchToEmergency', { ...trigger(START - HOUR), [field]: '  ' });
      expect(e.code).toBe('invalid_input');
      expect(e.message).toContain(field);
      expect(e.message).toContain(`${label}不能为空`);
    }
    // A typo of a timestamp (far future, or 1970 even when confirmed) is refused in words, not as NaN dates.
    for (const at of [9e15, 1]) {
      const e = await t.fail('switchToEmergency', { ...trigger(START), reportedAt: at, confirmOldT0: true });
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(/^reportedAt: 接报时间须在 (2000 年之后|2999 年之前)$/);
    }
    expect((await state()).mode).toBe('routine');
    const s = await t.ok('switchToEmergency', { ...trigger(START - 73 * HOUR), confirmOldT0: true });
    expect(s.emergency!.deadlines.every((d) => d.status === 'overdue')).toBe(true);
  });

  test('a second switch is refused with "already in emergency since ..."', async () => {
    await signedIn(t);
    await t.ok('switchToEmergency', trigger(START - HOUR));
    t.clock.now += 10 * MIN;
    const e = await t.fail('switchToEmergency', trigger(START));
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/^已于 2022-07-10 10:00 进入应急状态/);
    expect(e.message).toContain('Already in emergency since 2022-07-10 10:00');
    expect((await state()).log.filter((l) => l.category === 'mode')).toHaveLength(1);
  });

  test('close and reopen the app: the clocks resume from the database, right for a moved now', async () => {
    await signedIn(t);
    await t.ok('switchToEmergency', trigger(START - HOUR));
    const before = await state();
    const reportId = before.emergency!.deadlines.find((d) => d.key === 'online_report')!.id;
    await t.ok('markDeadlineDone', { id: reportId });
    t.reopen();
    t.clock.now = START + 3 * HOUR + 40 * MIN; // T0 + 4 h 40 min
    const s = await state();
    expect(s.mode).toBe('emergency');
    expect(s.emergency!.t0).toBe(START - HOUR);
    expect(s.emergency!.elapsedMs).toBe(4 * HOUR + 40 * MIN);
    const d = Object.fromEntries(s.emergency!.deadlines.map((x) => [x.key, x]));
    expect(d.online_report).toMatchObject({ status: 'done', doneAt: START, doneBy: { name: '王值班' } });
    expect(d.sampling_sites_open).toMatchObject({ status: 'overdue', urgency: 'overdue', remainingMs: -40 * MIN });
    expect(d.risk_areas_published).toMatchObject({ status: 'pending', urgency: 'soon', remainingMs: 20 * MIN });
    expect(d.arrivals_checked).toMatchObject({ status: 'pending', urgency: 'ok' });
    expect(s.emergency!.deadlines.map((x) => x.key)).toEqual([
      'sampling_sites_open',
      'risk_areas_published',
      'arrivals_checked',
      'isolation_transfer',
      'area_tested',
      'online_report',
    ]);
    // The desk operator survives a restart too (one desk, stored), at a locked desk (issue 9).
    expect((await board(t)).desk).toMatchObject({ operator: { name: '王值班' }, locked: true });
  });

  test('T0 correction moves the clocks and keeps the history', async () => {
    await signedIn(t);
    await t.ok('switchToEmergency', trigger(START - HOUR));
    await t.work(20 * MIN);
    expect((await t.fail('correctT0', { reportedAt: START - 2 * HOUR, reason: '' })).message).toMatch(/更正原因不能为空/);
    const s = await t.ok('correctT0', { reportedAt: START - 2 * HOUR, reason: '疾控复核：接报时间为 08:00' });
    const e = s.emergency!;
    expect(e.t0).toBe(START - 2 * HOUR);
    expect(e.trigger.reportedAt).toBe(START - HOUR); // the report as first entered stays
    expect(e.t0Corrections).toEqual([expect.objectContaining({ from: START - HOUR, to: START - 2 * HOUR, reason: '疾控复核：接报时间为 08:00', by: expect.objectContaining({ name: '王值班' }) })]);
    expect(e.deadlines.find((d) => d.key === 'risk_areas_published')!.dueAt).toBe(START + 3 * HOUR);
    expect(e.deadlines.find((d) => d.key === 'online_report')!.dueAt).toBe(START);
    expect((await board(t)).log[0].text).toMatch(/更正 T0：2022-07-10 09:00 → 2022-07-10 08:00。原因：疾控复核/);
    // a second correction keeps both
    const s2 = await t.ok('correctT0', { reportedAt: START - 90 * MIN, reason: '再次核实' });
    expect(s2.emergency!.t0Corrections.map((c) => c.to)).toEqual([START - 2 * HOUR, START - 90 * MIN]);
    expect((await t.fail('correctT0', { reportedAt: START + HOUR, reason: 'x' })).message).toMatch(/不能在将来/);
  });

  test('a new positive during the emergency is a new report with its own 2 h clock', async () => {
    await signedIn(t);
    await t.ok('switchToEmergency', trigger(START - HOUR));
    await t.workUntil(START + 5 * HOUR);
    const s = await t.ok('recordPositive', { reportedAt: START + 4 * HOUR + 50 * MIN, place: '红星小区', caseType: 'asymptomatic', reportedBy: '核酸检测组' });
    const e = s.emergency!;
    expect(e.reports).toHaveLength(2);
    const second = e.reports.find((r) => !r.isTrigger)!;
    const own = e.deadlines.filter((d) => d.reportId === second.id);
    expect(own.map((d) => [d.key, d.dueAt])).toEqual([['online_report', START + 6 * HOUR + 50 * MIN]]);
    expect(e.deadlines).toHaveLength(7);
    expect((await board(t)).log[0]).toMatchObject({ category: 'report' });
    expect((await board(t)).log[0].text).toMatch(/新报告阳性.*红星小区.*无症状感染者/);
  });

  test('marking a deadline done records who and when; a second mark changes nothing', async () => {
    const opId = await signedIn(t);
    const s0 = await t.ok('switchToEmergency', trigger(START - HOUR));
    const sites = s0.emergency!.deadlines.find((d) => d.key === 'sampling_sites_open')!;
    await t.work(HOUR);
    const s1 = await t.ok('markDeadlineDone', { id: sites.id });
    expect(s1.emergency!.deadlines.find((d) => d.id === sites.id)).toMatchObject({ status: 'done', doneAt: START + HOUR, doneBy: { id: opId, name: '王值班' } });
    await t.work(HOUR);
    const s2 = await t.ok('markDeadlineDone', { id: sites.id });
    expect(s2.emergency!.deadlines.find((d) => d.id === sites.id)!.doneAt).toBe(START + HOUR);
    expect((await board(t)).log.filter((l) => l.category === 'deadline')).toHaveLength(1);
    expect((await t.fail('markDeadlineDone', { id: 9999 })).code).toBe('not_found');
  });

  test('checklist items are ticked with who and when, and each tick is logged', async () => {
    await signedIn(t);
    const s = await t.ok('switchToEmergency', trigger(START - HOUR));
    const item = s.emergency!.checklist.find((i) => i.groupKey === 'testing')!;
    t.clock.now += 5 * MIN;
    const ticked = await t.ok('tickChecklistItem', { id: item.id, done: true });
    expect(ticked).toMatchObject({ done: true, doneAt: START + 5 * MIN, doneBy: { name: '王值班' } });
    const unticked = await t.ok('tickChecklistItem', { id: item.id, done: false });
    expect(unticked).toMatchObject({ done: false, doneAt: null, doneBy: null });
    const log = (await state()).log.filter((l) => l.category === 'checklist');
    expect(log.map((l) => l.text)).toEqual([`取消完成启动清单（核酸检测组）：${item.text}`, `完成启动清单（核酸检测组）：${item.text}`]);
  });
});

describe('activation checklist template', () => {
  test('edited in routine times, instantiated at the switch; later edits wait for the next switch', async () => {
    await signedIn(t);
    const tpl = await t.ok('getChecklistTemplate', {});
    expect(tpl[0]).toMatchObject({ groupKey: 'community_screening', groupName: '社区排查组' });
    const added = await t.ok('saveChecklistTemplateItem', { groupKey: 'transport', text: '联系公交公司备用 5 辆转运车' });
    const reserve = tpl.find((i) => i.text.includes('100个隔离房间'))!;
    await t.ok('saveChecklistTemplateItem', { id: reserve.id, groupKey: reserve.groupKey, text: '按每名感染者100个隔离房间备足，报区指挥部' });
    const gone = tpl.find((i) => i.groupKey === 'disinfection')!;
    await t.ok('deleteChecklistTemplateItem', { id: gone.id });
    expect((await t.fail('deleteChecklistTemplateItem', { id: gone.id })).code).toBe('not_found');
    expect((await t.fail('saveChecklistTemplateItem', { groupKey: 'transport', text: ' ' })).message).toMatch(/任务内容不能为空/);

    const s = await t.ok('switchToEmergency', trigger(START - HOUR));
    const texts = s.emergency!.checklist.map((i) => i.text);
    expect(texts).toContain('联系公交公司备用 5 辆转运车');
    expect(texts).toContain('按每名感染者100个隔离房间备足，报区指挥部');
    expect(texts).not.toContain(gone.text);
    expect(s.emergency!.checklist.length).toBe(tpl.length);
    await t.ok('saveChecklistTemplateItem', { id: added.id, groupKey: 'transport', text: '改过的模板' });
    expect((await board(t)).emergency!.checklist.map((i) => i.text)).toContain('联系公交公司备用 5 辆转运车');
    const log = (await t.ok('listLogEntries', { categories: ['checklist'] })).rows.map((r) => r.text);
    expect(log).toContain(`删除启动清单模板项：${gone.text}`);
  });
});

describe('switch back to routine', () => {
  test('needs a reason, is recorded, and the next switch starts a new emergency', async () => {
    await signedIn(t);
    const first = await t.ok('switchToEmergency', trigger(START - HOUR));
    expect((await t.fail('switchToRoutine', { reason: ' ' })).message).toMatch(/恢复常态的理由不能为空/);
    await t.work(48 * HOUR);
    const s = await t.ok('switchToRoutine', { reason: '区指挥部通知：风险区全部解除' });
    expect(s.mode).toBe('routine');
    expect(s.emergency).toBeNull();
    expect(s.lastSwitch).toMatchObject({ to: 'routine', reason: '区指挥部通知：风险区全部解除', by: { name: '王值班' } });
    expect((await board(t)).log[0].text).toMatch(/恢复常态化状态.*理由：区指挥部通知/);
    expect((await t.fail('switchToRoutine', { reason: 'again' })).message).toMatch(/当前为常态化状态/);
    const again = await t.ok('switchToEmergency', trigger(t.clock.now - MIN));
    expect(again.emergency!.id).not.toBe(first.emergency!.id);
    expect(again.emergency!.deadlines.every((d) => d.status === 'pending')).toBe(true);
  });
});

describe('policy profiles', () => {
  test('listed as data; the active one is chosen in routine mode and recorded at the switch', async () => {
    await signedIn(t);
    const list = await t.ok('listPolicyProfiles', {});
    expect(list.activeId).toBe('cn-2022-jun-v9');
    expect(list.profiles.map((p) => p.id)).toEqual(['cn-2021-seeds', 'cn-2022-jun-v9', 'cn-2022-nov-20', 'cn-2022-dec-10']);
    expect((await t.fail('setActivePolicyProfile', { id: 'cn-1999' })).code).toBe('not_found');
    await t.ok('setActivePolicyProfile', { id: 'cn-2021-seeds' });
    const s = await t.ok('switchToEmergency', trigger(START - HOUR));
    expect(s.emergency!.profile.id).toBe('cn-2021-seeds');
    expect(s.emergency!.deadlines.find((d) => d.key === 'area_tested')!.dueAt).toBe(START - HOUR + 48 * HOUR);
    const refused = await t.fail('setActivePolicyProfile', { id: 'cn-2022-nov-20' });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/应急状态下不能更换政策版本/);
    const log = (await t.ok('listLogEntries', { categories: ['mode'] })).rows.map((r) => r.text);
    expect(log.some((x) => x.includes('更换政策版本：冬春季疫情防控工作方案 2021年'))).toBe(true);
  });
});

describe('mode status strip', () => {
  test('the three most urgent open deadlines, for every screen', async () => {
    await signedIn(t);
    expect((await t.ok('getModeStatus', {})).urgent).toEqual([]);
    await t.ok('switchToEmergency', trigger(START - HOUR));
    t.clock.now = START + 90 * MIN; // T0 + 2.5 h: report overdue
    const s = await t.ok('getModeStatus', {});
    expect(s.mode).toBe('emergency');
    expect(s.urgent.map((d) => [d.key, d.urgency])).toEqual([
      ['online_report', 'overdue'],
      ['sampling_sites_open', 'ok'],
      ['risk_areas_published', 'ok'],
    ]);
    expect(s.operator?.name).toBe('王值班');
  });
});
