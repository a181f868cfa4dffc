import { AppError } from '../../shared/api/errors';
import type { CommandStructureDto, PersonDto, ReadinessDto } from '../../shared/api/command';
import type { OperatorRef } from '../../shared/api/operator';
import { findReadinessGaps } from '../../shared/domain/readiness';
import { workGroupNames, type BaobaoLevel, type LeaderRole, type WorkGroupKey } from '../../shared/domain/workgroups';
import * as q from '../db/command';
import { communityName, communityRefs } from '../db/street';
import { countTemplateItems } from '../db/checklist';
import { requireOperator } from './operators';
import { dutyNow } from './duty';
import * as modeDb from '../db/mode';
import type { AppContext } from './context';

/**
 * The command structure: the template (edited any time; the next emergency starts with it) and, during an
 * emergency, its live structure. The switch copies the template into the emergency's first snapshot; every later
 * change of the live structure is a new snapshot, so every earlier version stays on record. The two never follow
 * each other: a template edit during an emergency is for the next one, an appointment during an emergency leaves
 * the template as it was.
 */

function noDuplicates(where: string, names: string[]) {
  const seen = new Set<string>();
  for (const n of names.map((x) => x.trim())) {
    if (seen.has(n)) throw new AppError('invalid_input', `${where}：${n} 出现了两次。`);
    seen.add(n);
  }
}

interface LeaderInput {
  role: LeaderRole;
  person: q.PersonFields | null;
}
interface WorkGroupInput {
  key: WorkGroupKey;
  lead: q.PersonFields | null;
  members: q.PersonFields[];
  tasks?: string | null;
}
interface BaobaoInput {
  communityId: number;
  districtLeader: q.PersonFields | null;
  streetCadre: q.PersonFields | null;
  communityCadre: q.PersonFields | null;
}

function checkGroup(input: WorkGroupInput) {
  noDuplicates(workGroupNames[input.key].zh, [...(input.lead ? [input.lead.name] : []), ...input.members.map((m) => m.name)]);
}

function requireCommunity(ctx: AppContext, id: number): string {
  const name = communityName(ctx.db, id);
  if (name === null) throw new AppError('not_found', `找不到社区 (id ${id})。`);
  return name;
}

// ---- the template ----

export const getTemplate = (ctx: AppContext) => q.readTemplate(ctx.db);

export function saveLeader(ctx: AppContext, input: LeaderInput): CommandStructureDto {
  const op = requireOperator(ctx);
  q.setLeader(ctx.db, input.role, input.person, ctx.now(), op.id);
  return q.readTemplate(ctx.db);
}

export function saveWorkGroup(ctx: AppContext, input: WorkGroupInput): CommandStructureDto {
  const op = requireOperator(ctx);
  checkGroup(input);
  q.setWorkGroup(ctx.db, input.key, input.lead, input.members, input.tasks, ctx.now(), op.id);
  return q.readTemplate(ctx.db);
}

export function saveBaobao(ctx: AppContext, input: BaobaoInput): CommandStructureDto {
  const op = requireOperator(ctx);
  requireCommunity(ctx, input.communityId);
  const people: Record<BaobaoLevel, q.PersonFields | null> = {
    district_leader: input.districtLeader,
    street_cadre: input.streetCadre,
    community_cadre: input.communityCadre,
  };
  q.setBaobao(ctx.db, input.communityId, people, ctx.now(), op.id);
  return q.readTemplate(ctx.db);
}

// ---- the live structure of the running emergency ----

const clean = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
/** A person as the snapshot stores them, in the same shape readTemplate gives (members and leads carry a duty). */
const toPerson = (p: q.PersonFields | null, withDuty = false): PersonDto | null =>
  p ? { name: p.name.trim(), phone: clean(p.phone), ...(withDuty ? { duty: clean(p.duty) } : {}) } : null;

function runningEmergency(ctx: AppContext): number {
  const m = modeDb.currentMode(ctx.db);
  if (m.mode !== 'emergency' || m.emergencyId === null) {
    throw new AppError('conflict', '现在是常态化状态，没有进行中的应急响应：请修改指挥体系模板（下次启动时生效）。');
  }
  return m.emergencyId;
}

/** Applies one change to the emergency's newest structure and records the result as its next snapshot. */
function changeLive(ctx: AppContext, op: OperatorRef, change: (c: CommandStructureDto) => void): CommandStructureDto {
  const emergencyId = runningEmergency(ctx);
  const next = structuredClone(activeStructure(ctx, emergencyId));
  change(next);
  next.updatedAt = ctx.now();
  next.updatedBy = op.name;
  q.insertSnapshot(ctx.db, emergencyId, next, ctx.now(), op.id);
  return next;
}

export function saveLiveLeader(ctx: AppContext, input: LeaderInput): CommandStructureDto {
  const op = requireOperator(ctx);
  return changeLive(ctx, op, (c) => {
    const row = c.leaders.find((l) => l.role === input.role);
    if (row) row.person = toPerson(input.person);
  });
}

export function saveLiveWorkGroup(ctx: AppContext, input: WorkGroupInput): CommandStructureDto {
  const op = requireOperator(ctx);
  checkGroup(input);
  return changeLive(ctx, op, (c) => {
    const g = c.groups.find((x) => x.key === input.key);
    if (!g) return;
    g.lead = toPerson(input.lead, true);
    g.members = input.members.map((m) => toPerson(m, true)!);
    if (input.tasks !== undefined) g.tasks = clean(input.tasks);
  });
}

export function saveLiveBaobao(ctx: AppContext, input: BaobaoInput): CommandStructureDto {
  const op = requireOperator(ctx);
  const name = requireCommunity(ctx, input.communityId);
  return changeLive(ctx, op, (c) => {
    let row = c.baobao.find((b) => b.communityId === input.communityId);
    if (!row) {
      row = { communityId: input.communityId, communityName: name, districtLeader: null, streetCadre: null, communityCadre: null };
      c.baobao.push(row);
    }
    row.districtLeader = toPerson(input.districtLeader);
    row.streetCadre = toPerson(input.streetCadre);
    row.communityCadre = toPerson(input.communityCadre);
  });
}

// ---- reads ----

/** Gaps of the structure in force: during an emergency the live one (what hurts now), in routine times the template. */
export function readiness(ctx: AppContext, structure = structureInForce(ctx).command): ReadinessDto {
  return findReadinessGaps(structure, { dutyNowRostered: dutyNow(ctx) !== null, checklistItems: countTemplateItems(ctx.db) });
}

/** The structure in force: the active emergency's live structure, or the template in routine times. */
export function structureInForce(ctx: AppContext): { command: CommandStructureDto; source: 'template' | 'snapshot' } {
  const m = modeDb.currentMode(ctx.db);
  if (m.mode === 'emergency' && m.emergencyId !== null) return { command: activeStructure(ctx, m.emergencyId), source: 'snapshot' };
  return { command: q.readTemplate(ctx.db), source: 'template' };
}

/**
 * The live structure of an emergency: its newest snapshot. A community added since (or with no row yet) gets an
 * empty 三级包保 row, so the gap shows and can be filled; communities deleted since drop out.
 */
export function activeStructure(ctx: AppContext, emergencyId: number): CommandStructureDto {
  const s = q.latestSnapshot(ctx.db, emergencyId) ?? q.readTemplate(ctx.db);
  // In the template's order (by code).
  const communities = communityRefs(ctx.db).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rows = new Map(s.baobao.map((b) => [b.communityId, b]));
  s.baobao = communities.map(
    (c) => rows.get(c.id) ?? { communityId: c.id, communityName: c.name, districtLeader: null, streetCadre: null, communityCadre: null },
  );
  return s;
}

export function activate(ctx: AppContext, emergencyId: number, by: number): void {
  q.insertSnapshot(ctx.db, emergencyId, q.readTemplate(ctx.db), ctx.now(), by);
}
