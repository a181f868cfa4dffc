import type { HandoverRecordDto, HandoverSummaryDto } from '../../shared/api/handover';
import { logCategories } from '../../shared/api/log';
import * as log from '../db/eventlog';
import { getDeskSession, operatorRefs } from '../db/operators';
import { getEmergency } from './mode';
import type { AppContext } from './context';

/**
 * 交接班: the situation the outgoing officer hands over, read from the records (the dialog pre-fills its note with it,
 * the officer edits), and the record of a handover for the A4 sheet both sign. The handover itself is desk.handOver.
 */

interface StintRow {
  id: number;
  operator_id: number;
  started_at: number;
  ended_at: number;
  handover_note: string | null;
}

function lastHandoverAt(ctx: AppContext): number | null {
  const r = ctx.db.prepare("SELECT MAX(ended_at) AS at FROM desk_session WHERE end_kind = 'hand_over'").get() as { at: number | null };
  return r.at;
}

// Sign-ins, locks and handovers are about the desk, not the situation.
const situationCategories = logCategories.filter((c) => c !== 'desk');
const LOG_ROWS = 50;

export function handoverSummary(ctx: AppContext): HandoverSummaryDto {
  const desk = getDeskSession(ctx.db);
  const handedOver = lastHandoverAt(ctx);
  // Since the last handover; when there was none, since this officer took the desk.
  const since = handedOver ?? desk?.since ?? null;
  const sinceKind = handedOver !== null ? 'handover' : desk ? 'sign_in' : null;
  const who = operatorRefs(ctx.db);
  const e = getEmergency(ctx);
  const em = e.emergency;
  const openDeadlines = (em?.deadlines ?? [])
    .filter((d) => d.doneAt === null)
    .sort((a, b) => Number(b.status === 'overdue') - Number(a.status === 'overdue') || a.dueAt - b.dueAt);
  return {
    now: e.now,
    since,
    sinceKind,
    outgoing: desk ? who(desk.operatorId) : null,
    mode: e.mode,
    t0: em?.t0 ?? null,
    openDeadlines,
    uncheckedItems: (em?.checklist ?? []).filter((c) => !c.done),
    reports: (em?.reports ?? []).filter((r) => since === null || r.recordedAt >= since),
    log: log.queryLog(ctx.db, { categories: [...situationCategories], from: since ?? undefined, hideCorrected: true, limit: LOG_ROWS }),
  };
}

export function handoverRecord(ctx: AppContext, input: { id?: number }): HandoverRecordDto | null {
  const row = (
    input.id === undefined
      ? ctx.db.prepare("SELECT * FROM desk_session WHERE end_kind = 'hand_over' ORDER BY ended_at DESC, id DESC LIMIT 1").get()
      : ctx.db.prepare("SELECT * FROM desk_session WHERE end_kind = 'hand_over' AND id = ?").get(input.id)
  ) as StintRow | undefined;
  if (!row) return null;
  // The incoming officer's stint starts at the moment the outgoing one ends (desk.handOver, one transaction).
  const next = ctx.db.prepare('SELECT operator_id FROM desk_session WHERE id > ? AND started_at = ? ORDER BY id LIMIT 1').get(row.id, row.ended_at) as
    | { operator_id: number }
    | undefined;
  const who = operatorRefs(ctx.db);
  // The mode at that moment: the last switch made before it (none: routine from the start).
  const mode = ctx.db.prepare('SELECT to_mode AS mode FROM mode_change WHERE at <= ? ORDER BY at DESC, id DESC LIMIT 1').get(row.ended_at) as
    | { mode: 'routine' | 'emergency' }
    | undefined;
  return {
    id: row.id,
    at: row.ended_at,
    from: who(row.operator_id)!,
    to: next ? who(next.operator_id) : null,
    note: row.handover_note ?? '',
    mode: mode?.mode ?? 'routine',
  };
}
