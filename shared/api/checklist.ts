import { z } from 'zod';
import { defineFeature, read, selfLoggedWrite, write } from './define';
import { empty, idInput, okOutput } from './common';
import { workGroupKey } from './command';
import { checklistItemDto } from './mode';
import { taskText } from './text';

/** The activation checklist (启动清单): a template per work group in routine times, ticked during an emergency. */
export const checklistFeature = defineFeature('checklist', {
  getChecklistTemplate: read('The activation checklist template (per work group), edited in routine times', empty, z.array(checklistItemDto)),
  saveChecklistTemplateItem: write(
    'Add (no id) or edit a template item',
    z.object({ id: z.number().int().optional(), groupKey: workGroupKey, text: taskText('任务内容'), position: z.number().int().min(0).max(10_000).optional() }),
    checklistItemDto,
    ['checklist'],
  ),
  deleteChecklistTemplateItem: write('Remove a template item', idInput, okOutput, ['checklist']),
  // The active checklist is part of the emergency (getEmergency), so a tick changes 'mode' reads too.
  tickChecklistItem: selfLoggedWrite(
    'Tick (or untick) an item of the active checklist; who and when are recorded',
    z.object({ id: z.number().int().positive(), done: z.boolean() }),
    checklistItemDto,
    ['checklist', 'mode'],
  ),
});
