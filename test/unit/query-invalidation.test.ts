import { describe, expect, test } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { invalidateAfter } from '../../renderer/app/queryClient';
import { contract, featureOf, type MethodName } from '../../shared/api/contract';

/** Issue 7.4: what a change refreshes in the renderer comes from its contract entry, not from a hand-kept list. */

const key = (m: MethodName, input: unknown = {}) => [featureOf[m], m, input];

function cacheWith(methods: MethodName[]) {
  const qc = new QueryClient();
  for (const m of methods) qc.setQueryData(key(m), { cached: m });
  return qc;
}
const stale = (qc: QueryClient) =>
  qc
    .getQueryCache()
    .getAll()
    .filter((q) => q.isStale())
    .map((q) => q.queryKey[1] as string)
    .sort();

describe('invalidation after a change', () => {
  const reads: MethodName[] = ['listCompounds', 'getMapLayers', 'getStreetSummary', 'getDutyRoster', 'listLogEntries', 'getDesk', 'getEmergency', 'getCommandStructure'];

  test('saving a compound refreshes the street reads and the log, and leaves duty, desk and mode alone', async () => {
    const qc = cacheWith(reads);
    expect(stale(qc)).toEqual([]);
    await invalidateAfter(qc, 'saveCompound');
    expect(stale(qc)).toEqual(['getMapLayers', 'getStreetSummary', 'listCompounds', 'listLogEntries']);
  });

  test('the switch refreshes the emergency, the command structure in force and the log, not the map', async () => {
    const qc = cacheWith(reads);
    await invalidateAfter(qc, 'switchToEmergency');
    expect(stale(qc)).toEqual(['getCommandStructure', 'getEmergency', 'listLogEntries']);
  });

  test('a read refreshes nothing', async () => {
    const qc = cacheWith(reads);
    await invalidateAfter(qc, 'listCompounds');
    expect(stale(qc)).toEqual([]);
  });

  test('every change in the contract refreshes at least one cached read', async () => {
    const all = Object.keys(contract) as MethodName[];
    const everyRead = all.filter((m) => contract[m].kind === 'read');
    for (const m of all.filter((x) => contract[x].kind !== 'read')) {
      const qc = cacheWith(everyRead);
      await invalidateAfter(qc, m);
      expect(stale(qc).length, m).toBeGreaterThan(0);
    }
  });
});
