import type Database from 'better-sqlite3';

/**
 * Prepared statements cached per connection, as Signal-Desktop does (ts/sql/Server.ts): a query module writes its SQL
 * inline and `prepare(db, sql)` compiles it once per connection instead of on every call. The cache is keyed by the
 * connection in a WeakMap, so a closed or replaced connection (restoreBackup swaps ctx.db) takes its statements with it.
 *
 * Rules for callers: the SQL text must come from a bounded set (values go in as parameters, never spliced in), since
 * every distinct text stays cached for the connection's life; a cached statement is shared, so never change its mode
 * (pluck, raw, expand, safeIntegers) and never call a query again while its own `.iterate()` is still open.
 */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepare(db: Database.Database, sql: string): Database.Statement {
  let mine = statements.get(db);
  if (!mine) {
    mine = new Map();
    statements.set(db, mine);
  }
  let stmt = mine.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    mine.set(sql, stmt);
  }
  return stmt;
}
