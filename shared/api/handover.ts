import { z } from 'zod';
import { defineFeature, read } from './define';
import { empty } from './common';
import { operatorRef } from './operator';
import { checklistItemDto, deadlineDto, reportDto } from './mode';
import { logEntryDto } from './log';

/** 交接班: what the outgoing officer hands over (the situation since the last handover) and the record to print and sign. */

export const handoverSummaryDto = z.object({
  now: z.number(),
  /** Since when: the last handover, or the start of the current stint when there was none (null: nobody ever signed in). */
  since: z.number().nullable(),
  sinceKind: z.enum(['handover', 'sign_in']).nullable(),
  outgoing: operatorRef.nullable(),
  mode: z.enum(['routine', 'emergency']),
  t0: z.number().nullable(),
  /** Deadlines not done, overdue first then by due time. */
  openDeadlines: z.array(deadlineDto),
  /** Activation checklist items not ticked, in checklist order. */
  uncheckedItems: z.array(checklistItemDto),
  /** Positive reports recorded since `since`. */
  reports: z.array(reportDto),
  /** Log entries since `since`, newest first; desk entries (sign-ins), settings and backups and superseded entries left out. */
  log: z.object({ total: z.number().int(), rows: z.array(logEntryDto) }),
});
export type HandoverSummaryDto = z.infer<typeof handoverSummaryDto>;

export const handoverRecordDto = z.object({
  /** The outgoing officer's stint at the desk that the handover ended. */
  id: z.number().int(),
  at: z.number(),
  from: operatorRef,
  to: operatorRef.nullable(),
  note: z.string(),
  /** The mode the street was in at the handover. */
  mode: z.enum(['routine', 'emergency']),
});
export type HandoverRecordDto = z.infer<typeof handoverRecordDto>;

export const handoverFeature = defineFeature('handover', {
  getHandoverSummary: read(
    'What to hand over: open and overdue deadlines, unticked checklist items, reports and log entries since the last handover',
    empty,
    handoverSummaryDto,
  ),
  getHandoverRecord: read(
    '交接班记录 of one handover (by the id of the stint it ended), or the latest one without an id; null when there is none',
    z.object({ id: z.number().int().positive().optional() }),
    handoverRecordDto.nullable(),
  ),
});
