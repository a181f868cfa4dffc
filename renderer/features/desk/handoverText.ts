import type { HandoverSummaryDto } from '../../../shared/api/handover';
import { caseTypeNames, workGroupNames } from '../../../shared/domain/workgroups';
import { formatDateTime, formatDuration, formatTime } from '../../print/format';
import { deadlineName, pickName } from '../mode/names';

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * The handover note as the dialog pre-fills it, in the interface language: open and overdue deadlines, unticked
 * checklist items by group, reports and log entries since the last handover, and a line for what to follow up.
 * Plain text: the officer edits it, it goes into the log and onto the printed 交接班记录 as written.
 */
export function handoverText(s: HandoverSummaryDto, t: T, language: string): string {
  const k = (key: string, o?: Record<string, unknown>) => t(`desk.handover.summary.${key}`, o);
  const lines: string[] = [];
  const time = (ms: number) => (formatDateTime(ms).slice(0, 10) === formatDateTime(s.now).slice(0, 10) ? formatTime(ms) : formatDateTime(ms).slice(5));

  lines.push(
    s.mode === 'emergency' && s.t0 !== null
      ? k('emergency', { t0: formatDateTime(s.t0), elapsed: formatDuration(s.now - s.t0, t('mode.daySuffix')) })
      : k('routine'),
  );
  lines.push(s.since === null ? k('sinceNever') : k(s.sinceKind === 'handover' ? 'sinceHandover' : 'sinceSignIn', { time: formatDateTime(s.since) }));

  if (s.mode === 'emergency') {
    const overdue = s.openDeadlines.filter((d) => d.status === 'overdue').length;
    lines.push('', k('deadlines', { count: s.openDeadlines.length, overdue }));
    if (s.openDeadlines.length === 0) lines.push(k('none'));
    s.openDeadlines.forEach((d, i) => {
      const left = d.dueAt - s.now;
      const state = left < 0 ? k('overdueBy', { time: formatDuration(left, t('mode.daySuffix')) }) : k('left', { time: formatDuration(left, t('mode.daySuffix')) });
      lines.push(`${i + 1}. ${deadlineName(d, language)}（${pickName(workGroupNames[d.ownerGroup], language)}）${k('due', { time: time(d.dueAt) })}，${state}`);
    });

    lines.push('', k('checklist', { count: s.uncheckedItems.length }));
    if (s.uncheckedItems.length === 0) lines.push(k('none'));
    const groups = new Map<string, string[]>();
    for (const item of s.uncheckedItems) {
      const g = pickName(workGroupNames[item.groupKey], language);
      groups.set(g, [...(groups.get(g) ?? []), item.text]);
    }
    for (const [g, items] of groups) lines.push(`${g}：${items.join('；')}`);

    lines.push('', k('reports', { count: s.reports.length }));
    if (s.reports.length === 0) lines.push(k('none'));
    s.reports.forEach((r, i) => lines.push(`${i + 1}. ${time(r.reportedAt)} ${r.place}，${pickName(caseTypeNames[r.caseType], language)}，${r.reportedBy}`));
  }

  lines.push('', k('log', { count: s.log.total }));
  if (s.log.rows.length === 0) lines.push(k('none'));
  // Oldest first, as a shift reads back.
  for (const e of [...s.log.rows].reverse()) lines.push(`${time(e.at)} [${t(`log.categories.${e.category}`)}] ${e.text}`);
  if (s.log.total > s.log.rows.length) lines.push(k('logMore', { count: s.log.total - s.log.rows.length }));

  lines.push('', k('followUp'), '');
  return lines.join('\n');
}
