import type { CommandStructureDto, ReadinessDto, ReadinessGapDto } from '../api/command';
import { baobaoLevelNames, baobaoLevels } from './workgroups';

/**
 * Readiness gaps of the command structure template: what would be missing on the day of the switch.
 * Pure: the structure and a few facts in, the list of gaps (what and where) out.
 */
export function findReadinessGaps(s: CommandStructureDto, facts: { dutyNowRostered: boolean; checklistItems: number }): ReadinessDto {
  const gaps: ReadinessGapDto[] = [];
  const gap = (g: Omit<ReadinessGapDto, 'groupKey' | 'communityId' | 'role' | 'params'> & Partial<ReadinessGapDto>) =>
    gaps.push({ groupKey: null, communityId: null, role: null, params: {}, ...g });

  for (const l of s.leaders) {
    if (!l.person) gap({ kind: 'leader_missing', what: `未指定${l.roleName}`, where: l.roleName, role: l.role });
    else if (!l.person.phone) gap({ kind: 'leader_phone_missing', what: `${l.roleName} ${l.person.name} 缺少电话`, where: l.roleName, role: l.role, params: { name: l.person.name } });
  }
  for (const g of s.groups) {
    if (!g.lead) gap({ kind: 'group_lead_missing', what: `${g.name} 没有组长`, where: g.name, groupKey: g.key });
    else if (!g.lead.phone) gap({ kind: 'group_lead_phone_missing', what: `${g.name} 组长 ${g.lead.name} 缺少电话`, where: g.name, groupKey: g.key, params: { name: g.lead.name } });
    if (g.members.length === 0) gap({ kind: 'group_no_members', what: `${g.name} 没有组员`, where: g.name, groupKey: g.key });
  }
  for (const c of s.baobao) {
    const people = { district_leader: c.districtLeader, street_cadre: c.streetCadre, community_cadre: c.communityCadre };
    const missing = baobaoLevels.filter((l) => !people[l]);
    if (missing.length) {
      gap({
        kind: 'baobao_missing',
        what: `${c.communityName} 三级包保缺少${missing.map((l) => baobaoLevelNames[l].zh).join('、')}`,
        where: c.communityName,
        communityId: c.communityId,
        params: { community: c.communityName, levels: missing },
      });
    }
    const noPhone = baobaoLevels.filter((l) => people[l] && !people[l]!.phone);
    if (noPhone.length) {
      gap({
        kind: 'baobao_phone_missing',
        what: `${c.communityName} 包保${noPhone.map((l) => `${baobaoLevelNames[l].zh} ${people[l]!.name}`).join('、')} 缺少电话`,
        where: c.communityName,
        communityId: c.communityId,
        params: { community: c.communityName, people: noPhone.map((l) => ({ level: l, name: people[l]!.name })) },
      });
    }
  }
  if (!facts.dutyNowRostered) gap({ kind: 'no_duty_today', what: '当前班次没有排班（领导带班、值班员）', where: '值班表' });
  if (facts.checklistItems === 0) gap({ kind: 'checklist_empty', what: '启动清单模板是空的', where: '启动清单' });
  return { ready: gaps.length === 0, gaps };
}
