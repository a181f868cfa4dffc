import type { Db } from './open';
import { prepare } from './prepare';

/** The population register (人口台账): one row per resident, and the compound counts derived from it. */

export interface ResidentFields {
  compoundId: number;
  building: string | null;
  household: string;
  name: string;
  sex: 'M' | 'F' | null;
  birthYear: number | null;
  phone: string | null;
}

export function insertResident(db: Db, r: ResidentFields, now: number): void {
  prepare(
    db,
    'INSERT INTO resident (compound_id, building, household, name, sex, birth_year, phone, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(r.compoundId, r.building, r.household, r.name, r.sex, r.birthYear, r.phone, now);
}

/** Deletes a compound's whole register; returns how many residents went. */
export function deleteResidentsOf(db: Db, compoundId: number): number {
  return prepare(db, 'DELETE FROM resident WHERE compound_id = ?').run(compoundId).changes;
}

/** Sets a compound's residents, households and elderly (born in `elderlyBorn` or before) from its register. */
export function recountFromRegister(db: Db, compoundId: number, elderlyBorn: number, now: number, by: number | null): void {
  prepare(
    db,
    `UPDATE compound SET
      residents = (SELECT COUNT(*) FROM resident WHERE compound_id = @id),
      households = (SELECT COUNT(*) FROM (SELECT DISTINCT building, household FROM resident WHERE compound_id = @id)),
      elderly = (SELECT COUNT(*) FROM resident WHERE compound_id = @id AND birth_year <= @elderlyBorn),
      updated_at = @now, updated_by = @by
    WHERE id = @id`,
  ).run({ id: compoundId, elderlyBorn, now, by });
}

export function countResidents(db: Db): number {
  return (prepare(db, 'SELECT COUNT(*) AS n FROM resident').get() as { n: number }).n;
}

export interface RegisterRow {
  code: string;
  building: string | null;
  household: string;
  name: string;
  sex: 'M' | 'F' | null;
  birth_year: number | null;
  phone: string | null;
}

/** The whole register by compound code, streamed: finish (or break out of) one iteration before starting another. */
export function iterateRegister(db: Db): IterableIterator<RegisterRow> {
  return prepare(
    db,
    `SELECT p.code, r.building, r.household, r.name, r.sex, r.birth_year, r.phone
     FROM resident r JOIN compound p ON p.id = r.compound_id ORDER BY p.code, r.building, r.household, r.id`,
  ).iterate() as IterableIterator<RegisterRow>;
}
