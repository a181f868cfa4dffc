import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { call } from '../api';

/**
 * The map's server data, one hook each, so the map, its layers and print excerpts share one cache entry per
 * method (TanStack Query runs one request for all of them).
 */
export function useMapOutlines() {
  return useQuery({
    queryKey: ['mapLayers'],
    queryFn: async () => {
      const v = await call('getMapLayers', {});
      return { communities: v.communities as FeatureCollection, compounds: v.compounds as FeatureCollection };
    },
  });
}

export function useVenuePoints() {
  return useQuery({ queryKey: ['venuePoints'], queryFn: () => call('getVenuePoints', {}) });
}

export function useBaseMap() {
  return useQuery({ queryKey: ['baseMap'], queryFn: () => call('getBaseMap', {}) });
}
