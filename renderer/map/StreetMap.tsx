import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LatLngBoundsExpression } from 'leaflet';
import { MapContainer, ScaleControl, ZoomControl } from 'react-leaflet';
import { ErrorMessage } from '../app/ErrorMessage';
import { LayerSwitcher } from './LayerSwitcher';
import { MapLegend } from './MapLegend';
import { fitPadding, MapFocusController, MapReadySignal } from './MapHelpers';
import { unionBox } from './geometry';
import { areaBox, type Box } from '../../shared/domain/spatial';
import { mapLayers, type MapLayerDef } from './layerRegistry';
import { useLayerOn } from './layerVisibility';
import { useMapFocus } from './mapFocus';
import { useBaseMap, useMapOutlines, useVenuePoints } from './queries';
import { useLayerAvailable } from './useLayerAvailable';
import './builtinLayers';
import './map.css';

/**
 * The street map: every registered layer (layerRegistry.ts; the built-in ones are outlines, names, key venues and
 * the optional MBTiles base map), the layer switcher and legend built from the same registry, and a scale.
 * Works with no network at all. A feature adds a layer by registering it, not by editing this file.
 */
export function StreetMap({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const outlines = useMapOutlines();
  const venues = useVenuePoints();
  const baseMap = useBaseMap();
  const focus = useMapFocus((s) => s.focus);

  const data = outlines.data;
  const outlineBox = useMemo<Box | null>(() => {
    if (!data) return null;
    return unionBox([...data.communities.features, ...data.compounds.features].map((f) => areaBox(f.geometry)));
  }, [data]);
  const streetBox = outlineBox ?? (venues.data ? pointsBox(venues.data.lng, venues.data.lat) : null);

  const error = outlines.error ?? venues.error ?? baseMap.error;
  if (error) return <ErrorMessage error={error} />;
  // The map mounts as soon as the outlines are here (they fix the view); venues and base map join when they arrive.
  if (!data || (!outlineBox && !venues.data)) return <div className="street-map loading">{t('app.loading')}</div>;

  const bounds: LatLngBoundsExpression | undefined = streetBox ? [[streetBox[1], streetBox[0]], [streetBox[3], streetBox[2]]] : undefined;
  const layers = mapLayers();

  return (
    <div className="street-map" data-testid="street-map">
      <MapContainer
        className="street-map-canvas"
        {...(bounds ? { bounds, boundsOptions: fitPadding } : { center: [35, 105], zoom: 4 })}
        minZoom={3}
        maxZoom={19}
        zoomSnap={0.1}
        zoomDelta={0.5}
        wheelPxPerZoomLevel={90}
        attributionControl={false}
        zoomControl={false}
      >
        <ZoomControl position="topleft" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
        {layers.map((def) => (
          <LayerSlot key={def.id} def={def} />
        ))}
        <ScaleControl position="bottomleft" imperial={false} maxWidth={160} />
        <MapFocusController />
        {children}
        <MapReadySignal />
      </MapContainer>
      <LayerSwitcher onFitStreet={() => streetBox && focus(streetBox)} />
      <MapLegend />
      {!streetBox && <div className="map-control map-empty">{t('map.noOutlines')}</div>}
      {layers.map((def) => def.Notice && <def.Notice key={def.id} />)}
    </div>
  );
}

/** One registered layer, drawn while it is available and on. */
function LayerSlot({ def }: { def: MapLayerDef }) {
  const on = useLayerOn(def.id);
  const available = useLayerAvailable(def);
  return available && on ? <def.Component /> : null;
}

function pointsBox(lng: readonly number[], lat: readonly number[]): Box | null {
  if (!lng.length) return null;
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < lng.length; i++) {
    box[0] = Math.min(box[0], lng[i]);
    box[1] = Math.min(box[1], lat[i]);
    box[2] = Math.max(box[2], lng[i]);
    box[3] = Math.max(box[3], lat[i]);
  }
  return box;
}
