import type { Db } from './open';
import { prepare } from './prepare';
import type { PopulationSource } from '../../shared/api/street';

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

/**
 * Stores the register's count (residents, distinct households) of the given compounds, or of all; NULL for a compound
 * with no register. With `adopt`, the compounds' figures become the register's (except where the population table set
 * them: the table is the base, and the difference is shown instead).
 */
export function storeRegisterCounts(db: Db, ids: Iterable<number> | null, adopt: { elderlyBorn: number; now: number; by: number | null } | null): void {
  const count = prepare(
    db,
    `UPDATE compound SET
      register_residents = (SELECT NULLIF(COUNT(*), 0) FROM resident WHERE compound_id = @id),
      register_households = (SELECT NULLIF(COUNT(*), 0) FROM (SELECT DISTINCT building, household FROM resident WHERE compound_id = @id))
    WHERE id = @id`,
  );
  const take = prepare(
    db,
    `UPDATE compound SET
      residents = COALESCE(register_residents, 0),
      households = COALESCE(register_households, 0),
      elderly = (SELECT COUNT(*) FROM resident WHERE compound_id = @id AND birth_year <= @elderlyBorn),
      population_source = 'register', updated_at = @now, updated_by = @by
    WHERE id = @id AND population_source <> 'table'`,
  );
  const all = ids ?? (prepare(db, 'SELECT id FROM compound').all() as { id: number }[]).map((r) => r.id);
  for (const id of all) {
    count.run({ id });
    if (adopt) take.run({ id, ...adopt });
  }
}

/** The demo's figures are counted from its register: where they equal the register's count, say so. */
export function markRegisterSourced(db: Db): void {
  prepare(db, "UPDATE compound SET population_source = 'register' WHERE register_residents = residents AND register_households = households").run();
}

/** What a register import replaces, per compound: its figures, where they come from, and its register's count (0: none). */
export interface CompoundRegisterState {
  id: number;
  code: string;
  name: string;
  residents: number;
  source: PopulationSource;
  register: number;
}

export function registerStateOfCompounds(db: Db): CompoundRegisterState[] {
  return prepare(db, 'SELECT id, code, name, residents, population_source AS source, COALESCE(register_residents, 0) AS register FROM compound').all() as CompoundRegisterState[];
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
