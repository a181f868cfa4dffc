import { create } from 'zustand';
import { mapLayers } from './layerRegistry';

/**
 * Which map layers are on, shared by the map, the layer switcher, the legend and layers that depend on another
 * (names follow their outlines). Kept for the session, so the board shows what the user chose when they come back.
 */
export interface LayerVisibilityState {
  /** Layers the user switched: id -> on. A layer not in here shows its `defaultVisible`. */
  layers: Readonly<Record<string, boolean>>;
  /** Items switched off. Hidden rather than shown ones: items arriving with later data still show. */
  hiddenItems: ReadonlySet<string>;
  setLayer(id: string, on: boolean): void;
  setItems(ids: readonly string[], on: boolean): void;
}

export const useLayerVisibility = create<LayerVisibilityState>((set) => ({
  layers: {},
  hiddenItems: new Set(),
  setLayer: (id, on) => set((s) => ({ layers: { ...s.layers, [id]: on } })),
  setItems: (ids, on) =>
    set((s) => {
      const next = new Set(s.hiddenItems);
      for (const id of ids) {
        if (on) next.delete(id);
        else next.add(id);
      }
      return { hiddenItems: next };
    }),
}));

/** Whether the layer with this id is on; false for an id nobody registered. */
export function useLayerOn(id: string): boolean {
  const chosen = useLayerVisibility((s) => s.layers[id]);
  return chosen ?? mapLayers().find((l) => l.id === id)?.defaultVisible ?? false;
}

export function useItemOn(id: string): boolean {
  return useLayerVisibility((s) => !s.hiddenItems.has(id));
}
