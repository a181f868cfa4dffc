import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../app/queries';
import type { VenueType } from '../../../shared/domain/venues';

/** Server state of the street-data screen (keys and refreshing come from the contract: app/queries.ts). */

export function useCommunities(search = '') {
  return useApiQuery('listCommunities', search ? { search } : {}, { placeholderData: keepPreviousData });
}

export function useCompounds(filter: { search: string; communityId?: number }) {
  return useApiQuery('listCompounds', { search: filter.search || undefined, communityId: filter.communityId }, { placeholderData: keepPreviousData });
}

export function useVenues(filter: { search: string; type?: VenueType }) {
  return useApiQuery('listVenues', { search: filter.search || undefined, type: filter.type }, { placeholderData: keepPreviousData });
}

/** The grid tab: grids with community and compounds count, found by code or name, filtered by community. */
export function useGridList(filter: { search: string; communityId?: number }) {
  return useApiQuery('listGrids', { search: filter.search || undefined, communityId: filter.communityId }, { placeholderData: keepPreviousData });
}

/** The grids of one community, for the compound form's grid select. */
export function useGrids(communityId: number | undefined) {
  return useApiQuery('listGrids', { communityId }, { enabled: communityId !== undefined });
}

export function useTeams() {
  return useApiQuery('listTeams', {});
}

/** Names of all grids by id, for the compound table's "网格" column. */
export function useGridNames() {
  return useApiQuery('listGrids', {}, { select: (grids) => new Map(grids.map((g) => [g.id, g.name])) });
}
