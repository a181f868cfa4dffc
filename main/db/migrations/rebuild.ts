import type Database from 'better-sqlite3';

export interface RebuildOptions {
  /**
   * The columns whose values are copied, by name. Default: every column of the old table, and each must exist in the
   * new one, so a column is never dropped by accident; list the columns to keep when one is dropped on purpose.
   * Columns only the new table has take their DEFAULT.
   */
  columns?: string[];
}

/**
 * Rebuilds `table` with a new definition, steps 4-8 of SQLite's procedure (lang_altertable.html, "Making Other
 * Kinds Of Table Schema Changes"): create the new table, copy the rows, drop the old one, rename the new one, then
 * create the old table's indexes and triggers again (the append-only triggers of ./appendOnly among them).
 *
 * `newCreateSql` is the whole `CREATE TABLE <table> (...) STRICT` as it is to be, written out in the migration (a
 * frozen copy, as a migration's enums are). Call it only from a migration declared with `rebuildsTables: true`: the
 * runner turns foreign keys off around the transaction and checks them before it commits.
 *
 * Triggers and views of OTHER tables that name `table` are kept as they are: the rename runs with
 * `legacy_alter_table = ON`, because since SQLite 3.26 a rename checks the whole schema and refuses while such a
 * trigger or view names the table just dropped ("error in trigger …: no such table: main.compound"). They bind by
 * name, so they work on the new table. If the change drops or renames a column they use, recreate them in the
 * migration.
 */
export function rebuildTable(db: Database.Database, table: string, newCreateSql: string, options: RebuildOptions = {}): void {
  assertIdentifier(table);
  // Without these the rebuild would "work" and lose rows: DROP TABLE with foreign keys on empties the children.
  if (!db.inTransaction) throw new Error(`rebuildTable(${table}) runs inside a migration's transaction`);
  if (db.pragma('foreign_keys', { simple: true }) !== 0) {
    throw new Error(`rebuildTable(${table}) needs foreign keys off: declare the migration with rebuildsTables: true`);
  }

  const temp = `new_${table}`;
  const head = new RegExp(`^\\s*CREATE\\s+TABLE\\s+(?:"${table}"|${table})\\s*\\(`, 'i');
  if (!head.test(newCreateSql)) throw new Error(`rebuildTable(${table}): the new definition must begin with CREATE TABLE ${table} (`);
  if (!tableExists(db, table)) throw new Error(`rebuildTable(${table}): no such table`);
  if (tableExists(db, temp)) throw new Error(`rebuildTable(${table}): ${temp} already exists`);

  // Step 3 of the manual: remember what DROP TABLE takes with it (automatic indexes of UNIQUE have no SQL and come back
  // with the new table's constraints).
  const attached = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
    .all(table) as { type: 'index' | 'trigger'; name: string; sql: string }[];

  db.exec(newCreateSql.replace(head, `CREATE TABLE ${temp} (`));

  const oldColumns = columnNames(db, table);
  const newColumns = new Set(columnNames(db, temp));
  const copied = options.columns ?? oldColumns;
  for (const c of copied) {
    assertIdentifier(c);
    if (!oldColumns.includes(c)) throw new Error(`rebuildTable(${table}): ${table} has no column ${c}`);
    if (!newColumns.has(c)) {
      throw new Error(`rebuildTable(${table}): the new table has no column ${c}; list the columns to keep if it is dropped on purpose`);
    }
  }
  const list = copied.join(', ');
  db.exec(`INSERT INTO ${temp} (${list}) SELECT ${list} FROM ${table}`);
  // A conflict clause such as UNIQUE ON CONFLICT IGNORE in the new definition would skip rows without an error.
  const before = rowCount(db, table);
  const after = rowCount(db, temp);
  if (after !== before) throw new Error(`rebuildTable(${table}): ${after} of ${before} rows reached the new table`);

  db.exec(`DROP TABLE ${table}`);
  const legacy = db.pragma('legacy_alter_table', { simple: true }) as number;
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec(`ALTER TABLE ${temp} RENAME TO ${table}`);
  } finally {
    db.pragma(`legacy_alter_table = ${legacy ? 'ON' : 'OFF'}`);
  }
  // Indexes before triggers, as they were created; an index or trigger on a dropped column fails here, loudly.
  for (const o of attached) db.exec(o.sql);
}

function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
}

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function columnNames(db: Database.Database, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string }[]).map((r) => r.name);
}

function rowCount(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}
