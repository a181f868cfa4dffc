import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultPolicyProfileId, findPolicyProfile, parsePolicyProfile, policyProfiles, policyProfileSchema } from '../../shared/domain/policy';

/** Policy profiles are data: every file is valid, says what the period said, and a broken profile is refused. */

const dir = path.resolve('shared/domain/policies');
const days = (p: { phases: { days: number }[] }) => p.phases.map((x) => x.days);

describe('policy profiles', () => {
  test('every JSON file in shared/domain/policies is a valid, registered profile named after its file', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const p = parsePolicyProfile(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')), f);
      expect(p.id).toBe(f.replace(/\.json$/, ''));
      expect(policyProfiles.map((x) => x.id)).toContain(p.id);
    }
    expect(findPolicyProfile(defaultPolicyProfileId)).toBeTruthy();
  });

  test('every profile carries the six deadlines of DOMAIN.md with an owner group', () => {
    for (const p of policyProfiles) {
      expect(p.deadlines.map((d) => d.key).sort()).toEqual(
        ['area_tested', 'arrivals_checked', 'isolation_transfer', 'online_report', 'risk_areas_published', 'sampling_sites_open'],
      );
      const h = Object.fromEntries(p.deadlines.map((d) => [d.key, d.hours]));
      expect(h).toMatchObject({ online_report: 2, sampling_sites_open: 4, risk_areas_published: 5, arrivals_checked: 8, isolation_transfer: 12 });
    }
  });

  test('第九版: high / medium / low, lifted after 7 days with an all-negative round on day 7; close contacts 7 + 3', () => {
    const p = findPolicyProfile('cn-2022-jun-v9')!;
    expect(p.riskLevels.map((l) => l.key)).toEqual(['high', 'medium', 'low']);
    const high = p.riskLevels.find((l) => l.key === 'high')!;
    expect(high.lift).toEqual({ daysWithoutCase: 7, allNegativeRoundOnDay: 7, to: 'medium' });
    expect(high.measures).toEqual(['足不出户', '上门服务', '上门采样']);
    // A high area that came down to medium needs only 3 more days, with no round; one drawn as medium needs 7 and a round.
    const medium = p.riskLevels.find((l) => l.key === 'medium')!;
    expect(medium.lift).toEqual({ daysWithoutCase: 7, allNegativeRoundOnDay: 7, to: 'low' });
    expect(medium.liftAfterDowngrade).toEqual({ daysWithoutCase: 3, allNegativeRoundOnDay: null, to: 'low' });
    expect(p.riskLevels.filter((l) => l.drawable).map((l) => l.key)).toEqual(['high', 'medium']);
    expect(p.inControlFindingRestartsClock).toBe(true);
    const cc = p.management.find((m) => m.category === 'close_contact')!;
    expect(days(cc)).toEqual([7, 3]);
    expect(cc.phases[0].testDays).toEqual([1, 2, 3, 5, 7]);
    expect(p.management.find((m) => m.category === 'contact_of_contact')!.phases[0].testDays).toEqual([1, 4, 7]);
    expect(p.deadlines.find((d) => d.key === 'area_tested')!.hours).toBe(24);
  });

  test('二十条: high and low only, 5 days; close contacts 5 + 3', () => {
    const p = findPolicyProfile('cn-2022-nov-20')!;
    expect(p.riskLevels.map((l) => l.key)).toEqual(['high', 'low']);
    expect(p.riskLevels[0].lift.daysWithoutCase).toBe(5);
    expect(days(p.management.find((m) => m.category === 'close_contact')!)).toEqual([5, 3]);
    expect(p.management.some((m) => m.category === 'contact_of_contact')).toBe(false);
    expect(p.riskLevels[0].lift).toEqual({ daysWithoutCase: 5, allNegativeRoundOnDay: null, to: 'low' });
  });

  test('新十条 (Dec 2022): still high and low, 5 days, but a finding among people under control does not restart the clock', () => {
    const nov = findPolicyProfile('cn-2022-nov-20')!;
    const dec = findPolicyProfile('cn-2022-dec-10')!;
    expect(dec.riskLevels.map((l) => [l.key, l.lift.daysWithoutCase])).toEqual([['high', 5], ['low', 5]]);
    expect(nov.inControlFindingRestartsClock).toBe(true);
    expect(dec.inControlFindingRestartsClock).toBe(false);
  });

  test('2021 seeds: 14-day isolations, inbound 14 + 7 + 7, high-risk arrivals 14 days centralised with 2 tests', () => {
    const p = findPolicyProfile('cn-2021-seeds')!;
    expect(days(p.management.find((m) => m.category === 'inbound')!)).toEqual([14, 7, 7]);
    const arrival = p.management.find((m) => m.category === 'high_risk_arrival')!;
    expect(arrival.phases).toEqual([{ kind: 'centralised_isolation', days: 14, testDays: [1, 14] }]);
    expect(p.riskLevels.every((l) => l.lift.daysWithoutCase === 14)).toBe(true);
  });

  test('a broken profile is refused with the field that is wrong', () => {
    const good = JSON.parse(fs.readFileSync(path.join(dir, 'cn-2022-nov-20.json'), 'utf8'));
    const dupe = { ...good, deadlines: [...good.deadlines, good.deadlines[0]] };
    expect(() => parsePolicyProfile(dupe, 'dupe.json')).toThrow(/dupe\.json.*deadlines\.6\.key.*重复/);
    // 二十条 has no medium level, so lifting a high area to medium is an error.
    const badLift = structuredClone(good);
    badLift.riskLevels[0].lift.to = 'medium';
    expect(() => parsePolicyProfile(badLift, 'lift.json')).toThrow(/riskLevels\.0\.lift\.to/);
    const badTarget = structuredClone(good);
    badTarget.deadlines[1].targetHours = 9;
    expect(policyProfileSchema.safeParse(badTarget).success).toBe(false);
    expect(policyProfileSchema.safeParse({ ...good, deadlines: [] }).success).toBe(false);
    // A step must go down, and its round cannot come after the days it needs.
    const up = structuredClone(good);
    up.riskLevels[1].lift.to = 'high';
    expect(() => parsePolicyProfile(up, 'up.json')).toThrow(/riskLevels\.1\.lift\.to.*须低于/);
    const lateRound = structuredClone(good);
    lateRound.riskLevels[0].lift.allNegativeRoundOnDay = 6;
    expect(() => parsePolicyProfile(lateRound, 'round.json')).toThrow(/allNegativeRoundOnDay/);
    const nothingToDraw = structuredClone(good);
    nothingToDraw.riskLevels[0].drawable = false;
    expect(() => parsePolicyProfile(nothingToDraw, 'draw.json')).toThrow(/可划定/);
  });
});
