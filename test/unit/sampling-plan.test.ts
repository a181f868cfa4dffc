import { beforeAll, describe, expect, test } from 'vitest';
import { sizeRound, tubesFor } from '../../shared/domain/sampling-sizing';
import {
  defaultPlanSettings,
  estimateFinish,
  openingHours,
  planSites,
  planSitesGreedy,
  type PlanCompound,
  type PlanSite,
  type SolveLp,
} from '../../shared/domain/sampling-plan';
import { loadSolver } from '../../main/services/sampling/solver';

describe('sizing a round (national guidance 2022)', () => {
  test('100,000 people at 2,000–3,000 per site need 34 to 50 sites', () => {
    const s = sizeRound({ population: 100_000, households: 40_000, pooling: 'pool10' });
    expect([s.sitesMin, s.sitesMax]).toEqual([34, 50]);
  });
  test('100,000 people at 600–800 per table need 125 to 167 tables', () => {
    const s = sizeRound({ population: 100_000, households: 40_000, pooling: 'pool10' });
    expect([s.tablesMin, s.tablesMax]).toEqual([125, 167]);
  });
  test('100,000 people / 360 = 277.8, so 278 samplers and 278 registrars', () => {
    const s = sizeRound({ population: 100_000, households: 40_000, pooling: 'pool10' });
    expect([s.samplers, s.registrars]).toEqual([278, 278]);
  });
  test('34 sites × 2 police = 68 police; 100,000 swabs, one per person', () => {
    const s = sizeRound({ population: 100_000, households: 40_000, pooling: 'pool10' });
    expect([s.police, s.swabs]).toEqual([68, 100_000]);
  });
  test('tubes: 10-in-1 for 1,001 people is 101 tubes; single tube 1,001; one per household 420', () => {
    const t = { population: 1001, households: 420 };
    expect(tubesFor({ ...t, pooling: 'pool10' })).toBe(101);
    expect(tubesFor({ ...t, pooling: 'single' })).toBe(1001);
    expect(tubesFor({ ...t, pooling: 'household' })).toBe(420);
  });
  test('a target nobody lives in needs nothing', () => {
    expect(sizeRound({ population: 0, households: 0, pooling: 'pool10' })).toMatchObject({ sitesMin: 0, tablesMin: 0, samplers: 0, tubes: 0 });
  });
  test('opening hours: 08:00–22:00 is 14 h; across midnight 20:00–02:00 is 6 h; a bad time is refused', () => {
    expect(openingHours('08:00', '22:00')).toBe(14);
    expect(openingHours('20:00', '02:00')).toBe(6);
    expect(() => openingHours('8点', '22:00')).toThrow('HH:mm');
  });
});

// Compounds on a north–south line near 29.53° N, 1 km apart; 1 km of latitude is 1/111.195 degrees.
const KM = 1 / 111.195;
const at = (km: number) => ({ lng: 106.5, lat: 29.53 + km * KM });
const compound = (id: number, km: number, population: number): PlanCompound => ({ id, name: `小区${id}`, ...at(km), population });
const site = (id: number, km: number, tables = 4, hoursOpen = 20): PlanSite => ({ id, name: `采样点${id}`, ...at(km), tables, hoursOpen });

describe('which sites to open (HiGHS)', () => {
  let solve: SolveLp;
  beforeAll(async () => {
    solve = await loadSolver();
  });

  // Reach is 1 km straight-line (1.3 km on foot). Site 1 at 0.5 km reaches compounds 1–2, site 2 at 1.5 km
  // reaches 2–3, site 3 at 2.5 km reaches 3–4. By hand: sites 1 and 3 cover all four; no single site can.
  const compounds = [compound(1, 0, 1000), compound(2, 1, 2500), compound(3, 2, 2500), compound(4, 3, 1000)];
  const sites = [site(1, 0.5), site(2, 1.5), site(3, 2.5)];

  test('the optimum opens 2 sites where the greedy baseline opens 3', () => {
    const plan = planSites(compounds, sites, solve);
    expect(plan.status).toBe('optimal');
    expect(plan.opened).toEqual([1, 3]);
    expect(plan.assignment.map((a) => [a.compoundId, a.siteId])).toEqual([[1, 1], [2, 1], [3, 3], [4, 3]]);
    expect(plan.unreachable).toEqual([]);
    expect(plan.overCapacity).toEqual([]);
    // Greedy takes the busiest site first (site 2: 5,000 people), then needs both ends.
    expect(planSitesGreedy(compounds, sites).sitesOpened).toBe(3);
  });

  test('capacity decides: a site of 1 table (1,500 people in 20 h) cannot take compounds 1 and 2 together', () => {
    const small = [site(1, 0.5, 1), site(2, 1.5), site(3, 2.5)];
    const plan = planSites(compounds, small, solve);
    expect(plan.sitesOpened).toBe(3);
    expect(plan.assignment.find((a) => a.compoundId === 1)?.siteId).toBe(1);
    expect(plan.assignment.find((a) => a.compoundId === 2)?.siteId).toBe(2);
    expect(plan.overCapacity).toEqual([]);
  });

  test('a compound beyond every candidate is listed with the nearest site and what would fix it', () => {
    const far = [...compounds, compound(9, 6, 800)];
    const plan = planSites(far, sites, solve);
    expect(plan.unreachable).toHaveLength(1);
    expect(plan.unreachable[0]).toMatchObject({ compoundId: 9, nearest: { siteId: 3 } });
    expect(plan.unreachable[0].nearest!.walkMetres).toBeGreaterThan(defaultPlanSettings.maxWalkMetres);
    expect(plan.unreachable[0].fix).toMatch(/^在小区9附近（106\.50000, 29\.58\d+）新增候选采样点/);
  });

  test('a compound larger than any site can take is assigned and its site reported over capacity, with the tables missing', () => {
    // One site, 4 tables × 75 an hour × 20 h = 6,000; 9,000 people need 9,000 / 1,500 = 6 tables, 2 more.
    const plan = planSites([compound(1, 0, 9000)], [site(1, 0.2)], solve);
    expect(plan.overCapacity).toEqual([{ siteId: 1, name: '采样点1', load: 9000, capacity: 6000, extraTables: 2 }]);
  });

  test('no candidate at all: said so, nothing opened', () => {
    const plan = planSites(compounds, [], solve);
    expect(plan.status).toBe('no_candidates');
    expect(plan.unreachable).toHaveLength(4);
  });
});

describe('finishing time', () => {
  const H = 3_600_000;
  const start = Date.UTC(2022, 6, 10, 0);
  const compounds = [compound(1, 0, 3000), compound(2, 1, 1500)];
  const plan = {
    status: 'optimal' as const,
    opened: [1],
    assignment: [
      { compoundId: 1, siteId: 1, walkMetres: 0 },
      { compoundId: 2, siteId: 1, walkMetres: 0 },
    ],
    unreachable: [],
    overCapacity: [],
    sitesOpened: 1,
    meanWalkMetres: 0,
    maxWalkMetres: 0,
  };

  test('4,500 people at 4 tables × 75 an hour take 15 h: in time for a 24 h target', () => {
    const f = estimateFinish(plan, compounds, [site(1, 0.5, 4)], start, start + 24 * H);
    expect(f.finishAt).toBe(start + 15 * H);
    expect(f.meetsTarget).toBe(true);
    expect(f.lateByMs).toBe(0);
  });

  test('with 2 tables it takes 30 h: 6 h late; 4,500 / (75 × 24) = 2.5, so 3 tables, 1 more, would fix it', () => {
    const f = estimateFinish(plan, compounds, [site(1, 0.5, 2)], start, start + 24 * H);
    expect(f.finishAt).toBe(start + 30 * H);
    expect(f.meetsTarget).toBe(false);
    expect(f.lateByMs).toBe(6 * H);
    expect(f.needs).toEqual([{ siteId: 1, extraTables: 1 }]);
  });

  test('a site with people and zero tables gives no finishing time and is named, never a silent wrong time', () => {
    const f = estimateFinish(plan, compounds, [site(1, 0.5, 0)], start, start + 24 * H);
    expect(f.finishAt).toBeNull();
    expect(f.noTables).toEqual([1]);
    expect(f.meetsTarget).toBe(false);
  });
});
