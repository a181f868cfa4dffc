import { z } from 'zod';
import { defineFeature, read, write } from './define';
import { empty, okOutput } from './common';
import { labelText, noteText, personNameText, phoneText } from './text';
import { baobaoLevels, leaderRoles, workGroupKeys } from '../domain/workgroups';

/** The command structure (指挥体系) template, edited in routine times and activated at the switch. */

export const leaderRole = z.enum(leaderRoles);
export const workGroupKey = z.enum(workGroupKeys);
export const baobaoLevel = z.enum(baobaoLevels);

export const personDto = z.object({ name: z.string(), phone: z.string().nullable(), duty: z.string().nullable().optional() });
export type PersonDto = z.infer<typeof personDto>;

export const personInput = z.object({
  name: personNameText('姓名'),
  phone: phoneText.optional('电话'),
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

export const commandFeature = defineFeature('command', {
  getCommandTemplate: read('The command structure template: leaders, nine work groups, 三级包保 per community', empty, commandStructureDto),
  saveCommandLeader: write(
    'Set (or clear with null) 片长 / 指挥长 / 执行指挥长',
    z.object({ role: leaderRole, person: personInput.nullable() }),
    commandStructureDto,
    ['command'],
  ),
  saveWorkGroup: write(
    'Set a work group lead, members and tasks',
    z.object({ key: workGroupKey, lead: personInput.nullable(), members: z.array(personInput).max(200), tasks: noteText.optional('工作任务') }),
    commandStructureDto,
    ['command'],
  ),
  saveBaobao: write(
    'Set 三级包保 of one community (district leader, street cadre, community cadre)',
    z.object({
      communityId: z.number().int().positive(),
      districtLeader: personInput.nullable(),
      streetCadre: personInput.nullable(),
      communityCadre: personInput.nullable(),
    }),
    commandStructureDto,
    ['command'],
  ),
  getCommandStructure: read(
    'The command structure in force: during an emergency the snapshot activated by the switch, in routine times the template',
    empty,
    z.object({ command: commandStructureDto, source: z.enum(['template', 'snapshot']) }),
  ),
  getReadiness: read('Gaps that would hurt on the day of the switch: a group without a lead, a community without 包保, a missing phone', empty, readinessDto),
});

export { okOutput };
