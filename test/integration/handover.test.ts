import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HOUR, MIN, openTestApp, signedIn, trigger, type TestApp } from './mode-harness';

/** 交接班 (issue 10.5): the situation handed over since the last handover, and the record printed for both to sign. */

let t: TestApp;
let li: number;
beforeEach(async () => {
  t = openTestApp();
  await signedIn(t);
  // The clock jumps by hours here; the idle lock is not what this file is about.
  await t.ok('saveSettings', { idleLockMinutes: 0 });
  li = (await t.ok('saveOperator', { name: '李接班' })).id;
});
afterEach(() => t.close());

describe('handover', () => {
  test('the summary holds open and overdue deadlines, unticked items, reports and log entries since the last handover', async () => {
    const signedInAt = t.clock.now;
    t.clock.now += 10 * MIN;
    // T0 three hours ago: the 2-hour online report is overdue.
    const e = await t.ok('switchToEmergency', trigger(t.clock.now - 3 * HOUR));
    const sites = e.emergency!.deadlines.find((d) => d.key === 'sampling_sites_open')!;
    await t.ok('markDeadlineDone', { id: sites.id });
    await t.ok('tickChecklistItem', { id: e.emergency!.checklist[0].id, done: true });
    await t.ok('addLogEntry', { category: 'call', text: '区疾控来电：密接 12 人' });

    const s = await t.ok('getHandoverSummary', {});
    expect(s).toMatchObject({ since: signedInAt, sinceKind: 'sign_in', outgoing: { name: '王值班' }, mode: 'emergency' });
    // Overdue first, the done one left out.
    expect(s.openDeadlines[0]).toMatchObject({ key: 'online_report', status: 'overdue' });
    expect(s.openDeadlines.map((d) => d.key)).not.toContain('sampling_sites_open');
    expect(s.openDeadlines).toHaveLength(e.emergency!.deadlines.length - 1);
    expect(s.uncheckedItems).toHaveLength(e.emergency!.checklist.length - 1);
    expect(s.uncheckedItems.every((i) => !i.done)).toBe(true);
    expect(s.reports.map((r) => r.place)).toEqual(['桂花小区 3 栋']);
    const texts = s.log.rows.map((r) => r.text);
    expect(texts[0]).toBe('区疾控来电：密接 12 人');
    expect(texts.some((x) => x.startsWith('切换到应急状态'))).toBe(true);
    // Desk entries (sign-in, new operator) and settings are not the situation.
    expect(s.log.rows.every((r) => r.category !== 'desk' && r.category !== 'system')).toBe(true);

    // The handover, a while later; the next summary starts from it.
    t.clock.now += 20 * MIN;
    await t.ok('handOver', { toOperatorId: li, note: '网络直报已超时，请立即跟进\n采样点已开' });
    const handedAt = t.clock.now;
    const record = await t.ok('getHandoverRecord', {});
    expect(record).toMatchObject({ at: handedAt, from: { name: '王值班' }, to: { name: '李接班' }, note: '网络直报已超时，请立即跟进\n采样点已开', mode: 'emergency' });
    expect(await t.ok('getHandoverRecord', { id: record!.id })).toEqual(record);

    t.clock.now += HOUR;
    await t.ok('recordPositive', { ...trigger(t.clock.now - 5 * MIN), place: '幸福小区 5 栋' });
    const next = await t.ok('getHandoverSummary', {});
    expect(next).toMatchObject({ since: handedAt, sinceKind: 'handover', outgoing: { name: '李接班' } });
    expect(next.reports.map((r) => r.place)).toEqual(['幸福小区 5 栋']);
    expect(next.log.rows.some((r) => r.text === '区疾控来电：密接 12 人')).toBe(false);
    expect(next.log.rows[0].text).toMatch(/幸福小区 5 栋/);
  });

  test('routine times: no deadlines or checklist; no handover yet answers null', async () => {
    expect(await t.ok('getHandoverRecord', {})).toBeNull();
    expect((await t.fail('getHandoverRecord', { id: 0 })).code).toBe('invalid_input');
    const s = await t.ok('getHandoverSummary', {});
    expect(s).toMatchObject({ mode: 'routine', t0: null, openDeadlines: [], uncheckedItems: [], reports: [] });
    await t.ok('handOver', { toOperatorId: li, note: '平安无事' });
    expect(await t.ok('getHandoverRecord', {})).toMatchObject({ from: { name: '王值班' }, to: { name: '李接班' }, note: '平安无事', mode: 'routine' });
  });
});
