/**
 * Sizing a mass-testing round (区域核酸检测) from the population: sites, tables, samplers, tubes, swabs, police and
 * volunteers. Pure arithmetic with the ratios stated below (national guidance, 2022; see shared/DOMAIN.md).
 */

export type PoolingMode = 'pool10' | 'single' | 'household';

export interface SizingRatios {
  /** One site per this many people, at most and at least (in principle one per compound). */
  peoplePerSite: { min: number; max: number };
  /** One table per this many people. */
  peoplePerTable: { min: number; max: number };
  /** Samplers needed = population / this. */
  peoplePerSampler: number;
  /** People in one pooled tube (10混1). */
  poolSize: number;
  policePerSite: number;
  volunteersPerSite: number;
  /** People one table (1 sampler + 1 registrar) samples in an hour. 1,800 a day (a township plan) = 75 an hour. */
  peoplePerTableHour: number;
}

export const defaultSizingRatios: SizingRatios = {
  peoplePerSite: { min: 2000, max: 3000 },
  peoplePerTable: { min: 600, max: 800 },
  peoplePerSampler: 360,
  poolSize: 10,
  policePerSite: 2,
  volunteersPerSite: 4,
  peoplePerTableHour: 75,
};

export interface SizingTarget {
  population: number;
  households: number;
  pooling: PoolingMode;
}

export interface Sizing {
  /** Sites: at least `sitesMin` (at the upper people-per-site ratio), up to `sitesMax`. */
  sitesMin: number;
  sitesMax: number;
  tablesMin: number;
  tablesMax: number;
  samplers: number;
  registrars: number;
  tubes: number;
  swabs: number;
  police: number;
  volunteers: number;
}

const up = (x: number) => Math.max(0, Math.ceil(x - 1e-9));

/** The sizing of a round for a target; police and volunteers are per site, counted at the minimum number of sites. */
export function sizeRound(target: SizingTarget, r: SizingRatios = defaultSizingRatios): Sizing {
  const p = Math.max(0, target.population);
  const sitesMin = up(p / r.peoplePerSite.max);
  const samplers = up(p / r.peoplePerSampler);
  return {
    sitesMin,
    sitesMax: up(p / r.peoplePerSite.min),
    tablesMin: up(p / r.peoplePerTable.max),
    tablesMax: up(p / r.peoplePerTable.min),
    samplers,
    registrars: samplers,
    tubes: tubesFor(target, r),
    swabs: p,
    police: sitesMin * r.policePerSite,
    volunteers: sitesMin * r.volunteersPerSite,
  };
}

/** Tubes by pooling: 10-in-1 (rounded up per pool), one per person, or one per household for sealed compounds. */
export function tubesFor(target: SizingTarget, r: SizingRatios = defaultSizingRatios): number {
  switch (target.pooling) {
    case 'pool10':
      return up(Math.max(0, target.population) / r.poolSize);
    case 'single':
      return Math.max(0, target.population);
    case 'household':
      return Math.max(0, target.households);
  }
}
