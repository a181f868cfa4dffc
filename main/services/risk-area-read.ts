import type { OperatorRef } from '../../shared/api/operator';
import type {
  LevelDto,
  RiskAreaDetailDto,
  RiskAreaDto,
  RiskAreaListDto,
  RiskAreaTotalsDto,
  SuspensionDto,
} from '../../shared/api/risk-areas';
import { findPolicyProfile, type PolicyProfile, type RiskLevelKey } from '../../shared/domain/policy';
import { lifecycleState, projectSteps, type AreaFacts, type LifecycleFact } from '../../shared/domain/risk-lifecycle';
import { levelTotals } from '../../shared/domain/risk-stats';
import { AppError } from '../../shared/api/errors';
import * as q from '../db/risk-areas';
import { currentMode, getEmergency as emergencyRow } from '../db/mode';
import { operatorRefs } from '../db/operators';
import { areaStats, overlapNotes } from './risk-area-figures';
import type { AppContext } from './context';

/** Reads of risk areas: the DTOs with figures and lifecycle state, street totals, the calendar of steps. */

export function profileOf(id: string): PolicyProfile {
  const p = findPolicyProfile(id);
  if (!p) throw new AppError('internal', `政策版本 ${id} 不存在（数据库记录的版本在本程序中找不到）。`);
  return p;
}

/** The running emergency and its profile, or null in routine mode. */
export function runningEmergency(ctx: AppContext): { id: number; profile: PolicyProfile } | null {
  const m = currentMode(ctx.db);
  if (m.mode !== 'emergency' || m.emergencyId === null) return null;
  return { id: m.emergencyId, profile: profileOf(emergencyRow(ctx.db, m.emergencyId)!.profileId) };
}

export function levelDtos(profile: PolicyProfile): LevelDto[] {
  return profile.riskLevels.map((l) => ({ key: l.key, name: l.name, nameEn: l.nameEn, measures: [...l.measures], drawable: l.drawable }));
}

/** The lifecycle facts of an area from its history. */
export function factsOf(row: q.AreaRow, events: readonly q.AreaEventRow[]): AreaFacts {
  const facts: LifecycleFact[] = [];
  for (const e of events) {
    if (e.kind === 'infection') facts.push({ kind: 'infection', at: e.at, foundAt: e.foundAt! });
    else if (e.kind === 'negative_round') facts.push({ kind: 'negative_round', at: e.at });
    else if (e.kind === 'downgraded') facts.push({ kind: 'downgraded', at: e.at, to: e.level });
  }
  const ended = row.status === 'lifted' || row.status === 'revoked' ? { kind: row.status, at: row.endedAt! } : null;
  return { drawnLevel: row.drawnLevel, publishedAt: row.publishedAt, ended, facts };
}

interface Loaded {
  rows: q.AreaRow[];
  events: Map<number, q.AreaEventRow[]>;
  reports: Map<number, { id: number; place: string; reportedAt: number }[]>;
  suspensions: Map<number, Map<number, q.SuspensionRow>>;
  who: (id: number | null) => OperatorRef | null;
}

function load(ctx: AppContext, rows: q.AreaRow[]): Loaded {
  const ids = rows.map((r) => r.id);
  return { rows, events: q.eventsOf(ctx.db, ids), reports: q.reportsOf(ctx.db, ids), suspensions: q.latestSuspensions(ctx.db, ids), who: operatorRefs(ctx.db) };
}

function toDto(ctx: AppContext, l: Loaded, row: q.AreaRow, now: number): RiskAreaDto {
  const profile = profileOf(row.profileId);
  const level = profile.riskLevels.find((x) => x.key === row.level);
  const stats = areaStats(ctx, row);
  const ticks = l.suspensions.get(row.id);
  const state = lifecycleState(profile, factsOf(row, l.events.get(row.id) ?? []), now);
  return {
    id: row.id,
    emergencyId: row.emergencyId,
    name: row.name,
    level: row.level,
    levelName: level?.name ?? row.level,
    drawnLevel: row.drawnLevel,
    status: row.status,
    source: row.source,
    compoundIds: row.compoundIds,
    reports: l.reports.get(row.id) ?? [],
    geometry: row.geometry,
    delineatedAt: row.delineatedAt,
    delineatedBy: l.who(row.delineatedBy),
    publishedAt: row.publishedAt,
    publishedBy: l.who(row.publishedBy),
    endedAt: row.endedAt,
    endedBy: l.who(row.endedBy),
    revokeReason: row.revokeReason,
    measures: level ? [...level.measures] : [],
    residents: stats.residents,
    households: stats.households,
    elderly: stats.elderly,
    compoundsCounted: stats.compoundsCounted,
    venuesToSuspend: stats.venuesToSuspend.length,
    venuesSuspended: stats.venuesToSuspend.filter((v) => ticks?.get(v.id)?.suspended).length,
    nobodyInside: stats.nobodyInside,
    lifecycle: state,
  };
}

export function totalsOf(ctx: AppContext, profile: PolicyProfile | null, rows: q.AreaRow[]): RiskAreaTotalsDto {
  if (!profile) return { byLevel: [], compoundsInSeveralAreas: 0 };
  const active = rows.filter((r) => r.status === 'delineated' || r.status === 'published');
  const drawable = profile.riskLevels.filter((l) => l.drawable);
  const t = levelTotals(
    drawable.map((l) => l.key),
    active.map((r) => {
      const s = areaStats(ctx, r);
      return { level: r.level, compounds: s.compounds, venuesToSuspend: s.venuesToSuspend };
    }),
  );
  const names = new Map<RiskLevelKey, string>(profile.riskLevels.map((l) => [l.key, l.name]));
  return { byLevel: t.byLevel.map((x) => ({ ...x, name: names.get(x.level) ?? x.level })), compoundsInSeveralAreas: t.compoundsInSeveralAreas };
}

export function listRiskAreas(ctx: AppContext, input: { includeEnded?: boolean }): RiskAreaListDto {
  const now = ctx.now();
  const e = runningEmergency(ctx);
  if (!e) return { now, profile: null, levels: [], areas: [], totals: { byLevel: [], compoundsInSeveralAreas: 0 } };
  const rows = q.listAreas(ctx.db, e.id, input.includeEnded ?? false);
  const l = load(ctx, rows);
  return {
    now,
    profile: { id: e.profile.id, name: e.profile.name, inControlRestartsClock: e.profile.inControlFindingRestartsClock },
    levels: levelDtos(e.profile),
    areas: rows.map((r) => toDto(ctx, l, r, now)),
    totals: totalsOf(ctx, e.profile, rows),
  };
}

export function getRiskAreaTotals(ctx: AppContext): RiskAreaTotalsDto {
  const e = runningEmergency(ctx);
  return e ? totalsOf(ctx, e.profile, q.listAreas(ctx.db, e.id, false)) : { byLevel: [], compoundsInSeveralAreas: 0 };
}

export function requireArea(ctx: AppContext, id: number): q.AreaRow {
  const a = q.getArea(ctx.db, id);
  if (!a) throw new AppError('not_found', `找不到风险区 (id ${id})。`);
  return a;
}

function suspensionDtos(ctx: AppContext, row: q.AreaRow, ticks: Map<number, q.SuspensionRow> | undefined, who: Loaded['who']): SuspensionDto[] {
  return areaStats(ctx, row).venuesToSuspend.map((v) => {
    const t = ticks?.get(v.id);
    return { ...v, suspended: t?.suspended ?? false, at: t?.at ?? null, by: t ? who(t.operatorId) : null, note: t?.note ?? null };
  });
}

export function listSuspensions(ctx: AppContext, row: q.AreaRow): SuspensionDto[] {
  return suspensionDtos(ctx, row, q.latestSuspensions(ctx.db, [row.id]).get(row.id), operatorRefs(ctx.db));
}

export function getRiskArea(ctx: AppContext, id: number): RiskAreaDetailDto {
  const now = ctx.now();
  const row = requireArea(ctx, id);
  const l = load(ctx, [row]);
  const events = l.events.get(row.id) ?? [];
  const stats = areaStats(ctx, row);
  const active = row.status === 'delineated' || row.status === 'published';
  const notes = [...stats.notes, ...(active ? overlapNotes(ctx, row.emergencyId, row.geometry, row.id) : [])];
  return {
    ...toDto(ctx, l, row, now),
    stats: { ...stats, notes },
    suspensions: suspensionDtos(ctx, row, l.suspensions.get(row.id), l.who),
    history: events.map((e) => ({ id: e.id, at: e.recordedAt, by: l.who(e.operatorId), kind: e.kind, level: e.level, text: e.text })),
    infections: events
      .filter((e) => e.kind === 'infection')
      .map((e) => ({ id: e.id, at: e.at, foundAt: e.foundAt!, restartedClock: e.restartsClock!, reportId: e.reportId, note: e.note, recordedAt: e.recordedAt, recordedBy: l.who(e.operatorId) })),
    negativeRounds: events
      .filter((e) => e.kind === 'negative_round')
      .map((e) => ({ id: e.id, at: e.at, day: roundDay(row, events, e), note: e.note, recordedAt: e.recordedAt, recordedBy: l.who(e.operatorId) })),
  };
}

/** The lifecycle day a round fell on: the state at its time, from the history written before it. */
function roundDay(row: q.AreaRow, events: readonly q.AreaEventRow[], round: q.AreaEventRow): number {
  const before = events.filter((e) => e.id < round.id);
  return lifecycleState(profileOf(row.profileId), { ...factsOf(row, before), ended: null }, round.at).day;
}

export function getRiskAreaCalendar(ctx: AppContext) {
  const now = ctx.now();
  const e = runningEmergency(ctx);
  if (!e) return [];
  const rows = q.listAreas(ctx.db, e.id, false);
  const events = q.eventsOf(ctx.db, rows.map((r) => r.id));
  const out = rows.flatMap((r) => {
    const profile = profileOf(r.profileId);
    let level = r.level;
    return projectSteps(profile, factsOf(r, events.get(r.id) ?? []), now).map((s) => {
      const entry = { areaId: r.id, name: r.name, level, action: s.action, to: s.to, date: s.date, at: s.at, due: s.due, needsRound: s.needsRound, words: s.words };
      level = s.to;
      return entry;
    });
  });
  return out.sort((a, b) => a.at - b.at || a.areaId - b.areaId);
}
