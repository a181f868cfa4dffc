import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createPrivateFile, ensurePrivateDir, ensurePrivateFile } from './private-files';

export interface BackupInfo {
  name: string;
  file: string;
  bytes: number;
  createdAt: number;
}

/**
 * A consistent copy of the live database (VACUUM INTO runs in one read transaction). Returns the new file.
 * The folder is 0700 and the file is created empty with 0600 first (VACUUM INTO accepts an empty file), so the
 * copy of the register is never readable by other users, not even for a moment.
 */
export function backupDatabase(db: Database.Database, dir: string, label: string, now = Date.now()): string {
  ensurePrivateDir(dir);
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const file = claimBackupFile(dir, `streetcommand-${stamp}-${label}`);
  try {
    db.prepare('VACUUM INTO ?').run(file);
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  ensurePrivateFile(file);
  return file;
}

/**
 * Creates the backup's file under a name not yet taken. Two backups can share a millisecond of the app's clock (a
 * paused drill clock, a double click): the second one gets -2, -3 ... instead of failing on the existing file.
 */
function claimBackupFile(dir: string, base: string): string {
  for (let n = 1; ; n++) {
    const file = path.join(dir, n === 1 ? `${base}.sqlite` : `${base}-${n}.sqlite`);
    try {
      createPrivateFile(file);
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw err;
    }
  }
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.sqlite'))
    .map((name) => {
      const file = path.join(dir, name);
      const st = fs.statSync(file);
      return { name, file, bytes: st.size, createdAt: st.mtimeMs };
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}
