import type { HandoverSummaryDto } from '../../../shared/api/handover';
import { caseTypeNames, workGroupNames } from '../../../shared/domain/workgroups';
import { formatDateTime, formatDuration, formatTime } from '../../../shared/domain/shanghai-time';
import { deadlineName, pickName } from '../mode/names';
import { textLimits } from '../../../shared/api/text';

type T = (key: string, options?: Record<string, unknown>) => string;

/** Characters kept free under the limit for what the officer adds. */
const ROOM_FOR_THE_OFFICER = 300;

/**
 * The handover note as the dialog pre-fills it, in the interface language: open and overdue deadlines, unticked
 * checklist items by group, reports and log entries since the last handover, and a line for what to follow up.
 * Plain text: the officer edits it, it goes into the log and onto the printed 交接班记录 as written. It stays under the
 * note's limit: the oldest log entries give way first (the log itself has them all).
 */
export function handoverText(s: HandoverSummaryDto, t: T, language: string, limit = textLimits.note): string {
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
      lines.push(k('deadlineLine', { n: i + 1, name: deadlineName(d, language), group: pickName(workGroupNames[d.ownerGroup], language), due: k('due', { time: time(d.dueAt) }), state }));
    });

    lines.push('', k('checklist', { count: s.uncheckedItems.length }));
    if (s.uncheckedItems.length === 0) lines.push(k('none'));
    const groups = new Map<string, string[]>();
    for (const item of s.uncheckedItems) {
      const g = pickName(workGroupNames[item.groupKey], language);
      groups.set(g, [...(groups.get(g) ?? []), item.text]);
    }
    for (const [g, items] of groups) lines.push(k('checklistLine', { group: g, items: items.join(k('itemSep')) }));

    lines.push('', k('reports', { count: s.reports.length }));
    if (s.reports.length === 0) lines.push(k('none'));
    s.reports.forEach((r, i) =>
      lines.push(k('reportLine', { n: i + 1, time: time(r.reportedAt), place: r.place, caseType: pickName(caseTypeNames[r.caseType], language), by: r.reportedBy })),
    );
  }

  // The log goes last and gives way: the note must stay under the handover's limit with room left for the officer.
  const followUp = ['', k('followUp'), ''];
  const head = [...lines, '', k('log', { count: s.log.total })];
  let budget = limit - ROOM_FOR_THE_OFFICER - [...head, ...followUp].join('\n').length;
  const entries: string[] = [];
  for (const e of s.log.rows) {
    const line = `${time(e.at)} [${t(`log.categories.${e.category}`)}] ${e.text}`;
    if (line.length + 1 > budget) break;
    budget -= line.length + 1;
    entries.push(line);
  }
  if (s.log.rows.length === 0) head.push(k('none'));
  // Newest first in the summary, oldest first on paper: as a shift reads back.
  head.push(...entries.reverse());
  if (s.log.total > entries.length) head.push(k('logMore', { count: s.log.total - entries.length }));
  return [...head, ...followUp].join('\n');
}
