import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createElementObject, createLayerComponent, type LayerProps } from '@react-leaflet/core';
import { venueTypes, type VenueType } from '../../shared/domain/venues';
import { VenueCanvasLayer, type VenueColumns } from './VenueCanvas';
import { registerMapLayer, type MapLayerItem } from './layerRegistry';
import { useLayerVisibility } from './layerVisibility';
import { useVenuePoints } from './queries';
import { venueColors, venueTypeLabel } from './venueStyle';

export interface VenueLayerProps extends LayerProps {
  points: VenueColumns;
  colors: Record<VenueType, string>;
  typeLabel: (type: VenueType) => string;
  visibleTypes: ReadonlySet<VenueType>;
}

/** Key venues as one canvas layer (see VenueCanvasLayer). */
export const VenueLayer = createLayerComponent<VenueCanvasLayer, VenueLayerProps>(
  ({ points, ...options }, ctx) => createElementObject(new VenueCanvasLayer(points, options), ctx),
  (layer, props, prev) => {
    if (props.points !== prev.points) layer.setData(props.points);
    if (props.visibleTypes !== prev.visibleTypes) layer.setVisibleTypes(props.visibleTypes);
  },
);

/** Each venue type is an item of the layer: switch `layer-venue-<type>`, legend row `legend-venue-<type>`. */
const itemId = (type: VenueType) => `venue-${type}`;

function countByType(types: readonly VenueType[]): Map<VenueType, number> {
  const out = new Map<VenueType, number>();
  for (const t of types) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

registerMapLayer({
  id: 'venues',
  order: 50,
  labelKey: 'map.venues',
  defaultVisible: true,
  // The types the street has, in the order of the venue type list; a dot in the type's colour variable.
  useItems: function useVenueTypeItems() {
    const { i18n } = useTranslation();
    const venues = useVenuePoints();
    return useMemo<MapLayerItem[]>(() => {
      const counts = countByType(venues.data?.type ?? []);
      return venueTypes
        .filter((v) => counts.has(v.id))
        .map((v) => ({
          id: itemId(v.id),
          label: venueTypeLabel(v.id, i18n.language),
          swatch: { kind: 'dot', color: `--color-venue-${v.id}` },
          count: counts.get(v.id),
        }));
    }, [venues.data, i18n.language]);
  },
  Component: function VenuesOfStreet() {
    const { i18n } = useTranslation();
    const venues = useVenuePoints();
    const hidden = useLayerVisibility((s) => s.hiddenItems);
    // The canvas needs real colours, read once from the CSS variables.
    const colors = useMemo(() => venueColors(document.documentElement), []);
    const visibleTypes = useMemo(() => new Set(venueTypes.map((v) => v.id).filter((id) => !hidden.has(itemId(id)))), [hidden]);
    if (!venues.data) return null;
    const typeLabel = (type: VenueType) => venueTypeLabel(type, i18n.language);
    return <VenueLayer points={venues.data} colors={colors} typeLabel={typeLabel} visibleTypes={visibleTypes} />;
  },
});
