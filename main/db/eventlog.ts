import type { Db } from './open';
import { prepare } from './prepare';
import type { LogCategory, LogEntryDto, LogRef } from '../../shared/api/log';
import { operatorRefs } from './operators';

/** The event log table (值班日志): append and query. Rows are never updated or deleted (triggers enforce it). */

export interface NewLogEntry {
  at: number;
  recordedAt: number;
  operatorId: number | null;
  category: LogCategory;
  text: string;
  link?: { kind: string; id: number } | null;
  ref?: LogRef | null;
  source: 'manual' | 'auto';
  method?: string | null;
  emergencyId: number | null;
  correctsId?: number | null;
  correctionReason?: string | null;
}

export function appendLog(db: Db, e: NewLogEntry): number {
  const info = prepare(db, 
      `INSERT INTO event_log (at, recorded_at, operator_id, category, text, link_kind, link_id, source, method, emergency_id, corrects_id, correction_reason, ref_kind, ref_text)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.at,
      e.recordedAt,
      e.operatorId,
      e.category,
      e.text,
      e.link?.kind ?? null,
      e.link?.id ?? null,
      e.source,
      e.method ?? null,
      e.emergencyId,
      e.correctsId ?? null,
      e.correctionReason ?? null,
      e.ref?.kind ?? null,
      e.ref?.text ?? null,
    );
  return Number(info.lastInsertRowid);
}

interface LogRow {
  id: number;
  at: number;
  recorded_at: number;
  operator_id: number | null;
  category: LogCategory;
  text: string;
  link_kind: string | null;
  link_id: number | null;
  source: 'manual' | 'auto';
  method: string | null;
  emergency_id: number | null;
  corrects_id: number | null;
  correction_reason: string | null;
  ref_kind: LogRef['kind'] | null;
  ref_text: string | null;
  team_name: string | null;
  corrected_by: number | null;
}

export interface LogQuery {
  categories?: LogCategory[];
  from?: number;
  to?: number;
  search?: string;
  emergencyId?: number;
  hideCorrected?: boolean;
  limit?: number;
  offset?: number;
}

const select = `SELECT l.id, l.at, l.recorded_at, l.operator_id, l.category, l.text, l.link_kind, l.link_id, l.source, l.method, l.emergency_id,
  l.corrects_id, l.correction_reason, l.ref_kind, l.ref_text,
  (SELECT t.name FROM sampling_team t WHERE l.link_kind = 'team' AND t.id = l.link_id) AS team_name,
  (SELECT MAX(c.id) FROM event_log c WHERE c.corrects_id = l.id) AS corrected_by
  FROM event_log l`;

function where(q: LogQuery): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  // The categories travel as one JSON array, so the SQL text does not depend on how many there are: the query is one
  // of at most 32 shapes (each optional filter on or off), which the statement cache can hold (db/prepare.ts).
  if (q.categories?.length) {
    parts.push('l.category IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(q.categories));
  }
  if (q.from !== undefined) (parts.push('l.at >= ?'), params.push(q.from));
  if (q.to !== undefined) (parts.push('l.at <= ?'), params.push(q.to));
  if (q.emergencyId !== undefined) (parts.push('l.emergency_id = ?'), params.push(q.emergencyId));
  if (q.search) {
    const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(`(l.text LIKE ? ESCAPE '\\' OR l.ref_text LIKE ? ESCAPE '\\' OR l.operator_id IN (SELECT id FROM operator WHERE name LIKE ? ESCAPE '\\'))`);
    params.push(like, like, like);
  }
  // Superseded hand entries fold under their correction; an automatic entry always shows (databases from before
  // issue 9 may hold corrections of automatic entries: the original record of what the app did stays visible).
  if (q.hideCorrected) parts.push(`(l.source = 'auto' OR NOT EXISTS (SELECT 1 FROM event_log c WHERE c.corrects_id = l.id))`);
  return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

export function queryLog(db: Db, q: LogQuery): { total: number; rows: LogEntryDto[] } {
  const w = where(q);
  const total = (prepare(db, `SELECT COUNT(*) AS n FROM event_log l${w.sql}`).get(...w.params) as { n: number }).n;
  const rows = prepare(db, `${select}${w.sql} ORDER BY l.at DESC, l.id DESC LIMIT ? OFFSET ?`)
    .all(...w.params, q.limit ?? 200, q.offset ?? 0) as LogRow[];
  return { total, rows: toDtos(db, rows) };
}

export function getLogEntry(db: Db, id: number): LogEntryDto | null {
  const r = prepare(db, `${select} WHERE l.id = ?`).get(id) as LogRow | undefined;
  return r ? toDtos(db, [r])[0] : null;
}

/** The entry at the root of a correction chain and every correction after it, oldest first. */
export function logChain(db: Db, id: number): LogEntryDto[] {
  let root = id;
  for (;;) {
    const r = prepare(db, 'SELECT corrects_id FROM event_log WHERE id = ?').get(root) as { corrects_id: number | null } | undefined;
    if (!r || r.corrects_id === null) break;
    root = r.corrects_id;
  }
  const rows = prepare(db, 
      `WITH RECURSIVE chain(id) AS (SELECT ? UNION ALL SELECT e.id FROM event_log e JOIN chain ON e.corrects_id = chain.id)
       ${select} WHERE l.id IN (SELECT id FROM chain) ORDER BY l.id`,
    )
    .all(root) as LogRow[];
  return toDtos(db, rows);
}

function toDtos(db: Db, rows: LogRow[]): LogEntryDto[] {
  const who = operatorRefs(db);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    recordedAt: r.recorded_at,
    operator: who(r.operator_id),
    category: r.category,
    text: r.text,
    link: r.link_kind && r.link_id ? ({ kind: r.link_kind, id: r.link_id } as LogEntryDto['link']) : null,
    linkLabel: r.team_name,
    ref: r.ref_kind && r.ref_text ? { kind: r.ref_kind, text: r.ref_text } : null,
    source: r.source,
    method: r.method,
    emergencyId: r.emergency_id,
    correctsId: r.corrects_id,
    correctionReason: r.correction_reason,
    correctedById: r.corrected_by,
  }));
}
