import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase, closeDatabase, type Db } from '../../main/db/open';
import { migrations, latestVersion } from '../../main/db/migrations';
import type { Migration } from '../../main/db/migrations/types';

/**
 * Issue 7 part 6: a migration that rebuilds a table (SQLite's 12-step procedure, the only way to change a CHECK
 * such as an enum) keeps every row of every table that points at it.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const T = Date.UTC(2022, 6, 10, 2, 0);

/** A street at the latest version: two compounds, three residents, two venues pointing at compounds. */
function streetFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-rebuild-'));
  dirs.push(dir);
  const file = path.join(dir, 'streetcommand.sqlite');
  const db = openDatabase(file);
  db.prepare('INSERT INTO operator (id, name, created_at, updated_at) VALUES (1, ?, ?, ?)').run('王值班', T, T);
  db.prepare('INSERT INTO community (id, code, name, updated_at) VALUES (1, ?, ?, ?)').run('C01', '东苑社区', T);
  db.prepare('INSERT INTO grid (id, code, name, community_id, updated_at) VALUES (1, ?, ?, 1, ?)').run('G01', '东苑一网格', T);
  const compound = db.prepare('INSERT INTO compound (id, code, name, community_id, grid_id, residents, households, elderly, updated_at, updated_by) VALUES (?, ?, ?, 1, 1, ?, ?, ?, ?, 1)');
  compound.run(1, 'P001', '桂花小区', 1200, 450, 300, T);
  compound.run(2, 'P002', '兰苑小区', 800, 300, 120, T);
  const resident = db.prepare("INSERT INTO resident (compound_id, building, household, name, updated_at) VALUES (?, '1', ?, ?, ?)");
  resident.run(1, '1-101', '张三', T);
  resident.run(1, '1-102', '李四', T);
  resident.run(2, '3-201', '王五', T);
  const venue = db.prepare("INSERT INTO venue (code, name, type, lng, lat, community_id, compound_id, updated_at) VALUES (?, ?, ?, 106.5, 29.5, 1, ?, ?)");
  venue.run('V1', '桂花菜市场', 'market', 1, T);
  venue.run('V2', '兰苑幼儿园', 'kindergarten', 2, T);
  closeDatabase(db);
  return file;
}

function count(db: Db, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('a migration that rebuilds a parent table', () => {
  test('rebuilding compound by the 12 steps keeps its residents and venues', () => {
    const file = streetFile();
    // Written as the SQLite manual has it, with foreign keys off, and declared as a rebuild.
    const rebuildCompound = {
      version: latestVersion + 1,
      name: 'rebuild-compound-by-hand',
      rebuildsTables: true,
      up(db: Db) {
        db.exec(`
          PRAGMA foreign_keys = OFF;
          CREATE TABLE compound_new (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            community_id INTEGER NOT NULL REFERENCES community(id) ON DELETE CASCADE,
            grid_id INTEGER REFERENCES grid(id) ON DELETE SET NULL,
            buildings INTEGER CHECK (buildings IS NULL OR buildings >= 0),
            residents INTEGER NOT NULL DEFAULT 0 CHECK (residents >= 0),
            households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
            elderly INTEGER NOT NULL DEFAULT 0 CHECK (elderly >= 0),
            boundary TEXT,
            updated_at INTEGER NOT NULL,
            updated_by INTEGER REFERENCES operator(id) ON DELETE SET NULL
          ) STRICT;
          INSERT INTO compound_new SELECT * FROM compound;
          DROP TABLE compound;
          ALTER TABLE compound_new RENAME TO compound;
          CREATE INDEX compound_community ON compound(community_id);
        `);
      },
    } as Migration;
    const db = openDatabase(file, { migrations: [...migrations, rebuildCompound] });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion + 1);
    expect(count(db, 'compound')).toBe(2);
    expect(count(db, 'resident')).toBe(3);
    expect(db.prepare('SELECT code, compound_id FROM venue ORDER BY code').all()).toEqual([
      { code: 'V1', compound_id: 1 },
      { code: 'V2', compound_id: 2 },
    ]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    closeDatabase(db);
  });
});
