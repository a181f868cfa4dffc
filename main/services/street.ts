import type { MultiPolygon, Polygon } from 'geojson';
import { AppError } from '../../shared/api/errors';
import type { AreaGeometry, FeatureCollectionDto } from '../../shared/api/common';
import type { StreetSummaryDto, VenueDto, CommunityDto, CompoundDto, GridDto } from '../../shared/api/street';
import type { VenueType } from '../../shared/domain/venues';
import { AreaIndex } from '../../shared/domain/spatial';
import * as q from '../db/street';
import * as compounds from '../db/compounds';
import * as venues from '../db/venues';
import { countResidents } from '../db/population';
import { countTeams } from '../db/teams';
import { deskOperatorRef } from '../db/operators';
import type { Db } from '../db/open';
import type { AppContext } from './context';
import { checkArea } from './import/geojson';
import { Problems } from './import/problems';

/** Street data use cases: summary, map layers, and add / edit / delete of communities, grids, compounds and venues. */

export function createStreet(ctx: AppContext, input: { code: string; name: string }) {
  if (q.getStreet(ctx.db)) throw new AppError('conflict', '数据库中已有街道，不能再创建。');
  q.insertStreet(ctx.db, { ...input, isFictional: false }, ctx.now());
  return { ok: true as const };
}

export function streetSummary(db: Db): StreetSummaryDto {
  const counts = q.streetCounts(db);
  const teams = countTeams(db);
  return {
    street: q.getStreet(db),
    communities: counts.communities,
    grids: counts.grids,
    compounds: counts.compounds,
    residents: counts.residents,
    households: counts.households,
    elderly: counts.elderly,
    registeredResidents: countResidents(db),
    populationSources: counts.populationSources,
    registerMismatch: counts.registerMismatch,
    venues: counts.venues,
    venuesByType: counts.venuesByType,
    teams: teams.teams,
    teamMembers: teams.members,
  };
}

export function mapLayers(db: Db): { communities: FeatureCollectionDto; compounds: FeatureCollectionDto } {
  const communities = q.listCommunities(db).filter((c) => c.boundary);
  const outlines = compounds.compoundOutlines(db);
  return {
    communities: {
      type: 'FeatureCollection',
      features: communities.map((c) => ({
        type: 'Feature',
        id: c.id,
        properties: { id: c.id, code: c.code, name: c.name, residents: c.residents, compounds: c.compounds },
        geometry: c.boundary,
      })),
    },
    compounds: {
      type: 'FeatureCollection',
      features: outlines.map((p) => ({
        type: 'Feature',
        id: p.id,
        properties: { id: p.id, code: p.code, name: p.name, communityId: p.community_id, residents: p.residents, households: p.households, elderly: p.elderly },
        geometry: JSON.parse(p.boundary),
      })),
    },
  };
}

/**
 * Who a street write is stamped with: the operator at the desk, or null. Street data may be kept in routine times
 * with nobody signed in, so unlike the command records a write is not refused without an operator.
 */
export const streetEditor = (ctx: AppContext): number | null => deskOperatorRef(ctx.db)?.id ?? null;

/** Runs a write; a UNIQUE code collision becomes a clear conflict error naming the code. */
function writeUnique<T>(what: string, code: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof Error && /UNIQUE constraint failed/.test(err.message)) {
      throw new AppError('conflict', `${what}编码 ${code} 已存在。`);
    }
    throw err;
  }
}

/**
 * The schema only checks a boundary's outline; a ring of two points or an unclosed one would be stored and then break
 * every later point lookup (saveVenue, imports), so it gets the importer's deep check here.
 */
function requireValidBoundary(boundary: AreaGeometry | null | undefined): void {
  if (boundary == null) return;
  const problems = new Problems('');
  if (checkArea(boundary, 0, problems) === undefined) {
    throw new AppError('invalid_input', `boundary: ${problems.list[0]?.message ?? '边界不是有效的多边形。'}`);
  }
}

export function saveCommunity(ctx: AppContext, input: { id?: number; code: string; name: string; boundary?: AreaGeometry | null }): CommunityDto {
  requireValidBoundary(input.boundary);
  const id = writeUnique('社区', input.code, () => {
    if (input.id === undefined) return q.insertCommunity(ctx.db, input, ctx.now(), streetEditor(ctx));
    requireRow(q.getCommunity(ctx.db, input.id), '社区', input.id);
    q.updateCommunity(ctx.db, input.id, input, ctx.now(), streetEditor(ctx));
    return input.id;
  });
  return q.getCommunity(ctx.db, id)!;
}

/**
 * A grid belongs to one community. Moving a grid that still holds compounds to another community would leave
 * them in a grid of a community they are not in, so that move is refused until the compounds are moved or unlinked.
 */
export function saveGrid(ctx: AppContext, input: q.GridFields & { id?: number }): GridDto {
  const community = requireRow(q.getCommunity(ctx.db, input.communityId), '社区', input.communityId);
  const id = writeUnique('网格', input.code, () => {
    if (input.id === undefined) return q.insertGrid(ctx.db, input, ctx.now(), streetEditor(ctx));
    const grid = requireRow(q.getGrid(ctx.db, input.id), '网格', input.id);
    if (grid.communityId !== input.communityId && grid.compounds > 0) {
      throw new AppError(
        'conflict',
        `网格 ${grid.name}（${grid.code}）有 ${grid.compounds} 个小区属于${grid.communityName}，不能改到${community.name}：请先调整这些小区的网格。`,
      );
    }
    q.updateGrid(ctx.db, input.id, input, ctx.now(), streetEditor(ctx));
    return input.id;
  });
  return q.getGrid(ctx.db, id)!;
}

const tableLabel = { community: '社区', grid: '网格', compound: '小区', venue: '场所' } as const;

/** Deletes one row. The schema's foreign keys decide what goes with it (a grid's compounds stay, unlinked). */
export function deleteRow(ctx: AppContext, table: 'community' | 'grid' | 'compound' | 'venue', id: number) {
  if (!q.deleteStreetRow(ctx.db, table, id)) throw new AppError('not_found', `找不到要删除的${tableLabel[table]} (id ${id})，可能已被删除。`);
  return { ok: true as const };
}

export function saveCompound(ctx: AppContext, input: compounds.CompoundFields & { id?: number }): CompoundDto {
  requireRow(q.getCommunity(ctx.db, input.communityId), '社区', input.communityId);
  requireValidBoundary(input.boundary);
  if (input.elderly > input.residents) throw new AppError('invalid_input', `60岁以上人数 (${input.elderly}) 不能大于居民数 (${input.residents})。`);
  if (input.households > input.residents) throw new AppError('invalid_input', `户数 (${input.households}) 不能大于居民数 (${input.residents})：每户至少一人。`);
  if (input.gridId != null) {
    const grid = requireRow(q.getGrid(ctx.db, input.gridId), '网格', input.gridId);
    if (grid.communityId !== input.communityId) throw new AppError('invalid_input', `网格 ${grid.name} (${grid.code}) 不属于所选社区。`);
  }
  const id = writeUnique('小区', input.code, () => {
    const now = ctx.now();
    const by = streetEditor(ctx);
    if (input.id === undefined) return compounds.insertCompound(ctx.db, input, now, by);
    requireRow(compounds.getCompound(ctx.db, input.id), '小区', input.id);
    const compoundId = input.id;
    ctx.db.transaction(() => {
      compounds.updateCompound(ctx.db, compoundId, input, now, by);
      // A compound moved to another community takes the venues inside it along.
      venues.moveCompoundVenues(ctx.db, compoundId, input.communityId, now, by);
    })();
    return compoundId;
  });
  return compounds.getCompound(ctx.db, id)!;
}

export function saveVenue(
  ctx: AppContext,
  input: { id?: number; code: string; name: string; type: VenueType; lng: number; lat: number; address?: string | null; contact?: string | null },
): VenueDto {
  const where = locatePoints(ctx.db, [[input.lng, input.lat]])[0];
  const fields: venues.VenueFields = { ...input, communityId: where.communityId, compoundId: where.compoundId };
  const id = writeUnique('场所', input.code, () => {
    if (input.id === undefined) return venues.insertVenue(ctx.db, fields, ctx.now(), streetEditor(ctx));
    requireRow(venues.getVenue(ctx.db, input.id), '场所', input.id);
    venues.updateVenue(ctx.db, input.id, fields, ctx.now(), streetEditor(ctx));
    return input.id;
  });
  return venues.getVenue(ctx.db, id)!;
}

/** Finds the compound and community holding each point (flatbush candidates, exact turf test). */
export function locatePoints(db: Db, points: [number, number][]): { compoundId: number | null; communityId: number | null }[] {
  const compoundIndex = new AreaIndex(
    compounds.compoundAreas(db).map((r) => ({ key: { id: r.id, communityId: r.community_id }, geometry: JSON.parse(r.boundary) as Polygon | MultiPolygon })),
  );
  const communityIndex = new AreaIndex(q.communityAreas(db).map((r) => ({ key: r.id, geometry: JSON.parse(r.boundary) as Polygon | MultiPolygon })));
  return points.map(([lng, lat]) => {
    const c = compoundIndex.locate(lng, lat);
    if (c) return { compoundId: c.id, communityId: c.communityId };
    return { compoundId: null, communityId: communityIndex.locate(lng, lat) };
  });
}

function requireRow<T>(row: T | null, what: string, id: number): T {
  if (!row) throw new AppError('not_found', `找不到${what} (id ${id})。`);
  return row;
}
