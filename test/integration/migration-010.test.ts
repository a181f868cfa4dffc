import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { closeDatabase, openDatabase } from '../../main/db/open';
import { migrations } from '../../main/db/migrations';
import { listBackups } from '../../main/db/backup';

/**
 * Migration 010 (issue 8) on a version-9 database holding data: every compound keeps its figures, gets the register's
 * count beside them, and the source its history allows; the new CHECK holds.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const T = Date.UTC(2022, 6, 10, 2, 0);

test('migration 10 runs on a version-9 database holding compounds with and without a register', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-mig10-'));
  dirs.push(dir);
  const file = path.join(dir, 'streetcommand.sqlite');
  let db = openDatabase(file, { migrations: migrations.slice(0, 9) });
  expect(db.pragma('user_version', { simple: true })).toBe(9);
  db.prepare('INSERT INTO street (id, code, name, is_fictional, created_at) VALUES (1, ?, ?, 0, ?)').run('500114001', '城东街道', T);
  db.prepare('INSERT INTO community (id, code, name, updated_at) VALUES (1, ?, ?, ?)').run('C01', '东苑社区', T);
  const compound = db.prepare('INSERT INTO compound (id, code, name, community_id, residents, households, elderly, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)');
  compound.run(1, 'P001', '桂花小区', 3, 2, 1, T); // recomputed from its register of 3 people in 2 households
  compound.run(2, 'P002', '兰花小区', 891, 300, 200, T); // typed in, then a register of 1 person imported and edited over
  compound.run(3, 'P003', '梅花小区', 120, 40, 30, T); // no register
  const resident = db.prepare('INSERT INTO resident (compound_id, building, household, name, updated_at) VALUES (?, ?, ?, ?, ?)');
  resident.run(1, '1栋', '101', '张三', T);
  resident.run(1, '1栋', '101', '李四', T);
  resident.run(1, '2栋', '101', '王五', T);
  resident.run(2, '1栋', '101', '赵六', T);
  closeDatabase(db);

  db = openDatabase(file, { migrations: migrations.slice(0, 10), backupDir: path.join(dir, 'backups') });
  expect(db.pragma('user_version', { simple: true })).toBe(10);
  expect(db.prepare('SELECT code, residents, households, elderly, population_source, register_residents, register_households FROM compound ORDER BY id').all()).toEqual([
    { code: 'P001', residents: 3, households: 2, elderly: 1, population_source: 'register', register_residents: 3, register_households: 2 },
    { code: 'P002', residents: 891, households: 300, elderly: 200, population_source: 'entered', register_residents: 1, register_households: 1 },
    { code: 'P003', residents: 120, households: 40, elderly: 30, population_source: 'entered', register_residents: null, register_households: null },
  ]);
  expect((db.prepare('SELECT COUNT(*) AS n FROM resident').get() as { n: number }).n).toBe(4);
  expect(() => db.prepare("UPDATE compound SET population_source = 'guess' WHERE id = 3").run()).toThrow(/CHECK/);
  expect(() => db.prepare('UPDATE compound SET register_residents = -1 WHERE id = 3').run()).toThrow(/CHECK/);
  db.prepare("INSERT INTO compound (code, name, community_id, updated_at) VALUES ('P004', '新小区', 1, ?)").run(T);
  expect(db.prepare("SELECT population_source FROM compound WHERE code = 'P004'").get()).toEqual({ population_source: 'entered' });
  expect(listBackups(path.join(dir, 'backups')).some((b) => b.name.includes('before-migration-v9'))).toBe(true);
  closeDatabase(db);
});
