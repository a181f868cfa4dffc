import type { Db } from './open';
import { prepare } from './prepare';

/** Tables whose rows the log names when a change removes them (main/api/audit.ts reads the name before the delete). */
export type LabelledTable = 'community' | 'grid' | 'compound' | 'venue' | 'duty_shift' | 'checklist_template_item';

const labelSql: Record<LabelledTable, string> = {
  community: "SELECT name || '（' || code || '）' AS n FROM community WHERE id = ?",
  grid: "SELECT g.name || '（' || g.code || '），' || c.name AS n FROM grid g JOIN community c ON c.id = g.community_id WHERE g.id = ?",
  compound: "SELECT name || '（' || code || '）' AS n FROM compound WHERE id = ?",
  venue: "SELECT name || '（' || code || '）' AS n FROM venue WHERE id = ?",
  duty_shift: "SELECT date || ' ' || shift_key AS n FROM duty_shift WHERE id = ?",
  checklist_template_item: 'SELECT text AS n FROM checklist_template_item WHERE id = ?',
};

/** How the log names a row ("康居雅苑（C001）"), or null when there is no such row. */
export function rowLabel(db: Db, table: LabelledTable, id: number): string | null {
  const r = prepare(db, labelSql[table]).get(id) as { n: string } | undefined;
  return r?.n ?? null;
}
