import type { Db } from './open';
import { prepare } from './prepare';
import type { CommandStructureDto, PersonDto } from '../../shared/api/command';
import { baobaoLevels, leaderRoleNames, leaderRoles, workGroupNames, type BaobaoLevel, type LeaderRole, type WorkGroupKey } from '../../shared/domain/workgroups';

/** The command structure template tables and the activated snapshots. */

export interface PersonFields {
  name: string;
  phone?: string | null;
  duty?: string | null;
}

const person = (name: string, phone: string | null, duty?: string | null): PersonDto => ({ name, phone, ...(duty !== undefined ? { duty } : {}) });
const clean = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function readTemplate(db: Db): CommandStructureDto {
  const leaders = new Map(
    (prepare(db, 'SELECT role, name, phone FROM command_leader').all() as { role: LeaderRole; name: string; phone: string | null }[]).map((r) => [r.role, r]),
  );
  const groups = prepare(db, 'SELECT key, tasks FROM work_group ORDER BY position').all() as { key: WorkGroupKey; tasks: string | null }[];
  const members = prepare(db, 'SELECT group_key, is_lead, name, phone, duty FROM work_group_member ORDER BY group_key, is_lead DESC, position').all() as {
    group_key: WorkGroupKey;
    is_lead: number;
    name: string;
    phone: string | null;
    duty: string | null;
  }[];
  const communities = prepare(db, 'SELECT id, name FROM community ORDER BY code').all() as { id: number; name: string }[];
  const bb = prepare(db, 'SELECT community_id, level, name, phone FROM baobao').all() as { community_id: number; level: BaobaoLevel; name: string; phone: string | null }[];
  const bbKey = new Map(bb.map((r) => [`${r.community_id}/${r.level}`, person(r.name, r.phone)]));
  const last = prepare(db, 
      `SELECT t.at, o.name FROM (
         SELECT updated_at AS at, updated_by AS by FROM command_leader
         UNION ALL SELECT updated_at, updated_by FROM work_group WHERE updated_at IS NOT NULL
         UNION ALL SELECT updated_at, updated_by FROM baobao) t
       LEFT JOIN operator o ON o.id = t.by ORDER BY t.at DESC LIMIT 1`,
    )
    .get() as { at: number; name: string | null } | undefined;

  return {
    leaders: leaderRoles.map((role) => {
      const r = leaders.get(role);
      return { role, roleName: leaderRoleNames[role].zh, person: r ? person(r.name, r.phone) : null };
    }),
    groups: groups.map((g) => {
      const ms = members.filter((m) => m.group_key === g.key);
      const lead = ms.find((m) => m.is_lead === 1);
      return {
        key: g.key,
        name: workGroupNames[g.key].zh,
        lead: lead ? person(lead.name, lead.phone, lead.duty) : null,
        members: ms.filter((m) => m.is_lead === 0).map((m) => person(m.name, m.phone, m.duty)),
        tasks: g.tasks,
      };
    }),
    baobao: communities.map((c) => {
      const at = (level: BaobaoLevel) => bbKey.get(`${c.id}/${level}`) ?? null;
      return { communityId: c.id, communityName: c.name, districtLeader: at('district_leader'), streetCadre: at('street_cadre'), communityCadre: at('community_cadre') };
    }),
    updatedAt: last?.at ?? null,
    updatedBy: last?.name ?? null,
  };
}

export function setLeader(db: Db, role: LeaderRole, p: PersonFields | null, at: number, by: number): void {
  if (!p) {
    prepare(db, 'DELETE FROM command_leader WHERE role = ?').run(role);
    return;
  }
  prepare(db, 
    `INSERT INTO command_leader (role, name, phone, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(role) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(role, p.name.trim(), clean(p.phone), at, by);
}

export function setWorkGroup(db: Db, key: WorkGroupKey, lead: PersonFields | null, members: PersonFields[], tasks: string | null | undefined, at: number, by: number): void {
  prepare(db, 'DELETE FROM work_group_member WHERE group_key = ?').run(key);
  const ins = prepare(db, 'INSERT INTO work_group_member (group_key, is_lead, name, phone, duty, position) VALUES (?, ?, ?, ?, ?, ?)');
  if (lead) ins.run(key, 1, lead.name.trim(), clean(lead.phone), clean(lead.duty), 0);
  members.forEach((m, i) => ins.run(key, 0, m.name.trim(), clean(m.phone), clean(m.duty), i + 1));
  if (tasks === undefined) prepare(db, 'UPDATE work_group SET updated_at = ?, updated_by = ? WHERE key = ?').run(at, by, key);
  else prepare(db, 'UPDATE work_group SET tasks = ?, updated_at = ?, updated_by = ? WHERE key = ?').run(clean(tasks), at, by, key);
}

export function setBaobao(db: Db, communityId: number, people: Record<BaobaoLevel, PersonFields | null>, at: number, by: number): void {
  for (const level of baobaoLevels) {
    const p = people[level];
    if (!p) prepare(db, 'DELETE FROM baobao WHERE community_id = ? AND level = ?').run(communityId, level);
    else
      prepare(db, 
        `INSERT INTO baobao (community_id, level, name, phone, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(community_id, level) DO UPDATE SET name = excluded.name, phone = excluded.phone, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ).run(communityId, level, p.name.trim(), clean(p.phone), at, by);
  }
}

export function insertSnapshot(db: Db, emergencyId: number, data: CommandStructureDto, at: number, by: number | null): number {
  return Number(
    prepare(db, 'INSERT INTO command_snapshot (emergency_id, taken_at, operator_id, data) VALUES (?, ?, ?, ?)').run(emergencyId, at, by, JSON.stringify(data)).lastInsertRowid,
  );
}

export function latestSnapshot(db: Db, emergencyId: number): CommandStructureDto | null {
  const r = prepare(db, 'SELECT data FROM command_snapshot WHERE emergency_id = ? ORDER BY id DESC LIMIT 1').get(emergencyId) as { data: string } | undefined;
  return r ? (JSON.parse(r.data) as CommandStructureDto) : null;
}
