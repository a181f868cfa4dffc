import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contract, type MethodName } from '../../shared/api/contract';
import { auditRules } from '../../main/api/audit';
import { HOUR, MIN, START, openTestApp, signedIn, type TestApp } from './mode-harness';

/** 值班日志: append-only, corrections point at the old entry, filters, CSV, and every change writes its own entry. */

let t: TestApp;
beforeEach(async () => {
  t = openTestApp();
  await signedIn(t);
});
afterEach(() => t.close());

describe('event log', () => {
  test('a correction is a new entry pointing at the old one; the chain is kept and only the newest may be corrected', async () => {
    const first = await t.ok('addLogEntry', { category: 'call', text: '14:05 桂花小区物业来电：3 栋有发热人员' });
    t.clock.now += 10 * MIN;
    const fix = await t.ok('correctLogEntry', { id: first.id, text: '14:05 桂花小区物业来电：5 栋有发热人员', reason: '楼栋号记错' });
    expect(fix).toMatchObject({ correctsId: first.id, at: first.at, category: 'call', source: 'manual' });
    const again = await t.fail('correctLogEntry', { id: first.id, text: 'x', reason: 'y' });
    expect(again).toMatchObject({ code: 'conflict', message: `日志 #${first.id} 已被 #${fix.id} 更正，请更正最新的一条。` });
    const fix2 = await t.ok('correctLogEntry', { id: fix.id, text: '14:05 桂花小区物业来电：5 栋 2 单元有发热人员', reason: '补充单元' });
    const history = await t.ok('getLogEntryHistory', { id: fix.id });
    expect(history.map((h) => [h.id, h.correctsId, h.correctedById])).toEqual([
      [first.id, null, fix.id],
      [fix.id, first.id, fix2.id],
      [fix2.id, fix.id, null],
    ]);
    expect(history[0].text).toBe('14:05 桂花小区物业来电：3 栋有发热人员'); // the old entry is untouched
    const current = await t.ok('listLogEntries', { categories: ['call'], hideCorrected: true });
    expect(current.rows.map((r) => r.id)).toEqual([fix2.id]);
    expect((await t.fail('correctLogEntry', { id: fix2.id, text: 'x', reason: ' ' })).message).toMatch(/请说明更正原因/);
  });

  test('the table refuses UPDATE and DELETE (append-only)', async () => {
    const e = await t.ok('addLogEntry', { category: 'note', text: '测试' });
    expect(() => t.app.ctx.db.prepare('UPDATE event_log SET text = ? WHERE id = ?').run('改', e.id)).toThrow(/append-only/);
    expect(() => t.app.ctx.db.prepare('DELETE FROM event_log WHERE id = ?').run(e.id)).toThrow(/append-only/);
  });

  test('filter by category, time and text (including the operator name and literal % signs)', async () => {
    await t.ok('addLogEntry', { category: 'instruction', text: '区指挥部：今晚 20:00 前上报 100% 排查结果' });
    await t.work(HOUR);
    await t.ok('addLogEntry', { category: 'note', text: '红星小区采样点物资到位', link: { kind: 'site', id: 3 } });
    await t.ok('addLogEntry', { category: 'call', text: '早些时候的来电', at: START - 30 * MIN });
    expect((await t.fail('addLogEntry', { category: 'note', text: '将来', at: t.clock.now + HOUR })).message).toMatch(/不能晚于现在/);
    expect((await t.fail('addLogEntry', { category: 'mode', text: '伪造切换' })).code).toBe('invalid_input');

    const byCat = await t.ok('listLogEntries', { categories: ['note', 'call'] });
    expect(byCat.rows.map((r) => r.text)).toEqual(['红星小区采样点物资到位', '早些时候的来电']);
    expect(byCat.rows[0].link).toEqual({ kind: 'site', id: 3 });
    const pct = await t.ok('listLogEntries', { search: '100%' });
    expect(pct.rows.map((r) => r.category)).toEqual(['instruction']);
    expect((await t.ok('listLogEntries', { search: '%' })).total).toBe(1);
    expect((await t.ok('listLogEntries', { search: '王值班', categories: ['note'] })).total).toBe(1);
    const window = await t.ok('listLogEntries', { from: START - 40 * MIN, to: START - 20 * MIN });
    expect(window.rows.map((r) => r.text)).toEqual(['早些时候的来电']);
    const paged = await t.ok('listLogEntries', { limit: 2, offset: 0 });
    expect(paged.rows).toHaveLength(2);
    expect(paged.total).toBeGreaterThan(2);
  });

  test('CSV export: UTF-8 BOM, Chinese header, Shanghai time, quoting, formulas neutralised, oldest first', async () => {
    await t.ok('addLogEntry', { category: 'note', text: '多行\n内容，含逗号和"引号"' });
    t.clock.now += MIN;
    await t.ok('addLogEntry', { category: 'note', text: '=HYPERLINK("http://x")' });
    const out = await t.ok('exportLogCsv', { categories: ['note'] });
    expect(out.rows).toBe(2);
    expect(out.fileName).toBe('值班日志-202207101001.csv');
    expect(out.csv.charCodeAt(0)).toBe(0xfeff);
    const lines = out.csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('编号,时间,值班员,类别,内容,关联,来源,更正了,已被更正为,更正原因,记录时间');
    expect(lines[1]).toMatch(/^\d+,2022-07-10 10:00:00,王值班,值班记录,"多行\n内容，含逗号和""引号""",,手工,,,,2022-07-10 10:00:00$/);
    expect(lines[2]).toMatch(/,"'=HYPERLINK\(""http:\/\/x""\)",/);
  });
});

describe('event time, links and correction reasons', () => {
  test('an entry may name an earlier event time (kept apart from when it was written), never a future one', async () => {
    await t.work(2 * HOUR);
    const e = await t.ok('addLogEntry', { category: 'call', text: '社区来电：发现一名黄码人员', at: START + 30 * MIN });
    expect(e).toMatchObject({ at: START + 30 * MIN, recordedAt: START + 2 * HOUR });
    const list = await t.ok('listLogEntries', { categories: ['call'] });
    expect(list.rows[0]).toMatchObject({ at: START + 30 * MIN, recordedAt: START + 2 * HOUR });
    const future = await t.fail('addLogEntry', { category: 'call', text: '明天的事', at: t.clock.now + 2 * MIN });
    expect(future).toMatchObject({ code: 'invalid_input' });
    expect(future.message).toBe('at: 事件时间 2022-07-10 12:02 不能晚于现在（2022-07-10 12:00）。');
  });

  test('a link to a sampling team shows the team name; a risk area or site is named by hand; both survive a correction', async () => {
    const teamId = Number(
      t.app.ctx.db.prepare("INSERT INTO sampling_team (code, name, updated_at) VALUES ('T03', '第三采样队', ?)").run(START).lastInsertRowid,
    );
    const team = await t.ok('addLogEntry', { category: 'testing', text: '第三队到达桂花小区', link: { kind: 'team', id: teamId } });
    expect(team).toMatchObject({ link: { kind: 'team', id: teamId }, linkLabel: '第三采样队', ref: null });
    t.clock.now += MIN;
    const area = await t.ok('addLogEntry', { category: 'area', text: '划定高风险区', ref: { kind: 'area', text: ' 桂花小区 5 栋 ' } });
    expect(area).toMatchObject({ link: null, linkLabel: null, ref: { kind: 'area', text: '桂花小区 5 栋' } });
    expect((await t.ok('listLogEntries', { search: '5 栋' })).rows.map((r) => r.id)).toEqual([area.id]);

    expect((await t.fail('addLogEntry', { category: 'testing', text: 'x', link: { kind: 'team', id: 999 } })).message).toBe('link: 找不到采样队伍 (id 999)。');
    expect((await t.fail('addLogEntry', { category: 'area', text: 'x', ref: { kind: 'area', text: '  ' } })).message).toMatch(/ref\.text: 关联的风险区或采样点名称不能为空/);
    expect((await t.fail('addLogEntry', { category: 'area', text: 'x', ref: { kind: 'compound', text: 'y' } })).code).toBe('invalid_input');

    t.clock.now += MIN;
    const fix = await t.ok('correctLogEntry', { id: area.id, text: '划定高风险区（含 6 栋）', reason: '漏了 6 栋' });
    expect(fix).toMatchObject({ ref: { kind: 'area', text: '桂花小区 5 栋' }, correctionReason: '漏了 6 栋', correctsId: area.id });
    const chain = await t.ok('getLogEntryHistory', { id: fix.id });
    expect(chain.map((c) => c.correctionReason)).toEqual([null, '漏了 6 栋']);

    const csv = (await t.ok('exportLogCsv', { categories: ['testing', 'area'] })).csv.slice(1).split('\r\n');
    expect(csv[1]).toContain(',采样队伍 第三采样队,');
    expect(csv[2]).toContain(',风险区（手写）桂花小区 5 栋,');
    expect(csv[3]).toContain(',漏了 6 栋,');
  });
});

describe('automatic entries stay as the app wrote them (issue 9)', () => {
  test('an automatic entry (the sign-in) cannot be corrected with free text, and nothing is written', async () => {
    const signIn = (await t.ok('listLogEntries', { categories: ['desk'] })).rows[0];
    expect(signIn).toMatchObject({ source: 'auto', method: 'signIn' });
    const total = (await t.ok('listLogEntries', {})).total;
    const refused = await t.fail('correctLogEntry', { id: signIn.id, text: '无人登录', reason: '改掉' });
    expect(refused).toMatchObject({ code: 'conflict', message: `日志 #${signIn.id} 是系统自动记录的，不能更正；如有出入，请另写一条值班记录说明。` });
    expect((await t.ok('listLogEntries', {})).total).toBe(total);
  });

  test('hiding corrected entries never hides an automatic one, even one corrected before this rule', async () => {
    await t.ok('createStreet', { code: '500104001', name: '测试街道' });
    const auto = (await t.ok('listLogEntries', { categories: ['data'] })).rows[0];
    // A database from before issue 9 may hold a hand correction of an automatic entry: write one as it was written then.
    const legacy = t.app.ctx.db
      .prepare(
        `INSERT INTO event_log (at, recorded_at, operator_id, category, text, source, emergency_id, corrects_id, correction_reason)
         VALUES (?, ?, NULL, 'data', '建立街道：别的街道', 'manual', NULL, ?, '想改')`,
      )
      .run(auto.at, t.clock.now, auto.id).lastInsertRowid;
    const hand = await t.ok('addLogEntry', { category: 'note', text: '写错了' });
    await t.ok('correctLogEntry', { id: hand.id, text: '写对了', reason: '笔误' });

    const shown = (await t.ok('listLogEntries', { hideCorrected: true })).rows;
    expect(shown.map((r) => r.id)).toContain(auto.id);
    expect(shown.map((r) => r.id)).toContain(Number(legacy));
    expect(shown.map((r) => r.id)).not.toContain(hand.id); // a superseded hand entry folds under its correction
    expect(shown.find((r) => r.id === auto.id)).toMatchObject({ text: '建立街道：测试街道（500104001）', correctedById: Number(legacy) });
    const csv = (await t.ok('exportLogCsv', { hideCorrected: true })).csv;
    expect(csv).toContain('建立街道：测试街道（500104001）');
  });
});

describe('bounds on what is typed into the log (issue 9)', () => {
  test('an event time before 2000 (a 1970 date) is refused in words', async () => {
    const r = await t.fail('addLogEntry', { category: 'call', text: '很久以前', at: 1000 });
    expect(r).toMatchObject({ code: 'invalid_input', message: 'at: 事件时间须在 2000 年之后' });
    expect((await t.fail('listLogEntries', { from: -1 })).message).toBe('from: 起始时间须在 2000 年之后');
  });

  test('text longer than 4000, blank-looking text and control characters are refused, naming the field', async () => {
    expect((await t.fail('addLogEntry', { category: 'note', text: '长'.repeat(4001) })).message).toBe('text: 日志内容不能超过 4000 个字');
    expect((await t.fail('addLogEntry', { category: 'note', text: '\u200b\u200d\ufeff \u0007' })).message).toBe('text: 日志内容不能为空');
    expect((await t.fail('addLogEntry', { category: 'note', text: '响铃\u0007了' })).message).toBe('text: 日志内容不能包含控制字符（换行和制表符除外）');
    const ok = await t.ok('addLogEntry', { category: 'note', text: '\u200b 第一行\n\t第二行 \ufeff' });
    expect(ok.text).toBe('第一行\n\t第二行');
    const ref = await t.fail('addLogEntry', { category: 'area', text: 'x', ref: { kind: 'area', text: '桂花\n小区' } });
    expect(ref.message).toBe('ref.text: 关联的风险区或采样点名称不能包含换行或控制字符');
  });
});

describe('every change of state writes an entry by itself', () => {
  test('street, settings and backup methods are logged with what changed; reads are not', async () => {
    const before = (await t.ok('listLogEntries', {})).total;
    await t.ok('getStreetSummary', {});
    await t.ok('listCommunities', {});
    expect((await t.ok('listLogEntries', {})).total).toBe(before);

    await t.ok('createStreet', { code: '500104001', name: '测试街道' });
    const c = await t.ok('saveCommunity', { code: 'C01', name: '东苑社区' });
    await t.ok('saveCommunity', { id: c.id, code: 'C01', name: '东苑社区（新）' });
    await t.ok('deleteCommunity', { id: c.id });
    await t.ok('saveSettings', { unitName: '某某街道办事处' });
    const backup = await t.ok('backupNow', {});
    const rows = (await t.ok('listLogEntries', { categories: ['data', 'system'] })).rows;
    expect(rows.map((r) => r.text).reverse()).toEqual([
      '建立街道：测试街道（500104001）',
      '新增社区：东苑社区（C01）',
      '修改社区：东苑社区（新）（C01）',
      '删除社区：东苑社区（新）（C01）（含其网格、小区和居民）',
      '修改设置：单位名称 某某街道办事处',
      `手动备份数据库：${backup.name}`,
    ]);
    expect(rows.every((r) => r.operator?.name === '王值班' && r.source === 'auto')).toBe(true);
    expect(rows[0].method).toBe('backupNow');
    // a refused change writes nothing
    await t.fail('deleteCommunity', { id: 999 });
    expect((await t.ok('listLogEntries', { categories: ['data'] })).total).toBe(4);
  });

  test('restoring a backup is logged in the restored database', async () => {
    const b = await t.ok('backupNow', {});
    await t.ok('addLogEntry', { category: 'note', text: '备份之后的记录' });
    const r = await t.ok('restoreBackup', { name: b.name });
    const rows = (await t.ok('listLogEntries', {})).rows;
    expect(rows[0].text).toBe(`从备份 ${b.name} 恢复数据库（恢复前的数据库已备份为 ${r.safetyCopy}）`);
    expect(rows.some((x) => x.text === '备份之后的记录')).toBe(false);
  });

  test('every method declared write or job has an audit rule, and no read or self-logged method has one', () => {
    const names = Object.keys(contract) as MethodName[];
    const rules = auditRules as Record<string, unknown>;
    const audited = names.filter((m) => contract[m].kind === 'write' || contract[m].kind === 'job');
    expect(audited.length).toBeGreaterThan(20);
    expect(audited.filter((m) => rules[m] === undefined)).toEqual([]);
    expect(names.filter((m) => (contract[m].kind === 'read' || contract[m].kind === 'selfLogged') && rules[m] !== undefined)).toEqual([]);
    expect(Object.keys(rules).filter((m) => !Object.hasOwn(contract, m))).toEqual([]);
  });
});
