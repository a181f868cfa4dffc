import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api';
import type { VenueType } from '../../../shared/domain/venues';

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

/** Names of all compounds by id, for the venue table's "所在小区" column. */
export function useCompoundNames(enabled: boolean) {
  return useQuery({
    queryKey: ['street', 'compoundNames'],
    queryFn: async () => {
      const { rows } = await call('listCompounds', { limit: 5000 });
      return new Map(rows.map((p) => [p.id, p.name]));
    },
    enabled,
  });
}

export function useVenues(filter: { search: string; type?: VenueType }) {
  return useQuery({
    queryKey: ['street', 'venues', filter],
    queryFn: () => call('listVenues', { search: filter.search || undefined, type: filter.type }),
    placeholderData: keepPreviousData,
  });
}

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

/** After any add, edit or delete: lists, the board's totals (['summary']), the map and ['appInfo'] all refresh. */
export function useRefreshAll() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries();
}

/** Names of all grids by id, for the compound table's "网格" column. */
export function useGridNames() {
  return useQuery({
    queryKey: ['street', 'gridNames'],
    queryFn: async () => new Map((await call('listGrids', {})).map((g) => [g.id, g.name])),
  });
}
