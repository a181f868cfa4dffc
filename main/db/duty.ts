import type { Db } from './open';
import { prepare } from './prepare';
import type { DutyConfigDto, DutySwapDto, ShiftDefDto } from '../../shared/api/duty';
import type { PersonDto } from '../../shared/api/command';
import { operatorRefs } from './operators';

/** Duty roster tables: config, shifts, people on them, swaps. */

export function getConfig(db: Db): DutyConfigDto {
  const r = prepare(db, 'SELECT shifts, min_members AS minMembers FROM duty_config WHERE id = 1').get() as { shifts: string; minMembers: number };
  return { shifts: JSON.parse(r.shifts) as ShiftDefDto[], minMembers: r.minMembers };
}

export function saveConfig(db: Db, c: DutyConfigDto, at: number, by: number): void {
  prepare(db, 'UPDATE duty_config SET shifts = ?, min_members = ?, updated_at = ?, updated_by = ? WHERE id = 1').run(JSON.stringify(c.shifts), c.minMembers, at, by);
}

export interface ShiftRow {
  id: number;
  date: string;
  shiftKey: string;
  updatedAt: number;
  updatedBy: number | null;
  leader: PersonDto | null;
  members: PersonDto[];
  swaps: DutySwapDto[];
}

export function shiftsBetween(db: Db, from: string, to: string): ShiftRow[] {
  const shifts = prepare(db, 'SELECT id, date, shift_key AS shiftKey, updated_at AS updatedAt, updated_by AS updatedBy FROM duty_shift WHERE date BETWEEN ? AND ? ORDER BY date')
    .all(from, to) as Omit<ShiftRow, 'leader' | 'members' | 'swaps'>[];
  if (!shifts.length) return [];
  // The people and swaps of the same date range, by a subquery rather than an IN list of ids: one fixed SQL text, cached.
  const people = prepare(
    db,
    `SELECT shift_id AS shiftId, role, name, phone FROM duty_person
     WHERE shift_id IN (SELECT id FROM duty_shift WHERE date BETWEEN ? AND ?) ORDER BY position, id`,
  ).all(from, to) as { shiftId: number; role: 'leader' | 'member'; name: string; phone: string | null }[];
  const who = operatorRefs(db);
  const swaps = prepare(
    db,
    `SELECT id, shift_id AS shiftId, role, out_name AS outName, in_name AS inName, reason, at, operator_id AS operatorId FROM duty_swap
     WHERE shift_id IN (SELECT id FROM duty_shift WHERE date BETWEEN ? AND ?) ORDER BY id`,
  ).all(from, to) as (Omit<DutySwapDto, 'by'> & { shiftId: number; operatorId: number | null })[];
  return shifts.map((s) => {
    const mine = people.filter((p) => p.shiftId === s.id);
    const leader = mine.find((p) => p.role === 'leader');
    return {
      ...s,
      leader: leader ? { name: leader.name, phone: leader.phone } : null,
      members: mine.filter((p) => p.role === 'member').map((p) => ({ name: p.name, phone: p.phone })),
      swaps: swaps.filter((w) => w.shiftId === s.id).map(({ shiftId: _s, operatorId, ...w }) => ({ ...w, by: who(operatorId) })),
    };
  });
}

export function getShift(db: Db, id: number): ShiftRow | null {
  const r = prepare(db, 'SELECT date FROM duty_shift WHERE id = ?').get(id) as { date: string } | undefined;
  return r ? (shiftsBetween(db, r.date, r.date).find((s) => s.id === id) ?? null) : null;
}

export interface PersonFields {
  name: string;
  phone?: string | null;
}

/** Replaces the people of (date, shift), creating the shift row when needed; returns its id. */
export function putShift(db: Db, date: string, shiftKey: string, leader: PersonFields, members: PersonFields[], at: number, by: number): number {
  prepare(db, 
    `INSERT INTO duty_shift (date, shift_key, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT(date, shift_key) DO UPDATE SET updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(date, shiftKey, at, by);
  const id = (prepare(db, 'SELECT id FROM duty_shift WHERE date = ? AND shift_key = ?').get(date, shiftKey) as { id: number }).id;
  prepare(db, 'DELETE FROM duty_person WHERE shift_id = ?').run(id);
  const ins = prepare(db, 'INSERT INTO duty_person (shift_id, role, name, phone, position) VALUES (?, ?, ?, ?, ?)');
  ins.run(id, 'leader', leader.name.trim(), leader.phone?.trim() || null, 0);
  members.forEach((m, i) => ins.run(id, 'member', m.name.trim(), m.phone?.trim() || null, i + 1));
  return id;
}

export function deleteShift(db: Db, id: number): boolean {
  return prepare(db, 'DELETE FROM duty_shift WHERE id = ?').run(id).changes > 0;
}

export function swapPerson(db: Db, shiftId: number, role: 'leader' | 'member', outName: string, inP: PersonFields, reason: string | null, at: number, by: number): void {
  prepare(db, 'UPDATE duty_person SET name = ?, phone = ? WHERE shift_id = ? AND name = ?').run(inP.name.trim(), inP.phone?.trim() || null, shiftId, outName);
  prepare(db, 'UPDATE duty_shift SET updated_at = ?, updated_by = ? WHERE id = ?').run(at, by, shiftId);
  prepare(db, 'INSERT INTO duty_swap (shift_id, role, out_name, in_name, reason, at, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    shiftId,
    role,
    outName,
    inP.name.trim(),
    reason,
    at,
    by,
  );
}

export function keysRosteredFrom(db: Db, fromDate: string): { shiftKey: string; n: number }[] {
  return prepare(db, 'SELECT shift_key AS shiftKey, COUNT(*) AS n FROM duty_shift WHERE date >= ? GROUP BY shift_key').all(fromDate) as { shiftKey: string; n: number }[];
}
