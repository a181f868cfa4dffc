import type { MapLayerDef } from './layerRegistry';

const always = () => true;

/** The layer's own availability hook, or always available. A def never changes, so the hook order is stable. */
export function useLayerAvailable(def: MapLayerDef): boolean {
  return (def.useAvailable ?? always)();
}
