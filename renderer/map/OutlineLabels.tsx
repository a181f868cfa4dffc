import { useEffect } from 'react';
import L from 'leaflet';
import type { FeatureCollection } from 'geojson';
import { useMap } from 'react-leaflet';
import { labelPoint, labelWidth } from './geometry';
import { areaBox } from '../../shared/domain/spatial';
import { registerMapLayer } from './layerRegistry';
import { useLayerOn } from './layerVisibility';
import { useMapOutlines } from './queries';

export interface OutlineLabelsProps {
  data: FeatureCollection;
  kind: 'community' | 'compound';
  /** Only label an outline once its box on screen is wide and tall enough to hold the name (no clutter). */
  fitInside?: boolean;
  /** Below this zoom no label of this kind shows at all. */
  minZoom?: number;
}

const fontPx = { community: 14, compound: 12 };

/** Names of outlines as non-interactive text markers (a divIcon holds no image, so nothing is fetched). */
export function OutlineLabels({ data, kind, fitInside = false, minZoom = 0 }: OutlineLabelsProps) {
  const map = useMap();
  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    const labels = data.features.flatMap((f) => {
      const name = String(f.properties?.name ?? '');
      const at = labelPoint(f.geometry);
      const box = areaBox(f.geometry);
      if (!name || !at || !box) return [];
      const sw = map.project([box[1], box[0]], 0);
      const ne = map.project([box[3], box[2]], 0);
      const span = (el: HTMLElement) => {
        el.textContent = name;
        return el;
      };
      const icon = L.divIcon({ className: `map-label ${kind}-label`, html: span(document.createElement('span')), iconSize: undefined });
      const marker = L.marker([at[1], at[0]], { icon, interactive: false, keyboard: false });
      return [{ marker, width0: ne.x - sw.x, height0: sw.y - ne.y, need: labelWidth(name, fontPx[kind]) + 8 }];
    });
    const place = () => {
      const zoom = map.getZoom();
      const scale = map.options.crs!.scale(zoom) / map.options.crs!.scale(0);
      for (const l of labels) {
        const show = zoom >= minZoom && (!fitInside || (l.width0 * scale >= l.need && l.height0 * scale >= fontPx[kind] * 1.6));
        if (show && !group.hasLayer(l.marker)) group.addLayer(l.marker);
        else if (!show && group.hasLayer(l.marker)) group.removeLayer(l.marker);
      }
    };
    place();
    map.on('zoomend', place);
    return () => {
      map.off('zoomend', place);
      group.remove();
    };
  }, [map, data, kind, fitInside, minZoom]);
  return null;
}

/** Compound names show only from this zoom, and only where the name fits inside its compound. */
export const compoundLabelMinZoom = 15;

// Names follow their outlines: a kind's names show only while its outlines are on.
registerMapLayer({
  id: 'labels',
  order: 30,
  labelKey: 'map.labels',
  defaultVisible: true,
  Component: function OutlineLabelLayer() {
    const outlines = useMapOutlines();
    const communities = useLayerOn('communities');
    const compounds = useLayerOn('compounds');
    const data = outlines.data;
    if (!data) return null;
    const key = outlines.dataUpdatedAt;
    return (
      <>
        {compounds && <OutlineLabels key={`p${key}`} data={data.compounds} kind="compound" fitInside minZoom={compoundLabelMinZoom} />}
        {communities && <OutlineLabels key={`c${key}`} data={data.communities} kind="community" />}
      </>
    );
  },
});
