import type { Db } from './open';
import { prepare } from './prepare';
import { likeOf } from './columns';
import type { VenueDto } from '../../shared/api/street';
import type { VenueType } from '../../shared/domain/venues';

/** Queries of the venue table (重点场所): list, edit, import upserts, map points, export. */

interface VenueRow {
  id: number;
  code: string;
  name: string;
  type: VenueType;
  lng: number;
  lat: number;
  community_id: number | null;
  compound_id: number | null;
  address: string | null;
  contact: string | null;
  community_name: string | null;
  compound_name: string | null;
  updated_at: number;
  updated_by_name: string | null;
}

const venueSelect = `
  SELECT v.*, c.name AS community_name, p.name AS compound_name, o.name AS updated_by_name
  FROM venue v LEFT JOIN community c ON c.id = v.community_id LEFT JOIN compound p ON p.id = v.compound_id
  LEFT JOIN operator o ON o.id = v.updated_by`;

const toVenue = (r: VenueRow): VenueDto => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type,
  lng: r.lng,
  lat: r.lat,
  communityId: r.community_id,
  compoundId: r.compound_id,
  address: r.address,
  contact: r.contact,
  communityName: r.community_name,
  compoundName: r.compound_name,
  updatedAt: r.updated_at,
  updatedByName: r.updated_by_name,
});

export function listVenues(db: Db, q: { search?: string; type?: VenueType; communityId?: number; limit?: number }) {
  const like = likeOf(q.search);
  const where = `WHERE (? IS NULL OR v.name LIKE ? ESCAPE '\\' OR v.code LIKE ? ESCAPE '\\' OR v.address LIKE ? ESCAPE '\\')
    AND (? IS NULL OR v.type = ?) AND (? IS NULL OR v.community_id = ?)`;
  const args = [like, like, like, like, q.type ?? null, q.type ?? null, q.communityId ?? null, q.communityId ?? null];
  const total = (prepare(db, `SELECT COUNT(*) AS n FROM venue v ${where}`).get(...args) as { n: number }).n;
  const rows = prepare(db, `${venueSelect} ${where} ORDER BY v.code LIMIT ?`).all(...args, q.limit ?? 500) as VenueRow[];
  return { total, rows: rows.map(toVenue) };
}

export function getVenue(db: Db, id: number): VenueDto | null {
  const r = prepare(db, `${venueSelect} WHERE v.id = ?`).get(id) as VenueRow | undefined;
  return r ? toVenue(r) : null;
}

export interface VenueFields {
  code: string;
  name: string;
  type: VenueType;
  lng: number;
  lat: number;
  communityId: number | null;
  compoundId: number | null;
  address?: string | null;
  contact?: string | null;
}

export function insertVenue(db: Db, v: VenueFields, now: number, updatedBy: number | null): number {
  const info = prepare(db, 
      `INSERT INTO venue (code, name, type, lng, lat, community_id, compound_id, address, contact, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.code, v.name, v.type, v.lng, v.lat, v.communityId, v.compoundId, v.address ?? null, v.contact ?? null, now, updatedBy);
  return Number(info.lastInsertRowid);
}

export function updateVenue(db: Db, id: number, v: VenueFields, now: number, updatedBy: number | null) {
  prepare(db, 
    `UPDATE venue SET code = ?, name = ?, type = ?, lng = ?, lat = ?, community_id = ?, compound_id = ?, address = ?, contact = ?,
       updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(v.code, v.name, v.type, v.lng, v.lat, v.communityId, v.compoundId, v.address ?? null, v.contact ?? null, now, updatedBy, id);
}

/** A venues import's update by code (the code stays). */
export function updateImportedVenue(db: Db, id: number, v: Omit<VenueFields, 'code'>, now: number, updatedBy: number | null) {
  prepare(
    db,
    `UPDATE venue SET name = ?, type = ?, lng = ?, lat = ?, community_id = ?, compound_id = ?, address = ?, contact = ?,
       updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(v.name, v.type, v.lng, v.lat, v.communityId, v.compoundId, v.address ?? null, v.contact ?? null, now, updatedBy, id);
}

export function venueIdsByCode(db: Db): Map<string, number> {
  return new Map((prepare(db, 'SELECT id, code FROM venue').all() as { id: number; code: string }[]).map((r) => [r.code, r.id]));
}

/** A compound moved to another community takes the venues inside it along. */
export function moveCompoundVenues(db: Db, compoundId: number, communityId: number, now: number, updatedBy: number | null) {
  prepare(db, 'UPDATE venue SET community_id = ?, updated_at = ?, updated_by = ? WHERE compound_id = ? AND community_id IS NOT ?').run(
    communityId,
    now,
    updatedBy,
    compoundId,
    communityId,
  );
}

export function venuePoints(db: Db) {
  const rows = prepare(db, 'SELECT id, lng, lat, type, name FROM venue ORDER BY id').all() as {
    id: number;
    lng: number;
    lat: number;
    type: VenueType;
    name: string;
  }[];
  return {
    ids: rows.map((r) => r.id),
    lng: rows.map((r) => r.lng),
    lat: rows.map((r) => r.lat),
    type: rows.map((r) => r.type),
    name: rows.map((r) => r.name),
  };
}

/** Venues as the exporter writes them (the importer's columns), ordered by code. */
export function venuesForExport(db: Db) {
  return prepare(db, 'SELECT code, name, type, address, contact, lng, lat FROM venue ORDER BY code').all() as {
    code: string;
    name: string;
    type: string;
    address: string | null;
    contact: string | null;
    lng: number;
    lat: number;
  }[];
}

/** Key venues filed under a compound (venue.compound_id, set from their point when saved). */
export function venuesOfCompound(db: Db, compoundId: number) {
  return prepare(db, 'SELECT id, name, type, lng, lat FROM venue WHERE compound_id = ? ORDER BY code').all(compoundId) as {
    id: number;
    name: string;
    type: VenueType;
    lng: number;
    lat: number;
  }[];
}
