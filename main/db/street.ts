import type { Db } from './open';
import { prepare } from './prepare';
import { likeOf, parseGeometry } from './columns';
import type { AreaGeometry } from '../../shared/api/common';
import type { CommunityDto, GridDto, PopulationSource } from '../../shared/api/street';

/**
 * Queries of the street and its areas above the compound: street, community, grid, and the street-wide counts.
 * Compounds: compounds.ts; venues: venues.ts; the register: population.ts; teams: teams.ts.
 */

/** A compound whose register count differs from its figures (the register and the population table disagree). */
export const registerMismatch = (p: string) =>
  `(${p}.register_residents IS NOT NULL AND (${p}.register_residents <> ${p}.residents OR ${p}.register_households <> ${p}.households))`;

export function getStreet(db: Db) {
  const r = prepare(db, 'SELECT code, name, is_fictional FROM street WHERE id = 1').get() as
    | { code: string; name: string; is_fictional: number }
    | undefined;
  return r ? { code: r.code, name: r.name, isFictional: r.is_fictional === 1 } : null;
}

export function insertStreet(db: Db, s: { code: string; name: string; isFictional: boolean; boundary?: AreaGeometry | null }, now: number) {
  prepare(db, 'INSERT INTO street (id, code, name, is_fictional, boundary, created_at) VALUES (1, ?, ?, ?, ?, ?)').run(
    s.code,
    s.name,
    s.isFictional ? 1 : 0,
    s.boundary ? JSON.stringify(s.boundary) : null,
    now,
  );
}

/** Row counts and population sums of the street tables, for the summary (register and teams: their own modules). */
export function streetCounts(db: Db) {
  const count = (table: 'community' | 'grid' | 'compound' | 'venue') => (prepare(db, `SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const pop = prepare(db, 'SELECT COALESCE(SUM(residents),0) AS r, COALESCE(SUM(households),0) AS h, COALESCE(SUM(elderly),0) AS e FROM compound').get() as {
    r: number;
    h: number;
    e: number;
  };
  const byType = prepare(db, 'SELECT type, COUNT(*) AS n FROM venue GROUP BY type').all() as { type: string; n: number }[];
  // Where the compounds' figures come from, and how far the register disagrees with the population table.
  const populationSources = { entered: 0, compound_file: 0, table: 0, register: 0 };
  const sources = prepare(db, 'SELECT population_source AS s, COUNT(*) AS n FROM compound GROUP BY population_source').all() as {
    s: PopulationSource;
    n: number;
  }[];
  for (const r of sources) populationSources[r.s] = r.n;
  const registerMismatchTotals = prepare(
    db,
    `SELECT COUNT(*) AS compounds, COALESCE(SUM(residents), 0) AS residents, COALESCE(SUM(register_residents), 0) AS registerResidents
     FROM compound p WHERE ${registerMismatch('p')}`,
  ).get() as { compounds: number; residents: number; registerResidents: number };
  return {
    communities: count('community'),
    grids: count('grid'),
    compounds: count('compound'),
    residents: pop.r,
    households: pop.h,
    elderly: pop.e,
    venues: count('venue'),
    venuesByType: Object.fromEntries(byType.map((r) => [r.type, r.n])),
    populationSources,
    registerMismatch: registerMismatchTotals,
  };
}

/** Deletes one row; false when there was none. The schema's foreign keys decide what goes with it. */
export function deleteStreetRow(db: Db, table: 'community' | 'grid' | 'compound' | 'venue', id: number): boolean {
  return prepare(db, `DELETE FROM ${table} WHERE id = ?`).run(id).changes > 0;
}

/** Id (and community, for compounds) of every row of a table by its code, for imports that upsert by code. */
export function idsByCode(db: Db, table: 'community' | 'compound'): Map<string, { id: number; communityId: number | null }> {
  const col = table === 'community' ? 'NULL' : 'community_id';
  const rows = prepare(db, `SELECT id, code, ${col} AS communityId FROM ${table}`).all() as { id: number; code: string; communityId: number | null }[];
  return new Map(rows.map((r) => [r.code, { id: r.id, communityId: r.communityId }]));
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
  mismatchedCompounds: number;
  updatedAt: number;
  updatedByName: string | null;
}

const communitySelect = `
  SELECT c.id, c.code, c.name, c.boundary,
         COUNT(p.id) AS compounds, COALESCE(SUM(p.residents), 0) AS residents,
         COALESCE(SUM(p.households), 0) AS households, COALESCE(SUM(p.elderly), 0) AS elderly,
         COALESCE(SUM(${registerMismatch('p')}), 0) AS mismatchedCompounds,
         c.updated_at AS updatedAt, o.name AS updatedByName
  FROM community c LEFT JOIN compound p ON p.community_id = c.id LEFT JOIN operator o ON o.id = c.updated_by`;

const toCommunity = (r: CommunityRow): CommunityDto => ({ ...r, boundary: parseGeometry(r.boundary) });

export function listCommunities(db: Db, search?: string): CommunityDto[] {
  const like = likeOf(search);
  const rows = prepare(db, `${communitySelect} WHERE (? IS NULL OR c.name LIKE ? ESCAPE '\\' OR c.code LIKE ? ESCAPE '\\') GROUP BY c.id ORDER BY c.code`)
    .all(like, like, like) as CommunityRow[];
  return rows.map(toCommunity);
}

export function getCommunity(db: Db, id: number): CommunityDto | null {
  const r = prepare(db, `${communitySelect} WHERE c.id = ? GROUP BY c.id`).get(id) as CommunityRow | undefined;
  return r ? toCommunity(r) : null;
}

export function insertCommunity(db: Db, c: { code: string; name: string; boundary?: AreaGeometry | null }, now: number, updatedBy: number | null): number {
  const info = prepare(db, 'INSERT INTO community (code, name, boundary, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)')
    .run(c.code, c.name, c.boundary ? JSON.stringify(c.boundary) : null, now, updatedBy);
  return Number(info.lastInsertRowid);
}

export function updateCommunity(db: Db, id: number, c: { code: string; name: string; boundary?: AreaGeometry | null }, now: number, updatedBy: number | null) {
  prepare(db, 'UPDATE community SET code = ?, name = ?, boundary = COALESCE(?, boundary), updated_at = ?, updated_by = ? WHERE id = ?').run(
    c.code,
    c.name,
    c.boundary ? JSON.stringify(c.boundary) : null,
    now,
    updatedBy,
    id,
  );
}

/** Every community's id, code and name (an import matching communities by code or by name). */
export function communityRefs(db: Db): { id: number; code: string; name: string }[] {
  return prepare(db, 'SELECT id, code, name FROM community').all() as { id: number; code: string; name: string }[];
}

export function communityName(db: Db, id: number): string | null {
  const r = prepare(db, 'SELECT name FROM community WHERE id = ?').get(id) as { name: string } | undefined;
  return r?.name ?? null;
}

/** An import's update by code: the code stays, a boundary the file leaves out keeps the stored one. */
export function updateImportedCommunity(db: Db, id: number, c: { name: string; boundary: AreaGeometry | null }, now: number, updatedBy: number | null) {
  prepare(db, 'UPDATE community SET name = ?, boundary = COALESCE(?, boundary), updated_at = ?, updated_by = ? WHERE id = ?').run(
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
  return prepare(db, 
      `${gridSelect} WHERE (? IS NULL OR g.name LIKE ? ESCAPE '\\' OR g.code LIKE ? ESCAPE '\\') AND (? IS NULL OR g.community_id = ?)
       ORDER BY g.code`,
    )
    .all(like, like, like, q.communityId ?? null, q.communityId ?? null) as GridDto[];
}

export function getGrid(db: Db, id: number): GridDto | null {
  return (prepare(db, `${gridSelect} WHERE g.id = ?`).get(id) as GridDto | undefined) ?? null;
}

export interface GridFields {
  code: string;
  name: string;
  communityId: number;
}

export function insertGrid(db: Db, g: GridFields, now: number, updatedBy: number | null): number {
  const info = prepare(db, 'INSERT INTO grid (code, name, community_id, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)')
    .run(g.code, g.name, g.communityId, now, updatedBy);
  return Number(info.lastInsertRowid);
}

export function updateGrid(db: Db, id: number, g: GridFields, now: number, updatedBy: number | null) {
  prepare(db, 'UPDATE grid SET code = ?, name = ?, community_id = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
    g.code,
    g.name,
    g.communityId,
    now,
    updatedBy,
    id,
  );
}

/** Every grid by its code, with its community's id and code (the grid checks of a compounds import). */
export function gridsByCode(db: Db): Map<string, { id: number; communityId: number; communityCode: string }> {
  const rows = prepare(db, 'SELECT g.id, g.code, g.community_id AS communityId, c.code AS communityCode FROM grid g JOIN community c ON c.id = g.community_id').all() as {
    id: number;
    code: string;
    communityId: number;
    communityCode: string;
  }[];
  return new Map(rows.map((r) => [r.code, r]));
}

/** Community boundaries with their ids, for the spatial index. */
export function communityAreas(db: Db) {
  return prepare(db, 'SELECT id, boundary FROM community WHERE boundary IS NOT NULL').all() as { id: number; boundary: string }[];
}

/** Communities as the exporter writes them (the importer's columns), ordered by code. */
export function communitiesForExport(db: Db) {
  return prepare(db, 'SELECT code, name, boundary FROM community ORDER BY code').all() as { code: string; name: string; boundary: string | null }[];
}

