import type { Db } from './open';
import { prepare } from './prepare';
import type { ChecklistItemDto } from '../../shared/api/mode';
import { workGroupKeys, workGroupNames, type WorkGroupKey } from '../../shared/domain/workgroups';
import { operatorRefs } from './operators';

/** Activation checklist: the template, the items of an emergency and their ticks (the newest tick is the state). */

const groupOrder = (k: WorkGroupKey) => workGroupKeys.indexOf(k);

export function listTemplate(db: Db): ChecklistItemDto[] {
  const rows = prepare(db, 'SELECT id, group_key AS groupKey, text, position FROM checklist_template_item').all() as {
    id: number;
    groupKey: WorkGroupKey;
    text: string;
    position: number;
  }[];
  return rows
    .sort((a, b) => groupOrder(a.groupKey) - groupOrder(b.groupKey) || a.position - b.position || a.id - b.id)
    .map((r) => ({ ...r, groupName: workGroupNames[r.groupKey].zh, done: false, doneAt: null, doneBy: null }));
}

export function countTemplateItems(db: Db): number {
  return (prepare(db, 'SELECT COUNT(*) AS n FROM checklist_template_item').get() as { n: number }).n;
}

export function getTemplateItem(db: Db, id: number): ChecklistItemDto | null {
  return listTemplate(db).find((i) => i.id === id) ?? null;
}

export function insertTemplateItem(db: Db, groupKey: WorkGroupKey, text: string, position: number | undefined, at: number, by: number): number {
  const pos =
    position ??
    ((prepare(db, 'SELECT COALESCE(MAX(position), -1) + 1 AS p FROM checklist_template_item WHERE group_key = ?').get(groupKey) as { p: number }).p);
  return Number(
    prepare(db, 'INSERT INTO checklist_template_item (group_key, text, position, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)').run(groupKey, text, pos, at, by)
      .lastInsertRowid,
  );
}

export function updateTemplateItem(db: Db, id: number, groupKey: WorkGroupKey, text: string, position: number | undefined, at: number, by: number): boolean {
  return (
    prepare(db, 'UPDATE checklist_template_item SET group_key = ?, text = ?, position = COALESCE(?, position), updated_at = ?, updated_by = ? WHERE id = ?')
      .run(groupKey, text, position ?? null, at, by, id).changes > 0
  );
}

export function deleteTemplateItem(db: Db, id: number): boolean {
  return prepare(db, 'DELETE FROM checklist_template_item WHERE id = ?').run(id).changes > 0;
}

/** Copies the template into the checklist of an emergency. */
export function instantiate(db: Db, emergencyId: number, at: number): number {
  return prepare(db, 
      `INSERT INTO checklist_item (emergency_id, template_id, group_key, text, position, created_at)
       SELECT ?, id, group_key, text, position, ? FROM checklist_template_item`,
    )
    .run(emergencyId, at).changes;
}

export function listItems(db: Db, emergencyId: number): ChecklistItemDto[] {
  const who = operatorRefs(db);
  const rows = prepare(db, 
      `SELECT i.id, i.group_key AS groupKey, i.text, i.position, t.done, t.at, t.operator_id AS operatorId
       FROM checklist_item i
       LEFT JOIN checklist_tick t ON t.id = (SELECT MAX(id) FROM checklist_tick WHERE item_id = i.id)
       WHERE i.emergency_id = ?`,
    )
    .all(emergencyId) as { id: number; groupKey: WorkGroupKey; text: string; position: number; done: number | null; at: number | null; operatorId: number | null }[];
  return rows
    .sort((a, b) => groupOrder(a.groupKey) - groupOrder(b.groupKey) || a.position - b.position || a.id - b.id)
    .map((r) => {
      const done = r.done === 1;
      return {
        id: r.id,
        groupKey: r.groupKey,
        groupName: workGroupNames[r.groupKey].zh,
        text: r.text,
        position: r.position,
        done,
        doneAt: done ? r.at : null,
        doneBy: done ? who(r.operatorId) : null,
      };
    });
}

export function itemEmergency(db: Db, itemId: number): number | null {
  const r = prepare(db, 'SELECT emergency_id AS e FROM checklist_item WHERE id = ?').get(itemId) as { e: number } | undefined;
  return r?.e ?? null;
}

export function insertTick(db: Db, itemId: number, done: boolean, at: number, by: number): void {
  prepare(db, 'INSERT INTO checklist_tick (item_id, done, at, operator_id) VALUES (?, ?, ?, ?)').run(itemId, done ? 1 : 0, at, by);
}
