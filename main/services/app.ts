import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, closeDatabase, schemaVersion } from '../db/open';
import { getStreet } from '../db/street';
import { backupDatabase, listBackups } from '../db/backup';
import { lockDataFolder } from '../db/lock';
import { describeTightened, ensurePrivateDir, ensurePrivateFile, type Tightened } from '../db/private-files';
import { latestVersion } from '../db/migrations';
import { AppError } from '../../shared/api/errors';
import type { AppContext } from './context';
import { getSettings } from './settings';
import { writeLog } from './eventlog';
import { lockDeskOnOpen } from './operators';
import type { AppInfoDto } from '../../shared/api/system';
import type { ClockDto } from '../../shared/api/clock';
import { createClock, type Clock } from '../../shared/domain/clock';

export interface OpenAppOptions {
  dataDir: string;
  resourcesDir: string;
  shell: 'desktop' | 'host';
  version: string;
  /** The clock to run on (a start time and a rate); the real time at rate 1 by default. */
  clock?: Clock;
  /** Tests that step the time by hand pass a fixed reading here; it overrides the clock's time for services. */
  now?: () => number;
  /** Default: on unless NODE_ENV is 'production' (the desktop shell passes !app.isPackaged). */
  checkOutputs?: boolean;
}

export interface OpenedApp {
  ctx: AppContext;
  close(): void;
}

/**
 * The data folder and the app's own files in it made private (0700 / 0600), created so or tightened when an older
 * version or a copy left them readable by others. Only our own names: the folder may be one the user also keeps
 * other files in.
 */
function makeDataFolderPrivate(dataDir: string, dbFile: string, backupDir: string): Tightened[] {
  const changes = [ensurePrivateDir(dataDir)];
  for (const name of ['streetcommand.lock', 'host.json']) changes.push(ensurePrivateFile(path.join(dataDir, name)));
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) changes.push(ensurePrivateFile(f));
  if (fs.existsSync(backupDir)) {
    changes.push(ensurePrivateDir(backupDir));
    for (const b of listBackups(backupDir)) changes.push(ensurePrivateFile(b.file));
  }
  return changes.filter((c): c is Tightened => c !== null);
}

/** Locks the data folder, opens and migrates the database. Throws AppError with a clear message when it cannot. */
export function openApp(opts: OpenAppOptions): OpenedApp {
  const dataDir = path.resolve(opts.dataDir);
  const dbFile = path.join(dataDir, 'streetcommand.sqlite');
  const backupDir = path.join(dataDir, 'backups');
  const release = lockDataFolder(dataDir, opts.shell); // creates a new folder 0700
  try {
    const tightened = makeDataFolderPrivate(dataDir, dbFile, backupDir);
    const db = openDatabase(dbFile, { backupDir });
    const clock = opts.clock ?? createClock({ realNow: Date.now });
    const ctx: AppContext = {
      db,
      dataDir,
      dbFile,
      backupDir,
      resourcesDir: opts.resourcesDir,
      shell: opts.shell,
      version: opts.version,
      clock,
      now: opts.now ?? (() => clock.now()),
      checkOutputs: opts.checkOutputs ?? process.env.NODE_ENV !== 'production',
    };
    if (tightened.length) {
      writeLog(ctx, { category: 'system', text: `数据文件夹的访问权限已收紧为仅本用户可读写：${tightened.map(describeTightened).join('，')}。` });
    }
    // A new process starts with the desk locked: whoever was signed in must unlock it again (issue 9).
    lockDeskOnOpen(ctx);
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
    // No drill mode yet (issue 14 adds it and sets this from the drill's state).
    drill: false,
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
  fs.copyFileSync(source.file, ctx.dbFile); // openDatabase makes it 0600 again (a copy takes the backup's mode)
  ctx.db = openDatabase(ctx.dbFile, { backupDir: ctx.backupDir });
  // The restored file's desk is locked: the session it holds is from the time of the backup.
  lockDeskOnOpen(ctx);
  return { restored: name, safetyCopy: path.basename(safety) };
}

export { latestVersion };

/** The server's time and rate, for the renderer's one clock hook to extrapolate from. */
export function getClock(ctx: AppContext): ClockDto {
  return { now: ctx.now(), rate: ctx.clock.rate() };
}
