import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection } from 'geojson';
import type L from 'leaflet';
import { GeoJSON, MapContainer, ScaleControl, useMap } from 'react-leaflet';
import { BaseMapLayer, hasUsableBaseMap } from '../map/BaseMapLayer';
import { unionBox } from '../map/geometry';
import { areaBox } from '../../shared/domain/spatial';
import type { LegendSwatch } from '../map/layerRegistry';
import { LegendSwatchMark } from '../map/LegendSwatchMark';
import { compoundLabelMinZoom, OutlineLabels } from '../map/OutlineLabels';
import { communitySwatch, compoundSwatch } from '../map/OutlineLayers';
import { useBaseMap } from '../map/queries';
import { usePrintPart } from './printParts';
import '../map/map.css';

export interface PrintMapExcerptProps {
  /** The street's outlines (getMapLayers), drawn thin as the setting. */
  street: { communities: FeatureCollection; compounds: FeatureCollection };
  /** Outlines to stress (a risk area, one community), drawn on top; the excerpt fits them, or the whole street without them. */
  highlight?: FeatureCollection;
  /** Legend text of the highlight (translated by the caller). */
  highlightLabel?: string;
  /** Height on paper, a CSS length such as "130mm"; the width is the page's. */
  height: string;
}

// Paths on paper: nothing reacts to the mouse. Colours come from print.css (--color-community, --color-map-highlight ...).
const communityStyle: L.PathOptions = { className: 'outline-community', weight: 2, fill: true, fillOpacity: 1, interactive: false };
const compoundStyle: L.PathOptions = { className: 'outline-compound', weight: 0.8, fill: true, fillOpacity: 1, interactive: false };
const highlightStyle: L.PathOptions = { className: 'outline-highlight', weight: 3, fill: true, fillOpacity: 1, interactive: false };
const communityStyleOf = () => communityStyle;
const compoundStyleOf = () => compoundStyle;
const highlightStyleOf = () => highlightStyle;
const highlightSwatch: LegendSwatch = { kind: 'area', stroke: '--color-map-highlight', fill: '--color-map-highlight-fill', strokeWidth: 3 };

/**
 * A map on a print page: fitted to its outlines once, with no zoom, drag or keyboard, a scale bar and a legend.
 * It holds the page's readiness (usePrintPart) until every outline is an SVG path on the page and, when a base map
 * is set, every tile in view has loaded, so a PDF never shows an empty frame.
 */
export function PrintMapExcerpt({ street, highlight, highlightLabel, height }: PrintMapExcerptProps) {
  const { t } = useTranslation();
  const baseMap = useBaseMap();
  // A failing base map query prints without tiles rather than never printing.
  const baseKnown = baseMap.isSuccess || baseMap.isError;
  const withTiles = hasUsableBaseMap(baseMap.data);
  const [outlinesDrawn, setOutlinesDrawn] = useState(false);
  const [tilesLoaded, setTilesLoaded] = useState(false);
  const fitTo = highlight && highlight.features.length ? [highlight] : [street.communities, street.compounds];
  const box = unionBox(fitTo.flatMap((fc) => fc.features.map((f) => areaBox(f.geometry))));
  // A street without outlines prints its "no outlines" line at once.
  const ready = baseKnown && (box === null || (outlinesDrawn && (!withTiles || tilesLoaded)));
  usePrintPart(ready);
  const expectedPaths = [street.communities, street.compounds, highlight].reduce((n, fc) => n + (fc ? polygonCount(fc) : 0), 0);
  const tileEvents = useMemo<L.LeafletEventHandlerFnMap>(
    () => ({
      // Tiles queued when the layer was added are loading; none queued (view outside the file's bounds) means done.
      add: (e) => !(e.target as L.TileLayer).isLoading() && setTilesLoaded(true),
      load: () => setTilesLoaded(true),
    }),
    [],
  );

  return (
    <figure className="print-map" data-testid="print-map-excerpt" data-ready={ready ? 'true' : 'false'}>
      <div className="print-map-frame" style={{ height }}>
        {box && baseKnown ? (
          <MapContainer
            className="print-map-canvas"
            bounds={[[box[1], box[0]], [box[3], box[2]]]}
            boundsOptions={{ padding: [16, 16] }}
            maxZoom={18}
            zoomSnap={0.1}
            zoomControl={false}
            attributionControl={false}
            dragging={false}
            scrollWheelZoom={false}
            doubleClickZoom={false}
            boxZoom={false}
            keyboard={false}
            touchZoom={false}
            // No animations: what is on screen when ready is what the PDF gets.
            fadeAnimation={false}
            zoomAnimation={false}
            markerZoomAnimation={false}
          >
            {withTiles && <BaseMapLayer info={baseMap.data!} eventHandlers={tileEvents} />}
            <GeoJSON data={street.communities} style={communityStyleOf} />
            <GeoJSON data={street.compounds} style={compoundStyleOf} />
            {highlight && <GeoJSON data={highlight} style={highlightStyleOf} />}
            <OutlineLabels data={street.compounds} kind="compound" fitInside minZoom={compoundLabelMinZoom} />
            <OutlineLabels data={street.communities} kind="community" />
            <ScaleControl position="bottomleft" imperial={false} maxWidth={160} />
            <PathsDrawnSignal expected={expectedPaths} onDrawn={() => setOutlinesDrawn(true)} />
          </MapContainer>
        ) : (
          box === null && <div className="print-empty">{t('map.noOutlines')}</div>
        )}
      </div>
      <figcaption className="print-map-legend" data-testid="print-map-legend">
        <span className="legend-title">{t('map.legend')}</span>
        <span className="legend-row"><LegendSwatchMark swatch={communitySwatch} />{t('map.communityBoundary')}</span>
        <span className="legend-row"><LegendSwatchMark swatch={compoundSwatch} />{t('map.compoundBoundary')}</span>
        {highlight && highlightLabel && (
          <span className="legend-row"><LegendSwatchMark swatch={highlightSwatch} />{highlightLabel}</span>
        )}
      </figcaption>
    </figure>
  );
}

/**
 * Rendered after the outline layers, so its effect runs once they were added; then waits, frame by frame, until
 * the overlay pane holds one path per polygon feature and the browser has painted them.
 */
function PathsDrawnSignal({ expected, onDrawn }: { expected: number; onDrawn: () => void }) {
  const map = useMap();
  useEffect(() => {
    let frame = 0;
    const check = () => {
      const drawn = map.getPanes().overlayPane.querySelectorAll('path').length;
      if (drawn >= expected) onDrawn();
      else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
    // onDrawn is a fresh arrow each render; the check only needs to start once per map.
  }, [map, expected]);
  return null;
}

/** Leaflet draws one path per Polygon or MultiPolygon feature. */
function polygonCount(fc: FeatureCollection): number {
  return fc.features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')).length;
}
