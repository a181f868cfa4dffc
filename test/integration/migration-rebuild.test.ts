import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase, closeDatabase, type Db } from '../../main/db/open';
import { migrations, latestVersion } from '../../main/db/migrations';
import type { Migration } from '../../main/db/migrations/types';
import { rebuildTable } from '../../main/db/migrations/rebuild';
import { runMigrations } from '../../main/db/migrations/run';
import { AppError } from '../../shared/api/errors';

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

function rows(db: Db, table: string): unknown[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
}

function schema(db: Db): unknown[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
}

/** Tables with a foreign key to `parent`, read from the schema so a child added later is covered too. */
function childrenOf(db: Db, parent: string): string[] {
  return (db
    .prepare("SELECT DISTINCT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.\"table\" = ? ORDER BY m.name")
    .all(parent) as { name: string }[]).map((r) => r.name);
}

function attachedTo(db: Db, table: string): { type: string; name: string }[] {
  return db.prepare("SELECT type, name FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') ORDER BY type, name").all(table) as { type: string; name: string }[];
}

/** compound as it is at version 10, plus a kind (an enum, so only a rebuild can add it or a value to it). */
const compoundWithKind = `
  CREATE TABLE compound (
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
    updated_by INTEGER REFERENCES operator(id) ON DELETE SET NULL,
    population_source TEXT NOT NULL DEFAULT 'entered' CHECK (population_source IN ('entered', 'compound_file', 'table', 'register')),
    register_residents INTEGER CHECK (register_residents IS NULL OR register_residents >= 0),
    register_households INTEGER CHECK (register_households IS NULL OR register_households >= 0),
    kind TEXT NOT NULL DEFAULT 'residential' CHECK (kind IN ('residential', 'village', 'unit'))
  ) STRICT`;

/**
 * A trigger ON compound, a trigger and a view on other tables that name compound: what a rebuild must bring back or
 * leave working. Test-only; the app has none of these yet.
 */
const compoundExtras: Migration = {
  version: latestVersion + 1,
  name: 'test-compound-extras',
  up(db) {
    db.exec(`
      CREATE TRIGGER compound_code_fixed BEFORE UPDATE OF code ON compound
        BEGIN SELECT RAISE(ABORT, 'compound code is fixed'); END;
      CREATE TRIGGER resident_counts AFTER INSERT ON resident
        BEGIN UPDATE compound SET residents = residents + 1 WHERE id = NEW.compound_id; END;
      CREATE VIEW compound_people AS
        SELECT p.code, COUNT(r.id) AS people FROM compound p LEFT JOIN resident r ON r.compound_id = p.id GROUP BY p.id;
    `);
  },
};

const addCompoundKind: Migration = {
  version: latestVersion + 2,
  name: 'test-compound-kind',
  rebuildsTables: true,
  up: (db) => rebuildTable(db, 'compound', compoundWithKind),
};

describe('a migration that rebuilds a parent table', () => {
  test('rebuilding compound by the 12 steps keeps its residents and venues', () => {
    const file = streetFile();
    // Written as the SQLite manual has it, with foreign keys off, and declared as a rebuild.
    const rebuildCompound: Migration = {
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
            updated_by INTEGER REFERENCES operator(id) ON DELETE SET NULL,
            population_source TEXT NOT NULL DEFAULT 'entered' CHECK (population_source IN ('entered', 'compound_file', 'table', 'register')),
            register_residents INTEGER CHECK (register_residents IS NULL OR register_residents >= 0),
            register_households INTEGER CHECK (register_households IS NULL OR register_households >= 0)
          ) STRICT;
          INSERT INTO compound_new SELECT * FROM compound;
          DROP TABLE compound;
          ALTER TABLE compound_new RENAME TO compound;
          CREATE INDEX compound_community ON compound(community_id);
        `);
      },
    };
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

  test('rebuildTable on compound brings back every child row, its indexes and triggers, and the triggers and views of other tables', () => {
    const file = streetFile();
    let db = openDatabase(file, { migrations: [...migrations, compoundExtras] });
    const children = childrenOf(db, 'compound');
    expect(children).toEqual(expect.arrayContaining(['resident', 'venue']));
    const childRows = Object.fromEntries(children.map((t) => [t, rows(db, t)]));
    const compoundRows = rows(db, 'compound') as Record<string, unknown>[];
    const attached = attachedTo(db, 'compound');
    expect(attached.map((o) => o.name)).toEqual(expect.arrayContaining(['compound_community', 'compound_code_fixed', 'sqlite_autoindex_compound_1']));
    closeDatabase(db);

    db = openDatabase(file, { migrations: [...migrations, compoundExtras, addCompoundKind] });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion + 2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    for (const t of children) expect(rows(db, t), t).toEqual(childRows[t]);
    expect(rows(db, 'compound')).toEqual(compoundRows.map((r) => ({ ...r, kind: 'residential' })));
    expect(attachedTo(db, 'compound')).toEqual(attached);

    // The new enum holds; the old triggers fire; the trigger and view on other tables work on the new table.
    db.prepare("UPDATE compound SET kind = 'village' WHERE id = 2").run();
    expect(() => db.prepare("UPDATE compound SET kind = 'castle' WHERE id = 2").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE compound SET code = 'P999' WHERE id = 1").run()).toThrow(/compound code is fixed/);
    db.prepare("INSERT INTO resident (compound_id, household, name, updated_at) VALUES (1, '2-301', '赵六', ?)").run(T);
    expect(db.prepare('SELECT residents FROM compound WHERE id = 1').get()).toEqual({ residents: 1201 });
    expect(db.prepare('SELECT code, people FROM compound_people ORDER BY code').all()).toEqual([
      { code: 'P001', people: 3 },
      { code: 'P002', people: 1 },
    ]);
    // The children's foreign keys point at the new table: deleting a compound cascades and clears as declared.
    db.prepare('DELETE FROM compound WHERE id = 2').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM resident WHERE compound_id = 2').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT compound_id FROM venue WHERE code = 'V2'").get()).toEqual({ compound_id: null });
    expect(() => db.prepare("INSERT INTO resident (compound_id, household, name, updated_at) VALUES (42, '1', 'x', 1)").run()).toThrow(/FOREIGN KEY/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    closeDatabase(db);
  });

  test('rebuilding the append-only, self-referencing event log for a new category keeps corrections and the append-only triggers', () => {
    const file = streetFile();
    let db = openDatabase(file);
    const add = db.prepare("INSERT INTO event_log (at, recorded_at, operator_id, category, text, source, corrects_id, correction_reason) VALUES (?, ?, 1, 'note', ?, 'manual', ?, ?)");
    const first = add.run(T, T, '桂花小区封控', null, null).lastInsertRowid;
    add.run(T, T + 60_000, '兰苑小区封控', first, '写错了小区');
    const logRows = rows(db, 'event_log');
    const attached = attachedTo(db, 'event_log');
    const oldSql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'event_log'").get() as { sql: string }).sql;
    closeDatabase(db);

    // A later migration adding a value to an enum: the stored definition with one more value in its CHECK.
    const newSql = oldSql.replace("'instruction','note')", "'instruction','note','drill')");
    expect(newSql).not.toBe(oldSql);
    const addDrill: Migration = { version: latestVersion + 1, name: 'test-log-drill', rebuildsTables: true, up: (d) => rebuildTable(d, 'event_log', newSql) };
    db = openDatabase(file, { migrations: [...migrations, addDrill] });
    expect(rows(db, 'event_log')).toEqual(logRows);
    expect(attachedTo(db, 'event_log')).toEqual(attached);
    expect(attached.map((o) => o.name)).toEqual(expect.arrayContaining(['event_log_no_update', 'event_log_no_delete', 'event_log_corrects']));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare("UPDATE event_log SET text = '改'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM event_log').run()).toThrow(/append-only/);
    db.prepare("INSERT INTO event_log (at, recorded_at, category, text, source) VALUES (?, ?, 'drill', '演练开始', 'auto')").run(T, T);
    expect(() => db.prepare("INSERT INTO event_log (at, recorded_at, category, text, source) VALUES (1, 1, 'gossip', 'x', 'manual')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO event_log (at, recorded_at, category, text, source, corrects_id, correction_reason) VALUES (1, 1, 'note', 'x', 'manual', 999, 'r')").run()).toThrow(/FOREIGN KEY/);
    closeDatabase(db);
  });

  test('a rebuild that would leave a resident without its compound is refused, names the tables and changes nothing', () => {
    const file = streetFile();
    let db = openDatabase(file);
    const before = { schema: schema(db), compound: rows(db, 'compound'), resident: rows(db, 'resident'), venue: rows(db, 'venue') };
    closeDatabase(db);

    // Merges away a compound but forgets its residents and venue: with foreign keys off nothing stops the DELETE.
    const dangling: Migration = {
      version: latestVersion + 1,
      name: 'test-drop-a-compound',
      rebuildsTables: true,
      up(d) {
        rebuildTable(d, 'compound', compoundWithKind);
        d.prepare('DELETE FROM compound WHERE id = 2').run();
      },
    };
    let err: unknown;
    try {
      openDatabase(file, { migrations: [...migrations, dangling] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('resident → compound: 1 行');
    expect((err as AppError).message).toContain('venue → compound: 1 行');
    expect((err as AppError).message).toContain(`${latestVersion + 1} (test-drop-a-compound)`);

    db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect({ schema: schema(db), compound: rows(db, 'compound'), resident: rows(db, 'resident'), venue: rows(db, 'venue') }).toEqual(before);
    closeDatabase(db);
  });

  test('the runner turns foreign keys back on when a rebuild fails', () => {
    const db = openDatabase(streetFile());
    const failing: Migration = {
      version: latestVersion + 1,
      name: 'test-fails',
      rebuildsTables: true,
      up(d) {
        rebuildTable(d, 'compound', compoundWithKind);
        throw new Error('boom');
      },
    };
    expect(() => runMigrations(db, [failing], latestVersion)).toThrow('boom');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare("SELECT 1 FROM pragma_table_info('compound') WHERE name = 'kind'").get()).toBeUndefined();
    closeDatabase(db);
  });

  test('rebuildTable in a migration not declared as a rebuild is refused before it drops anything', () => {
    const file = streetFile();
    const undeclared: Migration = { version: latestVersion + 1, name: 'test-undeclared', up: (d) => rebuildTable(d, 'compound', compoundWithKind) };
    expect(() => openDatabase(file, { migrations: [...migrations, undeclared] })).toThrow(/rebuildsTables: true/);
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(count(db, 'resident')).toBe(3);
    closeDatabase(db);
  });

  test('a new definition that leaves out a column is refused unless the columns to keep are listed', () => {
    const file = streetFile();
    const withoutBoundary = compoundWithKind.replace('boundary TEXT,', '');
    const accidental: Migration = { version: latestVersion + 1, name: 'test-lose-boundary', rebuildsTables: true, up: (d) => rebuildTable(d, 'compound', withoutBoundary) };
    expect(() => openDatabase(file, { migrations: [...migrations, accidental] })).toThrow(/no column boundary/);

    let db = openDatabase(file);
    const keep = (db.prepare('SELECT name FROM pragma_table_info(?)').all('compound') as { name: string }[]).map((r) => r.name).filter((n) => n !== 'boundary');
    closeDatabase(db);
    const deliberate: Migration = { ...accidental, up: (d) => rebuildTable(d, 'compound', withoutBoundary, { columns: keep }) };
    db = openDatabase(file, { migrations: [...migrations, deliberate] });
    expect(db.prepare('SELECT code FROM compound ORDER BY id').all()).toEqual([{ code: 'P001' }, { code: 'P002' }]);
    expect(count(db, 'resident')).toBe(3);
    closeDatabase(db);
  });
});
