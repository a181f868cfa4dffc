import type { FeatureCollection } from 'geojson';
import { useApiQuery } from '../app/queries';

/**
 * The map's server data, one hook each, so the map, its layers and print excerpts share one cache entry per
 * method (TanStack Query runs one request for all of them).
 */
export function useMapOutlines() {
  return useApiQuery('getMapLayers', {}, {
    select: (v) => ({ communities: v.communities as FeatureCollection, compounds: v.compounds as FeatureCollection }),
  });
}

export function useVenuePoints() {
  return useApiQuery('getVenuePoints', {});
}

export function useBaseMap() {
  return useApiQuery('getBaseMap', {});
}
