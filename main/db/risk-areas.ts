import type { Db } from './open';
import { prepare } from './prepare';
import type { Area } from '../../shared/domain/risk-geometry';
import type { RiskLevelKey } from '../../shared/domain/policy';
import type { InfectionFoundAt } from '../../shared/domain/risk-lifecycle';
import type { StatsCompoundInput } from '../../shared/domain/risk-stats';

/** Queries of risk areas (migration 010): areas, their report links, their append-only history, venue ticks. */

export type AreaStatus = 'delineated' | 'published' | 'lifted' | 'revoked';
export type AreaSource = 'drawn' | 'compounds' | 'imported';
export type AreaEventKind = 'delineated' | 'edited' | 'published' | 'revoked' | 'infection' | 'negative_round' | 'downgraded' | 'lifted' | 'imported';

export interface AreaRow {
  id: number;
  emergencyId: number;
  profileId: string;
  name: string;
  drawnLevel: RiskLevelKey;
  level: RiskLevelKey;
  status: AreaStatus;
  source: AreaSource;
  geometry: Area;
  compoundIds: number[];
  delineatedAt: number;
  delineatedBy: number | null;
  publishedAt: number | null;
  publishedBy: number | null;
  endedAt: number | null;
  endedBy: number | null;
  revokeReason: string | null;
}

const areaSelect = `
  SELECT id, emergency_id AS emergencyId, profile_id AS profileId, name, drawn_level AS drawnLevel, level, status, source,
         geometry, compound_ids AS compoundIds, delineated_at AS delineatedAt, delineated_by AS delineatedBy,
         published_at AS publishedAt, published_by AS publishedBy, ended_at AS endedAt, ended_by AS endedBy,
         revoke_reason AS revokeReason
  FROM risk_area`;

type RawArea = Omit<AreaRow, 'geometry' | 'compoundIds'> & { geometry: string; compoundIds: string };
const toArea = (r: RawArea): AreaRow => ({ ...r, geometry: JSON.parse(r.geometry) as Area, compoundIds: JSON.parse(r.compoundIds) as number[] });

export function listAreas(db: Db, emergencyId: number, includeEnded: boolean): AreaRow[] {
  const where = includeEnded ? 'WHERE emergency_id = ?' : "WHERE emergency_id = ? AND status IN ('delineated', 'published')";
  return (prepare(db, `${areaSelect} ${where} ORDER BY id DESC`).all(emergencyId) as RawArea[]).map(toArea);
}

export function getArea(db: Db, id: number): AreaRow | null {
  const r = prepare(db, `${areaSelect} WHERE id = ?`).get(id) as RawArea | undefined;
  return r ? toArea(r) : null;
}

export interface NewArea {
  emergencyId: number;
  profileId: string;
  name: string;
  level: RiskLevelKey;
  source: AreaSource;
  geometry: Area;
  compoundIds: number[];
  at: number;
  by: number | null;
}

export function insertArea(db: Db, a: NewArea): number {
  const info = prepare(
    db,
    `INSERT INTO risk_area (emergency_id, profile_id, name, drawn_level, level, status, source, geometry, compound_ids, delineated_at, delineated_by)
     VALUES (?, ?, ?, ?, ?, 'delineated', ?, ?, ?, ?, ?)`,
  ).run(a.emergencyId, a.profileId, a.name, a.level, a.level, a.source, JSON.stringify(a.geometry), JSON.stringify(a.compoundIds), a.at, a.by);
  return Number(info.lastInsertRowid);
}

export function updateShape(db: Db, id: number, s: { name: string; source: AreaSource; geometry: Area; compoundIds: number[] }): void {
  prepare(db, 'UPDATE risk_area SET name = ?, source = ?, geometry = ?, compound_ids = ? WHERE id = ?').run(s.name, s.source, JSON.stringify(s.geometry), JSON.stringify(s.compoundIds), id);
}

export function setPublished(db: Db, id: number, at: number, by: number | null): void {
  prepare(db, "UPDATE risk_area SET status = 'published', published_at = ?, published_by = ? WHERE id = ?").run(at, by, id);
}

export function setLevel(db: Db, id: number, level: RiskLevelKey): void {
  prepare(db, 'UPDATE risk_area SET level = ? WHERE id = ?').run(level, id);
}

export function setEnded(db: Db, id: number, status: 'lifted' | 'revoked', at: number, by: number | null, reason: string | null): void {
  prepare(db, 'UPDATE risk_area SET status = ?, ended_at = ?, ended_by = ?, revoke_reason = ? WHERE id = ?').run(status, at, by, reason, id);
}

/** Active (delineated or published) areas of an emergency; all emergencies when null. */
export function countActive(db: Db, emergencyId: number | null): number {
  const sql = "SELECT COUNT(*) AS n FROM risk_area WHERE status IN ('delineated', 'published')";
  const r = (emergencyId === null ? prepare(db, sql).get() : prepare(db, `${sql} AND emergency_id = ?`).get(emergencyId)) as { n: number };
  return r.n;
}

/** How many areas of the emergency are drawn and not revoked, and how many of those are not yet published. */
export function publicationCounts(db: Db, emergencyId: number): { drawn: number; unpublished: number } {
  return prepare(
    db,
    `SELECT COUNT(*) AS drawn, COALESCE(SUM(published_at IS NULL), 0) AS unpublished
     FROM risk_area WHERE emergency_id = ? AND status <> 'revoked'`,
  ).get(emergencyId) as { drawn: number; unpublished: number };
}

// Reports an area follows from.

export function setReports(db: Db, areaId: number, reportIds: number[]): void {
  prepare(db, 'DELETE FROM risk_area_report WHERE area_id = ?').run(areaId);
  const ins = prepare(db, 'INSERT INTO risk_area_report (area_id, report_id) VALUES (?, ?)');
  for (const r of new Set(reportIds)) ins.run(areaId, r);
}

export function reportsOf(db: Db, areaIds: number[]): Map<number, { id: number; place: string; reportedAt: number }[]> {
  const out = new Map<number, { id: number; place: string; reportedAt: number }[]>();
  if (areaIds.length === 0) return out;
  const rows = prepare(
    db,
    `SELECT l.area_id AS areaId, r.id, r.place, r.reported_at AS reportedAt
     FROM risk_area_report l JOIN emergency_report r ON r.id = l.report_id
     WHERE l.area_id IN (SELECT value FROM json_each(?)) ORDER BY r.reported_at, r.id`,
  ).all(JSON.stringify(areaIds)) as { areaId: number; id: number; place: string; reportedAt: number }[];
  for (const { areaId, ...r } of rows) {
    if (!out.has(areaId)) out.set(areaId, []);
    out.get(areaId)!.push(r);
  }
  return out;
}

/** Report ids of the emergency among the given ones (the rest do not exist or belong to another emergency). */
export function reportsOfEmergency(db: Db, emergencyId: number, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = prepare(db, 'SELECT id FROM emergency_report WHERE emergency_id = ? AND id IN (SELECT value FROM json_each(?))')
    .all(emergencyId, JSON.stringify(ids)) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

// History.

export interface AreaEventRow {
  id: number;
  areaId: number;
  kind: AreaEventKind;
  at: number;
  recordedAt: number;
  operatorId: number | null;
  level: RiskLevelKey;
  foundAt: InfectionFoundAt | null;
  restartsClock: boolean | null;
  reportId: number | null;
  note: string | null;
  text: string;
}

export interface NewAreaEvent {
  areaId: number;
  kind: AreaEventKind;
  at: number;
  recordedAt: number;
  operatorId: number | null;
  level: RiskLevelKey;
  foundAt?: InfectionFoundAt;
  restartsClock?: boolean;
  reportId?: number | null;
  geometry?: Area;
  note?: string | null;
  text: string;
}

export function insertEvent(db: Db, e: NewAreaEvent): number {
  const info = prepare(
    db,
    `INSERT INTO risk_area_event (area_id, kind, at, recorded_at, operator_id, level, found_at, restarts_clock, report_id, geometry, note, text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
      e.areaId,
      e.kind,
      e.at,
      e.recordedAt,
      e.operatorId,
      e.level,
      e.foundAt ?? null,
      e.restartsClock === undefined ? null : e.restartsClock ? 1 : 0,
      e.reportId ?? null,
      e.geometry ? JSON.stringify(e.geometry) : null,
      e.note ?? null,
      e.text,
    );
  return Number(info.lastInsertRowid);
}

/** The history of the given areas, oldest first. */
export function eventsOf(db: Db, areaIds: number[]): Map<number, AreaEventRow[]> {
  const out = new Map<number, AreaEventRow[]>();
  if (areaIds.length === 0) return out;
  const rows = prepare(
    db,
    `SELECT id, area_id AS areaId, kind, at, recorded_at AS recordedAt, operator_id AS operatorId, level, found_at AS foundAt,
            restarts_clock AS restartsClock, report_id AS reportId, note, text
     FROM risk_area_event WHERE area_id IN (SELECT value FROM json_each(?)) ORDER BY recorded_at, id`,
  ).all(JSON.stringify(areaIds)) as (Omit<AreaEventRow, 'restartsClock'> & { restartsClock: number | null })[];
  for (const r of rows) {
    const row: AreaEventRow = { ...r, restartsClock: r.restartsClock === null ? null : r.restartsClock === 1 };
    if (!out.has(r.areaId)) out.set(r.areaId, []);
    out.get(r.areaId)!.push(row);
  }
  return out;
}

// Venues to suspend.

export interface SuspensionRow {
  venueId: number;
  suspended: boolean;
  at: number;
  operatorId: number | null;
  note: string | null;
}

/** The latest tick per venue of an area. */
export function latestSuspensions(db: Db, areaIds: number[]): Map<number, Map<number, SuspensionRow>> {
  const out = new Map<number, Map<number, SuspensionRow>>();
  if (areaIds.length === 0) return out;
  const rows = prepare(
    db,
    `SELECT area_id AS areaId, venue_id AS venueId, suspended, at, operator_id AS operatorId, note
     FROM venue_suspension WHERE area_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).all(JSON.stringify(areaIds)) as { areaId: number; venueId: number; suspended: number; at: number; operatorId: number | null; note: string | null }[];
  for (const r of rows) {
    if (!out.has(r.areaId)) out.set(r.areaId, new Map());
    out.get(r.areaId)!.set(r.venueId, { venueId: r.venueId, suspended: r.suspended === 1, at: r.at, operatorId: r.operatorId, note: r.note });
  }
  return out;
}

export function insertSuspension(db: Db, s: { areaId: number; venueId: number; venueName: string; suspended: boolean; at: number; operatorId: number | null; note: string | null }): void {
  prepare(db, 'INSERT INTO venue_suspension (area_id, venue_id, venue_name, suspended, at, operator_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    s.areaId,
    s.venueId,
    s.venueName,
    s.suspended ? 1 : 0,
    s.at,
    s.operatorId,
    s.note,
  );
}

// Street data the figures are computed from.

/** A compound as the figures take it (shared/domain/risk-stats.ts), with its outline still as stored JSON. */
export interface StreetCompoundRow extends Omit<StatsCompoundInput, 'geometry'> {
  boundary: string | null;
}

export function streetCompounds(db: Db): StreetCompoundRow[] {
  return prepare(
    db,
    `SELECT p.id, p.code, p.name, c.name AS communityName, p.residents, p.households, p.elderly, p.boundary
     FROM compound p JOIN community c ON c.id = p.community_id ORDER BY p.code`,
  ).all() as StreetCompoundRow[];
}

export function streetVenues(db: Db) {
  return prepare(db, 'SELECT id, code, name, type, address, contact, lng, lat FROM venue ORDER BY code').all() as {
    id: number;
    code: string;
    name: string;
    type: import('../../shared/domain/venues').VenueType;
    address: string | null;
    contact: string | null;
    lng: number;
    lat: number;
  }[];
}

/** The street's outline: its own boundary, else null (the service then falls back to the communities). */
export function streetBoundary(db: Db): Area | null {
  const r = prepare(db, 'SELECT boundary FROM street WHERE id = 1').get() as { boundary: string | null } | undefined;
  return r?.boundary ? (JSON.parse(r.boundary) as Area) : null;
}

export function communityBoundaries(db: Db): Area[] {
  return (prepare(db, 'SELECT boundary FROM community WHERE boundary IS NOT NULL').all() as { boundary: string }[]).map((r) => JSON.parse(r.boundary) as Area);
}

/**
 * A number that changes whenever street data the figures depend on changes (compounds, communities, venues, the
 * street): the cached street index is rebuilt when it differs.
 */
export function streetVersion(db: Db): string {
  const r = prepare(
    db,
    `SELECT (SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), 0) || ':' || COALESCE(SUM(id), 0) || ':' || COALESCE(SUM(residents), 0) || ':' ||
                    COALESCE(SUM(households), 0) || ':' || COALESCE(SUM(elderly), 0) || ':' || COALESCE(SUM(length(boundary)), 0) FROM compound) || '|' ||
            (SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), 0) || ':' || COALESCE(SUM(id), 0) FROM venue) || '|' ||
            (SELECT COUNT(*) || ':' || COALESCE(MAX(updated_at), 0) || ':' || COALESCE(SUM(length(boundary)), 0) FROM community) || '|' ||
            (SELECT COUNT(*) || ':' || COALESCE(MAX(created_at), 0) FROM street) AS v`,
  ).get() as { v: string };
  return r.v;
}
