import { AppError } from '../../shared/api/errors';
import type { LogCategory, LogEntryDto, LogRef } from '../../shared/api/log';
import { formatDateTime, formatDateTimeSeconds } from '../../shared/domain/shanghai-time';
import * as q from '../db/eventlog';
import { deskOperatorRef } from '../db/operators';
import { currentEmergencyId } from '../db/mode';
import { teamExists } from '../db/teams';
import type { AppContext } from './context';
import { csvLine } from './import/csv';
import { safeCell } from '../../shared/domain/spreadsheet-safe';

/** 值班日志: every change of state writes an entry; people add their own; corrections point at the old entry. */

const logCategoryNames: Record<LogCategory, string> = {
  mode: '平急转换',
  report: '疫情报告',
  deadline: '时限',
  checklist: '启动清单',
  command: '指挥体系',
  duty: '值班排班',
  desk: '值班台',
  data: '数据变更',
  system: '系统',
  area: '风险区',
  testing: '核酸检测',
  resource: '资源保障',
  call: '来电来访',
  instruction: '上级指令',
  note: '值班记录',
};

/** An automatic entry by the operator at the desk (or by nobody, before anyone signed in). Use inside the change's transaction. */
export function writeLog(
  ctx: AppContext,
  e: { category: LogCategory; text: string; method?: string; link?: { kind: string; id: number } | null; at?: number },
): number {
  const now = ctx.now();
  return q.appendLog(ctx.db, {
    at: e.at ?? now,
    recordedAt: now,
    operatorId: deskOperatorRef(ctx.db)?.id ?? null,
    category: e.category,
    text: e.text,
    link: e.link ?? null,
    source: 'auto',
    method: e.method ?? null,
    emergencyId: currentEmergencyId(ctx.db),
  });
}

export function addLogEntry(
  ctx: AppContext,
  operatorId: number,
  input: { category: LogCategory; text: string; link?: { kind: string; id: number } | null; ref?: LogRef | null; at?: number },
): LogEntryDto {
  const now = ctx.now();
  // A minute of slack for a clock picked to the minute in the form.
  if (input.at !== undefined && input.at > now + 60_000) {
    throw new AppError('invalid_input', `at: 事件时间 ${formatDateTime(input.at)} 不能晚于现在（${formatDateTime(now)}）。`);
  }
  if (input.link && input.ref) throw new AppError('invalid_input', 'link: 一条日志只能关联一个对象（队伍，或手写的风险区/采样点）。');
  if (input.link?.kind === 'team' && !teamExists(ctx.db, input.link.id)) {
    throw new AppError('invalid_input', `link: 找不到采样队伍 (id ${input.link.id})。`);
  }
  const id = q.appendLog(ctx.db, {
    at: input.at ?? now,
    recordedAt: now,
    operatorId,
    category: input.category,
    text: input.text,
    link: input.link ?? null,
    ref: input.ref ?? null,
    source: 'manual',
    emergencyId: currentEmergencyId(ctx.db),
  });
  return q.getLogEntry(ctx.db, id)!;
}

/**
 * A correction is a new entry pointing at the newest entry of the chain; the old one stays as it was. Only hand
 * entries can be corrected: an automatic one (a sign-in, a change of data) records what the app did, and free text
 * laid over it would make the log say something else happened.
 */
export function correctLogEntry(ctx: AppContext, operatorId: number, input: { id: number; text: string; reason: string }): LogEntryDto {
  return ctx.db.transaction(() => {
    const old = q.getLogEntry(ctx.db, input.id);
    if (!old) throw new AppError('not_found', `找不到日志 #${input.id}。`);
    if (old.source === 'auto') {
      throw new AppError('conflict', `日志 #${old.id} 是系统自动记录的，不能更正；如有出入，请另写一条值班记录说明。`);
    }
    if (old.correctedById !== null) {
      throw new AppError('conflict', `日志 #${old.id} 已被 #${old.correctedById} 更正，请更正最新的一条。`);
    }
    const id = q.appendLog(ctx.db, {
      at: old.at,
      recordedAt: ctx.now(),
      operatorId,
      category: old.category,
      text: input.text,
      link: old.link,
      ref: old.ref,
      source: 'manual',
      emergencyId: old.emergencyId,
      correctsId: old.id,
      correctionReason: input.reason,
    });
    return q.getLogEntry(ctx.db, id)!;
  })();
}

export const listLogEntries = (ctx: AppContext, query: q.LogQuery) => q.queryLog(ctx.db, query);

export function logEntryHistory(ctx: AppContext, id: number): LogEntryDto[] {
  if (!q.getLogEntry(ctx.db, id)) throw new AppError('not_found', `找不到日志 #${id}。`);
  return q.logChain(ctx.db, id);
}

/** Most CSV rows one export writes; the log of a long outbreak fits many times over. */
const MAX_EXPORT_ROWS = 200_000;

const refNames: Record<LogRef['kind'], string> = { area: '风险区', site: '采样点' };

/** 关联 in Chinese: 采样队伍 第一采样队, 风险区（手写）xx, or kind#id for records without a name here. */
function linkText(r: LogEntryDto): string {
  if (r.ref) return `${refNames[r.ref.kind]}（手写）${r.ref.text}`;
  if (!r.link) return '';
  if (r.link.kind === 'team') return `采样队伍 ${r.linkLabel ?? `#${r.link.id}`}`;
  return `${r.link.kind}#${r.link.id}`;
}

export function exportLogCsv(ctx: AppContext, filter: Omit<q.LogQuery, 'limit' | 'offset'>) {
  const { rows } = q.queryLog(ctx.db, { ...filter, limit: MAX_EXPORT_ROWS, offset: 0 });
  const header = ['编号', '时间', '值班员', '类别', '内容', '关联', '来源', '更正了', '已被更正为', '更正原因', '记录时间'];
  const lines = [csvLine(header)];
  for (const r of [...rows].reverse()) {
    const cells = [
      r.id,
      formatDateTimeSeconds(r.at),
      r.operator?.name ?? '',
      logCategoryNames[r.category],
      r.text,
      linkText(r),
      r.source === 'manual' ? '手工' : '自动',
      r.correctsId !== null ? `#${r.correctsId}` : '',
      r.correctedById !== null ? `#${r.correctedById}` : '',
      r.correctionReason ?? '',
      formatDateTimeSeconds(r.recordedAt),
    ];
    lines.push(csvLine(cells.map(safeCell))); // text that could run as a formula in Excel is neutralised
  }
  const stamp = formatDateTime(ctx.now()).replace(/[-: ]/g, '').slice(0, 12);
  return { fileName: `值班日志-${stamp}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: rows.length };
}
