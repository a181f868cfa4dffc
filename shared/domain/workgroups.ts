/**
 * The flat command structure of an emergency (扁平化管理, seed 001): three leaders and nine work groups.
 * Keys are stable identifiers stored in the database; names are domain data (Chinese first).
 */
export const leaderRoles = ['area_chief', 'commander', 'exec_commander'] as const;
export type LeaderRole = (typeof leaderRoles)[number];

export const leaderRoleNames: Record<LeaderRole, { zh: string; en: string }> = {
  area_chief: { zh: '片长', en: 'Area chief' },
  commander: { zh: '指挥长', en: 'Commander' },
  exec_commander: { zh: '执行指挥长', en: 'Executive commander' },
};

export const workGroupKeys = [
  'community_screening',
  'key_prevention',
  'testing',
  'tracing',
  'isolation_transfer',
  'treatment',
  'living_supplies',
  'transport',
  'disinfection',
] as const;
export type WorkGroupKey = (typeof workGroupKeys)[number];

export const workGroupNames: Record<WorkGroupKey, { zh: string; en: string }> = {
  community_screening: { zh: '社区排查组', en: 'Community screening' },
  key_prevention: { zh: '重点防控组', en: 'Key prevention' },
  testing: { zh: '核酸检测组', en: 'Testing' },
  tracing: { zh: '流调溯源组', en: 'Tracing' },
  isolation_transfer: { zh: '隔离转运组', en: 'Isolation and transfer' },
  treatment: { zh: '定点救治组', en: 'Treatment' },
  living_supplies: { zh: '生活保障组', en: 'Living supplies' },
  transport: { zh: '交通运输组', en: 'Transport' },
  disinfection: { zh: '环境消杀组', en: 'Disinfection' },
};

/** 三级包保: who answers for one community (district leader -> street cadre -> community cadre). */
export const baobaoLevels = ['district_leader', 'street_cadre', 'community_cadre'] as const;
export type BaobaoLevel = (typeof baobaoLevels)[number];

export const baobaoLevelNames: Record<BaobaoLevel, { zh: string; en: string }> = {
  district_leader: { zh: '区领导', en: 'District leader' },
  street_cadre: { zh: '街道干部', en: 'Street cadre' },
  community_cadre: { zh: '社区干部', en: 'Community cadre' },
};

/** Case types of a positive report (the trigger of an emergency and every later report). */
export const caseTypes = ['confirmed', 'asymptomatic', 'suspected', 'screening_positive'] as const;
export type CaseType = (typeof caseTypes)[number];

export const caseTypeNames: Record<CaseType, { zh: string; en: string }> = {
  confirmed: { zh: '确诊病例', en: 'Confirmed case' },
  asymptomatic: { zh: '无症状感染者', en: 'Asymptomatic infection' },
  suspected: { zh: '疑似病例', en: 'Suspected case' },
  screening_positive: { zh: '初筛阳性 / 混管阳性', en: 'Positive screening / pooled tube' },
};
