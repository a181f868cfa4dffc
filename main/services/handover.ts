import type { HandoverRecordDto, HandoverSummaryDto } from '../../shared/api/handover';
import { logCategories } from '../../shared/api/log';
import * as log from '../db/eventlog';
import { getDeskSession, operatorRefs } from '../db/operators';
import { handoverStint, lastHandoverAt, modeAt, nextOperatorId } from '../db/handover';
import { getEmergency } from './mode';
import type { AppContext } from './context';

/**
 * 交接班: the situation the outgoing officer hands over, read from the records (the dialog pre-fills its note with it,
 * the officer edits), and the record of a handover for the A4 sheet both sign. The handover itself is desk.handOver.
 */

// Sign-ins, locks and handovers are about the desk, settings and backups about the app: not the situation.
const situationCategories = logCategories.filter((c) => c !== 'desk' && c !== 'system');
const LOG_ROWS = 50;

export function handoverSummary(ctx: AppContext): HandoverSummaryDto {
  const desk = getDeskSession(ctx.db);
  const handedOver = lastHandoverAt(ctx.db);
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
  const s = handoverStint(ctx.db, input.id);
  if (!s) return null;
  const who = operatorRefs(ctx.db);
  const next = nextOperatorId(ctx.db, s);
  return { id: s.id, at: s.endedAt, from: who(s.operatorId)!, to: next === null ? null : who(next), note: s.note ?? '', mode: modeAt(ctx.db, s.endedAt) };
}
