import type { Db } from './open';
import { prepare } from './prepare';
import type { CaseType, WorkGroupKey } from '../../shared/domain/workgroups';
import type { DeadlineInstance } from '../../shared/domain/deadlines';
import type { DeadlineRule } from '../../shared/domain/policy';

/** Queries of the mode, emergencies, reports, T0 corrections and deadline clocks. */

export interface ModeRow {
  mode: 'routine' | 'emergency';
  emergencyId: number | null;
  policyProfileId: string;
}

export function currentMode(db: Db): ModeRow {
  return prepare(db, 'SELECT mode, emergency_id AS emergencyId, policy_profile_id AS policyProfileId FROM app_mode WHERE id = 1').get() as ModeRow;
}

/** The emergency running now, or null in routine times. */
export function currentEmergencyId(db: Db): number | null {
  const r = prepare(db, 'SELECT emergency_id FROM app_mode WHERE id = 1').get() as { emergency_id: number | null } | undefined;
  return r?.emergency_id ?? null;
}

export function setMode(db: Db, mode: 'routine' | 'emergency', emergencyId: number | null): void {
  prepare(db, 'UPDATE app_mode SET mode = ?, emergency_id = ? WHERE id = 1').run(mode, emergencyId);
}

export function setPolicyProfile(db: Db, id: string): void {
  prepare(db, 'UPDATE app_mode SET policy_profile_id = ? WHERE id = 1').run(id);
}

export interface EmergencyRow {
  id: number;
  switchedAt: number;
  switchedBy: number | null;
  profileId: string;
}

export function insertEmergency(db: Db, at: number, by: number, profileId: string): number {
  return Number(prepare(db, 'INSERT INTO emergency (switched_at, switched_by, profile_id) VALUES (?, ?, ?)').run(at, by, profileId).lastInsertRowid);
}

export function getEmergency(db: Db, id: number): EmergencyRow | null {
  return (
    (prepare(db, 'SELECT id, switched_at AS switchedAt, switched_by AS switchedBy, profile_id AS profileId FROM emergency WHERE id = ?').get(id) as EmergencyRow | undefined) ??
    null
  );
}

export interface ReportFields {
  reportedAt: number;
  place: string;
  caseType: CaseType;
  reportedBy: string;
  note?: string | null;
  /** The compound picked from the street data (or found from the point). */
  compoundId?: number | null;
  /** The point clicked on the map (WGS-84), both or neither. */
  lng?: number | null;
  lat?: number | null;
}

export interface ReportRow extends Required<ReportFields> {
  id: number;
  isTrigger: boolean;
  recordedAt: number;
  recordedBy: number | null;
  /** The compound's name today, or null when it is not (or no longer) in the street data. */
  compoundName: string | null;
  communityName: string | null;
}

export function insertReport(db: Db, emergencyId: number, r: ReportFields, isTrigger: boolean, at: number, by: number): number {
  return Number(
    prepare(db, 
        `INSERT INTO emergency_report (emergency_id, reported_at, place, case_type, reported_by, note, is_trigger, recorded_at, recorded_by, compound_id, lng, lat)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        emergencyId,
        r.reportedAt,
        r.place.trim(),
        r.caseType,
        r.reportedBy.trim(),
        r.note?.trim() || null,
        isTrigger ? 1 : 0,
        at,
        by,
        r.compoundId ?? null,
        r.lng ?? null,
        r.lat ?? null,
      ).lastInsertRowid,
  );
}

export function listReports(db: Db, emergencyId: number): ReportRow[] {
  return (
    prepare(db, 
        `SELECT r.id, r.reported_at AS reportedAt, r.place, r.case_type AS caseType, r.reported_by AS reportedBy, r.note, r.is_trigger AS isTrigger,
         r.recorded_at AS recordedAt, r.recorded_by AS recordedBy, r.compound_id AS compoundId, r.lng, r.lat,
         p.name AS compoundName, c.name AS communityName
         FROM emergency_report r LEFT JOIN compound p ON p.id = r.compound_id LEFT JOIN community c ON c.id = p.community_id
         WHERE r.emergency_id = ? ORDER BY r.is_trigger DESC, r.reported_at, r.id`,
      )
      .all(emergencyId) as (Omit<ReportRow, 'isTrigger'> & { isTrigger: number })[]
  ).map((r) => ({ ...r, isTrigger: r.isTrigger === 1 }));
}

export interface T0CorrectionRow {
  id: number;
  fromAt: number;
  toAt: number;
  reason: string;
  at: number;
  operatorId: number | null;
}

export function insertT0Correction(db: Db, emergencyId: number, fromAt: number, toAt: number, reason: string, at: number, by: number): number {
  return Number(
    prepare(db, 'INSERT INTO t0_correction (emergency_id, from_at, to_at, reason, at, operator_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(emergencyId, fromAt, toAt, reason, at, by).lastInsertRowid,
  );
}

export function listT0Corrections(db: Db, emergencyId: number): T0CorrectionRow[] {
  return prepare(db, 'SELECT id, from_at AS fromAt, to_at AS toAt, reason, at, operator_id AS operatorId FROM t0_correction WHERE emergency_id = ? ORDER BY id')
    .all(emergencyId) as T0CorrectionRow[];
}

export function insertDeadlines(db: Db, emergencyId: number, rules: DeadlineRule[], reportId: number | null, at: number, by: number): void {
  const ins = prepare(db, 
    `INSERT INTO deadline (emergency_id, report_id, key, name, name_en, owner_group, anchor, hours, target_hours, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of rules) {
    ins.run(emergencyId, r.anchor === 'each_report' ? reportId : null, r.key, r.name, r.nameEn, r.ownerGroup, r.anchor, r.hours, r.targetHours ?? null, at, by);
  }
}

export function listDeadlines(db: Db, emergencyId: number): DeadlineInstance[] {
  return prepare(db, 
      `SELECT id, key, name, name_en AS nameEn, owner_group AS ownerGroup, anchor, report_id AS reportId, hours, target_hours AS targetHours
       FROM deadline WHERE emergency_id = ? ORDER BY id`,
    )
    .all(emergencyId) as (DeadlineInstance & { ownerGroup: WorkGroupKey })[];
}

export interface DoneRow {
  /** The done mark's own id (a reopen points at it). */
  id: number;
  deadlineId: number;
  doneAt: number;
  operatorId: number | null;
}

/** Standing done marks: the latest mark of each deadline that was not reopened. */
export function listDone(db: Db, emergencyId: number): DoneRow[] {
  return prepare(db, 
      `SELECT d.id, d.deadline_id AS deadlineId, d.done_at AS doneAt, d.operator_id AS operatorId
       FROM deadline_done d JOIN deadline x ON x.id = d.deadline_id
       WHERE x.emergency_id = ? AND NOT EXISTS (SELECT 1 FROM deadline_reopen r WHERE r.done_id = d.id)`,
    )
    .all(emergencyId) as DoneRow[];
}

export interface ReopenRow {
  deadlineId: number;
  doneAt: number;
  doneBy: number | null;
  reason: string;
  at: number;
  operatorId: number | null;
}

/** Every reopening of the emergency's deadlines, oldest first, with the done mark it took back. */
export function listReopens(db: Db, emergencyId: number): ReopenRow[] {
  return prepare(db, 
      `SELECT d.deadline_id AS deadlineId, d.done_at AS doneAt, d.operator_id AS doneBy, r.reason, r.at, r.operator_id AS operatorId
       FROM deadline_reopen r JOIN deadline_done d ON d.id = r.done_id JOIN deadline x ON x.id = d.deadline_id
       WHERE x.emergency_id = ? ORDER BY r.id`,
    )
    .all(emergencyId) as ReopenRow[];
}

/** A deadline's emergency and name, and its standing done mark (null when open). */
export function deadlineEmergency(
  db: Db,
  deadlineId: number,
): { emergencyId: number; name: string; done: { id: number; at: number; by: number | null } | null } | null {
  const x = prepare(db, 'SELECT emergency_id AS emergencyId, name FROM deadline WHERE id = ?').get(deadlineId) as { emergencyId: number; name: string } | undefined;
  if (!x) return null;
  const d = prepare(db, 
      `SELECT d.id, d.done_at AS at, d.operator_id AS "by" FROM deadline_done d
       WHERE d.deadline_id = ? AND NOT EXISTS (SELECT 1 FROM deadline_reopen r WHERE r.done_id = d.id) ORDER BY d.id DESC LIMIT 1`,
    )
    .get(deadlineId) as { id: number; at: number; by: number | null } | undefined;
  return { ...x, done: d ?? null };
}

export function insertDone(db: Db, deadlineId: number, at: number, by: number): void {
  prepare(db, 'INSERT INTO deadline_done (deadline_id, done_at, operator_id) VALUES (?, ?, ?)').run(deadlineId, at, by);
}

export function insertReopen(db: Db, doneId: number, reason: string, at: number, by: number): void {
  prepare(db, 'INSERT INTO deadline_reopen (done_id, reason, at, operator_id) VALUES (?, ?, ?, ?)').run(doneId, reason, at, by);
}

export function insertModeChange(db: Db, at: number, by: number, to: 'routine' | 'emergency', emergencyId: number, reason: string | null): void {
  prepare(db, 'INSERT INTO mode_change (at, operator_id, to_mode, emergency_id, reason) VALUES (?, ?, ?, ?, ?)').run(at, by, to, emergencyId, reason);
}

export function lastModeChange(db: Db): { at: number; to: 'routine' | 'emergency'; reason: string | null; operatorId: number | null } | null {
  return (
    (prepare(db, 'SELECT at, to_mode AS "to", reason, operator_id AS operatorId FROM mode_change ORDER BY id DESC LIMIT 1').get() as
      | { at: number; to: 'routine' | 'emergency'; reason: string | null; operatorId: number | null }
      | undefined) ?? null
  );
}
