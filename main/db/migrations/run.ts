import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { Migration } from './types';

interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
  fkid: number;
}

/**
 * Runs the migrations above `from`, in order, each in its own transaction together with its `user_version`, so a
 * failing one rolls back to the version before it (earlier ones in the same run stay committed).
 *
 * A migration that declares `rebuildsTables` runs as SQLite's manual asks for a table rebuild
 * (lang_altertable.html, "Making Other Kinds Of Table Schema Changes"):
 *   1. `PRAGMA foreign_keys = OFF` outside the transaction: inside one it is silently ignored, and with keys on the
 *      `DROP TABLE` of a parent deletes its children (ON DELETE CASCADE) or blanks their references (SET NULL);
 *   2. in the transaction: the migration's steps, then `PRAGMA foreign_key_check`; any row left pointing at nothing
 *      aborts the migration, which rolls back, with the child and parent tables named;
 *   3. foreign keys back on, whether it committed or not.
 */
export function runMigrations(db: Database.Database, migrations: Migration[], from: number): void {
  for (const m of migrations) {
    if (m.version <= from) continue;
    if (m.rebuildsTables) runRebuild(db, m);
    else runInTransaction(db, m);
  }
}

function runInTransaction(db: Database.Database, m: Migration): void {
  db.transaction(() => {
    m.up(db);
    db.pragma(`user_version = ${m.version}`);
  })();
}

function runRebuild(db: Database.Database, m: Migration): void {
  if (db.inTransaction) throw new Error(`migration ${m.version} rebuilds tables and must start outside a transaction`);
  db.pragma('foreign_keys = OFF');
  try {
    // Checked rather than assumed: if the pragma did not take, the rebuild would lose rows without an error.
    if (db.pragma('foreign_keys', { simple: true }) !== 0) throw new Error('could not turn foreign keys off');
    db.transaction(() => {
      m.up(db);
      const violations = db.pragma('foreign_key_check') as ForeignKeyViolation[];
      if (violations.length) throw new AppError('internal', describeViolations(m, violations));
      db.pragma(`user_version = ${m.version}`);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** "resident → compound: 2 行 (rowid 3, 4)" per child and parent table, for the message of a refused migration. */
function describeViolations(m: Migration, violations: ForeignKeyViolation[]): string {
  const byPair = new Map<string, (number | null)[]>();
  for (const v of violations) {
    const key = `${v.table} → ${v.parent}`;
    byPair.set(key, [...(byPair.get(key) ?? []), v.rowid]);
  }
  const parts = [...byPair].map(([pair, rowids]) => `${pair}: ${rowids.length} 行 (rowid ${rowids.slice(0, 5).join(', ')}${rowids.length > 5 ? ', …' : ''})`);
  return `结构迁移 ${m.version} (${m.name}) 会留下指向不存在记录的外键：${parts.join('；')}。迁移已回滚，数据库保持原结构版本，数据未改动。`;
}
