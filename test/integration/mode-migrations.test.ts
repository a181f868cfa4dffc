import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase, closeDatabase, type Db } from '../../main/db/open';
import { migrations } from '../../main/db/migrations';
import { listBackups } from '../../main/db/backup';

/**
 * Migrations 002-009 (issue 4) and 013 (issue 9), each run on a database of the previous version holding data:
 * the data survives, the new tables take rows, their CHECK constraints hold, a backup was taken first.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const T = Date.UTC(2022, 6, 10, 2, 0);

/** A version-1 street: street, community, compound, venue, residents, a team, a setting. */
function fillV1(db: Db) {
  db.prepare("INSERT INTO setting (key, value) VALUES ('unitName', '\"城东街道办事处\"')").run();
  db.prepare('INSERT INTO street (id, code, name, is_fictional, created_at) VALUES (1, ?, ?, 0, ?)').run('500114001', '城东街道', T);
  db.prepare('INSERT INTO community (id, code, name, updated_at) VALUES (1, ?, ?, ?)').run('C01', '东苑社区', T);
  db.prepare('INSERT INTO grid (id, code, name, community_id, updated_at) VALUES (1, ?, ?, 1, ?)').run('G01', '东苑一网格', T);
  db.prepare('INSERT INTO compound (id, code, name, community_id, grid_id, residents, households, elderly, updated_at) VALUES (1, ?, ?, 1, 1, 1200, 450, 300, ?)').run('P001', '桂花小区', T);
  db.prepare("INSERT INTO venue (code, name, type, lng, lat, community_id, updated_at) VALUES ('V1', '好又多超市', 'supermarket', 106.5, 29.5, 1, ?)").run(T);
  db.prepare("INSERT INTO resident (compound_id, household, name, updated_at) VALUES (1, '1-101', '张三', ?)").run(T);
  db.prepare("INSERT INTO sampling_team (code, name, updated_at) VALUES ('T01', '第一采样队', ?)").run(T);
}

/** Rows in the tables of each issue-4 migration, written right after it ran (so later migrations carry them). */
const fillAfter: Record<number, (db: Db) => void> = {
  2: (db) => {
    db.prepare('INSERT INTO operator (id, name, created_at, updated_at) VALUES (1, ?, ?, ?)').run('王值班', T, T);
    db.prepare('INSERT INTO desk_session (id, operator_id, started_at) VALUES (1, 1, ?)').run(T);
    db.prepare('UPDATE desk SET session_id = 1').run();
  },
  3: (db) => {
    db.prepare("INSERT INTO emergency (id, switched_at, switched_by, profile_id) VALUES (1, ?, 1, 'cn-2022-jun-v9')").run(T);
    db.prepare("INSERT INTO emergency_report (id, emergency_id, reported_at, place, case_type, reported_by, is_trigger, recorded_at, recorded_by) VALUES (1, 1, ?, '桂花小区', 'confirmed', '区疾控', 1, ?, 1)").run(T - 3_600_000, T);
    db.prepare("INSERT INTO deadline (emergency_id, report_id, key, name, name_en, owner_group, anchor, hours, created_at) VALUES (1, 1, 'online_report', '网络直报', 'x', 'tracing', 'each_report', 2, ?)").run(T);
    db.prepare("UPDATE app_mode SET mode = 'emergency', emergency_id = 1").run();
  },
  4: (db) => {
    db.prepare("INSERT INTO event_log (at, recorded_at, operator_id, category, text, source, emergency_id) VALUES (?, ?, 1, 'mode', '切换到应急状态', 'auto', 1)").run(T, T);
  },
  5: (db) => {
    db.prepare("INSERT INTO command_leader (role, name, phone, updated_at, updated_by) VALUES ('commander', '吴书记', '13800000001', ?, 1)").run(T);
    db.prepare("INSERT INTO baobao (community_id, level, name, updated_at) VALUES (1, 'street_cadre', '街道干部乙', ?)").run(T);
  },
  6: (db) => {
    db.prepare("INSERT INTO checklist_item (emergency_id, group_key, text, position, created_at) VALUES (1, 'testing', '调集12支核酸检测队伍到位', 0, ?)").run(T);
  },
  7: (db) => {
    db.prepare("INSERT INTO duty_shift (id, date, shift_key, updated_at) VALUES (1, '2022-07-10', 'day', ?)").run(T);
  },
};

/** What each migration must make possible, checked right after it ran on a database holding data. */
const checks: Record<number, (db: Db) => void> = {
  2: (db) => {
    expect(db.prepare('SELECT session_id FROM desk').get()).toEqual({ session_id: null });
    expect(() => db.prepare("INSERT INTO operator (name, created_at, updated_at) VALUES ('  ', 1, 1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO operator (name, pin_hash, created_at, updated_at) VALUES ('x', '1234', 1, 1)").run()).toThrow(/CHECK/);
  },
  3: (db) => {
    expect(db.prepare('SELECT mode, emergency_id, policy_profile_id FROM app_mode').get()).toEqual({ mode: 'routine', emergency_id: null, policy_profile_id: 'cn-2022-jun-v9' });
    expect(() => db.prepare("UPDATE app_mode SET mode = 'emergency'").run()).toThrow(/CHECK/); // emergency needs its id
    expect(() => db.prepare("INSERT INTO emergency (switched_at, profile_id) VALUES (1, 'x')").run()).not.toThrow();
    expect(() => db.prepare('DELETE FROM emergency').run()).toThrow(/append-only/);
  },
  4: (db) => {
    expect(() => db.prepare("INSERT INTO event_log (at, recorded_at, category, text, source) VALUES (1, 1, 'gossip', 'x', 'manual')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO event_log (at, recorded_at, category, text, source, link_kind) VALUES (1, 1, 'note', 'x', 'manual', 'site')").run()).toThrow(/CHECK/);
  },
  5: (db) => {
    expect((db.prepare('SELECT COUNT(*) AS n FROM work_group').get() as { n: number }).n).toBe(9);
    expect(() => db.prepare("INSERT INTO baobao (community_id, level, name, updated_at) VALUES (1, 'mayor', 'x', 1)").run()).toThrow(/CHECK/);
  },
  6: (db) => {
    const tasks = db.prepare('SELECT text FROM checklist_template_item').all() as { text: string }[];
    expect(tasks.some((x) => x.text.includes('先管后筛'))).toBe(true);
    expect(tasks.some((x) => x.text.includes('2小时内完成网络直报'))).toBe(true);
  },
  7: (db) => {
    expect(JSON.parse((db.prepare('SELECT shifts FROM duty_config').get() as { shifts: string }).shifts).map((s: { key: string }) => s.key)).toEqual(['day', 'night']);
    expect(() => db.prepare("INSERT INTO duty_shift (date, shift_key, updated_at) VALUES ('10/07/2022', 'day', 1)").run()).toThrow(/CHECK/);
  },
  8: (db) => {
    // The log entry written at version 4 keeps its text and has no hand-written reference.
    expect(db.prepare('SELECT text, ref_kind, ref_text FROM event_log').get()).toEqual({ text: '切换到应急状态', ref_kind: null, ref_text: null });
    db.prepare("INSERT INTO event_log (at, recorded_at, category, text, source, ref_kind, ref_text) VALUES (1, 2, 'area', '划定高风险区', 'manual', 'area', '桂花小区 5 栋')").run();
    const add = (kind: string | null, text: string | null) => () =>
      db.prepare("INSERT INTO event_log (at, recorded_at, category, text, source, ref_kind, ref_text) VALUES (1, 1, 'note', 'x', 'manual', ?, ?)").run(kind, text);
    expect(add('compound', 'x')).toThrow(/CHECK/);
    expect(add('site', null)).toThrow(/CHECK/);
    expect(add(null, '孤立的文字')).toThrow(/CHECK/);
    expect(add('site', '  ')).toThrow(/CHECK/);
    // Still append-only after the new columns.
    expect(() => db.prepare("UPDATE event_log SET ref_text = '改'").run()).toThrow(/append-only/);
  },
  9: (db) => {
    // The street rows keep their data and time; who changed them before version 9 is not known.
    const rows = (table: string) => db.prepare(`SELECT code, updated_at, updated_by FROM ${table}`).all();
    expect(rows('community')).toEqual([{ code: 'C01', updated_at: T, updated_by: null }]);
    expect(rows('grid')).toEqual([{ code: 'G01', updated_at: T, updated_by: null }]);
    expect(rows('compound')).toEqual([{ code: 'P001', updated_at: T, updated_by: null }]);
    expect(rows('venue')).toEqual([{ code: 'V1', updated_at: T, updated_by: null }]);
    // A change is stamped with a real operator; an unknown one is refused by the foreign key.
    for (const table of ['community', 'grid', 'compound', 'venue']) {
      db.prepare(`UPDATE ${table} SET updated_by = 1, updated_at = ?`).run(T + 1);
      expect(() => db.prepare(`UPDATE ${table} SET updated_by = 99`).run()).toThrow(/FOREIGN KEY/);
    }
    expect(db.prepare('SELECT o.name FROM compound p JOIN operator o ON o.id = p.updated_by').get()).toEqual({ name: '王值班' });
  },
  13: (db) => {
    // Issue 9 (migrations 10-12 are tested in their own files): the desk signed in at version 2 counts as active since its sign-in, not locked yet (opening the app
    // locks it); the operator has no wrong PIN tries and an unknown PIN length.
    expect(db.prepare('SELECT session_id, locked_at, last_activity_at FROM desk').get()).toEqual({ session_id: 1, locked_at: null, last_activity_at: T });
    expect(db.prepare('SELECT pin_failures, pin_locked_until, pin_digits FROM operator').get()).toEqual({ pin_failures: 0, pin_locked_until: null, pin_digits: null });
    expect(() => db.prepare('UPDATE operator SET pin_failures = -1').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE operator SET pin_digits = 3').run()).toThrow(/CHECK/);
    db.prepare('UPDATE operator SET pin_failures = 2, pin_locked_until = ?, pin_digits = 6').run(T + 300_000);
  },
};

function v1Street(dir: string): string {
  const file = path.join(dir, 'streetcommand.sqlite');
  const db = openDatabase(file, { migrations: migrations.slice(0, 1) });
  fillV1(db);
  closeDatabase(db);
  return file;
}

function expectV1DataIntact(db: Db) {
  expect(db.prepare('SELECT name FROM street').get()).toEqual({ name: '城东街道' });
  expect(db.prepare('SELECT name, residents FROM compound').get()).toEqual({ name: '桂花小区', residents: 1200 });
  expect((db.prepare('SELECT COUNT(*) AS n FROM resident').get() as { n: number }).n).toBe(1);
  expect((db.prepare('SELECT COUNT(*) AS n FROM venue').get() as { n: number }).n).toBe(1);
  expect(db.prepare("SELECT value FROM setting WHERE key = 'unitName'").get()).toEqual({ value: '"城东街道办事处"' });
}

describe('issue 4 migrations', () => {
  test.each([2, 3, 4, 5, 6, 7, 8, 9, 13])('migration %i runs on a database of the version before it, holding data', (version) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-mig-'));
    dirs.push(dir);
    const file = v1Street(dir);
    // Bring it to version - 1 one migration at a time, writing rows into each issue-4 table on the way.
    for (let v = 2; v < version; v++) {
      const db = openDatabase(file, { migrations: migrations.slice(0, v), backupDir: path.join(dir, 'b') });
      fillAfter[v]?.(db);
      closeDatabase(db);
    }
    const db = openDatabase(file, { migrations: migrations.slice(0, version), backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expectV1DataIntact(db);
    for (let v = 2; v < version; v++) {
      if (v === 2) expect(db.prepare('SELECT name FROM operator').get()).toEqual({ name: '王值班' });
      if (v === 3) expect(db.prepare('SELECT mode FROM app_mode').get()).toEqual({ mode: 'emergency' });
      if (v === 4) expect((db.prepare('SELECT COUNT(*) AS n FROM event_log').get() as { n: number }).n).toBe(1);
      if (v === 5) expect(db.prepare("SELECT name FROM command_leader WHERE role = 'commander'").get()).toEqual({ name: '吴书记' });
      if (v === 6) expect((db.prepare('SELECT COUNT(*) AS n FROM checklist_item').get() as { n: number }).n).toBe(1);
      if (v === 7) expect(db.prepare('SELECT date, shift_key FROM duty_shift').get()).toEqual({ date: '2022-07-10', shift_key: 'day' });
    }
    checks[version](db);
    expect(listBackups(path.join(dir, 'backups')).some((b) => b.name.includes(`before-migration-v${version - 1}`))).toBe(true);
    closeDatabase(db);
  });

  test('a version-1 database goes to the latest version in one open', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-mig-'));
    dirs.push(dir);
    const file = v1Street(dir);
    const db = openDatabase(file, { backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1].version);
    expectV1DataIntact(db);
    expect(db.prepare('SELECT mode FROM app_mode').get()).toEqual({ mode: 'routine' });
    closeDatabase(db);
  });
});
