import { useEffect, useRef } from 'react';
import type { Geometry, Position } from 'geojson';
import { useTranslation } from 'react-i18next';
import { Circle, CircleMarker, GeoJSON, Pane, Tooltip, useMap } from 'react-leaflet';
import type { ReportDto } from '../../../shared/api/mode';
import { caseTypeNames } from '../../../shared/domain/workgroups';
import { registerMapLayer } from '../../map/layerRegistry';
import { fitPadding } from '../../map/MapHelpers';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { labelPoint } from '../../map/geometry';
import { areaBox } from '../../../shared/domain/spatial';
import { venueTypeLabel } from '../../map/venueStyle';
import { formatTime } from '../../../shared/domain/shanghai-time';
import { pickName } from '../mode/names';
import { useEmergency, useModeStatus } from '../mode/queries';
import { useIncidentSurroundings } from './incidentQueries';
import { incidentBox } from './incidentBox';

// Colours live in board.css (.incident-*), from --color-incident and friends. The class goes in as a prop: react-leaflet
// applies pathOptions with setStyle after the path exists, and Leaflet reads className only when it creates the path.
const compoundStyle = () => ({ className: 'incident-compound', weight: 3, fill: true, fillOpacity: 1 });

/**
 * 疫情点位 (emergency only): every positive report as a pin (at its point, or inside its compound), the reports'
 * compounds outlined in the danger colour, and rings on the key venues listed as inside or near them.
 * On first draw the map flies to the incident.
 */
function IncidentLayer() {
  const { t, i18n } = useTranslation();
  const emergency = useEmergency();
  const surroundings = useIncidentSurroundings();
  const map = useMap();
  const flown = useRef(false);
  const s = surroundings.data;
  const reports = emergency.data?.emergency?.reports ?? [];
  const t0 = emergency.data?.emergency?.t0 ?? 0;

  useEffect(() => {
    if (flown.current || !s) return;
    const box = incidentBox(s);
    if (!box) return;
    flown.current = true;
    map.fitBounds([[box[1], box[0]], [box[3], box[2]]], { ...fitPadding, maxZoom: 16 });
  }, [map, s]);
  if (!s) return null;

  const pinOf = (r: ReportDto): [number, number] | null => {
    if (r.point) return [r.point.lat, r.point.lng];
    const site = s.sites.find((x) => x.reportIds.includes(r.id));
    const p = site?.compound?.boundary ? pinPoint(site.compound.boundary as Geometry) : null;
    return p ? [p[1], p[0]] : null;
  };
  const venues = new Map(s.sites.flatMap((x) => [...x.inside, ...x.nearby]).map((v) => [v.id, v]));

  return (
    <>
      {s.sites.map((site) =>
        site.compound?.boundary ? (
          <GeoJSON key={`${site.key}-${surroundings.dataUpdatedAt}`} data={site.compound.boundary as Geometry} style={compoundStyle}>
            <Tooltip sticky className="compound-tooltip">
              <strong>{site.compound.name}</strong>
              <div>{t('map.compoundTip', { residents: n(site.compound.residents), households: n(site.compound.households), elderly: n(site.compound.elderly) })}</div>
            </Tooltip>
          </GeoJSON>
        ) : site.point ? (
          <Circle key={site.key} center={[site.point.lat, site.point.lng]} radius={s.radiusM} className="incident-radius" interactive={false} />
        ) : null,
      )}
      {/* Rings above the venue canvas (450); pins above the names (markers, 600), below tooltips (650). */}
      <Pane name="incidentVenues" style={{ zIndex: 460 }}>
        {[...venues.values()].map((v) => (
          <CircleMarker key={`v${v.id}`} center={[v.lat, v.lng]} radius={7} className="incident-venue">
            <Tooltip className="venue-tooltip">
              <strong>{v.name}</strong> · {venueTypeLabel(v.type, i18n.language)} ·{' '}
              {v.distanceM === 0 ? t('board.incident.inside') : t('board.incident.metres', { m: v.distanceM })}
            </Tooltip>
          </CircleMarker>
        ))}
      </Pane>
      <Pane name="incidentPins" style={{ zIndex: 620 }}>
        {reports.map((r) => {
          const at = pinOf(r);
          return at ? (
            <CircleMarker key={`r${r.id}`} center={at} radius={r.isTrigger ? 12 : 9} className={r.isTrigger ? 'incident-pin trigger' : 'incident-pin'}>
              <Tooltip className="venue-tooltip" direction="top" offset={[0, -8]}>
                <strong>{r.isTrigger ? t('mode.reports.trigger') : t('board.incident.report')}</strong> · {pickName(caseTypeNames[r.caseType], i18n.language)} ·{' '}
                {formatTime(r.isTrigger ? t0 : r.reportedAt)} · {r.place}
              </Tooltip>
            </CircleMarker>
          ) : null;
        })}
      </Pane>
    </>
  );
}

const n = (v: number) => v.toLocaleString('zh-CN');

/**
 * Where a report that names only its compound is pinned: inside the compound, a little below its name (the name sits
 * at labelPoint), so pin and name are both seen; at the name itself when the compound is too thin for that.
 */
function pinPoint(g: Geometry): Position | null {
  const at = labelPoint(g);
  const box = areaBox(g);
  if (!at || !box || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return at;
  const below: Position = [at[0], at[1] - (box[3] - box[1]) * 0.22];
  return booleanPointInPolygon(below, g) ? below : at;
}

registerMapLayer({
  id: 'incident',
  order: 60,
  labelKey: 'board.incident.layer',
  legend: [
    { labelKey: 'board.incident.legendPin', swatch: { kind: 'dot', color: '--color-incident' } },
    { labelKey: 'board.incident.legendCompound', swatch: { kind: 'area', stroke: '--color-incident', fill: '--color-incident-fill', strokeWidth: 2.5 } },
    { labelKey: 'board.incident.legendVenue', swatch: { kind: 'dot', color: '--color-incident-venue' } },
  ],
  defaultVisible: true,
  useAvailable: function useIncidentAvailable() {
    return useModeStatus().data?.mode === 'emergency';
  },
  Component: IncidentLayer,
});
