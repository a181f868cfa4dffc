import { QueryClient } from '@tanstack/react-query';
import { contract, type MethodName } from '../../shared/api/contract';
import type { Feature } from '../../shared/api/define';

/** The renderer's one query cache. */
export const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

/** Every query of the given features (the first segment of their key, see apiKey in app/queries.ts). */
export function invalidateFeatures(qc: QueryClient, features: readonly Feature[]): Promise<void> {
  const roots = new Set<unknown>(features);
  return qc.invalidateQueries({ predicate: (q) => roots.has(q.queryKey[0]) });
}

/**
 * After a successful change by `method`: refetch (mounted) or mark stale (cached) the features its contract entry
 * declares in `invalidates`, and nothing else. renderer/api.ts `call` does this for every change, so no screen keeps a
 * list of what to refresh.
 */
export function invalidateAfter(qc: QueryClient, method: MethodName): Promise<void> {
  return contract[method].kind === 'read' ? Promise.resolve() : invalidateFeatures(qc, contract[method].invalidates);
}
