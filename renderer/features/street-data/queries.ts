import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import type { VenueType } from '../../../shared/domain/venues';
import { invalidateStreetData } from './refresh';

/** Server state of the street-data screen. Every key starts with 'street'; a change refreshes everything. */

export function useCommunities(search = '') {
  return useQuery({
    queryKey: ['street', 'communities', search],
    queryFn: () => call('listCommunities', search ? { search } : {}),
    placeholderData: keepPreviousData,
  });
}

export function useCompounds(filter: { search: string; communityId?: number }) {
  return useQuery({
    queryKey: ['street', 'compounds', filter],
    queryFn: () => call('listCompounds', { search: filter.search || undefined, communityId: filter.communityId }),
    placeholderData: keepPreviousData,
  });
}

export function useVenues(filter: { search: string; type?: VenueType }) {
  return useQuery({
    queryKey: ['street', 'venues', filter],
    queryFn: () => call('listVenues', { search: filter.search || undefined, type: filter.type }),
    placeholderData: keepPreviousData,
  });
}

/** The grid tab: grids with community and compounds count, found by code or name, filtered by community. */
export function useGridList(filter: { search: string; communityId?: number }) {
  return useQuery({
    queryKey: ['street', 'grids', 'list', filter],
    queryFn: () => call('listGrids', { search: filter.search || undefined, communityId: filter.communityId }),
    placeholderData: keepPreviousData,
  });
}

/** The grids of one community, for the compound form's grid select. */
export function useGrids(communityId: number | undefined) {
  return useQuery({
    queryKey: ['street', 'grids', communityId],
    queryFn: () => call('listGrids', { communityId }),
    enabled: communityId !== undefined,
  });
}

export function useTeams() {
  return useQuery({ queryKey: ['street', 'teams'], queryFn: () => call('listTeams', {}) });
}

/** After any add, edit or delete: this screen's lists, the board's totals and the map refresh (see refresh.ts). */
export function useRefreshAll() {
  const qc = useQueryClient();
  return () => invalidateStreetData(qc);
}

/** Names of all grids by id, for the compound table's "网格" column. */
export function useGridNames() {
  return useQuery({
    queryKey: ['street', 'gridNames'],
    queryFn: async () => new Map((await call('listGrids', {})).map((g) => [g.id, g.name])),
  });
}
