import type { LogCategory, LogEntryDto } from '../../../shared/api/log';

/**
 * Which log entries the 简报 prints as the incident log, and how corrections show (issue 10.4). Pure, tested in
 * test/unit/briefing-log.test.ts.
 *
 * - Only the incident's categories: street data, settings and backups ('data', 'system') and the duty roster stay out.
 * - Edits of templates and of the next switch's settings stay out even in a kept category (the checklist template,
 *   the policy profile for the next switch, settings): they change nothing in this incident. Command structure edits
 *   stay in: during an emergency they change the structure in force (main/services/command.ts takes a new snapshot).
 * - Desk entries only for a handover (who took over is part of the incident's record; sign-ins are not).
 * - A superseded entry never prints as if current: it prints under the entry that corrected it, marked 已更正.
 */
export const INCIDENT_LOG_CATEGORIES: LogCategory[] = [
  'mode', 'report', 'deadline', 'checklist', 'command', 'desk', 'area', 'testing', 'resource', 'call', 'instruction', 'note',
];

export const TEMPLATE_METHODS: ReadonlySet<string> = new Set([
  'saveChecklistTemplateItem', 'deleteChecklistTemplateItem',
  'setActivePolicyProfile',
  'saveSettings',
]);

const DESK_METHODS: ReadonlySet<string> = new Set(['handOver']);

export interface BriefingLogRow {
  entry: LogEntryDto;
  /** Earlier versions this entry corrected, newest first (each printed struck through, marked 已更正). */
  superseded: LogEntryDto[];
}

function kept(e: LogEntryDto): boolean {
  if (!INCIDENT_LOG_CATEGORIES.includes(e.category)) return false;
  if (e.method !== null && TEMPLATE_METHODS.has(e.method)) return false;
  if (e.category === 'desk') return e.method !== null && DESK_METHODS.has(e.method);
  return true;
}

/** The incident log in time order, current entries only, each with the versions it replaced. */
export function briefingLog(entries: readonly LogEntryDto[]): BriefingLogRow[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rows: BriefingLogRow[] = [];
  for (const e of entries) {
    if (e.correctedById !== null || !kept(e)) continue;
    const superseded: LogEntryDto[] = [];
    for (let prev = e.correctsId !== null ? byId.get(e.correctsId) : undefined; prev; prev = prev.correctsId !== null ? byId.get(prev.correctsId) : undefined) {
      superseded.push(prev);
    }
    rows.push({ entry: e, superseded });
  }
  return rows.sort((a, b) => a.entry.at - b.entry.at || a.entry.id - b.entry.id);
}
