import { metresBetween } from './coords';
import { defaultSizingRatios } from './sampling-sizing';

/**
 * Which candidate sampling sites to open, and which site each compound goes to (the 15-minute sampling circle).
 *
 * The model (a covering problem with capacities, solved as a mixed-integer programme):
 *   minimise   W · Σ open_j  +  Σ walk_ij / maxWalk · x_ij  +  P · Σ over_j
 *   subject to Σ_j x_ij = 1                      every compound that some candidate reaches goes to one site
 *              x_ij ≤ open_j                       only to an opened site
 *              Σ_i people_i · x_ij ≤ cap_j · open_j + over_j   within capacity (over_j: people over, reported)
 * with x_ij only where the walk (straight line × detour factor) is within the limit. W is larger than any sum of walk
 * terms, so the fewest sites come first and the shortest walks decide between equal counts; P makes any overflow
 * worse than opening every site, so overflow appears only when no choice avoids it, and then is reported.
 * The solver is passed in (`SolveLp`, HiGHS on the Node side) so this module stays pure.
 */

export interface PlanCompound {
  id: number;
  name: string;
  lng: number;
  lat: number;
  population: number;
}

export interface PlanSite {
  id: number;
  name: string;
  lng: number;
  lat: number;
  tables: number;
  /** Hours the site is open within the round (see openingHours). */
  hoursOpen: number;
}

export interface PlanSettings {
  /** Straight-line distance × detour ≤ maxWalkMetres. Default 1 km × 1.3 = 1,300 m, about 15 minutes on foot. */
  maxWalkMetres: number;
  detourFactor: number;
  peoplePerTableHour: number;
  /** Hours of the round a site can sample at most (e.g. 24 h from T0 minus the hours to open sites). */
  roundHours: number;
}

export const defaultPlanSettings: PlanSettings = {
  maxWalkMetres: 1300,
  detourFactor: 1.3,
  peoplePerTableHour: defaultSizingRatios.peoplePerTableHour,
  roundHours: 20,
};

/** What a solver answers for an LP-format model: a status and each column's value. */
export interface LpResult {
  status: string;
  columns: Record<string, number>;
}
export type SolveLp = (lp: string) => LpResult;

export interface SitePlan {
  /** time_limit: the best plan found within the solver's time limit, not proven optimal. */
  status: 'optimal' | 'time_limit' | 'no_candidates' | 'solver_failed';
  opened: number[];
  assignment: { compoundId: number; siteId: number; walkMetres: number }[];
  /** Compounds no candidate reaches, with the nearest candidate and what would fix it. */
  unreachable: { compoundId: number; name: string; nearest: { siteId: number; walkMetres: number } | null; fix: string }[];
  /** Opened sites whose catchment is more than they can sample in the round. */
  overCapacity: { siteId: number; name: string; load: number; capacity: number; extraTables: number }[];
  sitesOpened: number;
  meanWalkMetres: number;
  maxWalkMetres: number;
}

export function walkMetres(c: { lng: number; lat: number }, s: { lng: number; lat: number }, settings: PlanSettings): number {
  return metresBetween(c.lng, c.lat, s.lng, s.lat) * settings.detourFactor;
}

/** People a site can sample in the round: tables × people per table-hour × hours open (capped at the round). */
export function siteCapacity(site: PlanSite, settings: PlanSettings): number {
  return Math.max(0, site.tables) * settings.peoplePerTableHour * Math.max(0, Math.min(site.hoursOpen, settings.roundHours));
}

interface Arc {
  i: number;
  j: number;
  walk: number;
}

function reachArcs(compounds: PlanCompound[], sites: PlanSite[], settings: PlanSettings): Arc[] {
  const arcs: Arc[] = [];
  compounds.forEach((c, i) =>
    sites.forEach((s, j) => {
      const walk = walkMetres(c, s, settings);
      if (walk <= settings.maxWalkMetres) arcs.push({ i, j, walk });
    }),
  );
  return arcs;
}

/** The model in LP format (columns y<j> open, x<i>_<j> assign, o<j> overflow). */
export function siteModel(compounds: PlanCompound[], sites: PlanSite[], arcs: Arc[], settings: PlanSettings): string {
  const W = compounds.length + 1;
  const P = W * (sites.length + 1);
  const byCompound = new Map<number, Arc[]>();
  const bySite = new Map<number, Arc[]>();
  for (const a of arcs) {
    byCompound.set(a.i, [...(byCompound.get(a.i) ?? []), a]);
    bySite.set(a.j, [...(bySite.get(a.j) ?? []), a]);
  }
  const usedSites = [...bySite.keys()].sort((a, b) => a - b);
  const terms: string[] = [];
  for (const j of usedSites) terms.push(`${W} y${j}`, `${P} o${j}`);
  for (const a of arcs) terms.push(`${(a.walk / settings.maxWalkMetres).toFixed(6)} x${a.i}_${a.j}`);
  const rows: string[] = [];
  for (const [i, list] of byCompound) rows.push(`assign${i}: ${list.map((a) => `x${a.i}_${a.j}`).join(' + ')} = 1`);
  for (const a of arcs) rows.push(`link${a.i}_${a.j}: x${a.i}_${a.j} - y${a.j} <= 0`);
  for (const j of usedSites) {
    const load = bySite.get(j)!.map((a) => `${Math.max(0, compounds[a.i].population)} x${a.i}_${a.j}`);
    rows.push(`cap${j}: ${load.join(' + ')} - ${siteCapacity(sites[j], settings)} y${j} - o${j} <= 0`);
  }
  // Only the opening decisions are integer; shares x are continuous (the strong facility-location relaxation),
  // then each compound goes to the opened site that takes most of it (planSites).
  const binaries = usedSites.map((j) => `y${j}`);
  return [
    'Minimize',
    ` obj: ${wrap(terms, ' + ')}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...usedSites.map((j) => ` o${j} >= 0`),
    'Binary',
    ` ${wrap(binaries, ' ')}`,
    'End',
  ].join('\n');
}

/** LP files are read line by line; keep lines short. */
function wrap(items: string[], sep: string): string {
  const lines: string[] = [];
  for (let k = 0; k < items.length; k += 50) lines.push(items.slice(k, k + 50).join(sep));
  return lines.join(sep.trim() === '+' ? '\n + ' : '\n ');
}

export function planSites(compounds: PlanCompound[], sites: PlanSite[], solve: SolveLp, settings: PlanSettings = defaultPlanSettings): SitePlan {
  const arcs = reachArcs(compounds, sites, settings);
  const reached = new Set(arcs.map((a) => a.i));
  const unreachable = compounds.flatMap((c, i) => (reached.has(i) ? [] : [unreachableEntry(c, sites, settings)]));
  const empty = { opened: [], assignment: [], overCapacity: [], sitesOpened: 0, meanWalkMetres: 0, maxWalkMetres: 0 };
  if (arcs.length === 0) return { status: 'no_candidates', unreachable, ...empty };
  const result = solve(siteModel(compounds, sites, arcs, settings));
  if (result.status !== 'Optimal' && result.status !== 'Time limit reached') return { status: 'solver_failed', unreachable, ...empty };
  if (Object.keys(result.columns).length === 0) return { status: 'solver_failed', unreachable, ...empty };
  // One site per compound: the opened site with the largest share (ties: the nearer). A compound split by the
  // relaxation may push its site over capacity; that is reported in overCapacity, never hidden.
  const best = new Map<number, Arc & { share: number }>();
  for (const a of arcs) {
    if ((result.columns[`y${a.j}`] ?? 0) < 0.5) continue;
    const share = result.columns[`x${a.i}_${a.j}`] ?? 0;
    const cur = best.get(a.i);
    if (!cur || share > cur.share + 1e-9 || (Math.abs(share - cur.share) <= 1e-9 && a.walk < cur.walk)) best.set(a.i, { ...a, share });
  }
  const exact = describePlan(compounds, sites, [...best.values()], unreachable, settings, result.status === 'Optimal' ? 'optimal' : 'time_limit');
  if (exact.status === 'optimal') return exact;
  // Not proven within the time limit: never answer worse than the greedy plan.
  const greedy = planSitesGreedy(compounds, sites, settings);
  return rank(greedy) < rank(exact) ? { ...greedy, status: 'time_limit' } : exact;
}

/**
 * The greedy baseline the bench compares with: open the candidate that takes the most unassigned people within
 * reach and capacity, until nothing more can be taken.
 */
export function planSitesGreedy(compounds: PlanCompound[], sites: PlanSite[], settings: PlanSettings = defaultPlanSettings): SitePlan {
  const arcs = reachArcs(compounds, sites, settings);
  const reached = new Set(arcs.map((a) => a.i));
  const unreachable = compounds.flatMap((c, i) => (reached.has(i) ? [] : [unreachableEntry(c, sites, settings)]));
  const left = new Set(reached);
  const opened = new Set<number>();
  const chosen: Arc[] = [];
  while (left.size > 0) {
    let best: { j: number; take: Arc[]; people: number } | null = null;
    for (let j = 0; j < sites.length; j++) {
      if (opened.has(j)) continue;
      const cap = siteCapacity(sites[j], settings);
      const near = arcs.filter((a) => a.j === j && left.has(a.i)).sort((a, b) => a.walk - b.walk);
      let load = 0;
      const take: Arc[] = [];
      for (const a of near) {
        const p = compounds[a.i].population;
        if (load + p <= cap || take.length === 0) {
          take.push(a);
          load += p;
        }
      }
      if (take.length && (!best || load > best.people)) best = { j, take, people: load };
    }
    if (!best) break;
    opened.add(best.j);
    for (const a of best.take) {
      chosen.push(a);
      left.delete(a.i);
    }
  }
  return describePlan(compounds, sites, chosen, unreachable, settings, 'optimal');
}

/** Fewer sites over capacity first, then fewer sites, then shorter walks. */
function rank(p: SitePlan): number {
  return p.overCapacity.length * 1e9 + p.sitesOpened * 1e5 + p.meanWalkMetres;
}

function describePlan(
  compounds: PlanCompound[],
  sites: PlanSite[],
  chosen: Arc[],
  unreachable: SitePlan['unreachable'],
  settings: PlanSettings,
  status: SitePlan['status'],
): SitePlan {
  const openedIdx = [...new Set(chosen.map((a) => a.j))].sort((a, b) => a - b);
  const load = new Map<number, number>();
  for (const a of chosen) load.set(a.j, (load.get(a.j) ?? 0) + Math.max(0, compounds[a.i].population));
  const overCapacity = openedIdx.flatMap((j) => {
    const cap = siteCapacity(sites[j], settings);
    const l = load.get(j) ?? 0;
    if (l <= cap) return [];
    const perTable = settings.peoplePerTableHour * Math.min(sites[j].hoursOpen, settings.roundHours);
    const extraTables = perTable > 0 ? Math.ceil(l / perTable) - Math.max(0, sites[j].tables) : Infinity;
    return [{ siteId: sites[j].id, name: sites[j].name, load: l, capacity: cap, extraTables }];
  });
  const walks = chosen.map((a) => a.walk);
  return {
    status,
    opened: openedIdx.map((j) => sites[j].id),
    assignment: chosen.map((a) => ({ compoundId: compounds[a.i].id, siteId: sites[a.j].id, walkMetres: Math.round(a.walk) })),
    unreachable,
    overCapacity,
    sitesOpened: openedIdx.length,
    meanWalkMetres: walks.length ? Math.round(walks.reduce((s, w) => s + w, 0) / walks.length) : 0,
    maxWalkMetres: walks.length ? Math.round(Math.max(...walks)) : 0,
  };
}

function unreachableEntry(c: PlanCompound, sites: PlanSite[], settings: PlanSettings): SitePlan['unreachable'][number] {
  let nearest: { siteId: number; walkMetres: number } | null = null;
  for (const s of sites) {
    const w = walkMetres(c, s, settings);
    if (!nearest || w < nearest.walkMetres) nearest = { siteId: s.id, walkMetres: Math.round(w) };
  }
  const fix = `在${c.name}附近（${c.lng.toFixed(5)}, ${c.lat.toFixed(5)}）新增候选采样点，或安排上门采样`;
  return { compoundId: c.id, name: c.name, nearest, fix };
}

/** Hours between opening and closing times ("08:00", "22:00"); a closing time before the opening runs past midnight. */
export function openingHours(open: string, close: string): number {
  const m = (t: string) => {
    const hit = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(t.trim());
    if (!hit) throw new Error(`营业时间格式应为 HH:mm：${t}`);
    return Number(hit[1]) * 60 + Number(hit[2]);
  };
  const a = m(open);
  const b = m(close);
  return (b > a ? b - a : b + 24 * 60 - a) / 60;
}

export interface FinishEstimate {
  perSite: { siteId: number; load: number; hours: number; finishAt: number }[];
  /** When the last opened site finishes, or null when a site with a catchment has no tables. */
  finishAt: number | null;
  targetAt: number;
  meetsTarget: boolean;
  /** How late against the target (0 when in time). */
  lateByMs: number;
  /** Sites that would need more tables to finish by the target, and how many more. */
  needs: { siteId: number; extraTables: number }[];
  /** Sites with people assigned but no tables: no finishing time can be given. */
  noTables: number[];
}

/**
 * When the round finishes if every opened site starts at `startAt` and samples its catchment at tables × throughput.
 * Never a silent wrong time: a site with people and no tables answers finishAt null and names the site.
 */
export function estimateFinish(plan: SitePlan, compounds: PlanCompound[], sites: PlanSite[], startAt: number, targetAt: number, settings: PlanSettings = defaultPlanSettings): FinishEstimate {
  const people = new Map(compounds.map((c) => [c.id, Math.max(0, c.population)]));
  const site = new Map(sites.map((s) => [s.id, s]));
  const load = new Map<number, number>();
  for (const a of plan.assignment) load.set(a.siteId, (load.get(a.siteId) ?? 0) + (people.get(a.compoundId) ?? 0));
  const perSite: FinishEstimate['perSite'] = [];
  const needs: FinishEstimate['needs'] = [];
  const noTables: number[] = [];
  const hoursToTarget = Math.max(0, (targetAt - startAt) / 3_600_000);
  for (const id of plan.opened) {
    const s = site.get(id)!;
    const l = load.get(id) ?? 0;
    const rate = Math.max(0, s.tables) * settings.peoplePerTableHour;
    if (rate === 0) {
      if (l > 0) noTables.push(id);
      continue;
    }
    const hours = l / rate;
    perSite.push({ siteId: id, load: l, hours, finishAt: startAt + Math.round(hours * 3_600_000) });
    if (hours > hoursToTarget) {
      const tablesNeeded = hoursToTarget > 0 ? Math.ceil(l / (settings.peoplePerTableHour * hoursToTarget)) : Infinity;
      needs.push({ siteId: id, extraTables: tablesNeeded - s.tables });
    }
  }
  const finishAt = noTables.length ? null : perSite.reduce((m, p) => Math.max(m, p.finishAt), startAt);
  const lateByMs = finishAt === null ? Infinity : Math.max(0, finishAt - targetAt);
  return { perSite, finishAt, targetAt, meetsTarget: finishAt !== null && lateByMs === 0, lateByMs, needs, noTables };
}
