import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openDatabase, closeDatabase } from '../../main/db/open';
import { migrations } from '../../main/db/migrations';
import { listBackups } from '../../main/db/backup';

/** Migration 012 (issue 10) on a version-11 database holding an emergency with a report and two done deadlines. */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const T = Date.UTC(2022, 6, 10, 2, 0);

test('migration 12 keeps reports and done marks, adds the report place and reopening', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-mig10-'));
  dirs.push(dir);
  const file = path.join(dir, 'streetcommand.sqlite');
  const v10 = openDatabase(file, { migrations: migrations.slice(0, 11), backupDir: path.join(dir, 'b') });
  v10.exec(`
    INSERT INTO operator (id, name, created_at, updated_at) VALUES (1, '王值班', ${T}, ${T});
    INSERT INTO emergency (id, switched_at, switched_by, profile_id) VALUES (1, ${T}, 1, 'cn-2022-jun-v9');
    INSERT INTO emergency_report (id, emergency_id, reported_at, place, case_type, reported_by, is_trigger, recorded_at, recorded_by)
      VALUES (1, 1, ${T - 3_600_000}, '桂花小区', 'confirmed', '区疾控', 1, ${T}, 1);
    INSERT INTO deadline (id, emergency_id, report_id, key, name, name_en, owner_group, anchor, hours, created_at)
      VALUES (1, 1, 1, 'online_report', '网络直报', 'x', 'tracing', 'each_report', 2, ${T}),
             (2, 1, NULL, 'area_tested', '全员核酸', 'y', 'testing', 't0', 24, ${T});
    INSERT INTO deadline_done (deadline_id, done_at, operator_id) VALUES (1, ${T + 60_000}, 1), (2, ${T + 120_000}, NULL);
    UPDATE app_mode SET mode = 'emergency', emergency_id = 1;
  `);
  closeDatabase(v10);

  const db = openDatabase(file, { migrations: migrations.slice(0, 12), backupDir: path.join(dir, 'backups') });
  expect(db.pragma('user_version', { simple: true })).toBe(12);
  expect(listBackups(path.join(dir, 'backups')).some((b) => b.name.includes('before-migration-v11'))).toBe(true);
  // The report keeps its place and names no compound or point yet.
  expect(db.prepare('SELECT place, compound_id, lng, lat FROM emergency_report').get()).toEqual({ place: '桂花小区', compound_id: null, lng: null, lat: null });
  // Both done marks survive, now with ids of their own.
  expect(db.prepare('SELECT deadline_id, done_at, operator_id FROM deadline_done ORDER BY deadline_id').all()).toEqual([
    { deadline_id: 1, done_at: T + 60_000, operator_id: 1 },
    { deadline_id: 2, done_at: T + 120_000, operator_id: null },
  ]);
  const doneId = (db.prepare('SELECT id FROM deadline_done WHERE deadline_id = 1').get() as { id: number }).id;

  // Half a point, or a point off the globe, is refused.
  const report = (lng: number | null, lat: number | null) => () =>
    db.prepare("INSERT INTO emergency_report (emergency_id, reported_at, place, case_type, reported_by, is_trigger, recorded_at, lng, lat) VALUES (1, 1, 'x', 'confirmed', 'y', 0, 1, ?, ?)").run(lng, lat);
  expect(report(106.5, null)).toThrow(/CHECK/);
  expect(report(null, 29.5)).toThrow(/CHECK/);
  expect(report(200, 29.5)).toThrow(/CHECK/);
  expect(report(106.5, 29.5)).not.toThrow();

  // Done stays done until reopened (with a reason); then it can be done again; all append-only.
  expect(() => db.prepare('INSERT INTO deadline_done (deadline_id, done_at) VALUES (1, 5)').run()).toThrow(/already done/);
  expect(() => db.prepare("INSERT INTO deadline_reopen (done_id, reason, at) VALUES (?, ' ', 5)").run(doneId)).toThrow(/CHECK/);
  db.prepare("INSERT INTO deadline_reopen (done_id, reason, at, operator_id) VALUES (?, '退回', 5, 1)").run(doneId);
  expect(() => db.prepare("INSERT INTO deadline_reopen (done_id, reason, at) VALUES (?, '又一次', 6)").run(doneId)).toThrow(/UNIQUE/);
  expect(() => db.prepare('INSERT INTO deadline_done (deadline_id, done_at) VALUES (1, 7)').run()).not.toThrow();
  expect(() => db.prepare('DELETE FROM deadline_done').run()).toThrow(/append-only/);
  expect(() => db.prepare('UPDATE deadline_reopen SET reason = 1').run()).toThrow(/append-only/);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  closeDatabase(db);
});
