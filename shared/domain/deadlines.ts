import type { DeadlineRule, PolicyProfile } from './policy';
import { workGroupNames, type WorkGroupKey } from './workgroups';

/**
 * Deadline clocks of an emergency, derived (never stored as timers) from T0, the reports, the profile's rules,
 * the done marks and `now`. Pure: the same inputs give the same board, in a test, after a restart or in a drill.
 */

export const HOUR_MS = 3_600_000;
/** Under this much time left a deadline turns amber. */
export const SOON_MS = 30 * 60_000;
/** A T0 this far in the future is refused (clocks of two machines disagree a little). */
export const T0_FUTURE_TOLERANCE_MS = 60_000;
/** A T0 older than this needs an explicit confirmation (probably a typo in the date). */
export const T0_CONFIRM_AGE_MS = 72 * HOUR_MS;

export type DeadlineStatus = 'pending' | 'done' | 'overdue';
export type Urgency = 'overdue' | 'soon' | 'ok';

/** One clock of an emergency as stored: the rule copied from the profile at the switch (or at a new report). */
export interface DeadlineInstance {
  id: number;
  key: string;
  name: string;
  nameEn: string;
  ownerGroup: WorkGroupKey;
  anchor: 't0' | 'each_report';
  /** Set when anchor is 'each_report'. */
  reportId: number | null;
  hours: number;
  targetHours: number | null;
}

export interface DoneMark<By> {
  at: number;
  by: By;
}

export interface DeadlineInputs<By> {
  /** Effective T0 (after corrections). */
  t0: number;
  /** Report times by report id; the trigger report's time is T0. */
  reportTimes: ReadonlyMap<number, number>;
  items: readonly DeadlineInstance[];
  done: ReadonlyMap<number, DoneMark<By>>;
  now: number;
}

export interface DeadlineView<By> {
  id: number;
  key: string;
  name: string;
  nameEn: string;
  ownerGroup: WorkGroupKey;
  ownerGroupName: string;
  reportId: number | null;
  startsAt: number;
  dueAt: number;
  targetAt: number | null;
  remainingMs: number;
  status: DeadlineStatus;
  urgency: Urgency;
  doneAt: number | null;
  doneBy: By | null;
  doneLate: boolean;
}

export function statusOf(dueAt: number, now: number, doneAt: number | null): DeadlineStatus {
  if (doneAt !== null) return 'done';
  return now > dueAt ? 'overdue' : 'pending';
}

export function urgencyOf(status: DeadlineStatus, remainingMs: number): Urgency {
  if (status === 'done') return 'ok';
  if (status === 'overdue') return 'overdue';
  return remainingMs < SOON_MS ? 'soon' : 'ok';
}

const urgencyRank: Record<Urgency, number> = { overdue: 0, soon: 1, ok: 2 };

/** Open deadlines first (overdue, then under 30 minutes, then the rest, each by due time); done ones last. */
export function compareDeadlines<By>(a: DeadlineView<By>, b: DeadlineView<By>): number {
  const aDone = a.status === 'done' ? 1 : 0;
  const bDone = b.status === 'done' ? 1 : 0;
  if (aDone !== bDone) return aDone - bDone;
  if (aDone) return (a.doneAt ?? 0) - (b.doneAt ?? 0) || a.id - b.id;
  return urgencyRank[a.urgency] - urgencyRank[b.urgency] || a.dueAt - b.dueAt || a.id - b.id;
}

export function computeDeadlines<By>(input: DeadlineInputs<By>): DeadlineView<By>[] {
  return input.items
    .map((item) => {
      const startsAt = item.anchor === 'each_report' && item.reportId !== null ? (input.reportTimes.get(item.reportId) ?? input.t0) : input.t0;
      const dueAt = startsAt + Math.round(item.hours * HOUR_MS);
      const mark = input.done.get(item.id) ?? null;
      const status = statusOf(dueAt, input.now, mark ? mark.at : null);
      const remainingMs = dueAt - input.now;
      return {
        id: item.id,
        key: item.key,
        name: item.name,
        nameEn: item.nameEn,
        ownerGroup: item.ownerGroup,
        ownerGroupName: workGroupNames[item.ownerGroup].zh,
        reportId: item.reportId,
        startsAt,
        dueAt,
        targetAt: item.targetHours !== null ? startsAt + Math.round(item.targetHours * HOUR_MS) : null,
        remainingMs,
        status,
        urgency: urgencyOf(status, remainingMs),
        doneAt: mark ? mark.at : null,
        doneBy: mark ? mark.by : null,
        doneLate: mark ? mark.at > dueAt : false,
      };
    })
    .sort(compareDeadlines);
}

/** The rules that start when an emergency is switched on (all of them; per-report ones for the trigger report). */
export function rulesAtSwitch(profile: PolicyProfile): DeadlineRule[] {
  return profile.deadlines;
}

/** The rules that start with a later positive report (its own reporting clock). */
export function rulesForNewReport(profile: PolicyProfile): DeadlineRule[] {
  return profile.deadlines.filter((d) => d.anchor === 'each_report');
}

export type T0Check = { ok: true } | { ok: false; reason: 'future' | 'old'; ageMs: number };

/** Refuse a T0 in the future (beyond a minute of tolerance); ask for confirmation when it is more than 72 h ago. */
export function checkT0(t0: number, now: number): T0Check {
  const ageMs = now - t0;
  if (-ageMs > T0_FUTURE_TOLERANCE_MS) return { ok: false, reason: 'future', ageMs };
  if (ageMs > T0_CONFIRM_AGE_MS) return { ok: false, reason: 'old', ageMs };
  return { ok: true };
}
