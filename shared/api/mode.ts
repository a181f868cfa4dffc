import { z } from 'zod';
import { method } from './define';
import { empty, idInput, okOutput } from './common';
import { operatorMethods, operatorRef, deskDto } from './operator';
import { commandMethods, commandStructureDto, readinessDto, workGroupKey } from './command';
import { dutyMethods, dutyShiftDto } from './duty';
import { logMethods, logEntryDto } from './log';
import { caseTypes } from '../domain/workgroups';
import { policyProfileSchema } from '../domain/policy';

/**
 * 平急转换 (issue 4): the switch to emergency and back, deadline clocks, activation checklist, policy profiles.
 * `modeMethods` also carries the operator, command structure, duty roster and log tables, so contract.ts spreads one table.
 */

export const caseType = z.enum(caseTypes);
const nonEmpty = (field: string) => z.string().trim().min(1, `${field}不能为空`).max(200);

export const reportDto = z.object({
  id: z.number().int(),
  /** When the positive was reported (for the trigger report: T0 as first entered). */
  reportedAt: z.number(),
  place: z.string(),
  caseType,
  reportedBy: z.string(),
  note: z.string().nullable(),
  isTrigger: z.boolean(),
  recordedAt: z.number(),
  recordedBy: operatorRef.nullable(),
});
export type ReportDto = z.infer<typeof reportDto>;

export const deadlineDto = z.object({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  ownerGroup: workGroupKey,
  ownerGroupName: z.string(),
  /** Set for a per-report clock (online report of each positive). */
  reportId: z.number().int().nullable(),
  startsAt: z.number(),
  dueAt: z.number(),
  /** An earlier target inside the deadline (sampling sites: 2 h), or null. */
  targetAt: z.number().nullable(),
  /** dueAt - now; negative when overdue. */
  remainingMs: z.number(),
  status: z.enum(['pending', 'done', 'overdue']),
  urgency: z.enum(['overdue', 'soon', 'ok']),
  doneAt: z.number().nullable(),
  doneBy: operatorRef.nullable(),
  /** Done, but after dueAt. */
  doneLate: z.boolean(),
});
export type DeadlineDto = z.infer<typeof deadlineDto>;

export const checklistItemDto = z.object({
  id: z.number().int(),
  groupKey: workGroupKey,
  groupName: z.string(),
  text: z.string(),
  position: z.number().int(),
  /** Instantiated items only: ticked or not, by whom and when. */
  done: z.boolean(),
  doneAt: z.number().nullable(),
  doneBy: operatorRef.nullable(),
});
export type ChecklistItemDto = z.infer<typeof checklistItemDto>;

export const t0CorrectionDto = z.object({ id: z.number().int(), from: z.number(), to: z.number(), reason: z.string(), at: z.number(), by: operatorRef.nullable() });

export const policyProfileSummaryDto = z.object({ id: z.string(), name: z.string(), nameEn: z.string(), effectiveFrom: z.string() });

export const emergencyStateDto = z.object({
  mode: z.enum(['routine', 'emergency']),
  /** The `now` the clocks were computed with (ctx.now()); the UI ticks from here. */
  now: z.number(),
  activeProfile: policyProfileSummaryDto,
  emergency: z
    .object({
      id: z.number().int(),
      /** Effective T0 (after corrections). */
      t0: z.number(),
      /** When the switch was made. */
      switchedAt: z.number(),
      switchedBy: operatorRef.nullable(),
      elapsedMs: z.number(),
      /** The profile recorded at the switch; the clocks of this emergency follow it. */
      profile: policyProfileSummaryDto,
      trigger: reportDto,
      reports: z.array(reportDto),
      t0Corrections: z.array(t0CorrectionDto),
      deadlines: z.array(deadlineDto),
      checklist: z.array(checklistItemDto),
    })
    .nullable(),
  /** In emergency the activated snapshot; in routine the template. */
  command: commandStructureDto,
  commandSource: z.enum(['template', 'snapshot']),
  readiness: readinessDto,
  desk: deskDto,
  dutyNow: dutyShiftDto.nullable(),
  /** Latest log entries, newest first. */
  log: z.array(logEntryDto),
  lastSwitch: z.object({ at: z.number(), to: z.enum(['routine', 'emergency']), reason: z.string().nullable(), by: operatorRef.nullable() }).nullable(),
});
export type EmergencyStateDto = z.infer<typeof emergencyStateDto>;

export const modeStatusDto = z.object({
  mode: z.enum(['routine', 'emergency']),
  now: z.number(),
  t0: z.number().nullable(),
  emergencyId: z.number().int().nullable(),
  /** The most urgent open deadlines (for the strip on every screen). */
  urgent: z.array(deadlineDto),
  operator: operatorRef.nullable(),
});
export type ModeStatusDto = z.infer<typeof modeStatusDto>;

/** A report time (epoch ms) between 2000 and 2999: anything else is a typo, answered in words, not NaN dates. */
const reportTime = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1), '接报时间须在 2000 年之后')
  .max(Date.UTC(2999, 11, 31), '接报时间须在 2999 年之前');

export const triggerInput = z.object({
  /** T0: when the positive was reported, epoch ms. */
  reportedAt: reportTime,
  place: nonEmpty('地点'),
  caseType,
  reportedBy: nonEmpty('报告人'),
  note: z.string().trim().max(2000).nullable().optional(),
});

export const CONFIRMATION_REQUIRED = 'confirmation_required' as const;

export const emergencyMethods = {
  getModeStatus: method('Mode, T0 and the most urgent deadlines, for the strip on every screen', empty, modeStatusDto),
  getEmergencyState: method(
    'Everything the board and the briefing need in one call: mode, T0, elapsed, profile, deadlines, command structure, checklist, desk, latest log',
    z.object({ logLimit: z.number().int().min(0).max(200).optional() }),
    emergencyStateDto,
  ),
  switchToEmergency: method(
    'The switch (one transaction): mode, T0, command structure, policy profile, deadline clocks, checklist, log. ' +
      "T0 in the future is refused; T0 more than 72 h ago answers 'confirmation_required' until confirmOldT0 is true.",
    triggerInput.extend({ confirmOldT0: z.boolean().optional() }),
    emergencyStateDto,
  ),
  correctT0: method(
    'Correct T0 with a reason; the correction is kept and the clocks follow',
    z.object({ reportedAt: reportTime, reason: nonEmpty('更正原因'), confirmOldT0: z.boolean().optional() }),
    emergencyStateDto,
  ),
  recordPositive: method('A new positive during the emergency: a new report with its own 2 h reporting clock', triggerInput, emergencyStateDto),
  markDeadlineDone: method('Mark a deadline done (who and when are recorded; done stays done)', idInput, emergencyStateDto),
  switchToRoutine: method(
    'Back to routine: needs a reason; refused while any risk area is active',
    z.object({ reason: nonEmpty('恢复常态的理由') }),
    emergencyStateDto,
  ),

  getChecklistTemplate: method('The activation checklist template (per work group), edited in routine times', empty, z.array(checklistItemDto)),
  saveChecklistTemplateItem: method(
    'Add (no id) or edit a template item',
    z.object({ id: z.number().int().optional(), groupKey: workGroupKey, text: z.string().trim().min(1, '任务内容不能为空').max(500), position: z.number().int().min(0).optional() }),
    checklistItemDto,
  ),
  deleteChecklistTemplateItem: method('Remove a template item', idInput, okOutput),
  tickChecklistItem: method(
    'Tick (or untick) an item of the active checklist; who and when are recorded',
    z.object({ id: z.number().int().positive(), done: z.boolean() }),
    checklistItemDto,
  ),

  listPolicyProfiles: method(
    'Built-in policy profiles (data) and the active one',
    empty,
    z.object({ activeId: z.string(), profiles: z.array(policyProfileSchema) }),
  ),
  setActivePolicyProfile: method(
    'Choose the policy profile for the next emergency (routine mode only; a running emergency keeps the profile it started with)',
    z.object({ id: z.string().min(1) }),
    z.object({ activeId: z.string() }),
  ),
};

export const modeMethods = {
  ...operatorMethods,
  ...commandMethods,
  ...dutyMethods,
  ...logMethods,
  ...emergencyMethods,
};
