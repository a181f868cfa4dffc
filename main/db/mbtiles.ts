import type Database from 'better-sqlite3';
import { prepare } from './prepare';

/**
 * Queries of an MBTiles file (a SQLite database of map tiles, opened read-only by services/basemap.ts).
 * Tile rows count from the south (TMS): `row` here is that row, not the map's XYZ y.
 */

/** Names of the tables and views in the file; throws SQLITE_NOTADB / SQLITE_CORRUPT when it is not a database. */
export function tableNames(db: Database.Database): string[] {
  return (prepare(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as { name: string }[]).map((r) => r.name);
}

/** The metadata table as text (a file may store a number or a blob there). */
export function metadata(db: Database.Database): Map<string, string> {
  return new Map((prepare(db, 'SELECT name, value FROM metadata').all() as { name: unknown; value: unknown }[]).map((r) => [String(r.name), String(r.value)]));
}

export function zoomRange(db: Database.Database): { lo: number | null; hi: number | null } {
  return prepare(db, 'SELECT MIN(zoom_level) AS lo, MAX(zoom_level) AS hi FROM tiles').get() as { lo: number | null; hi: number | null };
}

export function firstTile(db: Database.Database): Buffer | undefined {
  return (prepare(db, 'SELECT tile_data FROM tiles LIMIT 1').get() as { tile_data: Buffer } | undefined)?.tile_data;
}

export function tileAt(db: Database.Database, zoom: number, column: number, row: number): Buffer | undefined {
  return (
    prepare(db, 'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').get(zoom, column, row) as
      | { tile_data: Buffer }
      | undefined
  )?.tile_data;
}
