import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HOUR, MIN, openTestApp, signedIn, type TestApp } from './mode-harness';
import { shanghaiMs } from '../../shared/domain/shanghai-time';

/** 值班表 through the API: rostering shifts, the refusals, swaps with who/when, week and month views. */

let t: TestApp;
beforeEach(async () => {
  t = openTestApp();
  await signedIn(t);
});
afterEach(() => t.close());

const shift = (date: string, shiftKey: string, leader: string | null, members: string[]) => ({
  date,
  shiftKey,
  leader: leader ? { name: leader, phone: '13800000000' } : null,
  members: members.map((name) => ({ name })),
});

describe('duty roster', () => {
  test('a shift with nobody, without a leader, or with the same person twice is refused with a clear error', async () => {
    const nobody = await t.fail('saveDutyShift', shift('2022-07-11', 'day', null, []));
    expect(nobody).toMatchObject({ code: 'invalid_input', message: '2022-07-11 白班：班次没有安排任何人：须有带班领导和值班员。' });
    const noLeader = await t.fail('saveDutyShift', shift('2022-07-11', 'day', null, ['李四']));
    expect(noLeader.message).toBe('2022-07-11 白班：班次没有带班领导（领导带班）：请填写带班领导。');
    const twice = await t.fail('saveDutyShift', shift('2022-07-11', 'day', '张书记', ['李四', '李四']));
    expect(twice.message).toBe('2022-07-11 白班：李四 在同一班次出现了两次。');
    const leaderTwice = await t.fail('saveDutyShift', shift('2022-07-11', 'day', '张书记', ['张书记']));
    expect(leaderTwice.message).toMatch(/张书记 在同一班次出现了两次/);
    expect((await t.fail('saveDutyShift', shift('2022-02-30', 'day', '张书记', ['李四']))).message).toMatch(/2022-02-30 不是有效日期/);
    expect((await t.fail('saveDutyShift', shift('2022-07-11', 'morning', '张书记', ['李四']))).message).toMatch(/没有代码为 morning 的班次/);
    const roster = await t.ok('getDutyRoster', { period: 'week', date: '2022-07-11' });
    expect(roster.days.flatMap((d) => d.shifts).every((s) => s.id === null)).toBe(true);
  });

  test('rostered shifts show in the week and month views with gaps counted; a night shift runs to the next morning', async () => {
    const day = await t.ok('saveDutyShift', shift('2022-07-11', 'day', '张书记', ['李四', '王五']));
    expect(day).toMatchObject({ shiftName: '白班', start: '08:00', end: '20:00', leader: { name: '张书记' }, updatedBy: { name: '王值班' } });
    const night = await t.ok('saveDutyShift', shift('2022-07-11', 'night', '赵主任', ['钱六']));
    expect(night.startsAt).toBe(shanghaiMs('2022-07-11', '20:00'));
    expect(night.endsAt).toBe(shanghaiMs('2022-07-12', '08:00'));

    const week = await t.ok('getDutyRoster', { period: 'week', date: '2022-07-13' });
    expect([week.from, week.to]).toEqual(['2022-07-11', '2022-07-17']);
    expect(week.days[0]).toMatchObject({ date: '2022-07-11', weekday: 1 });
    expect(week.days[0].shifts.map((s) => [s.shiftKey, s.leader?.name, s.members.map((m) => m.name)])).toEqual([
      ['day', '张书记', ['李四', '王五']],
      ['night', '赵主任', ['钱六']],
    ]);
    expect(week.gaps).toBe(12); // 7 days x 2 shifts, 2 rostered
    const month = await t.ok('getDutyRoster', { period: 'month', date: '2022-07-13' });
    expect(month.days).toHaveLength(31);
    expect(month.gaps).toBe(60);

    // The night shift of the 11th is on duty at 03:00 on the 12th.
    t.clock.now = shanghaiMs('2022-07-12', '03:00');
    expect((await t.ok('getDutyNow', {}))?.leader?.name).toBe('赵主任');
    t.clock.now = shanghaiMs('2022-07-12', '09:00');
    expect(await t.ok('getDutyNow', {})).toBeNull();
  });

  test('a swap is recorded: who for whom, why, when, by which operator; refused when it makes nonsense', async () => {
    const s = await t.ok('saveDutyShift', shift('2022-07-11', 'day', '张书记', ['李四']));
    await t.work(2 * HOUR);
    expect((await t.fail('swapDuty', { shiftId: s.id!, outName: '王五', in: { name: '孙七' } })).message).toMatch(/王五 不在 2022-07-11 这个班次上/);
    expect((await t.fail('swapDuty', { shiftId: s.id!, outName: '李四', in: { name: '张书记' } })).message).toMatch(/张书记 已在这个班次上/);
    const swapped = await t.ok('swapDuty', { shiftId: s.id!, outName: '李四', in: { name: '孙七', phone: '13700000000' }, reason: '李四 病假' });
    expect(swapped.members).toEqual([{ name: '孙七', phone: '13700000000' }]);
    expect(swapped.swaps).toEqual([
      { id: expect.any(Number), outName: '李四', inName: '孙七', role: 'member', reason: '李四 病假', at: t.clock.now, by: { id: expect.any(Number), name: '王值班' } },
    ]);
    const leaderSwap = await t.ok('swapDuty', { shiftId: s.id!, outName: '张书记', in: { name: '吴副书记' } });
    expect(leaderSwap.leader?.name).toBe('吴副书记');
    expect(leaderSwap.swaps.map((w) => w.role)).toEqual(['member', 'leader']);
    const log = await t.ok('listLogEntries', { categories: ['duty'] });
    expect(log.rows[1].text).toBe('换班：2022-07-11 白班，孙七 替 李四（李四 病假）');
  });

  test('three shifts a day can be configured; a shift key still rostered cannot be dropped', async () => {
    await t.ok('saveDutyShift', shift('2022-07-11', 'night', '赵主任', ['钱六']));
    const three = {
      shifts: [
        { key: 'a', name: '早班', start: '00:00', end: '08:00' },
        { key: 'b', name: '中班', start: '08:00', end: '16:00' },
        { key: 'c', name: '晚班', start: '16:00', end: '00:00' },
      ],
      minMembers: 2,
    };
    const refused = await t.fail('saveDutyConfig', three);
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/night（已排 1 个班）/);
    await t.ok('deleteDutyShift', { id: (await t.ok('getDutyRoster', { period: 'week', date: '2022-07-11' })).days[0].shifts[1].id! });
    const cfg = await t.ok('saveDutyConfig', three);
    expect(cfg.shifts.map((s) => s.name)).toEqual(['早班', '中班', '晚班']);
    expect((await t.fail('saveDutyShift', shift('2022-07-11', 'b', '张书记', ['李四']))).message).toMatch(/至少需要 2 名值班员/);
    const ok = await t.ok('saveDutyShift', shift('2022-07-11', 'c', '张书记', ['李四', '王五']));
    expect(ok.endsAt - ok.startsAt).toBe(8 * HOUR);
    expect((await t.fail('saveDutyConfig', { ...three, shifts: [three.shifts[0], { ...three.shifts[1], key: 'a' }] })).message).toMatch(/班次代码 a 重复/);
    // One 24-hour shift (08:00 to 08:00 the next day) is allowed, but 'c' is still rostered.
    expect((await t.fail('saveDutyConfig', { shifts: [{ key: 'x', name: '全天', start: '08:00', end: '08:00' }], minMembers: 1 })).message).toMatch(/c（已排 1 个班）/);
  });

  test('a roster of the year 9999 is refused with the date named (it used to hang the host out of memory)', async () => {
    for (const period of ['week', 'month'] as const) {
      const e = await t.fail('getDutyRoster', { period, date: '9999-12-31' });
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(/date: 9999-12-31/);
    }
    expect((await t.fail('saveDutyShift', shift('9999-12-31', 'day', '张书记', ['李四']))).code).toBe('invalid_input');
  });

  test('readiness lists a missing duty shift now', async () => {
    await t.workUntil(shanghaiMs('2022-07-11', '10:00'));
    const gaps = (await t.ok('getReadiness', {})).gaps.map((g) => g.kind);
    expect(gaps).toContain('no_duty_today');
    await t.ok('saveDutyShift', shift('2022-07-11', 'day', '张书记', ['李四']));
    expect((await t.ok('getReadiness', {})).gaps.map((g) => g.kind)).not.toContain('no_duty_today');
    t.clock.now += 11 * HOUR + 30 * MIN; // 21:30, night shift not rostered
    expect((await t.ok('getReadiness', {})).gaps.map((g) => g.kind)).toContain('no_duty_today');
  });

  test('phones are checked: a 10-digit number is refused, an 11-digit mobile or a landline with area code is taken', async () => {
    const ten = await t.fail('saveDutyShift', { date: '2022-07-11', shiftKey: 'day', leader: { name: '张书记', phone: '1380000000' }, members: [{ name: '李四' }] });
    expect(ten.code).toBe('invalid_input');
    expect(ten.message).toMatch(/leader\.phone: 电话须为 11 位手机号/);
    const badMember = await t.fail('saveDutyShift', {
      date: '2022-07-11', shiftKey: 'day', leader: { name: '张书记', phone: '13800000000' }, members: [{ name: '李四', phone: '12345678901' }],
    });
    expect(badMember.message).toMatch(/members\.0\.phone/);
    const ok = await t.ok('saveDutyShift', {
      date: '2022-07-11', shiftKey: 'day', leader: { name: '张书记', phone: '138 0000 0001' }, members: [{ name: '李四', phone: '023-68123456' }, { name: '王五', phone: '0755-1234567' }],
    });
    expect([ok.leader?.phone, ...ok.members.map((m) => m.phone)]).toEqual(['138 0000 0001', '023-68123456', '0755-1234567']);
    const swap = await t.fail('swapDuty', { shiftId: ok.id!, outName: '李四', in: { name: '赵六', phone: '02368123' } });
    expect(swap.message).toMatch(/in\.phone: 电话须为/);
  });

  test("copyDutyWeek copies last week's people into this week, keeps what is rostered already, and is logged", async () => {
    await t.ok('saveDutyShift', shift('2022-07-04', 'day', '张书记', ['李四']));
    await t.ok('saveDutyShift', shift('2022-07-04', 'night', '赵主任', ['钱六']));
    const sunday = await t.ok('saveDutyShift', shift('2022-07-10', 'day', '孙主任', ['周七']));
    // A swap last week: the copy takes the people as they stand after it.
    await t.ok('swapDuty', { shiftId: sunday.id!, outName: '周七', in: { name: '吴八', phone: '13800000008' }, reason: '病假' });
    // Already rostered this week: kept as it is.
    await t.ok('saveDutyShift', shift('2022-07-11', 'night', '郑主任', ['冯九']));

    const r = await t.ok('copyDutyWeek', { week: '2022-07-13' });
    expect(r).toEqual({ from: '2022-07-11', to: '2022-07-17', copied: 2, kept: 1 });
    const week = await t.ok('getDutyRoster', { period: 'week', date: '2022-07-11' });
    const at = (date: string, key: string) => week.days.find((d) => d.date === date)!.shifts.find((s) => s.shiftKey === key)!;
    expect([at('2022-07-11', 'day').leader?.name, at('2022-07-11', 'day').members.map((m) => m.name)]).toEqual(['张书记', ['李四']]);
    expect(at('2022-07-11', 'night').leader?.name).toBe('郑主任');
    expect(at('2022-07-17', 'day').members).toEqual([{ name: '吴八', phone: '13800000008' }]);
    expect(at('2022-07-17', 'day').swaps).toEqual([]);
    expect(at('2022-07-12', 'day').id).toBeNull();
    const log = await t.ok('listLogEntries', { categories: ['duty'] });
    expect(log.rows[0].text).toBe('复制上周排班到 2022-07-11 至 2022-07-17：复制 2 个班次，本周已排的 1 个班次保留不变');
    // Copying again fills nothing new and overwrites nobody.
    expect(await t.ok('copyDutyWeek', { week: '2022-07-11' })).toEqual({ from: '2022-07-11', to: '2022-07-17', copied: 0, kept: 3 });
    // A week after an empty one: refused with the dates.
    expect((await t.fail('copyDutyWeek', { week: '2022-08-01' })).message).toBe('上周（2022-07-25 至 2022-07-31）没有排班，无可复制。');
  });
});
