/** SQL for triggers that make a table append-only: a correction is a new row, never an UPDATE or DELETE. */
export function appendOnly(table: string): string {
  return `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only: write a correction instead'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only: write a correction instead'); END;
  `;
}

/** `'a','b','c'` for a CHECK (x IN (...)) from a list of enum values (identifiers only, never user text). */
export function sqlList(values: readonly string[]): string {
  for (const v of values) if (!/^[a-z0-9_-]+$/.test(v)) throw new Error(`not an identifier: ${v}`);
  return values.map((v) => `'${v}'`).join(',');
}
