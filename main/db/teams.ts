import type { Db } from './open';
import { prepare } from './prepare';
import type { TeamDto } from '../../shared/api/street';

/** Sampling teams (采样队伍) and their members. */

export type TeamRole = 'leader' | 'sampler' | 'registrar' | 'driver';

export function insertTeam(
  db: Db,
  t: { code: string; name: string; members: { name: string; role: TeamRole; phone: string | null }[] },
  now: number,
): number {
  const info = prepare(db, 'INSERT INTO sampling_team (code, name, updated_at) VALUES (?, ?, ?)').run(t.code, t.name, now);
  const teamId = Number(info.lastInsertRowid);
  const member = prepare(db, 'INSERT INTO team_member (team_id, name, role, phone) VALUES (?, ?, ?, ?)');
  for (const m of t.members) member.run(teamId, m.name, m.role, m.phone);
  return teamId;
}

export function listTeams(db: Db): TeamDto[] {
  const teams = prepare(db, 'SELECT id, code, name FROM sampling_team ORDER BY code').all() as { id: number; code: string; name: string }[];
  const members = prepare(db, 'SELECT team_id, name, role, phone FROM team_member ORDER BY team_id, id').all() as {
    team_id: number;
    name: string;
    role: TeamDto['members'][number]['role'];
    phone: string | null;
  }[];
  return teams.map((t) => ({
    ...t,
    members: members.filter((m) => m.team_id === t.id).map(({ name, role, phone }) => ({ name, role, phone })),
  }));
}

export function teamExists(db: Db, id: number): boolean {
  return prepare(db, 'SELECT 1 FROM sampling_team WHERE id = ?').get(id) !== undefined;
}

export function countTeams(db: Db): { teams: number; members: number } {
  return {
    teams: (prepare(db, 'SELECT COUNT(*) AS n FROM sampling_team').get() as { n: number }).n,
    members: (prepare(db, 'SELECT COUNT(*) AS n FROM team_member').get() as { n: number }).n,
  };
}
