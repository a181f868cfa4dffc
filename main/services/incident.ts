import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { IncidentSiteDto, IncidentSurroundingsDto, VenueNearDto } from '../../shared/api/mode';
import type { VenueType } from '../../shared/domain/venues';
import { AreaIndex, PointIndex } from '../../shared/domain/spatial';
import * as q from '../db/mode';
import * as compoundDb from '../db/compounds';
import * as venueDb from '../db/venues';
import { getSettings } from './settings';
import type { AppContext } from './context';

/**
 * The incident on the board (issue 10): for each compound named by the positive reports, its population base and
 * the key venues inside it and within the set distance of its edge (setting incidentRadiusM); for a report that is
 * only a point on the map, the venues around the point. Spatial work follows STYLE.md section 4: flatbush for
 * candidates, an exact test after (turf's point-in-polygon, then the distance to the nearest edge).
 */

interface Venue {
  id: number;
  name: string;
  type: VenueType;
  lng: number;
  lat: number;
}

type Near = { point: { key: Venue }; distanceM: number };

const toDto = (n: Near): VenueNearDto => ({ ...n.point.key, distanceM: Math.round(n.distanceM) });

export function getIncidentSurroundings(ctx: AppContext): IncidentSurroundingsDto {
  const radiusM = getSettings(ctx.db).incidentRadiusM;
  const m = q.currentMode(ctx.db);
  if (m.mode !== 'emergency' || m.emergencyId === null) return { radiusM, sites: [], unplaced: [] };

  const reports = q.listReports(ctx.db, m.emergencyId);
  let areas: AreaIndex<number> | null = null;
  const locate = (lng: number, lat: number) => {
    areas ??= new AreaIndex(compoundDb.compoundAreas(ctx.db).map((c) => ({ key: c.id, geometry: JSON.parse(c.boundary) as Polygon | MultiPolygon })));
    return areas.locate(lng, lat);
  };

  // Sites in the order of their first report (the trigger first): one per compound, one per point outside any.
  const sites = new Map<string, { compoundId: number | null; point: Position | null; reportIds: number[]; points: Position[] }>();
  const unplaced: number[] = [];
  for (const r of reports) {
    const point: Position | null = r.lng !== null && r.lat !== null ? [r.lng, r.lat] : null;
    // A compound deleted since the report was taken: the point, if any, may lie in the compound that replaced it.
    const compoundId = r.compoundName !== null ? r.compoundId : point ? locate(point[0], point[1]) : null;
    const key = compoundId !== null ? `compound:${compoundId}` : point ? `report:${r.id}` : null;
    if (key === null) {
      unplaced.push(r.id);
      continue;
    }
    const site = sites.get(key) ?? { compoundId, point: compoundId === null ? point : null, reportIds: [], points: [] };
    site.reportIds.push(r.id);
    if (point) site.points.push(point);
    sites.set(key, site);
  }
  if (sites.size === 0) return { radiusM, sites: [], unplaced };

  const v = venueDb.venuePoints(ctx.db);
  const venues = new PointIndex<Venue>(v.ids.map((id, i) => ({ key: { id, name: v.name[i], type: v.type[i], lng: v.lng[i], lat: v.lat[i] }, lng: v.lng[i], lat: v.lat[i] })));

  const out: IncidentSiteDto[] = [];
  for (const [key, site] of sites) {
    const compound = site.compoundId !== null ? compoundDb.getCompound(ctx.db, site.compoundId) : null;
    let inside: Near[] = [];
    let nearby: Near[] = [];
    if (compound?.boundary) {
      const near = venues.nearArea(compound.boundary as Polygon | MultiPolygon, radiusM);
      inside = near.filter((n) => n.distanceM === 0);
      nearby = near.filter((n) => n.distanceM > 0);
    } else {
      // No outline: the venues filed under the compound are inside; distances are taken from the reports' points.
      inside = compound ? venueDb.venuesOfCompound(ctx.db, compound.id).map((key) => ({ point: { key }, distanceM: 0 })) : [];
      const filed = new Set(inside.map((n) => n.point.key.id));
      const best = new Map<number, Near>();
      for (const p of site.points) {
        for (const n of venues.nearPoint(p, radiusM)) {
          const had = best.get(n.point.key.id);
          if (!filed.has(n.point.key.id) && (!had || n.distanceM < had.distanceM)) best.set(n.point.key.id, n);
        }
      }
      nearby = [...best.values()].sort((a, b) => a.distanceM - b.distanceM);
    }
    out.push({
      key,
      reportIds: site.reportIds,
      compound: compound
        ? {
            id: compound.id,
            name: compound.name,
            communityName: compound.communityName,
            residents: compound.residents,
            households: compound.households,
            elderly: compound.elderly,
            boundary: compound.boundary,
          }
        : null,
      point: site.point ? { lng: site.point[0], lat: site.point[1] } : null,
      inside: inside.map(toDto),
      nearby: nearby.map(toDto),
    });
  }
  return { radiusM, sites: out, unplaced };
}
