import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export interface BackupInfo {
  name: string;
  file: string;
  bytes: number;
  createdAt: number;
}

/** A consistent copy of the live database (VACUUM INTO runs in one read transaction). Returns the new file. */
export function backupDatabase(db: Database.Database, dir: string, label: string, now = Date.now()): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `streetcommand-${stamp}-${label}.sqlite`);
  db.prepare('VACUUM INTO ?').run(file);
  return file;
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
