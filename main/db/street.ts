import type { Db } from './open';
import type { AreaGeometry } from '../../shared/api/common';
import type { CommunityDto, CompoundDto, GridDto, TeamDto, VenueDto } from '../../shared/api/street';
import type { VenueType } from '../../shared/domain/venues';

/** Queries for the street tables: street, community, grid, compound, venue, sampling teams. */

const parseGeometry = (s: string | null): AreaGeometry | null => (s ? (JSON.parse(s) as AreaGeometry) : null);
/** A LIKE pattern for "contains"; %, _ and backslash in the user's text match literally (with ESCAPE '\\' in the SQL). */
const likeOf = (search?: string) => (search && search.trim() ? `%${search.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null);

export function getStreet(db: Db) {
  const r = db.prepare('SELECT code, name, is_fictional FROM street WHERE id = 1').get() as
    | { code: string; name: string; is_fictional: number }
    | undefined;
  return r ? { code: r.code, name: r.name, isFictional: r.is_fictional === 1 } : null;
}

export function insertStreet(db: Db, s: { code: string; name: string; isFictional: boolean; boundary?: AreaGeometry | null }, now: number) {
  db.prepare('INSERT INTO street (id, code, name, is_fictional, boundary, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
    s.code,
    s.name,
    s.isFictional ? 1 : 0,
    s.boundary ? JSON.stringify(s.boundary) : null,
    now,
  );
}

interface CommunityRow {
  id: number;
  code: string;
  name: string;
  boundary: string | null;
  compounds: number;
  residents: number;
  households: number;
  elderly: number;
  updatedAt: number;
  updatedByName: string | null;
}

const communitySelect = `
  SELECT c.id, c.code, c.name, c.boundary,
         COUNT(p.id) AS compounds, COALESCE(SUM(p.residents), 0) AS residents,
         COALESCE(SUM(p.households), 0) AS households, COALESCE(SUM(p.elderly), 0) AS elderly,
         c.updated_at AS updatedAt, o.name AS updatedByName
  FROM community c LEFT JOIN compound p ON p.community_id = c.id LEFT JOIN operator o ON o.id = c.updated_by`;

const toCommunity = (r: CommunityRow): CommunityDto => ({ ...r, boundary: parseGeometry(r.boundary) });

export function listCommunities(db: Db, search?: string): CommunityDto[] {
  const like = likeOf(search);
  const rows = db
    .prepare(`${communitySelect} WHERE (? IS NULL OR c.name LIKE ? ESCAPE '\\' OR c.code LIKE ? ESCAPE '\\') GROUP BY c.id ORDER BY c.code`)
    .all(like, like, like) as CommunityRow[];
  return rows.map(toCommunity);
}

export function getCommunity(db: Db, id: number): CommunityDto | null {
  const r = db.prepare(`${communitySelect} WHERE c.id = ? GROUP BY c.id`).get(id) as CommunityRow | undefined;
  return r ? toCommunity(r) : null;
}

export function insertCommunity(db: Db, c: { code: string; name: string; boundary?: AreaGeometry | null }, now: number, updatedBy: number | null): number {
  const info = db
    .prepare('INSERT INTO community (code, name, boundary, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)')
    .run(c.code, c.name, c.boundary ? JSON.stringify(c.boundary) : null, now, updatedBy);
  return Number(info.lastInsertRowid);
}

export function updateCommunity(db: Db, id: number, c: { code: string; name: string; boundary?: AreaGeometry | null }, now: number, updatedBy: number | null) {
  db.prepare('UPDATE community SET code = ?, name = ?, boundary = COALESCE(?, boundary), updated_at = ?, updated_by = ? WHERE id = ?').run(
    c.code,
    c.name,
    c.boundary ? JSON.stringify(c.boundary) : null,
    now,
    updatedBy,
    id,
  );
}

const gridSelect = `
  SELECT g.id, g.code, g.name, g.community_id AS communityId, c.name AS communityName,
         (SELECT COUNT(*) FROM compound p WHERE p.grid_id = g.id) AS compounds,
         g.updated_at AS updatedAt, o.name AS updatedByName
  FROM grid g JOIN community c ON c.id = g.community_id LEFT JOIN operator o ON o.id = g.updated_by`;

export function listGrids(db: Db, q: { search?: string; communityId?: number }): GridDto[] {
  const like = likeOf(q.search);
  return db
    .prepare(
      `${gridSelect} WHERE (? IS NULL OR g.name LIKE ? ESCAPE '\\' OR g.code LIKE ? ESCAPE '\\') AND (? IS NULL OR g.community_id = ?)
       ORDER BY g.code`,
    )
    .all(like, like, like, q.communityId ?? null, q.communityId ?? null) as GridDto[];
}

export function getGrid(db: Db, id: number): GridDto | null {
  return (db.prepare(`${gridSelect} WHERE g.id = ?`).get(id) as GridDto | undefined) ?? null;
}

export interface GridFields {
  code: string;
  name: string;
  communityId: number;
}

export function insertGrid(db: Db, g: GridFields, now: number, updatedBy: number | null): number {
  const info = db
    .prepare('INSERT INTO grid (code, name, community_id, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)')
    .run(g.code, g.name, g.communityId, now, updatedBy);
  return Number(info.lastInsertRowid);
}

export function updateGrid(db: Db, id: number, g: GridFields, now: number, updatedBy: number | null) {
  db.prepare('UPDATE grid SET code = ?, name = ?, community_id = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
    g.code,
    g.name,
    g.communityId,
    now,
    updatedBy,
    id,
  );
}

interface CompoundRow {
  id: number;
  code: string;
  name: string;
  community_id: number;
  community_name: string;
  grid_id: number | null;
  buildings: number | null;
  residents: number;
  households: number;
  elderly: number;
  boundary: string | null;
  updated_at: number;
  updated_by_name: string | null;
}

const compoundSelect = `
  SELECT p.id, p.code, p.name, p.community_id, c.name AS community_name, p.grid_id, p.buildings,
         p.residents, p.households, p.elderly, p.boundary, p.updated_at, o.name AS updated_by_name
  FROM compound p JOIN community c ON c.id = p.community_id LEFT JOIN operator o ON o.id = p.updated_by`;

const toCompound = (r: CompoundRow): CompoundDto => ({
  id: r.id,
  code: r.code,
  name: r.name,
  communityId: r.community_id,
  communityName: r.community_name,
  gridId: r.grid_id,
  buildings: r.buildings,
  residents: r.residents,
  households: r.households,
  elderly: r.elderly,
  boundary: parseGeometry(r.boundary),
  updatedAt: r.updated_at,
  updatedByName: r.updated_by_name,
});

export function listCompounds(db: Db, q: { search?: string; communityId?: number; limit?: number }) {
  const like = likeOf(q.search);
  const where = `WHERE (? IS NULL OR p.name LIKE ? ESCAPE '\\' OR p.code LIKE ? ESCAPE '\\') AND (? IS NULL OR p.community_id = ?)`;
  const args = [like, like, like, q.communityId ?? null, q.communityId ?? null];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM compound p ${where}`).get(...args) as { n: number }).n;
  const rows = db.prepare(`${compoundSelect} ${where} ORDER BY p.code LIMIT ?`).all(...args, q.limit ?? 500) as CompoundRow[];
  return { total, rows: rows.map(toCompound) };
}

export function getCompound(db: Db, id: number): CompoundDto | null {
  const r = db.prepare(`${compoundSelect} WHERE p.id = ?`).get(id) as CompoundRow | undefined;
  return r ? toCompound(r) : null;
}

export interface CompoundFields {
  code: string;
  name: string;
  communityId: number;
  gridId?: number | null;
  buildings?: number | null;
  residents: number;
  households: number;
  elderly: number;
  boundary?: AreaGeometry | null;
}

export function insertCompound(db: Db, c: CompoundFields, now: number, updatedBy: number | null): number {
  const info = db
    .prepare(
      `INSERT INTO compound (code, name, community_id, grid_id, buildings, residents, households, elderly, boundary, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.code, c.name, c.communityId, c.gridId ?? null, c.buildings ?? null, c.residents, c.households, c.elderly, c.boundary ? JSON.stringify(c.boundary) : null, now, updatedBy);
  return Number(info.lastInsertRowid);
}

export function updateCompound(db: Db, id: number, c: CompoundFields, now: number, updatedBy: number | null) {
  db.prepare(
    `UPDATE compound SET code = ?, name = ?, community_id = ?, grid_id = ?, buildings = ?, residents = ?, households = ?,
       elderly = ?, boundary = COALESCE(?, boundary), updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(c.code, c.name, c.communityId, c.gridId ?? null, c.buildings ?? null, c.residents, c.households, c.elderly, c.boundary ? JSON.stringify(c.boundary) : null, now, updatedBy, id);
}

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
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM venue v ${where}`).get(...args) as { n: number }).n;
  const rows = db.prepare(`${venueSelect} ${where} ORDER BY v.code LIMIT ?`).all(...args, q.limit ?? 500) as VenueRow[];
  return { total, rows: rows.map(toVenue) };
}

export function getVenue(db: Db, id: number): VenueDto | null {
  const r = db.prepare(`${venueSelect} WHERE v.id = ?`).get(id) as VenueRow | undefined;
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
  const info = db
    .prepare(
      `INSERT INTO venue (code, name, type, lng, lat, community_id, compound_id, address, contact, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.code, v.name, v.type, v.lng, v.lat, v.communityId, v.compoundId, v.address ?? null, v.contact ?? null, now, updatedBy);
  return Number(info.lastInsertRowid);
}

export function updateVenue(db: Db, id: number, v: VenueFields, now: number, updatedBy: number | null) {
  db.prepare(
    `UPDATE venue SET code = ?, name = ?, type = ?, lng = ?, lat = ?, community_id = ?, compound_id = ?, address = ?, contact = ?,
       updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(v.code, v.name, v.type, v.lng, v.lat, v.communityId, v.compoundId, v.address ?? null, v.contact ?? null, now, updatedBy, id);
}

export function venuePoints(db: Db) {
  const rows = db.prepare('SELECT id, lng, lat, type, name FROM venue ORDER BY id').all() as {
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

export function listTeams(db: Db): TeamDto[] {
  const teams = db.prepare('SELECT id, code, name FROM sampling_team ORDER BY code').all() as { id: number; code: string; name: string }[];
  const members = db.prepare('SELECT team_id, name, role, phone FROM team_member ORDER BY team_id, id').all() as {
    team_id: number;
    name: string;
    role: TeamDto['members'][number]['role'];
    phone: string | null;
  }[];
  return teams.map((t) => ({
    ...t,
    members: members.filter((m) => m.team_id === t.id).map(({ name, role, phone }) => ({ name, role, phone })),
  }));
}

/** Boundaries with their keys, for the spatial index. */
export function compoundAreas(db: Db) {
  return db.prepare('SELECT id, community_id, boundary FROM compound WHERE boundary IS NOT NULL').all() as {
    id: number;
    community_id: number;
    boundary: string;
  }[];
}

export function communityAreas(db: Db) {
  return db.prepare('SELECT id, boundary FROM community WHERE boundary IS NOT NULL').all() as { id: number; boundary: string }[];
}

/** Key venues filed under a compound (venue.compound_id, set from their point when saved). */
export function venuesOfCompound(db: Db, compoundId: number) {
  return db.prepare('SELECT id, name, type, lng, lat FROM venue WHERE compound_id = ? ORDER BY code').all(compoundId) as {
    id: number;
    name: string;
    type: VenueType;
    lng: number;
    lat: number;
  }[];
}
