import { z } from 'zod';
import { defineFeature, read, write } from './define';
import { empty, okOutput } from './common';
import { labelText, noteText, personNameText, phoneText } from './text';
import { baobaoLevels, leaderRoles, workGroupKeys } from '../domain/workgroups';
import { isPhone, phoneRule } from '../domain/phone';

/** The command structure (指挥体系) template, edited in routine times and activated at the switch. */

export const leaderRole = z.enum(leaderRoles);
export const workGroupKey = z.enum(workGroupKeys);
export const baobaoLevel = z.enum(baobaoLevels);

export const personDto = z.object({ name: z.string(), phone: z.string().nullable(), duty: z.string().nullable().optional() });
export type PersonDto = z.infer<typeof personDto>;

export const personInput = z.object({
  name: personNameText('姓名'),
  /** Empty (unknown), or a number that can be dialled: shared/domain/phone.ts, the same check as the duty roster's. */
  phone: phoneText.optional('电话').refine((v) => v == null || isPhone(v), phoneRule),
  /** What the person does in the group (members only), e.g. 联络员. */
  duty: labelText.optional('职责'),
});

export const commandStructureDto = z.object({
  leaders: z.array(z.object({ role: leaderRole, roleName: z.string(), person: personDto.nullable() })),
  groups: z.array(
    z.object({ key: workGroupKey, name: z.string(), lead: personDto.nullable(), members: z.array(personDto), tasks: z.string().nullable() }),
  ),
  /** 三级包保, one row per community of the street. */
  baobao: z.array(
    z.object({
      communityId: z.number().int(),
      communityName: z.string(),
      districtLeader: personDto.nullable(),
      streetCadre: personDto.nullable(),
      communityCadre: personDto.nullable(),
    }),
  ),
  updatedAt: z.number().nullable(),
  updatedBy: z.string().nullable(),
});
export type CommandStructureDto = z.infer<typeof commandStructureDto>;

export const readinessGapDto = z.object({
  kind: z.enum(['leader_missing', 'leader_phone_missing', 'group_lead_missing', 'group_lead_phone_missing', 'group_no_members', 'baobao_missing', 'baobao_phone_missing', 'no_duty_today', 'checklist_empty']),
  /** What is missing, in Chinese, e.g. "核酸检测组 没有组长" (printouts and the log; the UI renders kind + params). */
  what: z.string(),
  /** What the UI needs to say it in its own language: names of people and communities stay as written. */
  params: z.object({
    /** The person concerned (leader_phone_missing, group_lead_phone_missing). */
    name: z.string().optional(),
    community: z.string().optional(),
    /** 包保 levels with nobody (baobao_missing). */
    levels: z.array(baobaoLevel).optional(),
    /** 包保 people without a phone (baobao_phone_missing). */
    people: z.array(z.object({ level: baobaoLevel, name: z.string() })).optional(),
  }),
  /** Where: the group, the community or the leader role. */
  where: z.string(),
  groupKey: workGroupKey.nullable(),
  communityId: z.number().int().nullable(),
  role: z.string().nullable(),
});
export type ReadinessGapDto = z.infer<typeof readinessGapDto>;

export const readinessDto = z.object({ ready: z.boolean(), gaps: z.array(readinessGapDto) });
export type ReadinessDto = z.infer<typeof readinessDto>;

const leaderInput = z.object({ role: leaderRole, person: personInput.nullable() });
const workGroupInput = z.object({ key: workGroupKey, lead: personInput.nullable(), members: z.array(personInput).max(200), tasks: noteText.optional('工作任务') });
const baobaoInput = z.object({
  communityId: z.number().int().positive(),
  districtLeader: personInput.nullable(),
  streetCadre: personInput.nullable(),
  communityCadre: personInput.nullable(),
});

/**
 * Two structures, two sets of writes. The template (saveCommandLeader ...) is what the next emergency starts with;
 * editing it during an emergency leaves the running one alone. The live structure (saveLive...) is the running
 * emergency's: each change is a new snapshot of that emergency (every earlier one stays on record) and its own log
 * entry, and the template stays as it was. Separate methods, so the log tells an appointment during the incident
 * (method saveLive...) from a template edit.
 */
export const commandFeature = defineFeature('command', {
  getCommandTemplate: read('The command structure template: leaders, nine work groups, 三级包保 per community', empty, commandStructureDto),
  saveCommandLeader: write('Template: set (or clear with null) 片长 / 指挥长 / 执行指挥长', leaderInput, commandStructureDto, ['command']),
  saveWorkGroup: write('Template: set a work group lead, members and tasks', workGroupInput, commandStructureDto, ['command']),
  saveBaobao: write('Template: set 三级包保 of one community (district leader, street cadre, community cadre)', baobaoInput, commandStructureDto, ['command']),
  saveLiveCommandLeader: write(
    'Live structure of the running emergency: appoint, replace (or clear with null) a leader; answers the live structure',
    leaderInput,
    commandStructureDto,
    ['command'],
  ),
  saveLiveWorkGroup: write('Live structure of the running emergency: a work group lead, members and tasks', workGroupInput, commandStructureDto, ['command']),
  saveLiveBaobao: write('Live structure of the running emergency: 三级包保 of one community', baobaoInput, commandStructureDto, ['command']),
  getCommandStructure: read(
    'The command structure in force: during an emergency its live structure (the newest snapshot), in routine times the template',
    empty,
    z.object({ command: commandStructureDto, source: z.enum(['template', 'snapshot']) }),
  ),
  getReadiness: read(
    'Gaps of the structure in force (the live one during an emergency): a group without a lead, a community without 包保, a missing phone',
    empty,
    readinessDto,
  ),
});

export { okOutput };
