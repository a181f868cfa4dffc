import { useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection } from 'geojson';
import type { LatLngBoundsExpression } from 'leaflet';
import { MapContainer, ScaleControl, ZoomControl } from 'react-leaflet';
import { call } from '../api';
import { ErrorMessage } from '../app/ErrorMessage';
import type { VenueType } from '../../shared/domain/venues';
import { CommunityOutlines, CompoundOutlines } from './OutlineLayers';
import { OutlineLabels } from './OutlineLabels';
import { VenueLayer } from './VenueLayer';
import { BaseMapLayer } from './BaseMapLayer';
import { LayerSwitcher } from './LayerSwitcher';
import { MapLegend } from './MapLegend';
import { fitPadding, MapFocusController, MapReadySignal } from './MapHelpers';
import { unionBox } from './geometry';
import { areaBox, type Box } from '../../shared/domain/spatial';
import { countByType, type LayerVisibility } from './layers';
import { useMapFocus } from './mapFocus';
import { venueColors, venueTypeLabel } from './venueStyle';
import './map.css';

/** Compound names show only from this zoom, and only where the name fits inside its compound. */
const compoundLabelMinZoom = 15;

/**
 * The street map: community and compound outlines, their names, key venues on a canvas, an optional
 * MBTiles base map, layer switcher, legend and scale. Works with no network at all.
 * Features add their own layers as children (they are rendered inside the MapContainer).
 */
export function StreetMap({ children }: { children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const layers = useQuery({ queryKey: ['mapLayers'], queryFn: () => call('getMapLayers', {}) });
  const venues = useQuery({ queryKey: ['venuePoints'], queryFn: () => call('getVenuePoints', {}) });
  const baseMap = useQuery({ queryKey: ['baseMap'], queryFn: () => call('getBaseMap', {}) });
  const colors = useMemo(() => venueColors(document.documentElement), []);
  const venueCounts = useMemo(() => countByType(venues.data?.type ?? []), [venues.data]);
  const [outlineLayers, setOutlineLayers] = useState({ communities: true, compounds: true, labels: true, baseMap: true });
  // Hidden rather than shown types: venues arriving after a click on the switcher still show.
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<VenueType>>(new Set());
  const focus = useMapFocus((s) => s.focus);

  const communities = layers.data?.communities as FeatureCollection | undefined;
  const compounds = layers.data?.compounds as FeatureCollection | undefined;
  const outlineBox = useMemo<Box | null>(() => {
    if (!communities || !compounds) return null;
    return unionBox([...communities.features, ...compounds.features].map((f) => areaBox(f.geometry)));
  }, [communities, compounds]);
  const streetBox = outlineBox ?? (venues.data ? pointsBox(venues.data.lng, venues.data.lat) : null);
  const shown: LayerVisibility = useMemo(
    () => ({ ...outlineLayers, venueTypes: new Set([...venueCounts.keys()].filter((k) => !hiddenTypes.has(k))) }),
    [outlineLayers, venueCounts, hiddenTypes],
  );

  const error = layers.error ?? venues.error ?? baseMap.error;
  if (error) return <ErrorMessage error={error} />;
  // The map mounts as soon as the outlines are here (they fix the view); venues and base map join when they arrive.
  if (!communities || !compounds || (!outlineBox && !venues.data)) return <div className="street-map loading">{t('app.loading')}</div>;

  const setVisibility = (v: LayerVisibility) => {
    setOutlineLayers({ communities: v.communities, compounds: v.compounds, labels: v.labels, baseMap: v.baseMap });
    setHiddenTypes(new Set([...venueCounts.keys()].filter((k) => !v.venueTypes.has(k))));
  };
  const hasBaseMap = !!baseMap.data?.file && !baseMap.data.problem;
  const bounds: LatLngBoundsExpression | undefined = streetBox ? [[streetBox[1], streetBox[0]], [streetBox[3], streetBox[2]]] : undefined;
  const typeLabel = (type: VenueType) => venueTypeLabel(type, i18n.language);

  return (
    <div className={hasBaseMap && shown.baseMap ? 'street-map with-base-map' : 'street-map'} data-testid="street-map">
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
        {hasBaseMap && shown.baseMap && <BaseMapLayer key={baseMap.data!.file} info={baseMap.data!} />}
        {shown.communities && <CommunityOutlines key={`c${layers.dataUpdatedAt}`} data={communities} />}
        {shown.compounds && <CompoundOutlines key={`p${layers.dataUpdatedAt}`} data={compounds} />}
        {venues.data && <VenueLayer points={venues.data} colors={colors} typeLabel={typeLabel} visibleTypes={shown.venueTypes} />}
        {shown.labels && shown.compounds && (
          <OutlineLabels key={`pl${layers.dataUpdatedAt}`} data={compounds} kind="compound" fitInside minZoom={compoundLabelMinZoom} />
        )}
        {shown.labels && shown.communities && <OutlineLabels key={`cl${layers.dataUpdatedAt}`} data={communities} kind="community" />}
        <ScaleControl position="bottomleft" imperial={false} maxWidth={160} />
        <MapFocusController />
        {children}
        <MapReadySignal />
      </MapContainer>
      <LayerSwitcher
        value={shown}
        onChange={setVisibility}
        venueCounts={venueCounts}
        colors={colors}
        hasBaseMap={hasBaseMap}
        onFitStreet={() => streetBox && focus(streetBox)}
      />
      <MapLegend value={shown} venueCounts={venueCounts} colors={colors} />
      {!streetBox && <div className="map-control map-empty">{t('map.noOutlines')}</div>}
      {baseMap.data?.problem && <div className="map-control map-problem" role="alert">{t('map.baseMapProblem', { problem: baseMap.data.problem })}</div>}
    </div>
  );
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
