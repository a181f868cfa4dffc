import type { ComponentType } from 'react';

/**
 * The street map's layers, registered by the features that own them (STYLE.md §8: registries, not switches).
 * StreetMap draws every registered layer that is available and switched on, in `order`; the layer switcher and
 * the legend are built from the same entries. A feature adds a layer by calling `registerMapLayer` in its own
 * file and importing that file once (the built-in layers: ./builtinLayers.ts).
 */

/**
 * A legend symbol, coloured only through semantic CSS variables (map.css, styles.css) so print, the dark wall
 * display and the drill watermark stay themes. `area`: an outline with a fill; `dot`: a point symbol.
 */
export type LegendSwatch =
  | { kind: 'area'; stroke: string; fill: string; strokeWidth: number }
  | { kind: 'dot'; color: string };

export interface LegendEntryDef {
  /** i18n key of the text beside the symbol. */
  labelKey: string;
  swatch: LegendSwatch;
}

/** One thing switched on or off inside a layer (a venue type): its own switch row and legend row. */
export interface MapLayerItem {
  /** Unique on the map; test ids are `layer-<id>` and `legend-<id>` (e.g. `venue-market`). */
  id: string;
  label: string;
  swatch: LegendSwatch;
  /** How many features of the item the layer holds, shown in the switcher. */
  count?: number;
}

export interface MapLayerDef {
  /** Unique; the switcher's checkbox has test id `layer-<id>`. */
  id: string;
  /** Drawing and switcher order, low first (outlines 10-20, labels 30, base map 40, venues 50). */
  order: number;
  /** i18n key of the switcher entry (for a layer with items: the heading of its group). */
  labelKey: string;
  /** Legend rows shown while the layer is on; none for layers without a symbol of their own (names, base map). */
  legend?: readonly LegendEntryDef[];
  defaultVisible: boolean;
  /**
   * Hook: false leaves the layer out of the map, the switcher and the legend (the base map when no file is set).
   * Called on every render of the switcher, legend and map, like any hook.
   */
  useAvailable?: () => boolean;
  /**
   * Hook: the layer's items, switched one by one (venue types, from data). A layer with items has no switch of its
   * own in the switcher; it gets a group with "all" and "none", and the legend lists the items that are on.
   */
  useItems?: () => readonly MapLayerItem[];
  /** Rendered inside the MapContainer while the layer is on (uses `useMap()`; reads its own data). */
  Component: ComponentType;
  /** Rendered over the map outside Leaflet's container, whether or not the layer is on (e.g. "base map cannot be opened"). */
  Notice?: ComponentType;
}

const layers = new Map<string, MapLayerDef>();
let sorted: readonly MapLayerDef[] = [];

/** Adds a layer. Two layers with one id are a programming error and fail at start, not silently. */
export function registerMapLayer(def: MapLayerDef): void {
  if (layers.has(def.id)) throw new Error(`map layer "${def.id}" is registered twice`);
  layers.set(def.id, def);
  sorted = [...layers.values()].sort((a, b) => a.order - b.order);
}

/** Every registered layer in order. Registration happens at import, before the first render. */
export function mapLayers(): readonly MapLayerDef[] {
  return sorted;
}
