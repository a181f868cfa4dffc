import { QueryClient } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { invalidateStreetData } from '../../renderer/features/street-data/refresh';

/** After an import or any street-data change, the board's cached map and totals must be refetched. */
describe('invalidateStreetData', () => {
  test('marks stale every query the board and the map read, and leaves the import preview and settings alone', async () => {
    const qc = new QueryClient();
    // The keys as the board (renderer/features/board), the map (renderer/map/StreetMap.tsx) and this screen use them.
    const street = [['mapLayers'], ['venuePoints'], ['streetSummary'], ['communities', ''], ['street', 'grids', 'list', { search: '' }], ['appInfo'], ['log', 'list']];
    const others = [['importPreview', 'compounds', 1, 'auto'], ['baseMap'], ['backups']];
    for (const key of [...street, ...others]) qc.setQueryData(key, { cached: true });
    await invalidateStreetData(qc);
    for (const key of street) expect(qc.getQueryState(key)?.isInvalidated, JSON.stringify(key)).toBe(true);
    for (const key of others) expect(qc.getQueryState(key)?.isInvalidated, JSON.stringify(key)).toBe(false);
  });
});
