import { useEffect, useState } from 'react';
import type { FitBoundsOptions } from 'leaflet';
import { useMap } from 'react-leaflet';
import { useMapFocus } from './mapFocus';

/** Fitting leaves room on the right for the legend (bottom right), so it never covers the street's edge. */
export const fitPadding: FitBoundsOptions = { paddingTopLeft: [28, 28], paddingBottomRight: [190, 28] };

/** Flies to the box a side panel asked for (useMapFocus), leaving the MapContainer's own props alone. */
export function MapFocusController() {
  const map = useMap();
  const request = useMapFocus((s) => s.request);
  useEffect(() => {
    if (!request) return;
    const [w, s, e, n] = request.box;
    map.flyToBounds([[s, w], [n, e]], { ...fitPadding, duration: 0.6 });
  }, [map, request]);
  return null;
}

/**
 * Rendered after the layers: its effect runs once they were added to the map, and the next frame has them painted.
 * Marks `map-ready` (performance mark and a data-testid element) for tests and the first-paint bench.
 */
export function MapReadySignal() {
  const map = useMap();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      performance.mark('map-ready');
      map.getContainer().dataset.mapReady = 'true';
      setReady(true);
    });
    return () => cancelAnimationFrame(frame);
  }, [map]);
  return ready ? <span data-testid="map-ready" hidden /> : null;
}
