import { TileLayer } from 'react-leaflet';
import type { BaseMapDto } from '../../shared/api/basemap';
import { hostToken, isDesktop } from '../api';

/** Tiles of the local MBTiles base map: from the app:// protocol on the desktop, from the host (with its token) in a browser. */
function baseMapUrl(): string {
  return isDesktop ? 'app://streetcommand/tiles/{z}/{x}/{y}' : `./tiles/{z}/{x}/{y}?token=${encodeURIComponent(hostToken())}`;
}

export function BaseMapLayer({ info }: { info: BaseMapDto }) {
  const b = info.bounds;
  return (
    <TileLayer
      url={baseMapUrl()}
      minNativeZoom={info.minZoom ?? undefined}
      maxNativeZoom={info.maxZoom ?? undefined}
      maxZoom={19}
      bounds={b ? [[b[1], b[0]], [b[3], b[2]]] : undefined}
      className="base-map-tiles"
    />
  );
}
