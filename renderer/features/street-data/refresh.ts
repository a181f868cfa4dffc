import type { QueryClient } from '@tanstack/react-query';

/**
 * The first segments of every query key that shows street data. After an import or any add, edit or delete of
 * street data these are refetched (mounted) or marked stale (cached), so the board never shows an old map:
 * - 'street': this screen's lists, grids and teams;
 * - 'mapLayers', 'venuePoints': the map's outlines and key venues (renderer/map/StreetMap.tsx);
 * - 'streetSummary', 'communities': the board's totals and community table (renderer/features/board);
 * - 'appInfo': whether a street exists; 'command': community names in the 三级包保 table;
 * - 'log', 'mode': every change writes a log entry, shown in the log and on the emergency screen.
 * The import preview and settings are left alone.
 */
export const streetDataQueryRoots: readonly string[] = [
  'street',
  'mapLayers',
  'venuePoints',
  'streetSummary',
  'communities',
  'appInfo',
  'command',
  'log',
  'mode',
];

export function invalidateStreetData(qc: QueryClient): Promise<void> {
  return qc.invalidateQueries({ predicate: (q) => streetDataQueryRoots.includes(String(q.queryKey[0])) });
}
