import type { Db } from './open';

/** Inserts for the population register (resident) and sampling teams (grids: db/street.ts). Statements are prepared once per call site. */

export interface ResidentFields {
  compoundId: number;
  building: string | null;
  household: string;
  name: string;
  sex: 'M' | 'F' | null;
  birthYear: number | null;
  phone: string | null;
}

/** Returns an insert function bound to one prepared statement, for loading a whole register in a loop. */
export function residentInserter(db: Db, now: number): (r: ResidentFields) => void {
  const stmt = db.prepare(
    'INSERT INTO resident (compound_id, building, household, name, sex, birth_year, phone, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return (r) => {
    stmt.run(r.compoundId, r.building, r.household, r.name, r.sex, r.birthYear, r.phone, now);
  };
}

export type TeamRole = 'leader' | 'sampler' | 'registrar' | 'driver';

export function insertTeam(
  db: Db,
  t: { code: string; name: string; members: { name: string; role: TeamRole; phone: string | null }[] },
  now: number,
): number {
  const info = db.prepare('INSERT INTO sampling_team (code, name, updated_at) VALUES (?, ?, ?)').run(t.code, t.name, now);
  const teamId = Number(info.lastInsertRowid);
  const member = db.prepare('INSERT INTO team_member (team_id, name, role, phone) VALUES (?, ?, ?, ?)');
  for (const m of t.members) member.run(teamId, m.name, m.role, m.phone);
  return teamId;
}
