import { z } from 'zod';
import { defineFeature, read, selfLoggedWrite, type Feature } from './define';
import { empty, idInput } from './common';
import { operatorRef } from './operator';
import { workGroupKey } from './command';
import { caseTypes } from '../domain/workgroups';
import { areaGeometry } from './common';
import { venueType } from './street';
import { addressText, nameText, noteText, reasonText } from './text';
import { eventTime } from './time';

/**
 * 平急转换 (issue 4): the switch to emergency and back, T0 and its corrections, positive reports, deadline clocks.
 * The activation checklist (checklist.ts), policy profiles (policy.ts), command structure, desk, duty roster and log
 * are features of their own.
 */

export const caseType = z.enum(caseTypes);

/** A point on the map, WGS-84. */
export const lngLat = z.object({
  lng: z.number().min(-180, '经度须在 -180 到 180 之间').max(180, '经度须在 -180 到 180 之间'),
  lat: z.number().min(-90, '纬度须在 -90 到 90 之间').max(90, '纬度须在 -90 到 90 之间'),
});
export type LngLat = z.infer<typeof lngLat>;

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
  /** The compound named by the report (picked, or found from its point); null when none, or no longer in the street data. */
  compoundId: z.number().int().nullable(),
  compoundName: z.string().nullable(),
  communityName: z.string().nullable(),
  /** The point clicked on the map, or null. */
  point: lngLat.nullable(),
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
  /** Earlier done marks taken back, with the reason, oldest first. */
  reopens: z.array(z.object({ at: z.number(), by: operatorRef.nullable(), reason: z.string(), doneAt: z.number(), doneBy: operatorRef.nullable() })),
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

/** The emergency (T0, reports, clocks, checklist) or routine; command, desk, duty and log have their own reads. */
export const emergencyDto = z.object({
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
  lastSwitch: z.object({ at: z.number(), to: z.enum(['routine', 'emergency']), reason: z.string().nullable(), by: operatorRef.nullable() }).nullable(),
});
export type EmergencyDto = z.infer<typeof emergencyDto>;

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

const reportTime = eventTime('接报时间');

export const triggerInput = z.object({
  /** T0: when the positive was reported, epoch ms. */
  reportedAt: reportTime,
  place: addressText('地点'),
  caseType,
  reportedBy: nameText('报告人'),
  note: noteText.optional('备注'),
  /** The compound, picked from the street data. */
  compoundId: z.number().int().positive().nullable().optional(),
  /** The point clicked on the map; without a compound, the compound holding it is found. */
  point: lngLat.nullable().optional(),
});

const venueNear = z.object({
  id: z.number().int(),
  name: z.string(),
  type: venueType,
  lng: z.number(),
  lat: z.number(),
  /** Metres from the compound's edge (or the report's point); 0 inside. */
  distanceM: z.number(),
});
export type VenueNearDto = z.infer<typeof venueNear>;

/** Where the incident is: one site per compound named by reports, or per report with only a point. */
export const incidentSiteDto = z.object({
  key: z.string(),
  reportIds: z.array(z.number().int()),
  compound: z
    .object({
      id: z.number().int(),
      name: z.string(),
      communityName: z.string(),
      residents: z.number().int(),
      households: z.number().int(),
      elderly: z.number().int(),
      boundary: areaGeometry.nullable(),
    })
    .nullable(),
  /** Set for a site that is only a point (no compound holds it). */
  point: lngLat.nullable(),
  /** Key venues inside the compound. */
  inside: z.array(venueNear),
  /** Key venues outside it but within the radius, nearest first. */
  nearby: z.array(venueNear),
});
export type IncidentSiteDto = z.infer<typeof incidentSiteDto>;

export const incidentSurroundingsDto = z.object({
  /** The distance asked about (setting incidentRadiusM, 500 m by default). */
  radiusM: z.number().int(),
  sites: z.array(incidentSiteDto),
  /** Reports that name neither a compound nor a point (only their place text). */
  unplaced: z.array(z.number().int()),
});
export type IncidentSurroundingsDto = z.infer<typeof incidentSurroundingsDto>;

export const CONFIRMATION_REQUIRED = 'confirmation_required' as const;

const modeChanges: Feature[] = ['mode', 'command', 'checklist'];

export const modeFeature = defineFeature('mode', {
  getModeStatus: read('Mode, T0 and the most urgent deadlines, for the strip on every screen', empty, modeStatusDto),
  getEmergency: read('The emergency now: mode, T0, elapsed, profile, reports, T0 corrections, deadlines, checklist, the last switch', empty, emergencyDto),
  switchToEmergency: selfLoggedWrite(
    'The switch (one transaction): mode, T0, command structure, policy profile, deadline clocks, checklist, log. ' +
      "T0 in the future is refused; T0 more than 72 h ago answers 'confirmation_required' until confirmOldT0 is true.",
    triggerInput.extend({ confirmOldT0: z.boolean().optional() }),
    emergencyDto,
    modeChanges,
  ),
  correctT0: selfLoggedWrite(
    'Correct T0 with a reason; the correction is kept and the clocks follow',
    z.object({ reportedAt: reportTime, reason: reasonText('更正原因'), confirmOldT0: z.boolean().optional() }),
    emergencyDto,
    ['mode'],
  ),
  recordPositive: selfLoggedWrite('A new positive during the emergency: a new report with its own 2 h reporting clock', triggerInput, emergencyDto, ['mode']),
  markDeadlineDone: selfLoggedWrite('Mark a deadline done (who and when are recorded; done stays done until reopened)', idInput, emergencyDto, ['mode']),
  reopenDeadline: selfLoggedWrite(
    'Take back a done mark with a reason (logged): the deadline is open again and its clock runs on; the mark is kept',
    z.object({ id: z.number().int().positive(), reason: reasonText('重开原因') }),
    emergencyDto,
    ['mode'],
  ),
  getIncidentSurroundings: read(
    'Where the incident is: the compounds of the reports with residents, households and 60+, key venues inside and within the set distance',
    empty,
    incidentSurroundingsDto,
  ),
  switchToRoutine: selfLoggedWrite(
    'Back to routine: needs a reason; refused while any risk area is active',
    z.object({ reason: reasonText('恢复常态的理由') }),
    emergencyDto,
    modeChanges,
  ),
});
