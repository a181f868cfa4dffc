import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MIN, START, openTestApp, signedIn, type TestApp } from './mode-harness';

/** Who is at the desk: names, PINs (salted scrypt), sign-in, handover, admin rules, and the operator on every record. */

let t: TestApp;
beforeEach(() => {
  t = openTestApp();
});
afterEach(() => t.close());

describe('operators and the desk', () => {
  test('sign in by picking a name; a PIN when set; a wrong PIN is refused', async () => {
    // The first operator needs no desk (first start); the next ones are added by someone signed in.
    const a = await t.ok('saveOperator', { name: '王值班', phone: '13900000001' });
    const desk = await t.ok('signIn', { operatorId: a.id });
    expect(desk).toMatchObject({ operator: { name: '王值班' }, since: START, locked: false, lockedAt: null, idleLockMinutes: 15 });
    const b = await t.ok('saveOperator', { name: '李值班' });
    await t.ok('setOperatorPin', { id: b.id, pin: '2468' });
    const hash = (t.app.ctx.db.prepare('SELECT pin_hash FROM operator WHERE id = ?').get(b.id) as { pin_hash: string }).pin_hash;
    expect(hash).toMatch(/^scrypt\$65536\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('2468');

    const noPin = await t.fail('signIn', { operatorId: b.id });
    expect(noPin).toMatchObject({ code: 'unauthorized', message: '李值班 设置了 PIN，请输入 PIN。' });
    const wrong = await t.fail('signIn', { operatorId: b.id, pin: '1357' });
    expect(wrong).toMatchObject({ code: 'unauthorized', message: '李值班 的 PIN 不正确。' });
    expect((await t.ok('getDesk', {})).operator?.name).toBe('王值班');
    expect((await t.ok('signIn', { operatorId: b.id, pin: '2468' })).operator?.name).toBe('李值班');
    expect((await t.fail('setOperatorPin', { id: b.id, pin: '12' })).message).toMatch(/PIN 须为 4 到 8 位数字/);
  });

  test('five wrong PINs in a row lock that operator out for five minutes', async () => {
    await signedIn(t);
    const b = await t.ok('saveOperator', { name: '李值班' });
    await t.ok('setOperatorPin', { id: b.id, pin: '2468' });
    for (let i = 0; i < 5; i++) expect((await t.fail('signIn', { operatorId: b.id, pin: '0000' })).message).toBe('李值班 的 PIN 不正确。');
    expect((await t.fail('signIn', { operatorId: b.id, pin: '2468' })).message).toBe('李值班 的 PIN 连续输错 5 次，请 5 分钟后再试。');
    t.clock.now += 5 * MIN + 1;
    expect((await t.ok('signIn', { operatorId: b.id, pin: '2468' })).operator?.name).toBe('李值班');
  });

  test('the idle lock time is the idleLockMinutes setting', async () => {
    await signedIn(t);
    await t.ok('saveSettings', { idleLockMinutes: 5 });
    expect((await t.ok('getDesk', {})).idleLockMinutes).toBe(5);
  });

  test('交接班 in one step: the note goes into the log, the next operator holds the desk', async () => {
    const aId = await signedIn(t, '王值班');
    const b = await t.ok('saveOperator', { name: '李值班' });
    await t.ok('setOperatorPin', { id: b.id, pin: '2468' });
    await t.ok('signOut', {});
    expect((await t.fail('handOver', { toOperatorId: b.id, note: '无异常' })).code).toBe('signed_out');
    await t.ok('signIn', { operatorId: aId });
    const a = { id: aId };
    expect((await t.fail('handOver', { toOperatorId: b.id, pin: '0000', note: '无异常' })).message).toMatch(/PIN 不正确/);
    expect((await t.fail('handOver', { toOperatorId: b.id, pin: '2468', note: ' ' })).message).toMatch(/交接班说明不能为空/);
    expect((await t.fail('handOver', { toOperatorId: a.id, note: 'x' })).message).toMatch(/不能是本人/);
    await t.work(12 * 60 * MIN); // a 12-hour shift at work
    const desk = await t.ok('handOver', { toOperatorId: b.id, pin: '2468', note: '夜间接市外推送 3 条，已核查 2 条，余 1 条待社区回复' });
    expect(desk).toMatchObject({ operator: { name: '李值班' }, since: START + 12 * 60 * MIN });
    const log = await t.ok('listLogEntries', { categories: ['desk'] });
    expect(log.rows[0]).toMatchObject({ operator: { name: '王值班' }, method: 'handOver' });
    expect(log.rows[0].text).toBe('交接班：王值班 → 李值班。交班说明：夜间接市外推送 3 条，已核查 2 条，余 1 条待社区回复');
    const session = t.app.ctx.db.prepare('SELECT handover_note, end_kind FROM desk_session WHERE operator_id = ? ORDER BY id DESC').get(a.id);
    expect(session).toEqual({ handover_note: '夜间接市外推送 3 条，已核查 2 条，余 1 条待社区回复', end_kind: 'hand_over' });
  });

  test('changes refuse when nobody is signed in (signed_out); records carry the operator', async () => {
    const a = await t.ok('saveOperator', { name: '王值班' });
    for (const [m, input] of [
      ['addLogEntry', { category: 'note', text: '测试' }],
      ['saveCommandLeader', { role: 'commander', person: { name: '吴书记' } }],
      ['saveDutyShift', { date: '2022-07-10', shiftKey: 'day', leader: { name: '甲' }, members: [{ name: '乙' }] }],
      ['saveChecklistTemplateItem', { groupKey: 'testing', text: '新任务' }],
      ['setActivePolicyProfile', { id: 'cn-2022-nov-20' }],
    ] as const) {
      const e = await t.fail(m, input);
      expect(e.code, m).toBe('signed_out');
      expect(e.message, m).toMatch(/值班台无人登录/);
    }
    await t.ok('signIn', { operatorId: a.id });
    const entry = await t.ok('addLogEntry', { category: 'call', text: '市民来电反映某小区有人未戴口罩' });
    expect(entry.operator).toEqual({ id: a.id, name: '王值班' });
    await t.ok('signOut', {});
    expect((await t.ok('getDesk', {})).operator).toBeNull();
    const log = await t.ok('listLogEntries', { categories: ['desk'] });
    expect(log.rows.map((r) => r.text)).toEqual(['王值班 退出值班台', '王值班 登录值班台', '新增值班员：王值班']);
    expect(log.rows[2].operator).toBeNull(); // added before anyone signed in
  });

  test('once an admin exists only a signed-in admin manages operators; the last admin stays', async () => {
    const admin = await t.ok('saveOperator', { name: '张管理', isAdmin: true });
    const e = await t.fail('saveOperator', { name: '新人' });
    expect(e.code).toBe('signed_out'); // the first start is over once an operator exists
    const clerk = await t.ok('saveOperator', { name: '王值班' }).catch(() => null);
    expect(clerk).toBeNull();
    await t.ok('signIn', { operatorId: admin.id });
    const w = await t.ok('saveOperator', { name: '王值班' });
    expect((await t.fail('saveOperator', { name: '王值班' })).message).toBe('已有名为 王值班 的值班员。');
    expect((await t.fail('saveOperator', { id: admin.id, name: '张管理', isAdmin: false })).message).toMatch(/唯一的管理员/);
    expect((await t.fail('saveOperator', { id: admin.id, name: '张管理', active: false })).message).toMatch(/正在值班台登录|唯一的管理员/);
    await t.ok('signIn', { operatorId: w.id });
    expect((await t.fail('setOperatorPin', { id: w.id, pin: '1234' })).message).toMatch(/王值班 不是管理员/);
    // an inactive operator cannot sign in
    await t.ok('signIn', { operatorId: admin.id });
    await t.ok('saveOperator', { id: w.id, name: '王值班', active: false });
    expect((await t.fail('signIn', { operatorId: w.id })).message).toBe('王值班 已停用，不能登录值班台。');
    expect((await t.ok('listOperators', {})).map((o) => [o.name, o.active])).toEqual([['张管理', true], ['王值班', false]]);
  });
});
