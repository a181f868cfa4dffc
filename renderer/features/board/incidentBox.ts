import type { Geometry } from 'geojson';
import type { IncidentSurroundingsDto } from '../../../shared/api/mode';
import { unionBox } from '../../map/geometry';
import { areaBox, type Box } from '../../../shared/domain/spatial';

/** The box around the incident: its compounds, its points and the venues listed near them; null when nothing is placed. */
export function incidentBox(s: IncidentSurroundingsDto, only?: string): Box | null {
  const sites = only ? s.sites.filter((x) => x.key === only) : s.sites;
  const boxes: (Box | null)[] = [];
  for (const site of sites) {
    if (site.compound?.boundary) boxes.push(areaBox(site.compound.boundary as Geometry));
    if (site.point) boxes.push([site.point.lng, site.point.lat, site.point.lng, site.point.lat]);
    for (const v of [...site.inside, ...site.nearby]) boxes.push([v.lng, v.lat, v.lng, v.lat]);
  }
  return unionBox(boxes);
}
