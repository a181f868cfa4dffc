import { venueTypes, type VenueType } from '../../../shared/domain/venues';

/** Share of residents aged 60+, as "23.5%"; a dash when there are no residents. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '–';
}

/** Coordinates with six decimals (about 0.1 m), enough to find a door. */
export function formatCoord(n: number): string {
  return n.toFixed(6);
}

/** The venue type's label in the UI language (Chinese labels from shared/domain/venues.ts). */
export function venueTypeLabel(type: VenueType, language: string): string {
  const v = venueTypes.find((x) => x.id === type);
  if (!v) return type;
  return language === 'en' ? v.en : v.zh;
}
