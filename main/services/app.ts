import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, closeDatabase, schemaVersion } from '../db/open';
import { getStreet } from '../db/street';
import { backupDatabase, listBackups } from '../db/backup';
import { lockDataFolder } from '../db/lock';
import { latestVersion } from '../db/migrations';
import { AppError } from '../../shared/api/errors';
import type { AppContext } from './context';
import { getSettings } from './settings';
import type { AppInfoDto } from '../../shared/api/system';

export interface OpenAppOptions {
  dataDir: string;
  resourcesDir: string;
  shell: 'desktop' | 'host';
  version: string;
  now?: () => number;
}

export interface OpenedApp {
  ctx: AppContext;
  close(): void;
}

/** Locks the data folder, opens and migrates the database. Throws AppError with a clear message when it cannot. */
export function openApp(opts: OpenAppOptions): OpenedApp {
  const dataDir = path.resolve(opts.dataDir);
  const release = lockDataFolder(dataDir, opts.shell);
  try {
    const dbFile = path.join(dataDir, 'streetcommand.sqlite');
    const backupDir = path.join(dataDir, 'backups');
    const db = openDatabase(dbFile, { backupDir });
    const ctx: AppContext = {
      db,
      dataDir,
      dbFile,
      backupDir,
      resourcesDir: opts.resourcesDir,
      shell: opts.shell,
      version: opts.version,
      now: opts.now ?? Date.now,
    };
    return {
      ctx,
      close() {
        closeDatabase(ctx.db);
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export function getAppInfo(ctx: AppContext): AppInfoDto {
  const street = getStreet(ctx.db);
  return {
    version: ctx.version,
    shell: ctx.shell,
    dataDir: ctx.dataDir,
    dbFile: ctx.dbFile,
    schemaVersion: schemaVersion(ctx.db),
    hasStreet: !!street,
    street,
    settings: getSettings(ctx.db),
  };
}

export function backupNow(ctx: AppContext) {
  const file = backupDatabase(ctx.db, ctx.backupDir, 'manual', ctx.now());
  const st = fs.statSync(file);
  return { name: path.basename(file), bytes: st.size, createdAt: st.mtimeMs };
}

export function backups(ctx: AppContext) {
  return listBackups(ctx.backupDir).map(({ name, bytes, createdAt }) => ({ name, bytes, createdAt }));
}

/**
 * Replaces the live database with a backup. The current database is backed up first, the backup is
 * checked by opening it (integrity, version) before anything is replaced.
 */
export function restoreBackup(ctx: AppContext, name: string) {
  const source = listBackups(ctx.backupDir).find((b) => b.name === name);
  if (!source || path.basename(name) !== name) throw new AppError('not_found', `找不到备份 ${name}`);
  // Check the backup opens cleanly (integrity, not newer) on a scratch copy before touching the live file.
  const scratch = path.join(ctx.dataDir, 'restore-check.sqlite');
  fs.copyFileSync(source.file, scratch);
  try {
    closeDatabase(openDatabase(scratch, { backupDir: path.join(ctx.dataDir, 'restore-check-backups') }));
  } finally {
    for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(f, { force: true });
    fs.rmSync(path.join(ctx.dataDir, 'restore-check-backups'), { recursive: true, force: true });
  }
  const safety = backupDatabase(ctx.db, ctx.backupDir, 'before-restore', ctx.now());
  closeDatabase(ctx.db);
  for (const f of [`${ctx.dbFile}-wal`, `${ctx.dbFile}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(source.file, ctx.dbFile);
  ctx.db = openDatabase(ctx.dbFile, { backupDir: ctx.backupDir });
  return { restored: name, safetyCopy: path.basename(safety) };
}

export { latestVersion };
