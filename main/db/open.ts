import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { runMigrations } from './migrations/run';
import { backupDatabase } from './backup';
import { createPrivateFile, ensurePrivateFile, privateDirMode } from './private-files';

export type Db = Database.Database;

export interface OpenOptions {
  /** Where a backup taken before a migration goes; default: `backups/` beside the file. */
  backupDir?: string;
  /** For tests of migrations: run only these. */
  migrations?: Migration[];
}

/**
 * Opens (or creates) the street database, as STYLE.md section 3 asks:
 * integrity check first (no writes when it fails), refuse a newer schema, back up, then migrate.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: privateDirMode });
  // 0600 before SQLite opens it: SQLite gives the -wal and -shm files the mode of the database file.
  if (!fs.existsSync(file)) createPrivateFile(file);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) ensurePrivateFile(f);

  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    if (existed) checkIntegrity(db, file);
    const version = schemaVersion(db);
    if (version > latest) {
      throw new AppError(
        'db_newer',
        `数据库 ${file} 由更新版本的 StreetCommand 写入 (结构版本 ${version}，本程序支持到 ${latest})。请升级程序；数据未做任何改动。`,
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (version < latest) {
      if (existed && version > 0) {
        backupDatabase(db, options.backupDir ?? path.join(path.dirname(file), 'backups'), `before-migration-v${version}`);
      }
      runMigrations(db, migrations, version);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The schema version of an open database (PRAGMA user_version, set by each migration). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkIntegrity(db: Db, file: string): void {
  let result: string;
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    result = rows.map((r) => r.integrity_check).join('; ');
  } catch (err) {
    throw new AppError('db_corrupt', `无法读取数据库 ${file}：${(err as Error).message}。未写入任何数据，请从备份恢复。`);
  }
  if (result !== 'ok') {
    throw new AppError('db_corrupt', `数据库 ${file} 完整性检查失败：${result.slice(0, 300)}。未写入任何数据，请从备份恢复。`);
  }
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
