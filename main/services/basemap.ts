import type { AppContext } from './context';

export interface TileSource {
  tile(z: number, x: number, y: number): { data: Buffer; contentType: string } | null;
}

/** The optional raster base map from a local MBTiles file. (Filled in by the map work; none until then.) */
export function openBaseMap(_ctx: AppContext): TileSource | null {
  return null;
}
