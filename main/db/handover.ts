import type { Db } from './open';
import { prepare } from './prepare';

/** Queries of handovers (交接班): desk stints ended by a handover, and what followed them. */

export interface HandoverStint {
  id: number;
  operatorId: number;
  endedAt: number;
  note: string | null;
}

const stint = `SELECT id, operator_id AS operatorId, ended_at AS endedAt, handover_note AS note FROM desk_session WHERE end_kind = 'hand_over'`;

/** When the desk was last handed over (null: never). */
export function lastHandoverAt(db: Db): number | null {
  return (prepare(db, "SELECT MAX(ended_at) AS at FROM desk_session WHERE end_kind = 'hand_over'").get() as { at: number | null }).at;
}

/** The stint a handover ended: the given one, or the latest. */
export function handoverStint(db: Db, id?: number): HandoverStint | null {
  const r = id === undefined ? prepare(db, `${stint} ORDER BY ended_at DESC, id DESC LIMIT 1`).get() : prepare(db, `${stint} AND id = ?`).get(id);
  return (r as HandoverStint | undefined) ?? null;
}

/** Who took over: the stint that starts at the moment the handed-over one ends (desk.handOver, one transaction). */
export function nextOperatorId(db: Db, s: HandoverStint): number | null {
  const r = prepare(db, 'SELECT operator_id AS operatorId FROM desk_session WHERE id > ? AND started_at = ? ORDER BY id LIMIT 1').get(s.id, s.endedAt) as
    | { operatorId: number }
    | undefined;
  return r?.operatorId ?? null;
}

/** The mode at an instant: the last switch made before it (none: routine from the start). */
export function modeAt(db: Db, at: number): 'routine' | 'emergency' {
  const r = prepare(db, 'SELECT to_mode AS mode FROM mode_change WHERE at <= ? ORDER BY at DESC, id DESC LIMIT 1').get(at) as
    | { mode: 'routine' | 'emergency' }
    | undefined;
  return r?.mode ?? 'routine';
}
