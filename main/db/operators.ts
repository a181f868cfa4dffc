import type { Db } from './open';
import { prepare } from './prepare';
import type { OperatorDto, OperatorRef } from '../../shared/api/operator';

/** Queries of operators and the desk (who is signed in now). */

interface OperatorRow {
  id: number;
  name: string;
  phone: string | null;
  is_admin: number;
  active: number;
  pin_hash: string | null;
}

const toDto = (r: OperatorRow): OperatorDto => ({
  id: r.id,
  name: r.name,
  phone: r.phone,
  isAdmin: r.is_admin === 1,
  hasPin: r.pin_hash !== null,
  active: r.active === 1,
});

export function listOperators(db: Db): OperatorDto[] {
  return (prepare(db, 'SELECT * FROM operator ORDER BY active DESC, name').all() as OperatorRow[]).map(toDto);
}

export function getOperator(db: Db, id: number): OperatorDto | null {
  const r = prepare(db, 'SELECT * FROM operator WHERE id = ?').get(id) as OperatorRow | undefined;
  return r ? toDto(r) : null;
}

export function getPinHash(db: Db, id: number): string | null {
  const r = prepare(db, 'SELECT pin_hash FROM operator WHERE id = ?').get(id) as { pin_hash: string | null } | undefined;
  return r?.pin_hash ?? null;
}

export function countAdmins(db: Db): number {
  return (prepare(db, 'SELECT COUNT(*) AS n FROM operator WHERE is_admin = 1 AND active = 1').get() as { n: number }).n;
}

export interface OperatorFields {
  name: string;
  phone: string | null;
  isAdmin: boolean;
  active: boolean;
}

export function insertOperator(db: Db, f: OperatorFields, at: number, by: number | null): number {
  const info = prepare(db, 'INSERT INTO operator (name, phone, is_admin, active, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(f.name, f.phone, f.isAdmin ? 1 : 0, f.active ? 1 : 0, at, by, at, by);
  return Number(info.lastInsertRowid);
}

export function updateOperator(db: Db, id: number, f: OperatorFields, at: number, by: number | null): void {
  prepare(db, 'UPDATE operator SET name = ?, phone = ?, is_admin = ?, active = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
    f.name,
    f.phone,
    f.isAdmin ? 1 : 0,
    f.active ? 1 : 0,
    at,
    by,
    id,
  );
}

export function setPinHash(db: Db, id: number, hash: string | null, at: number, by: number | null): void {
  prepare(db, 'UPDATE operator SET pin_hash = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(hash, at, by, id);
}

export interface DeskRow {
  sessionId: number;
  operatorId: number;
  since: number;
}

export function getDeskSession(db: Db): DeskRow | null {
  const r = prepare(db, 'SELECT s.id AS sessionId, s.operator_id AS operatorId, s.started_at AS since FROM desk d JOIN desk_session s ON s.id = d.session_id WHERE d.id = 1')
    .get() as DeskRow | undefined;
  return r ?? null;
}

/** The operator at the desk, as a reference for records (null when nobody is signed in). */
export function deskOperatorRef(db: Db): OperatorRef | null {
  const r = prepare(db, 'SELECT o.id, o.name FROM desk d JOIN desk_session s ON s.id = d.session_id JOIN operator o ON o.id = s.operator_id WHERE d.id = 1')
    .get() as OperatorRef | undefined;
  return r ?? null;
}

export function endDeskSession(db: Db, sessionId: number, at: number, kind: 'sign_out' | 'hand_over' | 'replaced', note: string | null): void {
  prepare(db, 'UPDATE desk_session SET ended_at = ?, end_kind = ?, handover_note = ? WHERE id = ? AND ended_at IS NULL').run(at, kind, note, sessionId);
}

export function startDeskSession(db: Db, operatorId: number, at: number): number {
  const id = Number(prepare(db, 'INSERT INTO desk_session (operator_id, started_at) VALUES (?, ?)').run(operatorId, at).lastInsertRowid);
  prepare(db, 'UPDATE desk SET session_id = ? WHERE id = 1').run(id);
  return id;
}

export function clearDesk(db: Db): void {
  prepare(db, 'UPDATE desk SET session_id = NULL WHERE id = 1').run();
}

/** Name of an operator by id, for records read back (null id: written by the app itself). */
export function operatorRefs(db: Db): (id: number | null) => OperatorRef | null {
  const names = new Map((prepare(db, 'SELECT id, name FROM operator').all() as OperatorRef[]).map((r) => [r.id, r.name]));
  return (id) => (id === null ? null : { id, name: names.get(id) ?? `#${id}` });
}
