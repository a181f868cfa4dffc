import { describe, expect, test } from 'vitest';
import { findPolicyProfile } from '../../shared/domain/policy';
import { currentLevel, lifecycleState, projectSteps, stepRefusal, type AreaFacts, type LifecycleFact } from '../../shared/domain/risk-lifecycle';
import { shanghaiMs } from '../../shared/domain/shanghai-time';

/** The lifecycle rules of issue 11 as cases: 第九版, 二十条 and the December 2022 measures, with the clock as an argument. */

const v9 = findPolicyProfile('cn-2022-jun-v9')!;
const nov = findPolicyProfile('cn-2022-nov-20')!;
const dec = findPolicyProfile('cn-2022-dec-10')!;

/** Day d after 1 December 2022 at hh:mm in Shanghai (the area is published on day 0 at 10:00). */
const onDay = (d: number, time = '10:00') => shanghaiMs(`2022-12-${String(1 + d).padStart(2, '0')}`, time);

const area = (drawnLevel: AreaFacts['drawnLevel'], facts: LifecycleFact[] = []): AreaFacts => ({ drawnLevel, publishedAt: onDay(0), ended: null, facts });

describe('第九版 (June 2022)', () => {
  test('a high area with no new infection and a negative day-7 round becomes medium on day 7 and low on day 10', () => {
    let a = area('high');
    const s5 = lifecycleState(v9, a, onDay(5));
    expect(s5.stage).toBe('counting');
    expect(s5.words).toBe('第 5 天 / 7，第 7 天全员核酸待完成（12月8日）');
    expect(s5.next).toMatchObject({ action: 'downgrade', to: 'medium', date: '2022-12-08', due: false });
    expect(s5.nextWords).toBe('12月8日 可降为中风险区（须第 7 天全员核酸阴性）');
    // A downgrade before day 7 is refused in words.
    expect(stepRefusal(v9, s5, 'downgrade')).toMatch(/还不能降级/);

    // Day 7 without the round: the days are reached, the step waits for the round.
    const s7 = lifecycleState(v9, a, onDay(7, '08:00'));
    expect(s7.stage).toBe('awaiting_round');
    expect(s7.next!.due).toBe(false);

    a = area('high', [{ kind: 'negative_round', at: onDay(7, '09:00') }]);
    const s7done = lifecycleState(v9, a, onDay(7, '12:00'));
    expect(s7done.stage).toBe('due');
    expect(s7done.words).toBe('第 7 天 / 7，第 7 天全员核酸阴性');
    expect(stepRefusal(v9, s7done, 'downgrade')).toBeNull();
    // The next step of a high area is a downgrade, not a lift.
    expect(stepRefusal(v9, s7done, 'lift')).toMatch(/降为中风险区/);

    // Downgraded on day 7: medium, and only 3 more days without a round (it came down from high).
    a = area('high', [...a.facts, { kind: 'downgraded', at: onDay(7, '12:30'), to: 'medium' }]);
    expect(currentLevel(a)).toBe('medium');
    const s9 = lifecycleState(v9, a, onDay(9));
    expect(s9.level).toBe('medium');
    expect(s9).toMatchObject({ stage: 'counting', day: 2, daysNeeded: 3, roundDay: null });
    expect(s9.words).toBe('第 2 天 / 3（由高风险区降级）');
    const s10 = lifecycleState(v9, a, onDay(10, '00:01'));
    expect(s10.stage).toBe('due');
    expect(s10.next).toMatchObject({ action: 'lift', to: 'low', date: '2022-12-11', due: true });
  });

  test('a new community infection on day 5 restarts the clock; the old day-7 round no longer counts', () => {
    const a = area('high', [{ kind: 'infection', at: onDay(5, '15:00'), foundAt: 'community' }]);
    const s = lifecycleState(v9, a, onDay(7));
    expect(s.day).toBe(2);
    expect(s.stage).toBe('counting');
    expect(s.roundDate).toBe('2022-12-13'); // day 7 counted from day 5
    expect(s.words).toBe('第 2 天 / 7，第 7 天全员核酸待完成（12月13日）（12月6日有新增感染者，重新计时）');
    // A round on the old day 7 (before the new day 7) does not complete the step.
    const withOldRound = area('high', [...a.facts, { kind: 'negative_round', at: onDay(7) }]);
    expect(lifecycleState(v9, withOldRound, onDay(12)).stage).toBe('awaiting_round');
    const withNewRound = area('high', [...withOldRound.facts, { kind: 'negative_round', at: onDay(12) }]);
    expect(lifecycleState(v9, withNewRound, onDay(12, '18:00')).stage).toBe('due');
  });

  test('an in-control finding restarts the clock under 第九版', () => {
    const a = area('high', [{ kind: 'infection', at: onDay(5), foundAt: 'in_control' }]);
    expect(lifecycleState(v9, a, onDay(7)).day).toBe(2);
  });

  test('an area drawn as medium needs 7 days and an all-negative day-7 round, then it is lifted', () => {
    const a = area('medium', [{ kind: 'negative_round', at: onDay(7) }]);
    expect(lifecycleState(v9, a, onDay(6)).next).toMatchObject({ action: 'lift', to: 'low', date: '2022-12-08', due: false });
    expect(lifecycleState(v9, a, onDay(7, '11:00')).stage).toBe('due');
    expect(lifecycleState(v9, area('medium'), onDay(9)).stage).toBe('awaiting_round');
  });

  test('the calendar projects high → medium on day 7 → lifted on day 10', () => {
    const steps = projectSteps(v9, area('high'), onDay(1));
    expect(steps.map((s) => [s.action, s.to, s.date, s.needsRound])).toEqual([
      ['downgrade', 'medium', '2022-12-08', true],
      ['lift', 'low', '2022-12-11', false],
    ]);
    expect(steps[0].words).toBe('12月8日 可降为中风险区（须第 7 天全员核酸阴性）');
  });
});

describe('二十条 (Nov 2022) and the December 2022 measures', () => {
  test('under 二十条 a high area is lifted on day 5 without a round', () => {
    const a = area('high');
    const s4 = lifecycleState(nov, a, onDay(4, '23:59'));
    expect(s4).toMatchObject({ stage: 'counting', day: 4, daysNeeded: 5, roundDay: null });
    expect(s4.words).toBe('第 4 天 / 5');
    const s5 = lifecycleState(nov, a, onDay(5, '00:00'));
    expect(s5.stage).toBe('due');
    expect(s5.next).toMatchObject({ action: 'lift', to: 'low', date: '2022-12-06', due: true });
    expect(stepRefusal(nov, s5, 'lift')).toBeNull();
    expect(stepRefusal(nov, s5, 'downgrade')).toMatch(/下一步是解除/);
  });

  test('an in-control finding restarts the clock under 二十条 but not under the December 2022 measures', () => {
    const found: LifecycleFact[] = [{ kind: 'infection', at: onDay(3), foundAt: 'in_control' }];
    expect(lifecycleState(nov, area('high', found), onDay(5)).stage).toBe('counting');
    expect(lifecycleState(nov, area('high', found), onDay(5)).day).toBe(2);
    const s = lifecycleState(dec, area('high', found), onDay(5));
    expect(s.stage).toBe('due');
    expect(s.day).toBe(5);
    // A community finding restarts it under every profile.
    expect(lifecycleState(dec, area('high', [{ kind: 'infection', at: onDay(3), foundAt: 'community' }]), onDay(5)).day).toBe(2);
  });
});

describe('before publication and after the end', () => {
  test('an unpublished area does not count; a lifted or revoked one has ended', () => {
    const draft: AreaFacts = { drawnLevel: 'high', publishedAt: null, ended: null, facts: [] };
    const s = lifecycleState(v9, draft, onDay(9));
    expect(s.stage).toBe('not_started');
    expect(s.next).toBeNull();
    expect(stepRefusal(v9, s, 'downgrade')).toMatch(/尚未发布/);
    const lifted = lifecycleState(nov, { ...area('high'), ended: { kind: 'lifted', at: onDay(5) } }, onDay(6));
    expect(lifted).toMatchObject({ stage: 'ended', words: '已于 12月6日 解除', next: null });
    expect(stepRefusal(nov, lifted, 'lift')).toMatch(/已结束/);
    expect(projectSteps(nov, { ...area('high'), ended: { kind: 'revoked', at: onDay(1) } }, onDay(2))).toEqual([]);
  });
});
