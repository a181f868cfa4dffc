import type { VenueType } from '../../shared/domain/venues';

/** Which map layers are on. Venue types are switched one by one. */
export interface LayerVisibility {
  communities: boolean;
  compounds: boolean;
  labels: boolean;
  baseMap: boolean;
  venueTypes: ReadonlySet<VenueType>;
}

export function countByType(types: readonly VenueType[]): Map<VenueType, number> {
  const out = new Map<VenueType, number>();
  for (const t of types) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}
