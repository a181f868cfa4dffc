import { afterEach, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, closeDatabase } from '../../main/db/open';
import { migrations, latestVersion } from '../../main/db/migrations';
import { listBackups } from '../../main/db/backup';
import { openApp, restoreBackup, backupNow } from '../../main/services/app';
import { AppError } from '../../shared/api/errors';

const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-db-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : `other: ${(err as Error).message}`;
  }
  return undefined;
}

describe('opening the database', () => {
  test('sets WAL, synchronous FULL, foreign keys, and migrates to the latest version', () => {
    const file = path.join(tempDir(), 'a.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    closeDatabase(db);
  });

  test('every table is STRICT', () => {
    const db = openDatabase(path.join(tempDir(), 'a.sqlite'));
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT\s*$/);
    closeDatabase(db);
  });

  test('refuses a database written by a newer version, without changing it', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE x (a INTEGER) STRICT');
    raw.pragma(`user_version = ${latestVersion + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    let err: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('db_newer');
    expect((err as AppError).message).toContain(String(latestVersion + 5));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test('a damaged file fails the integrity check with a clear message and is not written', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.sqlite');
    const db = openDatabase(file);
    const insert = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`k${i}`, 'v'.repeat(100));
    db.pragma('wal_checkpoint(TRUNCATE)');
    closeDatabase(db);
    // Scribble over the middle pages (not the header), as a bad disk sector would.
    const buf = fs.readFileSync(file);
    buf.fill(0x5a, 8192, 8192 + 4096 * 4);
    fs.writeFileSync(file, buf);
    const damaged = fs.readFileSync(file);
    expect(codeOf(() => openDatabase(file))).toBe('db_corrupt');
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });

  test('a file that is not a database at all is refused as damaged', () => {
    const file = path.join(tempDir(), 'text.sqlite');
    fs.writeFileSync(file, '这不是数据库 '.repeat(500));
    expect(codeOf(() => openDatabase(file))).toBe('db_corrupt');
  });

  test('backs up the file before a migration runs, and the backup holds the old data', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const v1 = openDatabase(file, { migrations: migrations.slice(0, 1) });
    v1.prepare("INSERT INTO setting (key, value) VALUES ('unitName', '\"旧数据\"')").run();
    closeDatabase(v1);
    const extra = { version: migrations[migrations.length - 1].version + 1, name: 'extra', up: (db: Database.Database) => db.exec('CREATE TABLE extra (a INTEGER) STRICT') };
    const db = openDatabase(file, { migrations: [...migrations, extra], backupDir: path.join(dir, 'backups') });
    expect(db.pragma('user_version', { simple: true })).toBe(extra.version);
    closeDatabase(db);
    const backups = listBackups(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const copy = new Database(backups[0].file, { readonly: true });
    expect((copy.prepare("SELECT value FROM setting WHERE key = 'unitName'").get() as { value: string }).value).toBe('"旧数据"');
    copy.close();
  });

  test('a failing migration rolls back and leaves the previous version intact', () => {
    const file = path.join(tempDir(), 'fail.sqlite');
    closeDatabase(openDatabase(file));
    const broken = { version: latestVersion + 1, name: 'broken', up: (db: Database.Database) => { db.exec('CREATE TABLE half (a INTEGER) STRICT'); throw new Error('boom'); } };
    expect(() => openDatabase(file, { migrations: [...migrations, broken] })).toThrow('boom');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    closeDatabase(db);
  });
});

describe('the data folder', () => {
  const open = (dataDir: string) => openApp({ dataDir, resourcesDir: path.resolve('resources'), shell: 'host', version: 'test' });

  test('a second copy on the same folder is refused; after closing, it opens', () => {
    const dir = tempDir();
    const first = open(dir);
    expect(codeOf(() => open(dir))).toBe('data_folder_locked');
    first.close();
    const second = open(dir);
    second.close();
  });

  test('a lock left by a process that no longer exists is taken over', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'streetcommand.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), kind: 'host', startedAt: 0 }));
    const app = open(dir);
    app.close();
  });

  test('restoring a backup brings back its data and keeps a safety copy of the current database', () => {
    const dir = tempDir();
    const app = open(dir);
    app.ctx.db.prepare("INSERT INTO setting (key, value) VALUES ('unitName', '\"备份前\"')").run();
    const b = backupNow(app.ctx);
    app.ctx.db.prepare("UPDATE setting SET value = '\"备份后\"' WHERE key = 'unitName'").run();
    const r = restoreBackup(app.ctx, b.name);
    expect((app.ctx.db.prepare("SELECT value FROM setting WHERE key = 'unitName'").get() as { value: string }).value).toBe('"备份前"');
    expect(fs.existsSync(path.join(dir, 'backups', r.safetyCopy))).toBe(true);
    expect(codeOf(() => restoreBackup(app.ctx, '../streetcommand.sqlite'))).toBe('not_found');
    app.close();
  });
});

describe('crash safety', () => {
  test('a writer killed with SIGKILL loses no committed record and the database passes the integrity check', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'crash.sqlite');
    closeDatabase(openDatabase(file));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/crash-writer.ts', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const committed = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const lines = out.split('\n').filter(Boolean);
        if (lines.length >= 300) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (_code, signal) => {
        if (signal !== 'SIGKILL') return reject(new Error(`writer ended without SIGKILL: ${err}`));
        // Only lines ended by a newline were printed after their commit returned.
        const done = out.split('\n').slice(0, -1).map(Number);
        resolve(Math.max(...done));
      });
    });
    expect(committed).toBeGreaterThanOrEqual(300);
    const db = openDatabase(file); // runs the integrity check; throws on failure
    const rows = db.prepare("SELECT key FROM setting WHERE key LIKE 'crash-%'").all() as { key: string }[];
    const ids = new Set(rows.map((r) => Number(r.key.slice(6))));
    for (let i = 1; i <= committed; i++) expect(ids.has(i), `record ${i}`).toBe(true);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    closeDatabase(db);
  });
});
