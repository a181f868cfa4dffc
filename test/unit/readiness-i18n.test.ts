import { describe, expect, test } from 'vitest';
import i18next from 'i18next';
import zh from '../../renderer/i18n/zh-CN.json';
import en from '../../renderer/i18n/en.json';
import { readinessGapDto, type CommandStructureDto } from '../../shared/api/command';
import { findReadinessGaps } from '../../shared/domain/readiness';
import { leaderRoleNames, leaderRoles, workGroupKeys, workGroupNames } from '../../shared/domain/workgroups';
import { gapText } from '../../renderer/features/command/gapText';

/** Readiness gaps come as a stable kind + params; the UI says them in its language, and in Chinese exactly as the printouts do. */

const person = (name: string, phone: string | null = '13800000000') => ({ name, phone });

function structure(): CommandStructureDto {
  return {
    leaders: leaderRoles.map((role, i) => ({ role, roleName: leaderRoleNames[role].zh, person: i === 0 ? null : person('吴书记', i === 1 ? null : '13800000001') })),
    groups: workGroupKeys.map((key, i) => ({
      key,
      name: workGroupNames[key].zh,
      lead: i === 0 ? null : person('周组长', i === 1 ? null : '13900000000'),
      members: i === 2 ? [] : [person('组员甲')],
      tasks: null,
    })),
    baobao: [
      { communityId: 1, communityName: '东山社区', districtLeader: null, streetCadre: person('街道干部乙', null), communityCadre: null },
      { communityId: 2, communityName: '西河社区', districtLeader: person('区领导丙'), streetCadre: person('街道干部丁'), communityCadre: person('社区干部戊') },
    ],
    updatedAt: null,
    updatedBy: null,
  };
}

async function translator(lng: string) {
  const i = i18next.createInstance();
  await i.init({ resources: { 'zh-CN': { translation: zh }, en: { translation: en } }, lng, fallbackLng: 'zh-CN', interpolation: { escapeValue: false } });
  return (key: string, o?: Record<string, unknown>) => i.t(key, o) as string;
}

describe('readiness gaps in the interface language', () => {
  const gaps = findReadinessGaps(structure(), { dutyNowRostered: false, checklistItems: 0 }).gaps;

  test('every kind of gap occurs in the example and passes the contract', () => {
    expect(new Set(gaps.map((g) => g.kind))).toEqual(new Set(readinessGapDto.shape.kind.options));
    for (const g of gaps) expect(readinessGapDto.parse(g)).toEqual(g);
  });

  test('zh-CN renders each gap exactly as the server words it for print and the log', async () => {
    const t = await translator('zh-CN');
    for (const g of gaps) expect(gapText(g, t, 'zh-CN')).toBe(g.what);
  });

  test('English renders English: only the names of people and communities (and the term 包保) stay in Chinese', async () => {
    const t = await translator('en');
    const lines = gaps.map((g) => gapText(g, t, 'en'));
    expect(lines).toContain('No Area chief assigned');
    expect(lines).toContain('Commander 吴书记 has no phone number');
    expect(lines).toContain('Community screening group has no lead');
    expect(lines).toContain('东山社区: three-level responsibility (包保) missing District leader, Community cadre');
    expect(lines).toContain('东山社区: no phone number for Street cadre 街道干部乙 (包保)');
    expect(lines).toContain('The current shift is not rostered (leader on duty, duty officers)');
    for (const line of lines) {
      const rest = line.replace(/吴书记|周组长|东山社区|街道干部乙|包保/g, '');
      expect(rest, line).not.toMatch(/[\u4e00-\u9fff]/);
      expect(line, line).not.toMatch(/command\.readiness|\{\{/);
    }
  });
});
