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

/** An operator's PIN and its wrong tries: stored, so a restart does not reset a lockout. */
export interface PinState {
  hash: string | null;
  /** Digits of the PIN; null when it was set before version 13 (unknown) or there is none. */
  digits: number | null;
  failures: number;
  lockedUntil: number | null;
}

export function getPinState(db: Db, id: number): PinState | null {
  const r = prepare(db, 'SELECT pin_hash, pin_digits, pin_failures, pin_locked_until FROM operator WHERE id = ?').get(id) as
    | { pin_hash: string | null; pin_digits: number | null; pin_failures: number; pin_locked_until: number | null }
    | undefined;
  return r ? { hash: r.pin_hash, digits: r.pin_digits, failures: r.pin_failures, lockedUntil: r.pin_locked_until } : null;
}

export function setPinFailures(db: Db, id: number, failures: number, lockedUntil: number | null): void {
  prepare(db, 'UPDATE operator SET pin_failures = ?, pin_locked_until = ? WHERE id = ?').run(failures, lockedUntil, id);
}

export function countOperators(db: Db): number {
  return (prepare(db, 'SELECT COUNT(*) AS n FROM operator').get() as { n: number }).n;
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

/** A new PIN (or none) starts with no wrong tries. */
export function setPinHash(db: Db, id: number, pin: { hash: string; digits: number } | null, at: number, by: number | null): void {
  prepare(db, 'UPDATE operator SET pin_hash = ?, pin_digits = ?, pin_failures = 0, pin_locked_until = NULL, updated_at = ?, updated_by = ? WHERE id = ?').run(
    pin?.hash ?? null,
    pin?.digits ?? null,
    at,
    by,
    id,
  );
}

export interface DeskRow {
  sessionId: number;
  operatorId: number;
  since: number;
  /** When the desk was locked (on demand, at start, after a restore); null if not. The idle lock is computed from lastActivityAt. */
  lockedAt: number | null;
  lastActivityAt: number;
}

export function getDeskSession(db: Db): DeskRow | null {
  const r = prepare(
    db,
    `SELECT s.id AS sessionId, s.operator_id AS operatorId, s.started_at AS since, d.locked_at AS lockedAt,
            coalesce(d.last_activity_at, s.started_at) AS lastActivityAt
     FROM desk d JOIN desk_session s ON s.id = d.session_id WHERE d.id = 1`,
  ).get() as DeskRow | undefined;
  return r ?? null;
}

/** Locks the desk at `at` (kept if already locked), or unlocks it (null) with activity from `at`. */
export function lockDesk(db: Db, at: number): void {
  prepare(db, 'UPDATE desk SET locked_at = coalesce(locked_at, ?) WHERE id = 1 AND session_id IS NOT NULL').run(at);
}

export function unlockDesk(db: Db, at: number): void {
  prepare(db, 'UPDATE desk SET locked_at = NULL, last_activity_at = ? WHERE id = 1').run(at);
}

export function touchDesk(db: Db, at: number): void {
  prepare(db, 'UPDATE desk SET last_activity_at = ? WHERE id = 1').run(at);
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

/** A new stint at the desk starts unlocked, active now. */
export function startDeskSession(db: Db, operatorId: number, at: number): number {
  const id = Number(prepare(db, 'INSERT INTO desk_session (operator_id, started_at) VALUES (?, ?)').run(operatorId, at).lastInsertRowid);
  prepare(db, 'UPDATE desk SET session_id = ?, locked_at = NULL, last_activity_at = ? WHERE id = 1').run(id, at);
  return id;
}

export function clearDesk(db: Db): void {
  prepare(db, 'UPDATE desk SET session_id = NULL, locked_at = NULL, last_activity_at = NULL WHERE id = 1').run();
}

/** Name of an operator by id, for records read back (null id: written by the app itself). */
export function operatorRefs(db: Db): (id: number | null) => OperatorRef | null {
  const names = new Map((prepare(db, 'SELECT id, name FROM operator').all() as OperatorRef[]).map((r) => [r.id, r.name]));
  return (id) => (id === null ? null : { id, name: names.get(id) ?? `#${id}` });
}
