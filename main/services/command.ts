import { AppError } from '../../shared/api/errors';
import type { CommandStructureDto, ReadinessDto } from '../../shared/api/command';
import { findReadinessGaps } from '../../shared/domain/readiness';
import { workGroupNames, type BaobaoLevel, type LeaderRole, type WorkGroupKey } from '../../shared/domain/workgroups';
import * as q from '../db/command';
import { currentMode } from '../db/mode';
import { communityName } from '../db/street';
import { countTemplateItems } from '../db/checklist';
import { requireOperator } from './operators';
import { dutyNow } from './duty';
import * as modeDb from '../db/mode';
import type { AppContext } from './context';

/**
 * The command structure template (edited in routine times) and its activation. While an emergency runs, an edit of the
 * template also takes a new snapshot, so the active structure follows and every earlier version stays on record.
 */

function noDuplicates(where: string, names: string[]) {
  const seen = new Set<string>();
  for (const n of names.map((x) => x.trim())) {
    if (seen.has(n)) throw new AppError('invalid_input', `${where}：${n} 出现了两次。`);
    seen.add(n);
  }
}

function afterEdit(ctx: AppContext, by: number) {
  const m = currentMode(ctx.db);
  if (m.emergencyId !== null) q.insertSnapshot(ctx.db, m.emergencyId, q.readTemplate(ctx.db), ctx.now(), by);
}

export const getTemplate = (ctx: AppContext) => q.readTemplate(ctx.db);

export function saveLeader(ctx: AppContext, input: { role: LeaderRole; person: q.PersonFields | null }): CommandStructureDto {
  const op = requireOperator(ctx);
  ctx.db.transaction(() => {
    q.setLeader(ctx.db, input.role, input.person, ctx.now(), op.id);
    afterEdit(ctx, op.id);
  })();
  return q.readTemplate(ctx.db);
}

export function saveWorkGroup(
  ctx: AppContext,
  input: { key: WorkGroupKey; lead: q.PersonFields | null; members: q.PersonFields[]; tasks?: string | null },
): CommandStructureDto {
  const op = requireOperator(ctx);
  const name = workGroupNames[input.key].zh;
  noDuplicates(name, [...(input.lead ? [input.lead.name] : []), ...input.members.map((m) => m.name)]);
  ctx.db.transaction(() => {
    q.setWorkGroup(ctx.db, input.key, input.lead, input.members, input.tasks, ctx.now(), op.id);
    afterEdit(ctx, op.id);
  })();
  return q.readTemplate(ctx.db);
}

export function saveBaobao(
  ctx: AppContext,
  input: { communityId: number; districtLeader: q.PersonFields | null; streetCadre: q.PersonFields | null; communityCadre: q.PersonFields | null },
): CommandStructureDto {
  const op = requireOperator(ctx);
  if (communityName(ctx.db, input.communityId) === null) throw new AppError('not_found', `找不到社区 (id ${input.communityId})。`);
  const people: Record<BaobaoLevel, q.PersonFields | null> = {
    district_leader: input.districtLeader,
    street_cadre: input.streetCadre,
    community_cadre: input.communityCadre,
  };
  ctx.db.transaction(() => {
    q.setBaobao(ctx.db, input.communityId, people, ctx.now(), op.id);
    afterEdit(ctx, op.id);
  })();
  return q.readTemplate(ctx.db);
}

export function readiness(ctx: AppContext, structure = q.readTemplate(ctx.db)): ReadinessDto {
  return findReadinessGaps(structure, { dutyNowRostered: dutyNow(ctx) !== null, checklistItems: countTemplateItems(ctx.db) });
}

/** The structure in force: the active emergency's snapshot, or the template in routine times. */
export function structureInForce(ctx: AppContext): { command: CommandStructureDto; source: 'template' | 'snapshot' } {
  const m = modeDb.currentMode(ctx.db);
  if (m.mode === 'emergency' && m.emergencyId !== null) return { command: activeStructure(ctx, m.emergencyId), source: 'snapshot' };
  return { command: q.readTemplate(ctx.db), source: 'template' };
}

/** The active structure of an emergency: its newest snapshot. */
export function activeStructure(ctx: AppContext, emergencyId: number): CommandStructureDto {
  return q.latestSnapshot(ctx.db, emergencyId) ?? q.readTemplate(ctx.db);
}

export function activate(ctx: AppContext, emergencyId: number, by: number): void {
  q.insertSnapshot(ctx.db, emergencyId, q.readTemplate(ctx.db), ctx.now(), by);
}
