import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { handlers } from '../../main/api/handlers';
import { SCRYPT, verifyPin } from '../../main/services/pin';
import { contract, type MethodName } from '../../shared/api/contract';
import { b64, communitiesGeoJson, compoundsGeoJson, importFile, residentsCsv } from '../fixtures/import/fixtures';
import { HOUR, MIN, START, openTestApp, signedIn, type TestApp } from './mode-harness';

/**
 * Issue 9: one rule for who may change what, enforced by the dispatcher from the contract. Every change needs a
 * signed-in operator at an unlocked desk, except the few the contract declares (first start, signing in, locking).
 */

let t: TestApp;
beforeEach(() => {
  t = openTestApp();
});
afterEach(() => t.close());

const changes = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].kind !== 'read');
const guarded = changes.filter((m) => contract[m].desk === 'operator');

/** Every row of every table and the files in the backups folder: "nothing changed" means this is equal. */
function snapshot(tt: TestApp): string {
  const db = tt.app.ctx.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const rows = Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  const backups = fs.existsSync(tt.app.ctx.backupDir) ? fs.readdirSync(tt.app.ctx.backupDir).sort() : [];
  return JSON.stringify({ rows, backups });
}

/** Valid inputs for the changes the issue saw go through with nobody signed in, and a few more that matter. */
async function realisticInputs(tt: TestApp): Promise<[MethodName, unknown][]> {
  const community = (await tt.ok('listCommunities', {}))[0];
  const backup = (await tt.ok('listBackups', {}))[0];
  const op = (await tt.ok('listOperators', {}))[0];
  const register = { kind: 'residents', fileName: '人口.csv', contentBase64: b64(residentsCsv()), encoding: 'auto' } as const;
  const { mapping } = await tt.ok('previewImport', register);
  return [
    ['saveCompound', { code: 'P900', name: '新建小区', communityId: community.id, residents: 10, households: 4, elderly: 1 }],
    ['saveVenue', { code: 'V900', name: '新超市', type: 'supermarket', lng: 106.5, lat: 29.53, address: '某路 1 号' }],
    ['commitImport', { ...register, mapping, confirmReplace: true }],
    ['saveDutyShift', { date: '2022-07-11', shiftKey: 'day', leader: { name: '张书记' }, members: [{ name: '李四' }] }],
    ['setOperatorPin', { id: op.id, pin: '135790' }],
    ['saveOperator', { name: '冒名管理员', isAdmin: true }],
    ['saveSettings', { idleLockMinutes: 0 }],
    ['backupNow', {}],
    ['addLogEntry', { category: 'note', text: '伪造的值班记录' }],
    ['restoreBackup', { name: backup.name }], // last: a restore locks the desk
  ];
}

/** A street with communities C01, C02 and their compounds, an operator at the desk and a backup. */
async function prepared(): Promise<number> {
  const id = await signedIn(t);
  await t.ok('createStreet', { code: '500104001', name: '测试街道' });
  expect((await importFile(t.app, 'communities', '社区.geojson', communitiesGeoJson())).ok).toBe(true);
  expect((await importFile(t.app, 'compounds', '小区.geojson', compoundsGeoJson())).ok).toBe(true);
  await t.ok('backupNow', {});
  return id;
}

describe('the rule is declared in the contract and checked by the dispatcher', () => {
  test('the exceptions are exactly first start (street, demo, first operator) and signing in, unlocking, locking', () => {
    expect(changes.filter((m) => contract[m].desk === 'firstStart').sort()).toEqual(['createStreet', 'loadDemoStreet', 'saveOperator']);
    expect(changes.filter((m) => contract[m].desk === 'open').sort()).toEqual(['lockDesk', 'signIn', 'unlockDesk']);
    expect((Object.keys(contract) as MethodName[]).filter((m) => contract[m].kind === 'read').every((m) => contract[m].desk === 'open')).toBe(true);
    expect(guarded.length).toBeGreaterThan(30);
  });

  test('with nobody signed in every guarded change is refused with signed_out before its handler runs, and nothing changes', async () => {
    await prepared();
    await t.ok('signOut', {});
    const before = snapshot(t);
    const original = { ...handlers };
    const ran: string[] = [];
    try {
      for (const m of guarded) Object.assign(handlers, { [m]: () => ran.push(m) });
      for (const m of guarded) {
        // An empty input: had the input been parsed first, most would answer invalid_input.
        const r = await dispatch(t.app.ctx, m, {});
        expect(r, m).toMatchObject({ ok: false, error: { code: 'signed_out' } });
      }
    } finally {
      Object.assign(handlers, original);
    }
    expect(ran).toEqual([]);
    expect(snapshot(t)).toBe(before);
  });

  test('valid inputs too: compounds, venues, the register import, a duty shift, PINs, an administrator, settings, backups', async () => {
    await prepared();
    const inputs = await realisticInputs(t);
    await t.ok('signOut', {});
    const before = snapshot(t);
    for (const [m, input] of inputs) {
      const e = await t.fail(m, input);
      expect(e.code, m).toBe('signed_out');
      expect(e.message, m).toMatch(/^值班台无人登录：请先签到.*本次未写入任何数据。$/);
    }
    expect(snapshot(t)).toBe(before);
    // Nothing was logged as "（无人登录）" either.
    expect((await t.ok('listLogEntries', { limit: 200 })).rows.filter((r) => r.operator === null).map((r) => r.text)).toEqual(['新增值班员：王值班']);

    // The same inputs go through at the desk: they were refused for the desk, not for themselves.
    await t.ok('signIn', { operatorId: (await t.ok('listOperators', {}))[0].id });
    t.clock.now += MIN; // backups are named by the minute's time: not the name prepared() took
    for (const [m, input] of inputs) {
      const r = await dispatch(t.app.ctx, m, input);
      expect(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`, m).toBe('ok');
    }
    expect((await t.ok('getDesk', {})).locked).toBe(true);
  });

  test('first start: the street, the demo and the first operator need no desk; once an operator exists they do', async () => {
    await t.ok('createStreet', { code: '500104001', name: '测试街道' });
    const first = await t.ok('saveOperator', { name: '张管理', isAdmin: true });
    expect(first).toMatchObject({ name: '张管理', isAdmin: true });
    expect((await t.fail('saveOperator', { name: '第二人' })).code).toBe('signed_out');
    expect((await t.fail('loadDemoStreet', {})).code).toBe('signed_out');
    expect((await t.fail('saveCommunity', { code: 'C01', name: '东苑社区' })).code).toBe('signed_out');

    const other = openTestApp();
    try {
      const demo = await other.ok('loadDemoStreet', {});
      expect(demo.communities).toBeGreaterThan(0);
    } finally {
      other.close();
    }
  });

  test('GET /api says each method\'s desk rule', async () => {
    const { describeApi } = await import('../../main/api/dispatch');
    const api = describeApi();
    expect(api.find((m) => m.method === 'saveCompound')).toMatchObject({ desk: 'operator' });
    expect(api.find((m) => m.method === 'signIn')).toMatchObject({ desk: 'open' });
    expect(api.find((m) => m.method === 'createStreet')).toMatchObject({ desk: 'firstStart' });
  });
});

describe('the lock lives in the server', () => {
  test('a locked desk refuses every guarded change with desk_locked and changes nothing; reads still answer', async () => {
    await prepared();
    const inputs = await realisticInputs(t);
    t.clock.now += MIN;
    const locked = await t.ok('lockDesk', {});
    expect(locked).toMatchObject({ operator: { name: '王值班' }, locked: true, lockedAt: START + MIN });
    const before = snapshot(t);
    for (const m of guarded) expect((await t.fail(m, {})).code, m).toBe('desk_locked');
    for (const [m, input] of inputs) {
      const e = await t.fail(m, input);
      expect(e.code, m).toBe('desk_locked');
      expect(e.message, m).toBe('值班台已于 2022-07-10 10:01 锁定：请 王值班 解锁（设置了 PIN 的需输入 PIN），或由接班人签到后再修改。本次未写入任何数据。');
    }
    expect(snapshot(t)).toBe(before);
    expect((await t.ok('listCompounds', {})).total).toBe(3);

    const open = await t.ok('unlockDesk', {});
    expect(open).toMatchObject({ locked: false, lockedAt: null });
    await t.ok('saveCommunity', { code: 'C12', name: '西苑社区' });
    const log = (await t.ok('listLogEntries', { categories: ['desk'] })).rows.map((r) => r.text);
    expect(log.slice(0, 2)).toEqual(['王值班 解锁值班台（2022-07-10 10:01 起锁定）', '王值班 锁定值班台']);
  });

  test('unlocking needs the PIN of the operator at the desk; the next operator may sign in instead, with theirs', async () => {
    const wang = await signedIn(t);
    const li = await t.ok('saveOperator', { name: '李接班' });
    await t.ok('setOperatorPin', { id: wang, pin: '2468' });
    await t.ok('setOperatorPin', { id: li.id, pin: '1357' });
    await t.ok('lockDesk', {});
    expect((await t.fail('unlockDesk', {})).message).toBe('王值班 设置了 PIN，请输入 PIN。');
    expect((await t.fail('unlockDesk', { pin: '0000' })).message).toBe('王值班 的 PIN 不正确。');
    expect((await t.ok('getDesk', {})).locked).toBe(true);
    expect((await t.fail('signIn', { operatorId: li.id, pin: '2468' })).message).toBe('李接班 的 PIN 不正确。');
    expect(await t.ok('signIn', { operatorId: li.id, pin: '1357' })).toMatchObject({ operator: { name: '李接班' }, locked: false });
    await t.ok('lockDesk', {});
    expect(await t.ok('signIn', { operatorId: li.id, pin: '1357' })).toMatchObject({ operator: { name: '李接班' }, locked: false });
  });

  test('idle lock by the server clock: idleLockMinutes without activity locks; activity and changes keep it open', async () => {
    await prepared();
    t.clock.now += 14 * MIN;
    await t.ok('saveCommunity', { code: 'C12', name: '西苑社区' }); // a change is activity
    t.clock.now += 14 * MIN;
    expect(await t.ok('reportActivity', {})).toMatchObject({ locked: false });
    const activeAt = t.clock.now;
    t.clock.now += 15 * MIN - 1;
    expect((await t.ok('getDesk', {})).locked).toBe(false);
    t.clock.now += 1;
    expect(await t.ok('getDesk', {})).toMatchObject({ locked: true, lockedAt: activeAt + 15 * MIN });
    expect((await t.fail('saveCommunity', { code: 'C13', name: '南苑社区' })).code).toBe('desk_locked');
    // Reporting activity does not unlock a desk that is already locked.
    expect((await t.fail('reportActivity', {})).code).toBe('desk_locked');
    t.clock.now += HOUR;
    expect((await t.ok('getDesk', {})).lockedAt).toBe(activeAt + 15 * MIN);
    await t.ok('unlockDesk', {});
    await t.ok('saveCommunity', { code: 'C13', name: '南苑社区' });
  });

  test('idleLockMinutes 0 never locks by idleness; a shorter setting applies from the last activity', async () => {
    await prepared();
    await t.ok('saveSettings', { idleLockMinutes: 0 });
    t.clock.now += 10 * HOUR;
    expect((await t.ok('getDesk', {})).locked).toBe(false);
    await t.ok('saveSettings', { idleLockMinutes: 5 });
    t.clock.now += 5 * MIN;
    expect(await t.ok('getDesk', {})).toMatchObject({ locked: true, idleLockMinutes: 5 });
  });

  test('after a restart the desk is locked, with the same operator; unlocking opens it', async () => {
    await prepared();
    t.reopen();
    expect(await t.ok('getDesk', {})).toMatchObject({ operator: { name: '王值班' }, locked: true, lockedAt: START });
    expect((await t.fail('saveCommunity', { code: 'C12', name: '西苑社区' })).code).toBe('desk_locked');
    await t.ok('unlockDesk', {});
    await t.ok('saveCommunity', { code: 'C12', name: '西苑社区' });
    // A desk nobody held stays signed out (nothing to lock).
    await t.ok('signOut', {});
    t.reopen();
    expect(await t.ok('getDesk', {})).toMatchObject({ operator: null, locked: false, lockedAt: null });
  });

  test('after a restore the desk is locked', async () => {
    await prepared();
    const [backup] = await t.ok('listBackups', {});
    await t.ok('restoreBackup', { name: backup.name });
    expect(await t.ok('getDesk', {})).toMatchObject({ operator: { name: '王值班' }, locked: true });
    expect((await t.fail('saveCommunity', { code: 'C12', name: '西苑社区' })).code).toBe('desk_locked');
  });
});

describe('operators and PINs', () => {
  test('another operator\'s PIN and making an administrator need the administrator\'s own PIN again', async () => {
    const admin = await t.ok('saveOperator', { name: '张管理', isAdmin: true });
    await t.ok('signIn', { operatorId: admin.id });
    const wang = await t.ok('saveOperator', { name: '王值班' });
    // Without a PIN of their own, the administrator is told to set one first.
    expect((await t.fail('setOperatorPin', { id: wang.id, pin: '2468' })).message).toBe(
      '修改 王值班 的 PIN 需要管理员再次输入自己的 PIN：张管理 还没有 PIN，请先为自己设置至少 6 位的 PIN。',
    );
    expect((await t.fail('setOperatorPin', { id: admin.id, pin: '1234' })).message).toBe('pin: 管理员的 PIN 至少 6 位数字。');
    await t.ok('setOperatorPin', { id: admin.id, pin: '135790' }); // their own: no re-entry

    expect((await t.fail('setOperatorPin', { id: wang.id, pin: '2468' })).message).toBe('修改 王值班 的 PIN 需要管理员 张管理 再次输入自己的 PIN。');
    expect((await t.fail('setOperatorPin', { id: wang.id, pin: '2468', adminPin: '000000' })).message).toBe('管理员 张管理 的 PIN 不正确。');
    expect(await t.ok('setOperatorPin', { id: wang.id, pin: '2468', adminPin: '135790' })).toMatchObject({ hasPin: true });
    expect((await t.fail('setOperatorPin', { id: wang.id, pin: null })).message).toMatch(/需要管理员 张管理 再次输入/);

    // Making an administrator: the admin's PIN, and the new admin's own PIN must have 6 digits.
    expect((await t.fail('saveOperator', { name: '新管理', isAdmin: true })).message).toBe('任命管理员需要管理员 张管理 再次输入自己的 PIN。');
    expect((await t.fail('saveOperator', { id: wang.id, name: '王值班', isAdmin: true, adminPin: '135790' })).message).toBe(
      '管理员的 PIN 至少 6 位：请先为 王值班 设置至少 6 位的 PIN，再任命为管理员。',
    );
    await t.ok('setOperatorPin', { id: wang.id, pin: '246800', adminPin: '135790' });
    expect((await t.fail('saveOperator', { id: wang.id, name: '王值班', isAdmin: true })).code).toBe('unauthorized');
    expect(await t.ok('saveOperator', { id: wang.id, name: '王值班', isAdmin: true, adminPin: '135790' })).toMatchObject({ isAdmin: true });
    expect(await t.ok('saveOperator', { name: '新管理', isAdmin: true, adminPin: '135790' })).toMatchObject({ isAdmin: true });
    // Editing an operator who is not being made an administrator needs no re-entry.
    expect(await t.ok('saveOperator', { id: wang.id, name: '王值班', phone: '13900000001' })).toMatchObject({ phone: '13900000001' });
  });

  test('wrong PINs are counted in the database: a lockout survives a restart, and is logged', async () => {
    const wang = await signedIn(t);
    const li = await t.ok('saveOperator', { name: '李值班' });
    await t.ok('setOperatorPin', { id: li.id, pin: '2468' });
    for (let i = 0; i < 3; i++) await t.fail('signIn', { operatorId: li.id, pin: '0000' });
    t.reopen();
    for (let i = 0; i < 2; i++) expect((await t.fail('signIn', { operatorId: li.id, pin: '0000' })).message).toBe('李值班 的 PIN 不正确。');
    const locked = '李值班 的 PIN 连续输错 5 次，请 5 分钟后再试。';
    expect((await t.fail('signIn', { operatorId: li.id, pin: '2468' })).message).toBe(locked);
    t.reopen();
    expect((await t.fail('signIn', { operatorId: li.id, pin: '2468' })).message).toBe(locked);
    expect(t.app.ctx.db.prepare('SELECT pin_failures, pin_locked_until FROM operator WHERE id = ?').get(li.id)).toEqual({
      pin_failures: 0,
      pin_locked_until: START + 5 * MIN,
    });
    const log = (await t.ok('listLogEntries', { categories: ['desk'] })).rows.map((r) => r.text);
    expect(log).toContain('李值班 的 PIN 连续输错 5 次，5 分钟内不再受理该 PIN');
    t.clock.now += 5 * MIN;
    expect(await t.ok('signIn', { operatorId: li.id, pin: '2468' })).toMatchObject({ operator: { name: '李值班' } });
    expect(wang).toBeGreaterThan(0);
  });

  test('wrong administrator PINs count towards the administrator\'s own lockout', async () => {
    const admin = await t.ok('saveOperator', { name: '张管理', isAdmin: true });
    await t.ok('signIn', { operatorId: admin.id });
    await t.ok('setOperatorPin', { id: admin.id, pin: '135790' });
    const wang = await t.ok('saveOperator', { name: '王值班' });
    for (let i = 0; i < 5; i++) await t.fail('setOperatorPin', { id: wang.id, pin: '2468', adminPin: '000000' });
    expect((await t.fail('setOperatorPin', { id: wang.id, pin: '2468', adminPin: '135790' })).message).toBe('管理员 张管理 的 PIN 连续输错 5 次，请 5 分钟后再试。');
    await t.ok('lockDesk', {});
    expect((await t.fail('unlockDesk', { pin: '135790' })).message).toMatch(/连续输错 5 次/);
  });

  test('PINs are hashed with scrypt N = 2^16, r = 8, p = 1, stored with the hash; older hashes still verify', async () => {
    expect(SCRYPT).toEqual({ N: 65536, r: 8, p: 1, keyLen: 32 });
    const wang = await signedIn(t);
    await t.ok('setOperatorPin', { id: wang, pin: '2468' });
    const stored = (t.app.ctx.db.prepare('SELECT pin_hash, pin_digits FROM operator WHERE id = ?').get(wang) as { pin_hash: string; pin_digits: number });
    expect(stored.pin_hash.split('$').slice(0, 4)).toEqual(['scrypt', '65536', '8', '1']);
    expect(stored.pin_digits).toBe(4);
    // A hash as the previous version wrote it (N = 2^14) is checked with its own parameters.
    const salt = crypto.randomBytes(16);
    const old = ['scrypt', 16384, 8, 1, salt.toString('base64'), crypto.scryptSync('1357', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')].join('$');
    expect(verifyPin('1357', old)).toBe(true);
    expect(verifyPin('1358', old)).toBe(false);
    t.app.ctx.db.prepare('UPDATE operator SET pin_hash = ?, pin_digits = NULL WHERE id = ?').run(old, wang);
    await t.ok('lockDesk', {});
    expect(await t.ok('unlockDesk', { pin: '1357' })).toMatchObject({ locked: false });
    // A doctored row cannot make the check allocate gigabytes.
    expect(verifyPin('1357', old.replace('$16384$', '$1073741824$'))).toBe(false);
  });
});
