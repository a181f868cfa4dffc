import { z } from 'zod';
import { defineFeature, read, selfLoggedWrite } from './define';
import { operatorRef } from './operator';
import { addressText, logText, reasonText, searchText } from './text';
import { eventTime } from './time';

/** 值班日志: append-only. A correction is a new entry pointing at the old one. */

export const logCategories = [
  'mode', // 平急转换
  'report', // 疫情报告 (positive reports)
  'deadline', // 时限
  'checklist', // 启动清单
  'command', // 指挥体系
  'duty', // 值班排班
  'desk', // 登录、交接班
  'data', // 街道数据变更
  'system', // 设置、备份
  'area', // 风险区 (later)
  'testing', // 核酸检测 (later)
  'resource', // 物资、隔离 (later)
  'call', // 来电来访
  'instruction', // 上级指令
  'note', // 值班记录
] as const;
export const logCategory = z.enum(logCategories);
export type LogCategory = (typeof logCategories)[number];

/** Categories a person may write by hand; the others are written by the app itself. */
export const manualLogCategories = ['note', 'call', 'instruction', 'report', 'area', 'testing', 'resource'] as const;

export const logLinkKinds = ['area', 'site', 'team', 'community', 'compound', 'venue', 'report', 'deadline'] as const;
export const logLink = z.object({ kind: z.enum(logLinkKinds), id: z.number().int().positive() });

/** Risk areas and sampling sites are not records of the app yet: an entry names them in free text. */
export const logRefKinds = ['area', 'site'] as const;
export const logRef = z.object({
  kind: z.enum(logRefKinds),
  text: addressText('关联的风险区或采样点名称'),
});
export type LogRef = z.infer<typeof logRef>;

export const logEntryDto = z.object({
  id: z.number().int(),
  /** When it happened (a hand entry may name an earlier time). */
  at: z.number(),
  /** When it was written. */
  recordedAt: z.number(),
  operator: operatorRef.nullable(),
  category: logCategory,
  text: z.string(),
  link: logLink.nullable(),
  /** The linked record's name when the app knows it (a sampling team). */
  linkLabel: z.string().nullable(),
  /** A risk area or a site named by hand. */
  ref: logRef.nullable(),
  source: z.enum(['manual', 'auto']),
  /** The API method that wrote an automatic entry. */
  method: z.string().nullable(),
  emergencyId: z.number().int().nullable(),
  /** This entry corrects that one. */
  correctsId: z.number().int().nullable(),
  /** Why the entry it corrects was wrong (corrections only). */
  correctionReason: z.string().nullable(),
  /** The newest entry correcting this one (it is superseded). */
  correctedById: z.number().int().nullable(),
});
export type LogEntryDto = z.infer<typeof logEntryDto>;

export const logFilter = z.object({
  categories: z.array(logCategory).max(logCategories.length * 2).optional(),
  from: eventTime('起始时间').optional(),
  to: eventTime('截止时间').optional(),
  search: searchText,
  emergencyId: z.number().int().positive().optional(),
  /** Hide entries that have been corrected (default false: the whole history). */
  hideCorrected: z.boolean().optional(),
});

export const logFeature = defineFeature('log', {
  listLogEntries: read(
    'Log entries, newest first, filtered by category, time, text',
    logFilter.extend({ limit: z.number().int().min(1).max(2000).optional(), offset: z.number().int().min(0).optional() }),
    z.object({ total: z.number().int(), rows: z.array(logEntryDto) }),
  ),
  addLogEntry: selfLoggedWrite(
    'Write an entry by hand (needs an operator at the desk)',
    z.object({
      category: z.enum(manualLogCategories),
      text: logText('日志内容'),
      /** A sampling team (checked to exist) or another record of the app. */
      link: logLink.nullable().optional(),
      ref: logRef.nullable().optional(),
      /** When it happened, if earlier than now (e.g. a call taken while away from the keyboard); never in the future. */
      at: eventTime('事件时间').optional(),
    }),
    logEntryDto,
    [],
  ),
  correctLogEntry: selfLoggedWrite(
    'Correct a hand entry: a new entry pointing at the old one; the old one stays. Automatic entries cannot be corrected.',
    z.object({ id: z.number().int().positive(), text: logText('更正内容'), reason: reasonText('更正原因', '请说明更正原因') }),
    logEntryDto,
    [],
  ),
  getLogEntryHistory: read('An entry with every correction of it, oldest first', z.object({ id: z.number().int().positive() }), z.array(logEntryDto)),
  exportLogCsv: read(
    'The filtered log as CSV (UTF-8 with BOM, opens in Excel)',
    logFilter,
    z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int() }),
  ),
});
