import { venueTypes, type VenueType } from '../../shared/domain/venues';

/** Venue colours come from CSS variables (--color-venue-<type>, map.css) so themes can change them. */
export function venueColors(el: Element): Record<VenueType, string> {
  const css = getComputedStyle(el);
  const out = {} as Record<VenueType, string>;
  for (const v of venueTypes) out[v.id] = css.getPropertyValue(`--color-venue-${v.id}`).trim() || '#555';
  return out;
}

export function venueTypeLabel(type: VenueType, language: string): string {
  const v = venueTypes.find((t) => t.id === type);
  if (!v) return type;
  return language.startsWith('en') ? v.en : v.zh;
}
