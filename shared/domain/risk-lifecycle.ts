import type { LiftRule, PolicyProfile, RiskLevel, RiskLevelKey } from './policy';
import { addDays, DAY_MS, formatDate, shanghaiMs } from './shanghai-time';

/**
 * The lifecycle of one risk area as a pure state machine (STYLE.md section 4): the state is derived from the area's
 * recorded facts (publication, infections, all-negative rounds, downgrades, its end) and the profile, with `now` as an
 * argument. Nothing is stored but the facts, so a restart, a profile's data or an accelerated drill clock give the
 * same answer from the same facts.
 *
 * Rules, from the profile (shared/domain/policy.ts `lift` / `liftAfterDowngrade`):
 * - The count of days without a new infection runs from the latest of: the publication (when the measures take
 *   effect), the last downgrade, the last infection that restarts the clock. Days are Asia/Shanghai calendar days;
 *   the start day is day 0, so a high area published on 1 December reaches day 7 on 8 December.
 * - A step needs `daysWithoutCase` days and, when `allNegativeRoundOnDay` is set, an all-negative round of everyone
 *   sampled on that day or later (a round before it, or before the clock restarted, does not count).
 * - An area drawn at a level follows `lift`; one that came down to it follows `liftAfterDowngrade` (if the profile
 *   has one). `to` a drawable level is a downgrade; anything else lifts the area (it ends, 'low').
 * - A community finding (社会面) always restarts the clock; an in-control finding (管控中发现) only when the profile's
 *   `inControlFindingRestartsClock` says so.
 */

export type InfectionFoundAt = 'in_control' | 'community';

export type LifecycleFact =
  | { kind: 'infection'; at: number; foundAt: InfectionFoundAt }
  | { kind: 'negative_round'; at: number }
  | { kind: 'downgraded'; at: number; to: RiskLevelKey };

export interface AreaFacts {
  drawnLevel: RiskLevelKey;
  /** null while the area is only delineated. */
  publishedAt: number | null;
  /** Set when the area was lifted or revoked. */
  ended: { kind: 'lifted' | 'revoked'; at: number } | null;
  facts: readonly LifecycleFact[];
}

export type LifecycleStage = 'not_started' | 'counting' | 'awaiting_round' | 'due' | 'ended';
export type StepAction = 'downgrade' | 'lift';

export interface NextStep {
  action: StepAction;
  to: RiskLevelKey;
  /** YYYY-MM-DD (Shanghai) of the day the step can be taken. */
  date: string;
  /** Start of that day (ms). */
  at: number;
  due: boolean;
}

export interface LifecycleState {
  stage: LifecycleStage;
  level: RiskLevelKey;
  clockStartedAt: number | null;
  day: number;
  daysNeeded: number;
  roundDay: number | null;
  roundDate: string | null;
  roundDone: boolean;
  next: NextStep | null;
  words: string;
  nextWords: string | null;
}

/** Whether an infection found there restarts the count under this profile. */
export function restartsClock(profile: PolicyProfile, foundAt: InfectionFoundAt): boolean {
  return foundAt === 'community' || profile.inControlFindingRestartsClock;
}

/** The level now: the drawn level, then each downgrade in order. */
export function currentLevel(area: Pick<AreaFacts, 'drawnLevel' | 'facts'>): RiskLevelKey {
  let level = area.drawnLevel;
  for (const f of sortedFacts(area.facts)) if (f.kind === 'downgraded') level = f.to;
  return level;
}

export function levelOf(profile: PolicyProfile, key: RiskLevelKey): RiskLevel {
  const l = profile.riskLevels.find((x) => x.key === key);
  if (!l) throw new Error(`政策版本 ${profile.name} 没有风险等级 ${key}`);
  return l;
}

/** The rule of the next step for an area at `level` (came down to it, or drawn at it). */
export function ruleFor(profile: PolicyProfile, level: RiskLevelKey, cameDown: boolean): LiftRule {
  const l = levelOf(profile, level);
  return cameDown ? (l.liftAfterDowngrade ?? l.lift) : l.lift;
}

/** What a rule's `to` means: a downgrade to a drawable level, or lifting (the area ends at low). */
export function stepOf(profile: PolicyProfile, rule: LiftRule): { action: StepAction; to: RiskLevelKey } {
  const target = rule.to === 'routine' ? undefined : profile.riskLevels.find((l) => l.key === rule.to);
  return target?.drawable ? { action: 'downgrade', to: target.key } : { action: 'lift', to: 'low' };
}

/** Calendar days from one Shanghai date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((shanghaiMs(to) - shanghaiMs(from)) / DAY_MS);
}

/** "12月3日". */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

const sortedFacts = (facts: readonly LifecycleFact[]) => [...facts].sort((a, b) => a.at - b.at);

/** The state of an area at `now`. */
export function lifecycleState(profile: PolicyProfile, area: AreaFacts, now: number): LifecycleState {
  const level = currentLevel(area);
  const levelName = levelOf(profile, level).name;
  const blank = { level, clockStartedAt: null, day: 0, daysNeeded: 0, roundDay: null, roundDate: null, roundDone: false, next: null, nextWords: null };
  if (area.ended) {
    const when = monthDay(formatDate(area.ended.at));
    return { ...blank, stage: 'ended', words: area.ended.kind === 'lifted' ? `已于 ${when} 解除` : `已于 ${when} 撤销` };
  }
  if (area.publishedAt === null) {
    return { ...blank, stage: 'not_started', words: `${levelName}尚未发布；发布后开始计算无新增感染者天数` };
  }

  const facts = sortedFacts(area.facts);
  const cameDown = level !== area.drawnLevel;
  let clockStart = area.publishedAt;
  let restartedBy: number | null = null;
  for (const f of facts) {
    if (f.kind === 'downgraded' && f.at > clockStart) {
      clockStart = f.at;
      restartedBy = null;
    }
    if (f.kind === 'infection' && f.at >= clockStart && restartsClock(profile, f.foundAt)) {
      clockStart = f.at;
      restartedBy = f.at;
    }
  }
  const rule = ruleFor(profile, level, cameDown);
  const step = stepOf(profile, rule);
  const startDate = formatDate(clockStart);
  const day = Math.max(0, daysBetween(startDate, formatDate(now)));
  const n = rule.daysWithoutCase;
  const roundDay = rule.allNegativeRoundOnDay;
  const roundDate = roundDay === null ? null : addDays(startDate, roundDay);
  const roundDone =
    roundDate !== null && facts.some((f) => f.kind === 'negative_round' && f.at >= clockStart && f.at <= now && formatDate(f.at) >= roundDate);
  const daysMet = day >= n;
  const due = daysMet && (roundDay === null || roundDone);
  const date = addDays(startDate, n);
  const next: NextStep = { ...step, date, at: shanghaiMs(date), due };
  const stage: LifecycleStage = due ? 'due' : daysMet ? 'awaiting_round' : 'counting';

  const target = step.action === 'downgrade' ? `降为${levelOf(profile, step.to).name}` : '解除';
  const roundWords = roundDay === null ? '' : roundDone ? `，第 ${roundDay} 天全员核酸阴性` : `，第 ${roundDay} 天全员核酸待完成（${monthDay(roundDate!)}）`;
  const origin = restartedBy !== null ? `（${monthDay(formatDate(restartedBy))}有新增感染者，重新计时）` : cameDown ? `（由${levelOf(profile, area.drawnLevel).name}降级）` : '';
  const words = `第 ${day} 天 / ${n}${roundWords}${origin}`;
  const needs = roundDay !== null && !roundDone ? `（须第 ${roundDay} 天全员核酸阴性）` : '';
  const nextWords = due ? `现在可${target}（须确认）` : daysMet ? `第 ${roundDay} 天全员核酸阴性后可${target}` : `${monthDay(date)} 可${target}${needs}`;

  return { stage, level, clockStartedAt: clockStart, day, daysNeeded: n, roundDay, roundDate, roundDone, next, words, nextWords };
}

/**
 * Why a downgrade or lift cannot be taken now, in words, or null when it can: the step must be the area's next one
 * and due (the days reached and the round, if required, done).
 */
export function stepRefusal(profile: PolicyProfile, state: LifecycleState, action: StepAction): string | null {
  if (state.stage === 'ended') return '该风险区已结束（已解除或已撤销）。';
  if (state.stage === 'not_started' || !state.next) return '该风险区尚未发布，不能降级或解除。';
  if (state.next.action !== action) {
    return state.next.action === 'lift'
      ? `该风险区的下一步是解除，不是降级。`
      : `该风险区的下一步是降为${levelOf(profile, state.next.to).name}，不能直接解除。`;
  }
  if (!state.next.due) return `还不能${action === 'lift' ? '解除' : '降级'}：${state.words}；${state.nextWords}。`;
  return null;
}

export interface ProjectedStep extends NextStep {
  /** Still waits for an all-negative round. */
  needsRound: boolean;
  words: string;
}

/**
 * The steps ahead of an area if no new infection is found, assuming each is taken on its first day: a 第九版 high
 * area published on 1 December → medium on 8 December (after the day-7 round) → lifted on 11 December.
 */
export function projectSteps(profile: PolicyProfile, area: AreaFacts, now: number): ProjectedStep[] {
  const out: ProjectedStep[] = [];
  let state = lifecycleState(profile, area, now);
  let facts = [...area.facts];
  for (let guard = 0; guard < 3 && state.next; guard++) {
    const next = state.next;
    const needsRound = state.roundDay !== null && !state.roundDone;
    const target = next.action === 'downgrade' ? `降为${levelOf(profile, next.to).name}` : '解除';
    out.push({ ...next, due: guard === 0 && next.due, needsRound, words: `${monthDay(next.date)} 可${target}${needsRound ? `（须第 ${state.roundDay} 天全员核酸阴性）` : ''}` });
    if (next.action === 'lift') break;
    // Assume the step is taken at the start of its day (or now, if it is already due) with the round done.
    const at = Math.max(next.at, now);
    if (needsRound) facts = [...facts, { kind: 'negative_round', at }];
    facts = [...facts, { kind: 'downgraded', at, to: next.to }];
    state = lifecycleState(profile, { ...area, facts }, at);
  }
  return out;
}
