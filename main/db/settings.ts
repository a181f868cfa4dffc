import type { Db } from './open';
import { prepare } from './prepare';

/** The key-value settings table; values are stored as JSON text. */

export function allSettings(db: Db): Record<string, unknown> {
  const rows = prepare(db, 'SELECT key, value FROM setting').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

/** The stored value of one setting, or undefined when it was never set. */
export function getSetting(db: Db, key: string): unknown {
  const row = prepare(db, 'SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export function putSetting(db: Db, key: string, value: unknown): void {
  prepare(db, 'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

export function deleteSetting(db: Db, key: string): void {
  prepare(db, 'DELETE FROM setting WHERE key = ?').run(key);
}
