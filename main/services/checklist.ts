import { AppError } from '../../shared/api/errors';
import type { ChecklistItemDto } from '../../shared/api/mode';
import { workGroupNames, type WorkGroupKey } from '../../shared/domain/workgroups';
import * as q from '../db/checklist';
import { currentMode } from '../db/mode';
import { requireOperator } from './operators';
import { writeLog } from './eventlog';
import type { AppContext } from './context';

/** Activation checklist: the template is edited any time (it applies to the next switch); the active list is ticked. */

export const listTemplate = (ctx: AppContext) => q.listTemplate(ctx.db);

export function saveTemplateItem(ctx: AppContext, input: { id?: number; groupKey: WorkGroupKey; text: string; position?: number }): ChecklistItemDto {
  const op = requireOperator(ctx);
  const now = ctx.now();
  let id = input.id;
  if (id === undefined) id = q.insertTemplateItem(ctx.db, input.groupKey, input.text, input.position, now, op.id);
  else if (!q.updateTemplateItem(ctx.db, id, input.groupKey, input.text, input.position, now, op.id)) {
    throw new AppError('not_found', `找不到启动清单模板项 (id ${id})。`);
  }
  return q.getTemplateItem(ctx.db, id)!;
}

export function deleteTemplateItem(ctx: AppContext, id: number) {
  requireOperator(ctx);
  if (!q.deleteTemplateItem(ctx.db, id)) throw new AppError('not_found', `找不到启动清单模板项 (id ${id})。`);
  return { ok: true as const };
}

/** Ticks (or unticks) an item of the running emergency; each tick is a new row, so the history stays. */
export function tick(ctx: AppContext, input: { id: number; done: boolean }): ChecklistItemDto {
  const op = requireOperator(ctx);
  return ctx.db.transaction(() => {
    const emergencyId = q.itemEmergency(ctx.db, input.id);
    if (emergencyId === null) throw new AppError('not_found', `找不到启动清单项 (id ${input.id})。`);
    if (currentMode(ctx.db).emergencyId !== emergencyId) throw new AppError('conflict', '这项启动清单属于已结束的应急响应，不能再勾选。');
    const item = q.listItems(ctx.db, emergencyId).find((i) => i.id === input.id)!;
    if (item.done === input.done) return item;
    q.insertTick(ctx.db, input.id, input.done, ctx.now(), op.id);
    writeLog(ctx, {
      category: 'checklist',
      text: `${input.done ? '完成' : '取消完成'}启动清单（${workGroupNames[item.groupKey].zh}）：${item.text}`,
      method: 'tickChecklistItem',
    });
    return q.listItems(ctx.db, emergencyId).find((i) => i.id === input.id)!;
  })();
}
