import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

/** Pure helpers of the risk-area screen: which compound a click hit, roads named in addresses. */

/** Inside a Polygon or MultiPolygon, holes excluded. */
export function insideArea(p: Position, g: Geometry | null | undefined): boolean {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return false;
  return booleanPointInPolygon(p, g);
}

/** The compound outline under a clicked point, or null (outlines do not overlap; the first hit wins). */
export function compoundAt(compounds: FeatureCollection, p: Position): Feature | null {
  return compounds.features.find((f) => insideArea(p, f.geometry)) ?? null;
}

/**
 * Road names in addresses ("民生路272号" -> "民生路"), in order of first mention, each once. The street data has
 * no road layer; the notice lists the roads named in the addresses of the key venues inside the area.
 */
export function roadsOf(addresses: readonly (string | null)[]): string[] {
  const seen = new Set<string>();
  for (const a of addresses) {
    const m = a ? /^(.*?(?:大道|路|街|巷|道))/.exec(a.trim()) : null;
    if (m && m[1].length >= 2) seen.add(m[1]);
  }
  return [...seen];
}
