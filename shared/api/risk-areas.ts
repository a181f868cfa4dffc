import { z } from 'zod';
import { nameText, noteText, reasonText } from './text';
import { defineFeature, read, selfLoggedWrite, type Feature } from './define';
import { areaGeometry, idInput } from './common';
import { operatorRef } from './operator';
import { venueType } from './street';
import { riskLevelKeys } from '../domain/policy';

/**
 * 风险区 (issue 11): areas drawn or picked from compounds, who and what is inside, publishing, lifecycle to lifting.
 * Areas belong to the running emergency and follow its policy profile (which levels exist, measures, lifting rules).
 * Every change is kept: revoking is an entry with a reason, state changes are an append-only history.
 *
 * For the UI (every method answers { ok, value } | { ok: false, error: { code, message } }):
 * Reads
 * - listRiskAreas({ includeEnded? })  areas of the emergency (newest first) with summary stats and lifecycle state,
 *                                     the profile's levels (name, measures, drawable) and the street totals by level.
 *                                     Lifted and revoked areas only with includeEnded. Routine mode: areas: [].
 * - getRiskArea({ id })               one area in full: stats (compound list with split flags), venues to suspend with
 *                                     their ticks (who, when), history, infections, negative rounds, measures.
 * - previewRiskArea({ geometry } | { compoundIds })
 *                                     stats of a geometry that is not saved (call it while a vertex is dragged), or
 *                                     the union of picked compounds and its stats. Never throws for a bad drawing:
 *                                     `problem` says why it would be refused (crossing edges, outside the street),
 *                                     `geometry` is the cleaned shape that createRiskArea would store.
 * - getRiskAreaTotals()               street totals by level (a compound in two areas counts once, at the higher level).
 * - getRiskAreaCalendar()             upcoming downgrade and lifting dates of the active areas, soonest first.
 * - exportRiskAreas({ includeEnded? }) GeoJSON FeatureCollection (level, status, lifecycle state as properties) as a file.
 * Changes (all logged; `confirm: true` is required by the schema for downgrade and lift: ask in a ConfirmDialog first)
 * - createRiskArea({ name, level, reportIds, geometry | compoundIds, note? })  delineate (not yet published). A level
 *                                     the profile has not, or cannot draw (low), is refused; so is a crossing drawing
 *                                     and an area wholly outside the street. Nobody inside is allowed (stats.nobodyInside).
 * - updateRiskArea({ id, name?, reportIds?, geometry? | compoundIds? })  rename, re-link, redraw (kept in history).
 * - publishRiskArea({ id })           publish; when every drawn (non-revoked) area is published the 5-hour deadline
 *                                     `risk_areas_published` turns done (who and when).
 * - revokeRiskArea({ id, reason })    revoke (drawn in error); reason required; nothing is deleted.
 * - recordRiskAreaInfection({ id, at, foundAt: 'in_control' | 'community', reportId?, note? })  a new infection inside;
 *                                     restarts the clock unless the profile says in-control findings do not.
 * - recordRiskAreaNegativeRound({ id, at, note? })  an all-negative round of everyone in the area, sampled at `at`.
 * - downgradeRiskArea({ id, confirm: true })  high → medium when lifecycle.next.action is 'downgrade' and due.
 * - liftRiskArea({ id, confirm: true })       lift (→ low, the area ends) when lifecycle.next.action is 'lift' and due.
 * - setVenueSuspension({ areaId, venueId, suspended, note? })  tick (or untick) a venue to suspend; who and when kept.
 * - importRiskAreas({ fileName, contentBase64, crs? })  GeoJSON areas (name, level) with the importer's geometry checks;
 *                                     any problem rejects the whole file (import_rejected with problems).
 */

export const riskLevel = z.enum(riskLevelKeys);
export type RiskLevelDtoKey = z.infer<typeof riskLevel>;

export const riskAreaStatus = z.enum([
  'delineated', // drawn, not yet published
  'published',
  'lifted', // ended: came down to low
  'revoked', // ended: withdrawn with a reason
]);
export type RiskAreaStatus = z.infer<typeof riskAreaStatus>;

export const infectionFoundAt = z.enum(['in_control', 'community']); // 管控中发现 / 社会面
export type InfectionFoundAt = z.infer<typeof infectionFoundAt>;

const count = z.number().int().min(0);
const name = nameText('名称');
const reason = reasonText('理由', '须填写理由');
const note = noteText.optional('备注');
const eventTime = z.number().int().min(Date.UTC(2000, 0, 1), '时间须在 2000 年之后').max(Date.UTC(2999, 11, 31), '时间须在 2999 年之前');
const ids = z.array(z.number().int().positive()).max(5000);

/** The rule by which a compound split by the boundary is counted: in full when at least this share of its outline's area is inside. */
export const splitCompoundShare = 0.5;
/** Holes smaller than this (m²) are dropped from a union of picked compounds: slivers between hand-drawn outlines. */
export const sliverHoleM2 = 50;
/**
 * Gaps narrower than this (m) between picked neighbours are closed: before the union, a corner of one picked outline
 * lying within this distance of another picked outline is moved onto it (snapping), so near-touching neighbours join.
 */
export const gapCloseMeters = 2;

export const levelDto = z.object({
  key: riskLevel,
  name: z.string(),
  nameEn: z.string(),
  /** The measures of the level, one per item (足不出户、上门服务、上门采样 ...). */
  measures: z.array(z.string()),
  /** Whether an area can be drawn at this level (low is the rest of the district: never drawn). */
  drawable: z.boolean(),
});
export type LevelDto = z.infer<typeof levelDto>;

export const statsCompoundDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  communityName: z.string(),
  /** Share of the compound's outline area inside the boundary, 0..1. */
  share: z.number().min(0).max(1),
  /** The boundary cuts the compound (0 < share < 1): flagged whether counted or not. */
  split: z.boolean(),
  /** Counted in the figures (share ≥ splitCompoundShare). */
  counted: z.boolean(),
  residents: count,
  households: count,
  elderly: count,
});
export type StatsCompoundDto = z.infer<typeof statsCompoundDto>;

export const statsVenueDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  type: venueType,
  address: z.string().nullable(),
  contact: z.string().nullable(),
  lng: z.number(),
  lat: z.number(),
});
export type StatsVenueDto = z.infer<typeof statsVenueDto>;

export const riskAreaStatsDto = z.object({
  /** Area of the boundary in m². */
  areaM2: z.number().min(0),
  /** Share of the boundary's area inside the street boundary (1 when the street has no boundary). */
  insideStreetShare: z.number().min(0).max(1),
  compounds: z.array(statsCompoundDto),
  compoundsCounted: count,
  compoundsSplit: count,
  /** Compounds of the street with no outline: they cannot be placed, so they are never counted (named in notes). */
  compoundsWithoutOutline: count,
  residents: count,
  households: count,
  elderly: count,
  /** Key venues inside, by type id (only types present). */
  venuesByType: z.record(z.string(), count),
  venues: z.array(statsVenueDto),
  /** Indoor entertainment inside (棋牌室、KTV、网吧): to be suspended. */
  venuesToSuspend: z.array(statsVenueDto),
  /** Nobody lives inside (allowed; say it plainly). */
  nobodyInside: z.boolean(),
  /** Plain sentences for the user: "区域内无居民", "小区 X 被边界分割（区内 37%），不计入" ... */
  notes: z.array(z.string()),
});
export type RiskAreaStatsDto = z.infer<typeof riskAreaStatsDto>;

export const lifecycleDto = z.object({
  /**
   * counting: days without a new infection are running; awaiting_round: the day has come, the all-negative round
   * is not recorded; due: the next step can be taken now; ended: lifted or revoked; not_started: not yet published.
   */
  stage: z.enum(['not_started', 'counting', 'awaiting_round', 'due', 'ended']),
  level: riskLevel,
  /** Where the count runs from: delineation, the last infection that restarted it, or the last downgrade (ms). */
  clockStartedAt: z.number().nullable(),
  /** Days since the clock started (Asia/Shanghai calendar days, the start day is day 0). */
  day: z.number().int().min(0),
  /** Days the current step needs. */
  daysNeeded: z.number().int().min(0),
  /** The day of the required all-negative round, null when the step needs none. */
  roundDay: z.number().int().nullable(),
  /** Date of the round (YYYY-MM-DD, Shanghai), null when none is needed. */
  roundDate: z.string().nullable(),
  roundDone: z.boolean(),
  /** The next step, null when ended. `at` is the start of its day (ms); it may still wait for the round. */
  next: z
    .object({
      action: z.enum(['downgrade', 'lift']),
      to: riskLevel,
      date: z.string(),
      at: z.number(),
      /** Can be taken now (confirm with the user first). */
      due: z.boolean(),
    })
    .nullable(),
  /** The state in words: "第 5 天 / 7，第 7 天全员核酸待完成（12月3日）". */
  words: z.string(),
  /** The next step in words: "12月3日 可降为中风险区（须第 7 天全员核酸阴性）". */
  nextWords: z.string().nullable(),
});
export type LifecycleDto = z.infer<typeof lifecycleDto>;

const reportRef = z.object({ id: z.number().int(), place: z.string(), reportedAt: z.number() });

export const riskAreaDto = z.object({
  id: z.number().int(),
  emergencyId: z.number().int(),
  name: z.string(),
  level: riskLevel,
  levelName: z.string(),
  /** The level it was drawn at (a high area that came down is now medium). */
  drawnLevel: riskLevel,
  status: riskAreaStatus,
  source: z.enum(['drawn', 'compounds', 'imported']),
  /** For source 'compounds': the picked compounds. */
  compoundIds: z.array(z.number().int()),
  reports: z.array(reportRef),
  geometry: areaGeometry,
  delineatedAt: z.number(),
  delineatedBy: operatorRef.nullable(),
  publishedAt: z.number().nullable(),
  publishedBy: operatorRef.nullable(),
  endedAt: z.number().nullable(),
  endedBy: operatorRef.nullable(),
  revokeReason: z.string().nullable(),
  measures: z.array(z.string()),
  /** Summary figures (the full compound and venue lists are in getRiskArea). */
  residents: count,
  households: count,
  elderly: count,
  compoundsCounted: count,
  venuesToSuspend: count,
  venuesSuspended: count,
  nobodyInside: z.boolean(),
  lifecycle: lifecycleDto,
});
export type RiskAreaDto = z.infer<typeof riskAreaDto>;

export const suspensionDto = statsVenueDto.extend({
  suspended: z.boolean(),
  at: z.number().nullable(),
  by: operatorRef.nullable(),
  note: z.string().nullable(),
});
export type SuspensionDto = z.infer<typeof suspensionDto>;

export const historyEntryDto = z.object({
  id: z.number().int(),
  at: z.number(),
  by: operatorRef.nullable(),
  kind: z.enum(['delineated', 'edited', 'published', 'revoked', 'infection', 'negative_round', 'downgraded', 'lifted', 'imported']),
  /** Level after the change. */
  level: riskLevel,
  /** What happened, in words (the same text as the log entry). */
  text: z.string(),
});

export const infectionDto = z.object({
  id: z.number().int(),
  at: z.number(),
  foundAt: infectionFoundAt,
  /** Whether it restarted the clock (per profile). */
  restartedClock: z.boolean(),
  reportId: z.number().int().nullable(),
  note: z.string().nullable(),
  recordedAt: z.number(),
  recordedBy: operatorRef.nullable(),
});

export const negativeRoundDto = z.object({
  id: z.number().int(),
  at: z.number(),
  /** The lifecycle day it fell on at the time it was recorded. */
  day: z.number().int(),
  note: z.string().nullable(),
  recordedAt: z.number(),
  recordedBy: operatorRef.nullable(),
});

export const riskAreaDetailDto = riskAreaDto.extend({
  stats: riskAreaStatsDto,
  suspensions: z.array(suspensionDto),
  history: z.array(historyEntryDto),
  infections: z.array(infectionDto),
  negativeRounds: z.array(negativeRoundDto),
});
export type RiskAreaDetailDto = z.infer<typeof riskAreaDetailDto>;

export const levelTotalDto = z.object({
  level: riskLevel,
  name: z.string(),
  areas: count,
  compounds: count,
  residents: count,
  households: count,
  elderly: count,
  venuesToSuspend: count,
});
export const riskAreaTotalsDto = z.object({
  /** Drawable levels of the profile, highest first; only active (non-ended) areas. */
  byLevel: z.array(levelTotalDto),
  /** Compounds inside more than one area (counted once, at the higher level). */
  compoundsInSeveralAreas: count,
});
export type RiskAreaTotalsDto = z.infer<typeof riskAreaTotalsDto>;

export const riskAreaListDto = z.object({
  now: z.number(),
  /** The emergency's profile, or null in routine mode. */
  profile: z.object({ id: z.string(), name: z.string(), inControlRestartsClock: z.boolean() }).nullable(),
  levels: z.array(levelDto),
  areas: z.array(riskAreaDto),
  totals: riskAreaTotalsDto,
});
export type RiskAreaListDto = z.infer<typeof riskAreaListDto>;

export const previewDto = z.object({
  /** Why createRiskArea would refuse this shape, in words; null when it would be accepted. */
  problem: z.string().nullable(),
  /** The shape as it would be stored (the union for picked compounds), null when none could be made. */
  geometry: areaGeometry.nullable(),
  stats: riskAreaStatsDto.nullable(),
  /** The time the figures took on the Node side (ms), for the drag-to-figures measurement. */
  computeMs: z.number().min(0),
});
export type RiskAreaPreviewDto = z.infer<typeof previewDto>;

export const calendarEntryDto = z.object({
  areaId: z.number().int(),
  name: z.string(),
  level: riskLevel,
  action: z.enum(['downgrade', 'lift']),
  to: riskLevel,
  date: z.string(),
  at: z.number(),
  due: z.boolean(),
  /** Still waits for the all-negative round. */
  needsRound: z.boolean(),
  words: z.string(),
});

/** Either a drawn shape or picked compounds, never both. */
const shapeFields = { geometry: areaGeometry.optional(), compoundIds: ids.min(1, '至少选择一个小区').optional() };
const oneShape = <T extends { geometry?: unknown; compoundIds?: unknown }>(v: T) => v.geometry === undefined || v.compoundIds === undefined;
const oneShapeMessage = { message: '边界须是绘制的图形或选中的小区，不能两者都有' };

export const createRiskAreaInput = z
  .object({ name, level: riskLevel, reportIds: ids, note, ...shapeFields })
  .refine(oneShape, oneShapeMessage)
  .refine((v) => v.geometry !== undefined || v.compoundIds !== undefined, { message: '须绘制边界或选择小区' });
export const updateRiskAreaInput = z
  .object({ id: z.number().int().positive(), name: name.optional(), reportIds: ids.optional(), ...shapeFields })
  .refine(oneShape, oneShapeMessage);
export const previewRiskAreaInput = z
  .object({ ...shapeFields, /** An area to leave out of overlap notes (the one being edited). */ areaId: z.number().int().optional() })
  .refine(oneShape, oneShapeMessage);

const confirmed = z.literal(true, { error: '须确认' });

export const importRiskAreasInput = z.object({
  fileName: z.string().min(1).max(260),
  contentBase64: z.string(),
  crs: z.enum(['wgs84', 'gcj02', 'bd09']).optional(),
});
export const importRiskAreasResult = z.object({
  inserted: count,
  /** What the geometry check fixed on the way in (repeated points removed ...), in words. */
  fixes: z.array(z.string()),
  areas: z.array(z.object({ id: z.number().int(), name: z.string(), level: riskLevel, nobodyInside: z.boolean() })),
});

const areaChanges: Feature[] = ['riskAreas'];
/** Changes that can turn the 5-hour deadline done or change whether routine is allowed. */
const areaAndMode: Feature[] = ['riskAreas', 'mode'];

export const riskAreasFeature = defineFeature('riskAreas', {
  listRiskAreas: read(
    'Risk areas of the emergency with summary figures and lifecycle, the profile levels and street totals',
    z.object({ includeEnded: z.boolean().optional() }),
    riskAreaListDto,
  ),
  getRiskArea: read('One risk area: figures, venues to suspend with ticks, history, infections, rounds', idInput, riskAreaDetailDto),
  previewRiskArea: read(
    'Figures of an unsaved shape (while drawing or dragging) or of the union of picked compounds; says why it would be refused',
    previewRiskAreaInput,
    previewDto,
  ),
  getRiskAreaTotals: read('Street totals by level (a compound in two areas counts once, at the higher level)', z.object({}), riskAreaTotalsDto),
  getRiskAreaCalendar: read('Upcoming downgrade and lifting dates of the active areas', z.object({}), z.array(calendarEntryDto)),
  exportRiskAreas: read(
    'Risk areas as a GeoJSON file with level, status and lifecycle state',
    z.object({ includeEnded: z.boolean().optional() }),
    z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  ),
  createRiskArea: selfLoggedWrite('Delineate a risk area from a drawn shape or picked compounds (not yet published)', createRiskAreaInput, riskAreaDetailDto, areaChanges),
  updateRiskArea: selfLoggedWrite('Rename, re-link to reports or redraw an area (kept in its history)', updateRiskAreaInput, riskAreaDetailDto, areaChanges),
  publishRiskArea: selfLoggedWrite('Publish an area; the 5-hour deadline turns done when every drawn area is published', idInput, riskAreaDetailDto, areaAndMode),
  revokeRiskArea: selfLoggedWrite('Revoke an area with a reason (nothing is deleted)', z.object({ id: z.number().int().positive(), reason }), riskAreaDetailDto, areaAndMode),
  recordRiskAreaInfection: selfLoggedWrite(
    'A new infection inside an area, with where it was found; restarts the clock where the profile says so',
    z.object({ id: z.number().int().positive(), at: eventTime, foundAt: infectionFoundAt, reportId: z.number().int().positive().nullable().optional(), note }),
    riskAreaDetailDto,
    areaChanges,
  ),
  recordRiskAreaNegativeRound: selfLoggedWrite(
    'An all-negative round of everyone in the area (sampled at `at`)',
    z.object({ id: z.number().int().positive(), at: eventTime, note }),
    riskAreaDetailDto,
    areaChanges,
  ),
  downgradeRiskArea: selfLoggedWrite('Downgrade a due area one step (high → medium); needs confirm', z.object({ id: z.number().int().positive(), confirm: confirmed }), riskAreaDetailDto, areaChanges),
  liftRiskArea: selfLoggedWrite('Lift a due area (it ends; the last one lifted allows routine); needs confirm', z.object({ id: z.number().int().positive(), confirm: confirmed }), riskAreaDetailDto, areaAndMode),
  setVenueSuspension: selfLoggedWrite(
    'Tick (or untick) a venue to suspend inside an area; who and when are kept',
    z.object({ areaId: z.number().int().positive(), venueId: z.number().int().positive(), suspended: z.boolean(), note }),
    z.array(suspensionDto),
    areaChanges,
  ),
  importRiskAreas: selfLoggedWrite('Import risk areas from GeoJSON (name, level) with the importer geometry checks', importRiskAreasInput, importRiskAreasResult, areaAndMode),
});
