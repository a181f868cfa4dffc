import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TileLayer, useMap } from 'react-leaflet';
import type { LeafletEventHandlerFnMap } from 'leaflet';
import type { BaseMapDto } from '../../shared/api/basemap';
import { isDesktop, tileKey } from '../api';
import { registerMapLayer } from './layerRegistry';
import { useBaseMap } from './queries';

/** Tiles of the local MBTiles base map: from the app:// protocol on the desktop, from the host (with its tile key) in a browser. */
function baseMapUrl(): string {
  return isDesktop ? 'app://streetcommand/tiles/{z}/{x}/{y}' : `./tiles/{z}/{x}/{y}?key=${encodeURIComponent(tileKey())}`;
}

/** True when a base map file is set and opens. */
export function hasUsableBaseMap(info: BaseMapDto | undefined): info is BaseMapDto {
  return !!info?.file && !info.problem;
}

/**
 * The MBTiles base map. While it shows, the map container carries `with-base-map`, so outline fills turn
 * transparent (map.css) and the tiles stay readable. `eventHandlers` reach the TileLayer (print excerpts wait for `load`).
 */
export function BaseMapLayer({ info, eventHandlers }: { info: BaseMapDto; eventHandlers?: LeafletEventHandlerFnMap }) {
  const map = useMap();
  useEffect(() => {
    const el = map.getContainer();
    el.classList.add('with-base-map');
    return () => el.classList.remove('with-base-map');
  }, [map]);
  const b = info.bounds;
  return (
    <TileLayer
      url={baseMapUrl()}
      minNativeZoom={info.minZoom ?? undefined}
      maxNativeZoom={info.maxZoom ?? undefined}
      maxZoom={19}
      bounds={b ? [[b[1], b[0]], [b[3], b[2]]] : undefined}
      className="base-map-tiles"
      eventHandlers={eventHandlers}
    />
  );
}

registerMapLayer({
  id: 'baseMap',
  order: 40,
  labelKey: 'map.baseMap',
  defaultVisible: true,
  useAvailable: () => hasUsableBaseMap(useBaseMap().data),
  Component: function BaseMapOfStreet() {
    const info = useBaseMap().data;
    // A new file remounts the tiles (TileLayer does not follow a new url's bounds and zooms).
    return hasUsableBaseMap(info) ? <BaseMapLayer key={info.file} info={info} /> : null;
  },
  Notice: function BaseMapProblem() {
    const { t } = useTranslation();
    const problem = useBaseMap().data?.problem;
    return problem ? <div className="map-control map-problem" role="alert">{t('map.baseMapProblem', { problem })}</div> : null;
  },
});
