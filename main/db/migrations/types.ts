import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /**
   * Set when `up` rebuilds a table (see `rebuildTable` in ./rebuild), as changing a CHECK such as an enum needs.
   * The runner then turns foreign keys off before the transaction (inside one the pragma does nothing, and dropping
   * a parent table would cascade into its children), and runs `PRAGMA foreign_key_check` before it commits.
   */
  rebuildsTables?: boolean;
  up(db: Database.Database): void;
}
