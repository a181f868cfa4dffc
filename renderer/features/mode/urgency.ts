/** How a deadline looks right now. Under 30 minutes left is amber; past due and not done is red. */
export type Urgency = 'done' | 'overdue' | 'soon' | 'pending';

export const SOON_MS = 30 * 60_000;

export interface DeadlineTiming {
  dueAt: number;
  doneAt: number | null;
}

export function urgencyOf(d: DeadlineTiming, now: number): Urgency {
  if (d.doneAt !== null) return 'done';
  const left = d.dueAt - now;
  if (left < 0) return 'overdue';
  if (left < SOON_MS) return 'soon';
  return 'pending';
}

/** Open deadlines first, the one due soonest (or most overdue) on top; done ones last, most recent first. */
export function byUrgency<T extends DeadlineTiming>(deadlines: readonly T[]): T[] {
  return [...deadlines].sort((a, b) => {
    const aDone = a.doneAt !== null;
    const bDone = b.doneAt !== null;
    if (aDone !== bDone) return aDone ? 1 : -1;
    if (aDone && bDone) return (b.doneAt ?? 0) - (a.doneAt ?? 0);
    return a.dueAt - b.dueAt;
  });
}
