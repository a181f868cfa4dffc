import loadHighs, { type Highs } from 'highs';
import type { LpResult, SolveLp } from '../../../shared/domain/sampling-plan';

/**
 * HiGHS (MIT, WebAssembly, offline) behind the planner's `SolveLp`. Loaded once per process; a solve blocks the
 * thread it runs on, so large models belong in a worker (issue 12: "a larger exact model may refine it in a worker").
 */
let highs: Promise<Highs> | null = null;

export function loadSolver(): Promise<SolveLp> {
  highs ??= loadHighs();
  return highs.then((h) => (lp: string): LpResult => {
    const r = h.solve(lp, { output_flag: false, time_limit: 5, mip_rel_gap: 0.01 });
    const columns: Record<string, number> = {};
    if (r.Status === 'Optimal' || r.Status === 'Time limit reached') for (const [name, col] of Object.entries(r.Columns)) columns[name] = (col as { Primal: number }).Primal;
    return { status: r.Status, columns };
  });
}
