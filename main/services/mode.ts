import { AppError } from '../../shared/api/errors';
import type { DeadlineDto, EmergencyDto, ModeStatusDto, ReportDto } from '../../shared/api/mode';
import { checkT0, computeDeadlines, rulesAtSwitch, rulesForNewReport, type DoneMark } from '../../shared/domain/deadlines';
import { findPolicyProfile, policyProfiles, type PolicyProfile } from '../../shared/domain/policy';
import { formatDateTime, formatDurationZh } from '../../shared/domain/shanghai-time';
import { caseTypeNames, type CaseType } from '../../shared/domain/workgroups';
import type { OperatorRef } from '../../shared/api/operator';
import * as q from '../db/mode';
import * as checklistDb from '../db/checklist';
import * as riskAreasDb from '../db/risk-areas';
import { operatorRefs } from '../db/operators';
import { requireOperator, getDesk } from './operators';
import { writeLog } from './eventlog';
import * as command from './command';
import type { AppContext } from './context';
import type { MultiPolygon, Polygon } from 'geojson';
import { AreaIndex } from '../../shared/domain/spatial';
import * as compoundDb from '../db/compounds';

/**
 * 平急转换: the switch to emergency and back, T0 and its corrections, new positive reports, deadline clocks.
 * Clocks are derived from the database on every call (shared/domain/deadlines), so a restart resumes them exactly.
 */

export interface TriggerInput {
  reportedAt: number;
  place: string;
  caseType: CaseType;
  reportedBy: string;
  note?: string | null;
  compoundId?: number | null;
  point?: { lng: number; lat: number } | null;
}

/**
 * Where the report is, as stored: the compound picked (checked to exist), or else the compound that holds the
 * clicked point (flatbush candidates, turf's exact test), and the point itself.
 */
function placeOf(ctx: AppContext, input: TriggerInput): { compoundId: number | null; lng: number | null; lat: number | null; compoundName: string | null } {
  const point = input.point ?? null;
  let compoundId = input.compoundId ?? null;
  if (compoundId !== null && !compoundDb.getCompound(ctx.db, compoundId)) {
    throw new AppError('invalid_input', `compoundId: 找不到小区 (id ${compoundId})，可能已被删除，请重新选择。`);
  }
  if (compoundId === null && point) compoundId = compoundIndex(ctx).locate(point.lng, point.lat);
  const compoundName = compoundId !== null ? (compoundDb.getCompound(ctx.db, compoundId)?.name ?? null) : null;
  return { compoundId, lng: point?.lng ?? null, lat: point?.lat ?? null, compoundName };
}

function compoundIndex(ctx: AppContext): AreaIndex<number> {
  return new AreaIndex(compoundDb.compoundAreas(ctx.db).map((c) => ({ key: c.id, geometry: JSON.parse(c.boundary) as Polygon | MultiPolygon })));
}

/** "（幸福小区）" or "（106.50123, 29.53012）" for log texts, or nothing. */
function whereText(p: ReturnType<typeof placeOf>): string {
  const at = p.lng !== null && p.lat !== null ? `地图点位 ${p.lng.toFixed(5)}, ${p.lat.toFixed(5)}` : '';
  const parts = [p.compoundName ? `小区 ${p.compoundName}` : '', at].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

function profileOf(id: string): PolicyProfile {
  const p = findPolicyProfile(id);
  if (!p) throw new AppError('internal', `政策版本 ${id} 不存在（数据库记录的版本在本程序中找不到）。`);
  return p;
}

const summary = (p: PolicyProfile) => ({ id: p.id, name: p.name, nameEn: p.nameEn, effectiveFrom: p.effectiveFrom });

/** Refuses a T0 in the future; asks for confirmation ('confirmation_required') when it is more than 72 h ago. */
function requirePlausibleT0(t0: number, now: number, confirmed: boolean | undefined, field = 'reportedAt') {
  const c = checkT0(t0, now);
  if (c.ok) return;
  if (c.reason === 'future') {
    throw new AppError('invalid_input', `${field}: 报告时间 ${formatDateTime(t0)} 晚于现在 ${formatDateTime(now)}，T0 不能在将来。`);
  }
  if (!confirmed) {
    throw new AppError(
      'confirmation_required',
      `${field}: 报告时间 ${formatDateTime(t0)} 是 ${formatDurationZh(c.ageMs)} 以前（超过 72 小时）。请核对日期；确认无误请再次提交并确认。`,
    );
  }
}

function alreadyInEmergency(ctx: AppContext, emergencyId: number): AppError {
  const e = q.getEmergency(ctx.db, emergencyId)!;
  const since = formatDateTime(e.switchedAt);
  return new AppError('conflict', `已于 ${since} 进入应急状态（T0 ${formatDateTime(effectiveT0(ctx, emergencyId))}），不能重复切换。 / Already in emergency since ${since}.`);
}

function requireEmergency(ctx: AppContext): number {
  const m = q.currentMode(ctx.db);
  if (m.mode !== 'emergency' || m.emergencyId === null) throw new AppError('conflict', '当前为常态化状态，没有进行中的应急响应。');
  return m.emergencyId;
}

export function effectiveT0(ctx: AppContext, emergencyId: number): number {
  const corrections = q.listT0Corrections(ctx.db, emergencyId);
  if (corrections.length) return corrections[corrections.length - 1].toAt;
  return q.listReports(ctx.db, emergencyId).find((r) => r.isTrigger)!.reportedAt;
}

/**
 * Risk areas of the running emergency not yet lifted or revoked (delineated or published, main/db/risk-areas.ts):
 * switchToRoutine refuses while it is above zero, so routine returns when the last area is lifted.
 */
export function countActiveRiskAreas(ctx: AppContext): number {
  const m = q.currentMode(ctx.db);
  return m.emergencyId === null ? 0 : riskAreasDb.countActive(ctx.db, m.emergencyId);
}

export function switchToEmergency(ctx: AppContext, input: TriggerInput & { confirmOldT0?: boolean }): EmergencyDto {
  const op = requireOperator(ctx);
  const now = ctx.now();
  requirePlausibleT0(input.reportedAt, now, input.confirmOldT0);
  // IMMEDIATE: the write lock is taken before the mode is read, so of two windows switching at once one wins
  // and the other reads 'emergency' and is refused.
  ctx.db
    .transaction(() => {
      const m = q.currentMode(ctx.db);
      if (m.mode === 'emergency' && m.emergencyId !== null) throw alreadyInEmergency(ctx, m.emergencyId);
      const profile = profileOf(m.policyProfileId);
      const where = placeOf(ctx, input);
      const emergencyId = q.insertEmergency(ctx.db, now, op.id, profile.id);
      const reportId = q.insertReport(ctx.db, emergencyId, { ...input, ...where }, true, now, op.id);
      const rules = rulesAtSwitch(profile);
      q.insertDeadlines(ctx.db, emergencyId, rules, reportId, now, op.id);
      q.setMode(ctx.db, 'emergency', emergencyId);
      q.insertModeChange(ctx.db, now, op.id, 'emergency', emergencyId, null);
      command.activate(ctx, emergencyId, op.id);
      const items = checklistDb.instantiate(ctx.db, emergencyId, now);
      writeLog(ctx, {
        category: 'mode',
        method: 'switchToEmergency',
        link: { kind: 'report', id: reportId },
        text:
          `切换到应急状态。T0 ${formatDateTime(input.reportedAt)}，${input.place.trim()}${whereText(where)}，${caseTypeNames[input.caseType].zh}，报告人 ${input.reportedBy.trim()}` +
          `${input.note?.trim() ? `（${input.note.trim()}）` : ''}。政策版本：${profile.name}；启动 ${rules.length} 个时限、${items} 项启动清单，指挥体系已激活。`,
      });
    })
    .immediate();
  return getEmergency(ctx);
}

export function correctT0(ctx: AppContext, input: { reportedAt: number; reason: string; confirmOldT0?: boolean }): EmergencyDto {
  const op = requireOperator(ctx);
  const now = ctx.now();
  requirePlausibleT0(input.reportedAt, now, input.confirmOldT0);
  ctx.db
    .transaction(() => {
      const emergencyId = requireEmergency(ctx);
      const from = effectiveT0(ctx, emergencyId);
      if (from === input.reportedAt) throw new AppError('invalid_input', `reportedAt: 与当前 T0 ${formatDateTime(from)} 相同，无需更正。`);
      q.insertT0Correction(ctx.db, emergencyId, from, input.reportedAt, input.reason.trim(), now, op.id);
      writeLog(ctx, {
        category: 'mode',
        method: 'correctT0',
        text: `更正 T0：${formatDateTime(from)} → ${formatDateTime(input.reportedAt)}。原因：${input.reason.trim()}。各时限随之调整。`,
      });
    })
    .immediate();
  return getEmergency(ctx);
}

export function recordPositive(ctx: AppContext, input: TriggerInput): EmergencyDto {
  const op = requireOperator(ctx);
  const now = ctx.now();
  const c = checkT0(input.reportedAt, now);
  if (!c.ok && c.reason === 'future') throw new AppError('invalid_input', `reportedAt: 报告时间 ${formatDateTime(input.reportedAt)} 晚于现在，不能在将来。`);
  ctx.db
    .transaction(() => {
      const emergencyId = requireEmergency(ctx);
      const profile = profileOf(q.getEmergency(ctx.db, emergencyId)!.profileId);
      const where = placeOf(ctx, input);
      const reportId = q.insertReport(ctx.db, emergencyId, { ...input, ...where }, false, now, op.id);
      const rules = rulesForNewReport(profile);
      q.insertDeadlines(ctx.db, emergencyId, rules, reportId, now, op.id);
      writeLog(ctx, {
        category: 'report',
        method: 'recordPositive',
        link: { kind: 'report', id: reportId },
        text: `新报告阳性：${formatDateTime(input.reportedAt)}，${input.place.trim()}${whereText(where)}，${caseTypeNames[input.caseType].zh}，报告人 ${input.reportedBy.trim()}。启动 ${rules.map((r) => `${r.name}（${r.hours} 小时）`).join('、')}。`,
      });
    })
    .immediate();
  return getEmergency(ctx);
}

export function markDeadlineDone(ctx: AppContext, id: number): EmergencyDto {
  const op = requireOperator(ctx);
  ctx.db
    .transaction(() => {
      const d = q.deadlineEmergency(ctx.db, id);
      if (!d) throw new AppError('not_found', `找不到时限 (id ${id})。`);
      if (q.currentMode(ctx.db).emergencyId !== d.emergencyId) throw new AppError('conflict', `时限“${d.name}”属于已结束的应急响应。`);
      if (d.done) return; // done stays done until reopened; a second click changes nothing
      const now = ctx.now();
      q.insertDone(ctx.db, id, now, op.id);
      const t0 = effectiveT0(ctx, d.emergencyId);
      writeLog(ctx, { category: 'deadline', method: 'markDeadlineDone', link: { kind: 'deadline', id }, text: `时限完成：${d.name}（T0 后 ${formatDurationZh(now - t0)}）` });
    })
    .immediate();
  return getEmergency(ctx);
}

/** Takes back a done mark with a reason: the deadline is open again (its clock never stopped); the mark is kept. */
export function reopenDeadline(ctx: AppContext, input: { id: number; reason: string }): EmergencyDto {
  const op = requireOperator(ctx);
  ctx.db
    .transaction(() => {
      const d = q.deadlineEmergency(ctx.db, input.id);
      if (!d) throw new AppError('not_found', `找不到时限 (id ${input.id})。`);
      if (q.currentMode(ctx.db).emergencyId !== d.emergencyId) throw new AppError('conflict', `时限“${d.name}”属于已结束的应急响应。`);
      if (!d.done) throw new AppError('conflict', `时限“${d.name}”尚未完成，无需重开。`);
      const who = operatorRefs(ctx.db)(d.done.by)?.name ?? '（无人）';
      q.insertReopen(ctx.db, d.done.id, input.reason.trim(), ctx.now(), op.id);
      writeLog(ctx, {
        category: 'deadline',
        method: 'reopenDeadline',
        link: { kind: 'deadline', id: input.id },
        text: `重开时限：${d.name}（原于 ${formatDateTime(d.done.at)} 由 ${who} 标记完成）。原因：${input.reason.trim()}`,
      });
    })
    .immediate();
  return getEmergency(ctx);
}

export function switchToRoutine(ctx: AppContext, input: { reason: string }): EmergencyDto {
  const op = requireOperator(ctx);
  ctx.db
    .transaction(() => {
      const emergencyId = requireEmergency(ctx);
      const active = countActiveRiskAreas(ctx);
      if (active > 0) throw new AppError('conflict', `还有 ${active} 个风险区未解除，不能恢复常态。`);
      const now = ctx.now();
      q.setMode(ctx.db, 'routine', null);
      q.insertModeChange(ctx.db, now, op.id, 'routine', emergencyId, input.reason.trim());
      const t0 = effectiveT0(ctx, emergencyId);
      writeLog(ctx, { category: 'mode', method: 'switchToRoutine', text: `恢复常态化状态（应急响应自 T0 起 ${formatDurationZh(now - t0)}）。理由：${input.reason.trim()}` });
    })
    .immediate();
  return getEmergency(ctx);
}

function reportDtos(ctx: AppContext, emergencyId: number, who: (id: number | null) => OperatorRef | null): ReportDto[] {
  return q.listReports(ctx.db, emergencyId).map((r) => ({
    id: r.id,
    reportedAt: r.reportedAt,
    place: r.place,
    caseType: r.caseType,
    reportedBy: r.reportedBy,
    note: r.note,
    isTrigger: r.isTrigger,
    recordedAt: r.recordedAt,
    recordedBy: who(r.recordedBy),
    // A compound deleted since reads as none; the place text still says where.
    compoundId: r.compoundName !== null ? r.compoundId : null,
    compoundName: r.compoundName,
    communityName: r.communityName,
    point: r.lng !== null && r.lat !== null ? { lng: r.lng, lat: r.lat } : null,
  }));
}

function deadlineDtos(ctx: AppContext, emergencyId: number, t0: number, reports: ReportDto[], now: number, who: (id: number | null) => OperatorRef | null): DeadlineDto[] {
  const done = new Map<number, DoneMark<OperatorRef | null>>(q.listDone(ctx.db, emergencyId).map((d) => [d.deadlineId, { at: d.doneAt, by: who(d.operatorId) }]));
  // The trigger report's clock follows T0 corrections; later reports run from their own time.
  const reportTimes = new Map(reports.map((r) => [r.id, r.isTrigger ? t0 : r.reportedAt]));
  const reopens = new Map<number, q.ReopenRow[]>();
  for (const r of q.listReopens(ctx.db, emergencyId)) reopens.set(r.deadlineId, [...(reopens.get(r.deadlineId) ?? []), r]);
  return computeDeadlines({ t0, reportTimes, items: q.listDeadlines(ctx.db, emergencyId), done, now }).map((d) => ({
    ...d,
    reopens: (reopens.get(d.id) ?? []).map((r) => ({ at: r.at, by: who(r.operatorId), reason: r.reason, doneAt: r.doneAt, doneBy: who(r.doneBy) })),
  }));
}

export function getEmergency(ctx: AppContext): EmergencyDto {
  const now = ctx.now();
  const m = q.currentMode(ctx.db);
  const who = operatorRefs(ctx.db);
  let emergency: EmergencyDto['emergency'] = null;
  if (m.mode === 'emergency' && m.emergencyId !== null) {
    const e = q.getEmergency(ctx.db, m.emergencyId)!;
    const t0 = effectiveT0(ctx, e.id);
    const reports = reportDtos(ctx, e.id, who);
    emergency = {
      id: e.id,
      t0,
      switchedAt: e.switchedAt,
      switchedBy: who(e.switchedBy),
      elapsedMs: now - t0,
      profile: summary(profileOf(e.profileId)),
      trigger: reports.find((r) => r.isTrigger)!,
      reports,
      t0Corrections: q.listT0Corrections(ctx.db, e.id).map((c) => ({ id: c.id, from: c.fromAt, to: c.toAt, reason: c.reason, at: c.at, by: who(c.operatorId) })),
      deadlines: deadlineDtos(ctx, e.id, t0, reports, now, who),
      checklist: checklistDb.listItems(ctx.db, e.id),
    };
  }
  const last = q.lastModeChange(ctx.db);
  return {
    mode: m.mode,
    now,
    activeProfile: summary(profileOf(m.policyProfileId)),
    emergency,
    lastSwitch: last ? { at: last.at, to: last.to, reason: last.reason, by: who(last.operatorId) } : null,
  };
}

export function getModeStatus(ctx: AppContext): ModeStatusDto {
  const now = ctx.now();
  const m = q.currentMode(ctx.db);
  const who = operatorRefs(ctx.db);
  const desk = getDesk(ctx);
  const operator = desk.operator ? { id: desk.operator.id, name: desk.operator.name } : null;
  if (m.mode !== 'emergency' || m.emergencyId === null) return { mode: m.mode, now, t0: null, emergencyId: null, urgent: [], operator };
  const t0 = effectiveT0(ctx, m.emergencyId);
  const reports = reportDtos(ctx, m.emergencyId, who);
  const urgent = deadlineDtos(ctx, m.emergencyId, t0, reports, now, who)
    .filter((d) => d.status !== 'done')
    .slice(0, 3);
  return { mode: m.mode, now, t0, emergencyId: m.emergencyId, urgent, operator };
}

export function listPolicyProfiles(ctx: AppContext) {
  return { activeId: q.currentMode(ctx.db).policyProfileId, profiles: [...policyProfiles] };
}

/**
 * Chooses the profile for the next switch. Refused during an emergency: a running emergency keeps the profile it
 * started with (its clocks were made from it); switch back to routine first, or record the change in the log.
 */
export function setActivePolicyProfile(ctx: AppContext, id: string) {
  requireOperator(ctx);
  const p = findPolicyProfile(id);
  if (!p) throw new AppError('not_found', `没有政策版本 ${id}。`);
  if (q.currentMode(ctx.db).mode === 'emergency') {
    throw new AppError('conflict', '应急状态下不能更换政策版本：本次应急响应按启动时的版本计时。请在恢复常态后更换。');
  }
  q.setPolicyProfile(ctx.db, id);
  return { activeId: id };
}
