import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openDatabase, closeDatabase } from '../../main/db/open';
import { migrations } from '../../main/db/migrations';
import { listBackups } from '../../main/db/backup';

/**
 * Migration 011 (risk areas) on a database of version 10 holding data: a street, an operator, a running emergency
 * with its report, deadlines and log. The data survives, a backup was taken first, the new tables take rows, their
 * CHECK constraints hold, areas are never deleted and their history and venue ticks are append-only.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const T = Date.UTC(2022, 6, 10, 2, 0);
const square = JSON.stringify({ type: 'Polygon', coordinates: [[[106.48, 29.5], [106.49, 29.5], [106.49, 29.51], [106.48, 29.5]]] });

test('migration 11 runs on a version-10 database holding an emergency', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-mig10-'));
  dirs.push(dir);
  const file = path.join(dir, 'streetcommand.sqlite');
  const v9 = openDatabase(file, { migrations: migrations.slice(0, 10), backupDir: path.join(dir, 'b9') });
  expect(v9.pragma('user_version', { simple: true })).toBe(10);
  v9.prepare('INSERT INTO street (id, code, name, is_fictional, created_at) VALUES (1, ?, ?, 0, ?)').run('500114001', '城东街道', T);
  v9.prepare('INSERT INTO community (id, code, name, updated_at) VALUES (1, ?, ?, ?)').run('C01', '东苑社区', T);
  v9.prepare('INSERT INTO compound (id, code, name, community_id, residents, households, elderly, boundary, updated_at) VALUES (1, ?, ?, 1, 1200, 450, 300, ?, ?)').run('P001', '桂花小区', square, T);
  v9.prepare("INSERT INTO venue (id, code, name, type, lng, lat, community_id, updated_at) VALUES (1, 'V1', '金嗓子KTV', 'ktv', 106.485, 29.502, 1, ?)").run(T);
  v9.prepare('INSERT INTO operator (id, name, created_at, updated_at) VALUES (1, ?, ?, ?)').run('王值班', T, T);
  v9.prepare("INSERT INTO emergency (id, switched_at, switched_by, profile_id) VALUES (1, ?, 1, 'cn-2022-jun-v9')").run(T);
  v9.prepare("INSERT INTO emergency_report (id, emergency_id, reported_at, place, case_type, reported_by, is_trigger, recorded_at, recorded_by) VALUES (1, 1, ?, '桂花小区', 'confirmed', '区疾控', 1, ?, 1)").run(T - 3_600_000, T);
  v9.prepare("INSERT INTO deadline (emergency_id, key, name, name_en, owner_group, anchor, hours, created_at) VALUES (1, 'risk_areas_published', '划定并发布中、高风险区', 'x', 'key_prevention', 't0', 5, ?)").run(T);
  v9.prepare("UPDATE app_mode SET mode = 'emergency', emergency_id = 1").run();
  v9.prepare("INSERT INTO event_log (at, recorded_at, operator_id, category, text, source, emergency_id) VALUES (?, ?, 1, 'mode', '切换到应急状态', 'auto', 1)").run(T, T);
  closeDatabase(v9);

  const db = openDatabase(file, { migrations: migrations.slice(0, 11), backupDir: path.join(dir, 'backups') });
  expect(db.pragma('user_version', { simple: true })).toBe(11);
  expect(listBackups(path.join(dir, 'backups')).some((b) => b.name.includes('before-migration-v10'))).toBe(true);
  // The data of version 9 is intact.
  expect(db.prepare('SELECT name, residents FROM compound').get()).toEqual({ name: '桂花小区', residents: 1200 });
  expect(db.prepare('SELECT mode, emergency_id FROM app_mode').get()).toEqual({ mode: 'emergency', emergency_id: 1 });
  expect(db.prepare('SELECT key FROM deadline').get()).toEqual({ key: 'risk_areas_published' });
  expect((db.prepare('SELECT COUNT(*) AS n FROM event_log').get() as { n: number }).n).toBe(1);

  // The new tables take an area of that emergency, linked to its report, with history and a venue tick.
  const area = (status: string, extra = '', values: unknown[] = []) =>
    db
      .prepare(
        `INSERT INTO risk_area (emergency_id, profile_id, name, drawn_level, level, status, source, geometry, delineated_at, delineated_by${extra})
         VALUES (1, 'cn-2022-jun-v9', '桂花小区', 'high', 'high', ?, 'compounds', ?, ?, 1${values.map(() => ', ?').join('')})`,
      )
      .run(status, square, T, ...values);
  const id = Number(area('delineated').lastInsertRowid);
  db.prepare('INSERT INTO risk_area_report (area_id, report_id) VALUES (?, 1)').run(id);
  db.prepare("INSERT INTO risk_area_event (area_id, kind, at, recorded_at, operator_id, level, text) VALUES (?, 'delineated', ?, ?, 1, 'high', '划定高风险区')").run(id, T, T);
  db.prepare("INSERT INTO risk_area_event (area_id, kind, at, recorded_at, operator_id, level, found_at, restarts_clock, text) VALUES (?, 'infection', ?, ?, 1, 'high', 'community', 1, '新增')").run(id, T, T);
  db.prepare("INSERT INTO venue_suspension (area_id, venue_id, venue_name, suspended, at, operator_id) VALUES (?, 1, '金嗓子KTV', 1, ?, 1)").run(id, T);

  // CHECKs: enums, a published area needs its time, a revoked one its reason, an infection where it was found.
  expect(() => area('paused')).toThrow(/CHECK/);
  expect(() => area('published')).toThrow(/CHECK/);
  expect(() => area('revoked', ', ended_at', [T])).toThrow(/CHECK/);
  expect(() => area('revoked', ', ended_at, revoke_reason', [T, ' '])).toThrow(/CHECK/);
  expect(() => area('revoked', ', ended_at, revoke_reason', [T, '划错'])).not.toThrow();
  expect(() => db.prepare("INSERT INTO risk_area (emergency_id, profile_id, name, drawn_level, level, status, source, geometry, delineated_at) VALUES (1, 'x', 'n', 'high', 'high', 'delineated', 'drawn', '{\"type\":\"Point\"}', 1)").run()).toThrow(/CHECK/);
  expect(() => db.prepare("INSERT INTO risk_area_event (area_id, kind, at, recorded_at, level, text) VALUES (?, 'infection', 1, 1, 'high', 'x')").run(id)).toThrow(/CHECK/);
  expect(() => db.prepare("INSERT INTO risk_area (emergency_id, profile_id, name, drawn_level, level, status, source, geometry, delineated_at) VALUES (9, 'x', 'n', 'high', 'high', 'delineated', 'drawn', ?, 1)").run(square)).toThrow(/FOREIGN KEY/);

  // Nothing is deleted; history and ticks are append-only.
  expect(() => db.prepare('DELETE FROM risk_area WHERE id = ?').run(id)).toThrow(/never deleted/);
  expect(() => db.prepare("UPDATE risk_area_event SET text = '改'").run()).toThrow(/append-only/);
  expect(() => db.prepare('DELETE FROM venue_suspension').run()).toThrow(/append-only/);
  // The current state of the area itself can change (published, level, boundary).
  db.prepare("UPDATE risk_area SET status = 'published', published_at = ?, published_by = 1 WHERE id = ?").run(T + 1, id);
  expect(db.prepare('SELECT status FROM risk_area WHERE id = ?').get(id)).toEqual({ status: 'published' });
  closeDatabase(db);
});
