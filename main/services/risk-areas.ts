import { AppError } from '../../shared/api/errors';
import type { OperatorRef } from '../../shared/api/operator';
import type { InfectionFoundAt, RiskAreaDetailDto, SuspensionDto } from '../../shared/api/risk-areas';
import type { PolicyProfile, RiskLevelKey } from '../../shared/domain/policy';
import { lifecycleState, restartsClock, stepRefusal, type StepAction } from '../../shared/domain/risk-lifecycle';
import { formatDateTime, formatDurationZh } from '../../shared/domain/shanghai-time';
import * as q from '../db/risk-areas';
import * as modeDb from '../db/mode';
import { requireOperator } from './operators';
import { writeLog } from './eventlog';
import { effectiveT0 } from './mode';
import { areaStats, requireShape, statsOf, type Shape } from './risk-area-figures';
import type { AreaStats } from '../../shared/domain/risk-stats';
import { factsOf, getRiskArea, listSuspensions, profileOf, requireArea, runningEmergency } from './risk-area-read';
import type { AppContext } from './context';

/**
 * 风险区 changes: delineate (drawn or picked), edit, publish, revoke, record infections and all-negative rounds,
 * downgrade and lift, tick venues to suspend. Each writes its history row and its log entry in the dispatcher's
 * transaction (methods declared selfLogged). Areas belong to the running emergency and follow its profile.
 */

const levelWords: Record<RiskLevelKey, string> = { high: '高风险区', medium: '中风险区', low: '低风险区' };
const foundAtWords: Record<InfectionFoundAt, string> = { in_control: '管控中发现', community: '社会面' };
/** A minute of slack for a time picked to the minute in a form. */
const SLACK_MS = 60_000;

function requireRunning(ctx: AppContext): { id: number; profile: PolicyProfile } {
  const e = runningEmergency(ctx);
  if (!e) throw new AppError('conflict', '当前为常态化状态：风险区只能在应急状态下划定和管理。');
  return e;
}

/** The area, which must be of the running emergency and not ended. */
function requireActive(ctx: AppContext, id: number): { row: q.AreaRow; profile: PolicyProfile } {
  const e = requireRunning(ctx);
  const row = requireArea(ctx, id);
  if (row.emergencyId !== e.id) throw new AppError('conflict', `风险区“${row.name}”属于已结束的应急响应。`);
  if (row.status === 'lifted') throw new AppError('conflict', `风险区“${row.name}”已于 ${formatDateTime(row.endedAt!)} 解除。`);
  if (row.status === 'revoked') throw new AppError('conflict', `风险区“${row.name}”已于 ${formatDateTime(row.endedAt!)} 撤销。`);
  return { row, profile: profileOf(row.profileId) };
}

/** A level the profile has and draws; anything else is refused in words. */
export function requireDrawableLevel(profile: PolicyProfile, level: RiskLevelKey): void {
  const l = profile.riskLevels.find((x) => x.key === level);
  if (!l) {
    const has = profile.riskLevels.map((x) => x.name).join('、');
    throw new AppError('invalid_input', `level: 政策版本“${profile.name}”没有${levelWords[level]}（本版本的风险等级：${has}）。`);
  }
  if (!l.drawable) throw new AppError('invalid_input', `level: ${l.name}是风险区以外的地区，不单独划定。`);
}

function requireReports(ctx: AppContext, emergencyId: number, ids: number[]): void {
  const known = q.reportsOfEmergency(ctx.db, emergencyId, ids);
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw new AppError('invalid_input', `reportIds: 接报 #${missing.join('、#')} 不属于本次应急响应。`);
}

function requirePast(at: number, now: number, what: string): void {
  if (at > now + SLACK_MS) throw new AppError('invalid_input', `at: ${what}时间 ${formatDateTime(at)} 晚于现在（${formatDateTime(now)}）。`);
}

/** "小区 1 个，居民 1201 人 …", or the plain "区域内没有居民" when nobody lives there. */
function figuresWords(s: AreaStats): string {
  if (s.nobodyInside) return `区域内没有居民（${s.compounds.length ? '没有计入的小区' : '没有小区'}）`;
  const split = s.compoundsSplit ? `，其中 ${s.compoundsSplit} 个被边界分割` : '';
  const suspend = s.venuesToSuspend.length ? `，须暂停营业的场所 ${s.venuesToSuspend.length} 个` : '';
  return `小区 ${s.compoundsCounted} 个${split}，居民 ${s.residents} 人、${s.households} 户、60 岁以上 ${s.elderly} 人${suspend}`;
}

function event(ctx: AppContext, op: OperatorRef, row: q.AreaRow, e: Omit<q.NewAreaEvent, 'areaId' | 'recordedAt' | 'operatorId' | 'level'> & { level?: RiskLevelKey }, method: string): void {
  const now = ctx.now();
  q.insertEvent(ctx.db, { areaId: row.id, recordedAt: now, operatorId: op.id, level: e.level ?? row.level, ...e });
  writeLog(ctx, { category: 'area', method, link: { kind: 'area', id: row.id }, text: e.text, at: e.at });
}

const tx = <T>(ctx: AppContext, fn: () => T): T => ctx.db.transaction(fn)();

export interface CreateInput {
  name: string;
  level: RiskLevelKey;
  reportIds: number[];
  note?: string | null;
  geometry?: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
  compoundIds?: number[];
}

/** Writes a new delineated area from a checked shape (createRiskArea and the importer). */
export function insertNewArea(ctx: AppContext, op: OperatorRef, e: { id: number; profile: PolicyProfile }, a: { name: string; level: RiskLevelKey; reportIds: number[]; note?: string | null; shape: Omit<Shape, 'source'> & { source: q.AreaSource } }, method: string): number {
  const now = ctx.now();
  const id = q.insertArea(ctx.db, {
    emergencyId: e.id,
    profileId: e.profile.id,
    name: a.name,
    level: a.level,
    source: a.shape.source,
    geometry: a.shape.geometry,
    compoundIds: a.shape.compoundIds,
    at: now,
    by: op.id,
  });
  q.setReports(ctx.db, id, a.reportIds);
  const row = q.getArea(ctx.db, id)!;
  const how = a.shape.source === 'compounds' ? `（由 ${a.shape.compoundIds.length} 个小区合并）` : a.shape.source === 'imported' ? '（导入）' : '（绘制）';
  const notes = a.shape.notes.length ? `。${a.shape.notes.join('')}` : '';
  event(
    ctx,
    op,
    row,
    {
      kind: a.shape.source === 'imported' ? 'imported' : 'delineated',
      at: now,
      geometry: a.shape.geometry,
      note: a.note ?? null,
      text: `划定${levelWords[a.level]}“${a.name}”${how}：${figuresWords(areaStats(ctx, { id, geometry: a.shape.geometry }))}${notes}${a.note?.trim() ? `。备注：${a.note.trim()}` : ''}`,
    },
    method,
  );
  return id;
}

export function createRiskArea(ctx: AppContext, input: CreateInput): RiskAreaDetailDto {
  const op = requireOperator(ctx);
  const id = tx(ctx, () => {
    const e = requireRunning(ctx);
    requireDrawableLevel(e.profile, input.level);
    requireReports(ctx, e.id, input.reportIds);
    const shape = requireShape(ctx, input);
    return insertNewArea(ctx, op, e, { name: input.name.trim(), level: input.level, reportIds: input.reportIds, note: input.note, shape }, 'createRiskArea');
  });
  return getRiskArea(ctx, id);
}

export function updateRiskArea(
  ctx: AppContext,
  input: { id: number; name?: string; reportIds?: number[]; geometry?: CreateInput['geometry']; compoundIds?: number[] },
): RiskAreaDetailDto {
  const op = requireOperator(ctx);
  tx(ctx, () => {
    const { row } = requireActive(ctx, input.id);
    const changes: string[] = [];
    const name = input.name?.trim() ?? row.name;
    if (name !== row.name) changes.push(`名称“${row.name}”→“${name}”`);
    let shape: Shape | null = null;
    if (input.geometry || input.compoundIds) {
      shape = requireShape(ctx, input);
      changes.push(`边界${shape.source === 'compounds' ? `（由 ${shape.compoundIds.length} 个小区合并）` : '（重新绘制）'}：${figuresWords(statsOf(ctx, shape.geometry))}${shape.notes.join('')}`);
    }
    if (input.reportIds) {
      requireReports(ctx, row.emergencyId, input.reportIds);
      q.setReports(ctx.db, row.id, input.reportIds);
      changes.push(`关联接报 ${input.reportIds.length ? input.reportIds.map((r) => `#${r}`).join('、') : '（无）'}`);
    }
    if (changes.length === 0) throw new AppError('invalid_input', '没有要修改的内容。');
    q.updateShape(ctx.db, row.id, { name, source: shape?.source ?? row.source, geometry: shape?.geometry ?? row.geometry, compoundIds: shape?.compoundIds ?? row.compoundIds });
    const published = row.status === 'published' ? '（已发布的风险区）' : '';
    event(ctx, op, row, { kind: 'edited', at: ctx.now(), geometry: shape?.geometry, text: `修改风险区“${row.name}”${published}：${changes.join('；')}` }, 'updateRiskArea');
  });
  return getRiskArea(ctx, input.id);
}

/**
 * The 5-hour deadline `risk_areas_published` turns done by itself when every drawn (non-revoked) area of the
 * emergency is published: who (the operator whose change completed it) and when are recorded, as markDeadlineDone does.
 */
export function completePublicationDeadline(ctx: AppContext, op: OperatorRef, emergencyId: number, method: string): void {
  const { drawn, unpublished } = q.publicationCounts(ctx.db, emergencyId);
  if (drawn === 0 || unpublished > 0) return;
  const d = modeDb.listDeadlines(ctx.db, emergencyId).find((x) => x.key === 'risk_areas_published');
  if (!d) return;
  if (modeDb.listDone(ctx.db, emergencyId).some((x) => x.deadlineId === d.id)) return; // done stays done
  const now = ctx.now();
  modeDb.insertDone(ctx.db, d.id, now, op.id);
  const t0 = effectiveT0(ctx, emergencyId);
  writeLog(ctx, {
    category: 'deadline',
    method,
    link: { kind: 'deadline', id: d.id },
    text: `时限完成：${d.name}（全部 ${drawn} 个风险区已发布，自动标记；T0 后 ${formatDurationZh(now - t0)}）`,
  });
}

export function publishRiskArea(ctx: AppContext, id: number): RiskAreaDetailDto {
  const op = requireOperator(ctx);
  tx(ctx, () => {
    const { row } = requireActive(ctx, id);
    if (row.status === 'published') throw new AppError('conflict', `风险区“${row.name}”已于 ${formatDateTime(row.publishedAt!)} 发布。`);
    const now = ctx.now();
    q.setPublished(ctx.db, row.id, now, op.id);
    event(ctx, op, row, { kind: 'published', at: now, text: `发布${levelWords[row.level]}“${row.name}”：${figuresWords(areaStats(ctx, row))}` }, 'publishRiskArea');
    completePublicationDeadline(ctx, op, row.emergencyId, 'publishRiskArea');
  });
  return getRiskArea(ctx, id);
}

export function revokeRiskArea(ctx: AppContext, input: { id: number; reason: string }): RiskAreaDetailDto {
  const op = requireOperator(ctx);
  tx(ctx, () => {
    const { row } = requireActive(ctx, input.id);
    const now = ctx.now();
    const reason = input.reason.trim();
    q.setEnded(ctx.db, row.id, 'revoked', now, op.id, reason);
    event(ctx, op, row, { kind: 'revoked', at: now, note: reason, text: `撤销${levelWords[row.level]}“${row.name}”${row.status === 'published' ? '（已发布）' : '（未发布）'}。理由：${reason}` }, 'revokeRiskArea');
    completePublicationDeadline(ctx, op, row.emergencyId, 'revokeRiskArea');
  });
  return getRiskArea(ctx, input.id);
}

export function recordInfection(ctx: AppContext, input: { id: number; at: number; foundAt: InfectionFoundAt; reportId?: number | null; note?: string | null }): RiskAreaDetailDto {
  const op = requireOperator(ctx);
  tx(ctx, () => {
    const { row, profile } = requireActive(ctx, input.id);
    const now = ctx.now();
    requirePast(input.at, now, '发现');
    if (input.reportId) requireReports(ctx, row.emergencyId, [input.reportId]);
    const restarts = restartsClock(profile, input.foundAt);
    const effect =
      row.status !== 'published'
        ? '（风险区尚未发布，解除计时自发布起算）'
        : restarts
          ? '，无新增感染者天数重新计算'
          : `，按政策（${profile.name}）管控中发现的感染者不重新计时`;
    event(
      ctx,
      op,
      row,
      {
        kind: 'infection',
        at: input.at,
        foundAt: input.foundAt,
        restartsClock: restarts,
        reportId: input.reportId ?? null,
        note: input.note ?? null,
        text: `风险区“${row.name}”新增感染者（${foundAtWords[input.foundAt]}，${formatDateTime(input.at)}）${effect}${input.note?.trim() ? `。${input.note.trim()}` : ''}`,
      },
      'recordRiskAreaInfection',
    );
  });
  return getRiskArea(ctx, input.id);
}

export function recordNegativeRound(ctx: AppContext, input: { id: number; at: number; note?: string | null }): RiskAreaDetailDto {
  const op = requireOperator(ctx);
  tx(ctx, () => {
    const { row, profile } = requireActive(ctx, input.id);
    if (row.status !== 'published') throw new AppError('conflict', `风险区“${row.name}”尚未发布：全员核酸阴性用于解除计时，请先发布。`);
    const now = ctx.now();
    requirePast(input.at, now, '采样');
    if (input.at < row.publishedAt!) throw new AppError('invalid_input', `at: 采样时间 ${formatDateTime(input.at)} 早于风险区发布时间 ${formatDateTime(row.publishedAt!)}。`);
    const day = lifecycleState(profile, factsOf(row, q.eventsOf(ctx.db, [row.id]).get(row.id) ?? []), input.at).day;
    event(
      ctx,
      op,
      row,
      { kind: 'negative_round', at: input.at, note: input.note ?? null, text: `风险区“${row.name}”第 ${day} 天全员核酸检测结果全部阴性（采样 ${formatDateTime(input.at)}）${input.note?.trim() ? `。${input.note.trim()}` : ''}` },
      'recordRiskAreaNegativeRound',
    );
  });
  return getRiskArea(ctx, input.id);
}

function takeStep(ctx: AppContext, id: number, action: StepAction, method: string): RiskAreaDetailDto {
  const op = requireOperator(ctx);
  tx(ctx, () => {
    const { row, profile } = requireActive(ctx, id);
    const now = ctx.now();
    const state = lifecycleState(profile, factsOf(row, q.eventsOf(ctx.db, [row.id]).get(row.id) ?? []), now);
    const refusal = stepRefusal(profile, state, action);
    if (refusal) throw new AppError('conflict', refusal);
    const to = state.next!.to;
    const days = `连续 ${state.day} 天无新增感染者${state.roundDay !== null ? `，第 ${state.roundDay} 天全员核酸阴性` : ''}`;
    if (action === 'downgrade') {
      q.setLevel(ctx.db, row.id, to);
      event(ctx, op, row, { kind: 'downgraded', at: now, level: to, text: `${levelWords[row.level]}“${row.name}”降为${levelWords[to]}（${days}）` }, method);
    } else {
      q.setEnded(ctx.db, row.id, 'lifted', now, op.id, null);
      event(ctx, op, row, { kind: 'lifted', at: now, text: `解除${levelWords[row.level]}“${row.name}”（${days}），恢复为低风险区` }, method);
    }
  });
  return getRiskArea(ctx, id);
}

export const downgradeRiskArea = (ctx: AppContext, id: number) => takeStep(ctx, id, 'downgrade', 'downgradeRiskArea');
export const liftRiskArea = (ctx: AppContext, id: number) => takeStep(ctx, id, 'lift', 'liftRiskArea');

export function setVenueSuspension(ctx: AppContext, input: { areaId: number; venueId: number; suspended: boolean; note?: string | null }): SuspensionDto[] {
  const op = requireOperator(ctx);
  return tx(ctx, () => {
    const { row } = requireActive(ctx, input.areaId);
    const venue = areaStats(ctx, row).venuesToSuspend.find((v) => v.id === input.venueId);
    if (!venue) throw new AppError('invalid_input', `venueId: 场所 #${input.venueId} 不在风险区“${row.name}”须暂停营业的场所中。`);
    const current = listSuspensions(ctx, row).find((s) => s.id === venue.id);
    if (current && current.suspended === input.suspended) {
      throw new AppError('conflict', `场所“${venue.name}”已${input.suspended ? '' : '未'}标记暂停营业${current.at ? `（${formatDateTime(current.at)}）` : ''}。`);
    }
    const now = ctx.now();
    q.insertSuspension(ctx.db, { areaId: row.id, venueId: venue.id, venueName: venue.name, suspended: input.suspended, at: now, operatorId: op.id, note: input.note?.trim() || null });
    writeLog(ctx, {
      category: 'area',
      method: 'setVenueSuspension',
      link: { kind: 'area', id: row.id },
      text: `风险区“${row.name}”：场所“${venue.name}”${input.suspended ? '已暂停营业' : '取消暂停营业标记'}${input.note?.trim() ? `（${input.note.trim()}）` : ''}`,
    });
    return listSuspensions(ctx, row);
  });
}
