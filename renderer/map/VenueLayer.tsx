import { createElementObject, createLayerComponent, type LayerProps } from '@react-leaflet/core';
import type { VenueType } from '../../shared/domain/venues';
import { VenueCanvasLayer, type VenueColumns } from './VenueCanvas';

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
