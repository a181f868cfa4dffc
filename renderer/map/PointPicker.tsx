import { useEffect, useMemo } from 'react';
import type L from 'leaflet';
import type { LatLngBoundsExpression } from 'leaflet';
import { CircleMarker, GeoJSON, MapContainer, useMap, useMapEvents } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { BaseMapLayer, hasUsableBaseMap } from './BaseMapLayer';
import { unionBox } from './geometry';
import { areaBox } from '../../shared/domain/spatial';
import { useBaseMap, useMapOutlines } from './queries';
import './map.css';

// Outlines only for orientation here: not clickable, no tooltips, so every click picks a point.
const communityStyle: L.PathOptions = { className: 'outline-community', interactive: false };
const compoundStyle: L.PathOptions = { className: 'outline-compound', interactive: false, fill: true, fillOpacity: 1 };
const communityStyleOf = () => communityStyle;
const compoundStyleOf = () => compoundStyle;
/** WGS-84 to six decimals: about 0.1 m, as precise as a click can be. */
const round = (v: number) => Math.round(v * 1e6) / 1e6;

function ClickToPick({ onPick }: { onPick: (lng: number, lat: number) => void }) {
  useMapEvents({ click: (e) => onPick(round(e.latlng.lng), round(e.latlng.lat)) });
  return null;
}

/**
 * A map inside a dialog mounts before the dialog is shown (the dialog opens in its own effect), at zero size:
 * measured again on the next frame and fitted to the street (or the point) then.
 */
function FitWhenShown({ bounds, point }: { bounds: LatLngBoundsExpression | undefined; point: [number, number] | null }) {
  const map = useMap();
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      map.invalidateSize();
      if (bounds) map.fitBounds(bounds, { padding: [8, 8] });
      else if (point) map.setView([point[1], point[0]], 16);
    });
    return () => cancelAnimationFrame(frame);
    // Once, at mount (map only): later the user pans and zooms.
  }, [map]);
  return null;
}

/** Keeps a typed point in view (the map's own props never change after mount). */
function FollowPoint({ point }: { point: [number, number] | null }) {
  const map = useMap();
  useEffect(() => {
    if (point && !map.getBounds().contains([point[1], point[0]])) map.panTo([point[1], point[0]]);
  }, [map, point]);
  return null;
}

/**
 * A small map of the street for a form that needs a point (a key venue): click to pick, the picked point is marked;
 * a point typed into the form's longitude/latitude fields shows as well. Works offline (outlines; the base map if set).
 */
export function PointPicker({ lng, lat, onPick }: { lng: number | null; lat: number | null; onPick: (lng: number, lat: number) => void }) {
  const { t } = useTranslation();
  const outlines = useMapOutlines();
  const baseMap = useBaseMap();
  const data = outlines.data;
  const point: [number, number] | null = lng !== null && lat !== null && Math.abs(lng) <= 180 && Math.abs(lat) <= 90 ? [lng, lat] : null;
  const box = useMemo(
    () => (data ? unionBox([...data.communities.features, ...data.compounds.features].map((f) => areaBox(f.geometry))) : null),
    [data],
  );
  if (!data) return <div className="point-picker muted">{t('app.loading')}</div>;
  const bounds: LatLngBoundsExpression | undefined = box ? [[box[1], box[0]], [box[3], box[2]]] : undefined;
  // Without outlines: the point itself, or China.
  const view = bounds ? { bounds } : point ? { center: [point[1], point[0]] as [number, number], zoom: 16 } : { center: [35, 105] as [number, number], zoom: 4 };
  return (
    <div className="point-picker" data-testid="point-picker" aria-label={t('map.pick.label')}>
      <MapContainer {...view} minZoom={3} maxZoom={19} zoomSnap={0.1} attributionControl={false} doubleClickZoom={false}>
        {hasUsableBaseMap(baseMap.data) && <BaseMapLayer info={baseMap.data} />}
        <GeoJSON data={data.communities} style={communityStyleOf} />
        <GeoJSON data={data.compounds} style={compoundStyleOf} />
        {point && <CircleMarker center={[point[1], point[0]]} radius={7} className="picked-point" interactive={false} />}
        <ClickToPick onPick={onPick} />
        <FitWhenShown bounds={bounds} point={point} />
        <FollowPoint point={point} />
      </MapContainer>
    </div>
  );
}
