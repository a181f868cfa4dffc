import type { Db } from './open';
import { prepare } from './prepare';
import { likeOf, parseGeometry } from './columns';
import type { AreaGeometry } from '../../shared/api/common';
import type { CompoundDto, PopulationSource } from '../../shared/api/street';

/** Queries of the compound table (小区): list, edit, import upserts, map outlines, export. */

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
  population_source: PopulationSource;
  register_residents: number | null;
  register_households: number | null;
  boundary: string | null;
  updated_at: number;
  updated_by_name: string | null;
}

const compoundSelect = `
  SELECT p.id, p.code, p.name, p.community_id, c.name AS community_name, p.grid_id, p.buildings,
         p.residents, p.households, p.elderly, p.population_source, p.register_residents, p.register_households,
         p.boundary, p.updated_at, o.name AS updated_by_name
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
  populationSource: r.population_source,
  registerResidents: r.register_residents,
  registerHouseholds: r.register_households,
  boundary: parseGeometry(r.boundary),
  updatedAt: r.updated_at,
  updatedByName: r.updated_by_name,
});

export function listCompounds(db: Db, q: { search?: string; communityId?: number; limit?: number }) {
  const like = likeOf(q.search);
  const where = `WHERE (? IS NULL OR p.name LIKE ? ESCAPE '\\' OR p.code LIKE ? ESCAPE '\\') AND (? IS NULL OR p.community_id = ?)`;
  const args = [like, like, like, q.communityId ?? null, q.communityId ?? null];
  const total = (prepare(db, `SELECT COUNT(*) AS n FROM compound p ${where}`).get(...args) as { n: number }).n;
  const rows = prepare(db, `${compoundSelect} ${where} ORDER BY p.code LIMIT ?`).all(...args, q.limit ?? 500) as CompoundRow[];
  return { total, rows: rows.map(toCompound) };
}

export function getCompound(db: Db, id: number): CompoundDto | null {
  const r = prepare(db, `${compoundSelect} WHERE p.id = ?`).get(id) as CompoundRow | undefined;
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

/** `source` says where the figures come from: typed in the form unless an import says otherwise. */
export function insertCompound(db: Db, c: CompoundFields, now: number, updatedBy: number | null, source: PopulationSource = 'entered'): number {
  const info = prepare(
    db,
    `INSERT INTO compound (code, name, community_id, grid_id, buildings, residents, households, elderly, population_source, boundary, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.code,
    c.name,
    c.communityId,
    c.gridId ?? null,
    c.buildings ?? null,
    c.residents,
    c.households,
    c.elderly,
    source,
    c.boundary ? JSON.stringify(c.boundary) : null,
    now,
    updatedBy,
  );
  return Number(info.lastInsertRowid);
}

/** A figure typed in the form makes the compound's source 'entered'; an edit that keeps the figures keeps the source. */
export function updateCompound(db: Db, id: number, c: CompoundFields, now: number, updatedBy: number | null) {
  prepare(
    db,
    `UPDATE compound SET code = ?, name = ?, community_id = ?, grid_id = ?, buildings = ?,
       population_source = CASE WHEN residents = ? AND households = ? AND elderly = ? THEN population_source ELSE 'entered' END,
       residents = ?, households = ?, elderly = ?, boundary = COALESCE(?, boundary), updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(
    c.code,
    c.name,
    c.communityId,
    c.gridId ?? null,
    c.buildings ?? null,
    c.residents,
    c.households,
    c.elderly,
    c.residents,
    c.households,
    c.elderly,
    c.boundary ? JSON.stringify(c.boundary) : null,
    now,
    updatedBy,
    id,
  );
}

/**
 * A compounds import's update by code. Null counts, grid, boundary or source keep their stored values; a compound
 * moved to another community leaves its old grid.
 */
export function updateImportedCompound(
  db: Db,
  id: number,
  c: { name: string; communityId: number; gridId: number | null; boundary: AreaGeometry | null; populationSource: PopulationSource | null } & Record<
    'buildings' | 'residents' | 'households' | 'elderly',
    number | null
  >,
  now: number,
  updatedBy: number | null,
) {
  prepare(
    db,
    `UPDATE compound SET name = ?, community_id = ?,
       grid_id = CASE WHEN ? IS NOT NULL THEN ? WHEN community_id = ? THEN grid_id ELSE NULL END,
       buildings = COALESCE(?, buildings), residents = COALESCE(?, residents), households = COALESCE(?, households),
       elderly = COALESCE(?, elderly), population_source = COALESCE(?, population_source), boundary = COALESCE(?, boundary),
       updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(
    c.name,
    c.communityId,
    c.gridId,
    c.gridId,
    c.communityId,
    c.buildings,
    c.residents,
    c.households,
    c.elderly,
    c.populationSource,
    c.boundary ? JSON.stringify(c.boundary) : null,
    now,
    updatedBy,
    id,
  );
}

/** Stored counts of every compound by code, so an import that leaves a count out checks the value that stays. */
export function compoundCountsByCode(db: Db): Map<string, { id: number; residents: number; households: number; elderly: number }> {
  const rows = prepare(db, 'SELECT id, code, residents, households, elderly FROM compound').all() as {
    id: number;
    code: string;
    residents: number;
    households: number;
    elderly: number;
  }[];
  return new Map(rows.map((r) => [r.code, r]));
}

/** Compound outlines with their counts, for the map layer. */
export function compoundOutlines(db: Db) {
  return prepare(
    db,
    `SELECT p.id, p.code, p.name, p.community_id, p.residents, p.households, p.elderly, p.boundary
     FROM compound p WHERE p.boundary IS NOT NULL ORDER BY p.code`,
  ).all() as { id: number; code: string; name: string; community_id: number; residents: number; households: number; elderly: number; boundary: string }[];
}

/** Boundaries with their keys, for the spatial index. */
export function compoundAreas(db: Db) {
  return prepare(db, 'SELECT id, community_id, boundary FROM compound WHERE boundary IS NOT NULL').all() as {
    id: number;
    community_id: number;
    boundary: string;
  }[];
}

/** Compounds as the exporter writes them (the importer's columns), ordered by code. */
export function compoundsForExport(db: Db) {
  return prepare(
    db,
    `SELECT p.code, p.name, c.code AS communityCode, g.code AS gridCode, p.buildings, p.residents, p.households, p.elderly, p.boundary
     FROM compound p JOIN community c ON c.id = p.community_id LEFT JOIN grid g ON g.id = p.grid_id ORDER BY p.code`,
  ).all() as {
    code: string;
    name: string;
    communityCode: string;
    gridCode: string | null;
    buildings: number | null;
    residents: number;
    households: number;
    elderly: number;
    boundary: string | null;
  }[];
}

/** One row per compound with its community's name and its figures, in community order (the 人口底数统计表 export). */
export function populationTableRows(db: Db) {
  return prepare(
    db,
    `SELECT c.name AS community, p.name, p.code, p.buildings, p.households, p.residents, p.elderly
     FROM compound p JOIN community c ON c.id = p.community_id ORDER BY c.code, p.code`,
  ).all() as { community: string; name: string; code: string; buildings: number | null; households: number; residents: number; elderly: number }[];
}

/** A compound's figures with its community (a population table matching compounds by code or by name). */
export interface CompoundWithCommunity {
  id: number;
  code: string;
  name: string;
  communityId: number;
  communityName: string;
  residents: number;
  households: number;
  elderly: number;
}

export function compoundsWithCommunity(db: Db): CompoundWithCommunity[] {
  return prepare(
    db,
    `SELECT p.id, p.code, p.name, p.community_id AS communityId, c.name AS communityName, p.residents, p.households, p.elderly
     FROM compound p JOIN community c ON c.id = p.community_id`,
  ).all() as CompoundWithCommunity[];
}

/** A population table's figures: the table becomes the compound's source; left-out (null) figures keep their stored values. */
export function updateCompoundFromTable(
  db: Db,
  id: number,
  c: Record<'buildings' | 'residents' | 'households' | 'elderly', number | null>,
  now: number,
  updatedBy: number | null,
) {
  prepare(
    db,
    `UPDATE compound SET buildings = COALESCE(?, buildings), residents = COALESCE(?, residents), households = COALESCE(?, households),
       elderly = COALESCE(?, elderly), population_source = 'table', updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(c.buildings, c.residents, c.households, c.elderly, now, updatedBy, id);
}
