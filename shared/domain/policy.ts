import { z } from 'zod';
import { workGroupKeys } from './workgroups';
import cn2021 from './policies/cn-2021-seeds.json';
import cn2022v9 from './policies/cn-2022-jun-v9.json';
import cn2022nov from './policies/cn-2022-nov-20.json';
import cn2022dec from './policies/cn-2022-dec-10.json';

/**
 * Policy profiles are data (STYLE.md section 4): one JSON file per period, validated by this schema.
 * Changing rules is adding a profile; drills can replay any period by choosing its profile.
 */

const text = z.string().trim().min(1);
const hours = z.number().positive().max(24 * 30);

export const riskLevelKeys = ['high', 'medium', 'low'] as const;
export type RiskLevelKey = (typeof riskLevelKeys)[number];

export const managementCategoryKeys = [
  'close_contact', // 密切接触者
  'contact_of_contact', // 次密接
  'high_risk_arrival', // 高风险区来（返）人员
  'medium_risk_arrival', // 中风险区来（返）人员
  'low_risk_arrival', // 低风险区来（返）人员
  'inbound', // 入境人员
  'high_risk_job', // 高风险岗位人员
] as const;
export type ManagementCategoryKey = (typeof managementCategoryKeys)[number];

export const deadlineRuleSchema = z.object({
  key: z.string().regex(/^[a-z_]+$/),
  name: text,
  nameEn: text,
  /** 't0': runs from the first report (T0, follows its corrections); 'each_report': one clock per positive report. */
  anchor: z.enum(['t0', 'each_report']),
  /** The deadline: anchor + hours. */
  hours,
  /** An earlier target inside the deadline (sampling sites: 2 h target, 4 h deadline). */
  targetHours: hours.optional(),
  ownerGroup: z.enum(workGroupKeys),
  source: text,
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/**
 * One step down of an area: after this many consecutive days without a new infection, and (if required) an
 * all-negative round of everyone in the area on that day, the area goes `to` the next level (a drawable level: a
 * downgrade; a level that is not drawn, or 'routine': the area is lifted and ends).
 */
export const liftRuleSchema = z.object({
  daysWithoutCase: z.number().int().positive(),
  allNegativeRoundOnDay: z.number().int().positive().nullable(),
  to: z.enum([...riskLevelKeys, 'routine']),
});
export type LiftRule = z.infer<typeof liftRuleSchema>;

export const riskLevelSchema = z.object({
  key: z.enum(riskLevelKeys),
  name: text,
  nameEn: text,
  drawnAs: text,
  /** Whether areas are drawn at this level (low is "everything else": never drawn). */
  drawable: z.boolean(),
  /** The measures inside an area of this level, one per item, as printed on the notice. */
  measures: z.array(text).min(1),
  /** Lifting an area drawn at this level. */
  lift: liftRuleSchema,
  /**
   * Lifting an area that came down to this level from a higher one, when it differs (第九版: a high area that became
   * medium needs only 3 more days without a new infection). Absent: `lift` applies.
   */
  liftAfterDowngrade: liftRuleSchema.optional(),
});
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const managementPhaseSchema = z.object({
  kind: z.enum(['centralised_isolation', 'home_isolation', 'home_monitoring', 'community_management']),
  days: z.number().int().positive(),
  /** Test days counted from 1 inside this phase. */
  testDays: z.array(z.number().int().positive()),
});

export const managementScheduleSchema = z.object({
  category: z.enum(managementCategoryKeys),
  name: text,
  nameEn: text,
  phases: z.array(managementPhaseSchema).min(1),
  note: z.string().optional(),
});
export type ManagementSchedule = z.infer<typeof managementScheduleSchema>;

export const policyProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: text,
    nameEn: text,
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    source: text,
    deadlines: z.array(deadlineRuleSchema).min(1),
    riskLevels: z.array(riskLevelSchema).min(1),
    management: z.array(managementScheduleSchema),
    /** Whole-population testing of a delineated area. */
    massTesting: z.object({ hours, poolSize: z.number().int().positive() }),
    /** Isolation rooms kept per infected person. */
    isolationRoomsPerCase: z.number().int().positive(),
    /**
     * Whether a new positive found among people already under control (管控中发现: in isolation, home isolation) restarts
     * an area's count of days without a new infection. A positive found in the community (社会面) always does.
     * The December 2022 measures: it does not.
     */
    inControlFindingRestartsClock: z.boolean(),
  })
  .superRefine((p, ctx) => {
    const keys = new Set<string>();
    p.deadlines.forEach((d, i) => {
      if (keys.has(d.key)) ctx.addIssue({ code: 'custom', path: ['deadlines', i, 'key'], message: `重复的时限 ${d.key}` });
      keys.add(d.key);
      if (d.targetHours !== undefined && d.targetHours > d.hours) {
        ctx.addIssue({ code: 'custom', path: ['deadlines', i, 'targetHours'], message: '目标时间不能晚于时限' });
      }
    });
    const levels = p.riskLevels.map((l) => l.key);
    if (new Set(levels).size !== levels.length) ctx.addIssue({ code: 'custom', path: ['riskLevels'], message: '风险等级重复' });
    const rank = (k: string) => (k === 'routine' ? -1 : riskLevelKeys.length - 1 - riskLevelKeys.indexOf(k as RiskLevelKey));
    p.riskLevels.forEach((l, i) => {
      for (const field of ['lift', 'liftAfterDowngrade'] as const) {
        const rule = l[field];
        if (!rule) continue;
        if (rule.to !== 'routine' && !levels.includes(rule.to)) {
          ctx.addIssue({ code: 'custom', path: ['riskLevels', i, field, 'to'], message: `降级目标 ${rule.to} 不在本版本的风险等级中` });
        } else if (rank(rule.to) >= rank(l.key)) {
          ctx.addIssue({ code: 'custom', path: ['riskLevels', i, field, 'to'], message: `降级目标 ${rule.to} 须低于 ${l.key}` });
        }
        if (rule.allNegativeRoundOnDay !== null && rule.allNegativeRoundOnDay > rule.daysWithoutCase) {
          ctx.addIssue({ code: 'custom', path: ['riskLevels', i, field, 'allNegativeRoundOnDay'], message: '全员核酸的日子不能晚于解除所需天数' });
        }
      }
    });
    if (!p.riskLevels.some((l) => l.drawable)) ctx.addIssue({ code: 'custom', path: ['riskLevels'], message: '至少要有一个可划定的风险等级' });
  });
export type PolicyProfile = z.infer<typeof policyProfileSchema>;

/** Parses a profile; a bad file fails loudly with the field that is wrong. */
export function parsePolicyProfile(data: unknown, file = 'policy'): PolicyProfile {
  const r = policyProfileSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(`政策版本 ${file} 无效：${first.path.join('.')}: ${first.message}`);
  }
  return r.data;
}

/** The built-in profiles, oldest first. */
export const policyProfiles: readonly PolicyProfile[] = [
  parsePolicyProfile(cn2021, 'cn-2021-seeds.json'),
  parsePolicyProfile(cn2022v9, 'cn-2022-jun-v9.json'),
  parsePolicyProfile(cn2022nov, 'cn-2022-nov-20.json'),
  parsePolicyProfile(cn2022dec, 'cn-2022-dec-10.json'),
];

/** The profile in force when the seeds were written (July 2022). */
export const defaultPolicyProfileId = 'cn-2022-jun-v9';

export function findPolicyProfile(id: string): PolicyProfile | undefined {
  return policyProfiles.find((p) => p.id === id);
}
