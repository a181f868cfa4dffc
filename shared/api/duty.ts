import { z } from 'zod';
import { defineFeature, read, write } from './define';
import { empty, idInput, okOutput } from './common';
import { personDto, personInput } from './command';
import { operatorRef } from './operator';
import { personNameText, reasonText, shiftNameText } from './text';

/** 值班表: 24-hour duty, shifts per day, a leader on every shift (领导带班), swaps recorded. Days are Asia/Shanghai dates. */

/** YYYY-MM-DD. Whether the date exists and lies in 2000..2999 is checked by the service, which names the date. */
export const isoDate = z.string().max(10, '日期格式须为 YYYY-MM-DD').regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD');
const clock = z.string().max(5, '时间格式须为 HH:MM').regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式须为 HH:MM');

const shiftKey = z.string().max(20, '班次代码最多 20 个字符').regex(/^[a-z0-9_]{1,20}$/, '班次代码只能用小写字母、数字和下划线');

export const shiftDefDto = z.object({
  key: shiftKey,
  name: shiftNameText('班次名称'),
  /** Start and end as HH:MM in Asia/Shanghai; end <= start means the shift ends the next day. */
  start: clock,
  end: clock,
});
export type ShiftDefDto = z.infer<typeof shiftDefDto>;

export const dutyConfigDto = z.object({
  shifts: z.array(shiftDefDto).min(1).max(6),
  /** Duty officers needed on each shift besides the leader. */
  minMembers: z.number().int().min(1).max(20),
});
export type DutyConfigDto = z.infer<typeof dutyConfigDto>;

export const dutySwapDto = z.object({
  id: z.number().int(),
  /** Who left the shift and who took their place. */
  outName: z.string(),
  inName: z.string(),
  role: z.enum(['leader', 'member']),
  reason: z.string().nullable(),
  at: z.number(),
  by: operatorRef.nullable(),
});
export type DutySwapDto = z.infer<typeof dutySwapDto>;

export const dutyShiftDto = z.object({
  /** null when nobody is rostered yet for this date and shift. */
  id: z.number().int().nullable(),
  date: isoDate,
  shiftKey: z.string(),
  shiftName: z.string(),
  start: z.string(),
  end: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  leader: personDto.nullable(),
  members: z.array(personDto),
  swaps: z.array(dutySwapDto),
  updatedAt: z.number().nullable(),
  updatedBy: operatorRef.nullable(),
});
export type DutyShiftDto = z.infer<typeof dutyShiftDto>;

export const dutyRosterDto = z.object({
  period: z.enum(['week', 'month']),
  from: isoDate,
  to: isoDate,
  config: dutyConfigDto,
  days: z.array(z.object({ date: isoDate, weekday: z.number().int().min(1).max(7), shifts: z.array(dutyShiftDto) })),
  /** Shifts in the period without a leader or without enough members. */
  gaps: z.number().int(),
});
export type DutyRosterDto = z.infer<typeof dutyRosterDto>;

export const dutyFeature = defineFeature('duty', {
  getDutyConfig: read('Shifts per day (names, times) and the people needed per shift', empty, dutyConfigDto),
  saveDutyConfig: write('Change the shifts of a day (e.g. day/night or three shifts)', dutyConfigDto, dutyConfigDto, ['duty']),
  saveDutyShift: write(
    'Roster one shift: a leader (领导带班) and the duty officers. Refused with nobody or the same person twice.',
    // leader is nullable only so that a missing leader gets a clear message from the service (领导带班 is required).
    z.object({ date: isoDate, shiftKey, leader: personInput.nullable(), members: z.array(personInput).max(20) }),
    dutyShiftDto,
    ['duty'],
  ),
  deleteDutyShift: write('Remove a rostered shift', idInput, okOutput, ['duty']),
  swapDuty: write(
    'Record a swap: who takes whose place on a shift, with a reason; the swap is kept with who recorded it and when',
    z.object({ shiftId: z.number().int().positive(), outName: personNameText('换下的人'), in: personInput, reason: reasonText.optional('换班原因') }),
    dutyShiftDto,
    ['duty'],
  ),
  getDutyRoster: read(
    'The roster of the week (Monday to Sunday) or the month holding a date, every shift of every day',
    z.object({ period: z.enum(['week', 'month']), date: isoDate }),
    dutyRosterDto,
  ),
  getDutyNow: read('The shift on duty now, if rostered', empty, dutyShiftDto.nullable()),
});
