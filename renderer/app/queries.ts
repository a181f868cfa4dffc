import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { featureOf, type Input, type MethodName, type Output } from '../../shared/api/contract';
import type { Feature } from '../../shared/api/define';
import { call, type ApiCallError } from '../api';

/**
 * Server state through TanStack Query, keyed from the contract: one query-key factory for every feature.
 * A query's key is `[feature, method, input]`, the feature being the one whose contract table defines the method.
 * Changes go through `call` (renderer/api.ts), which refetches the features the change declares it invalidates.
 */
export function apiKey<M extends MethodName>(method: M, input?: Input<M>): readonly [Feature, M, ...unknown[]] {
  return input === undefined ? [featureOf[method], method] : [featureOf[method], method, input];
}

type QueryOptions<M extends MethodName, T> = Omit<UseQueryOptions<Output<M>, ApiCallError, T>, 'queryKey' | 'queryFn'>;

/** A read of the contract, cached under its key. */
export function useApiQuery<M extends MethodName, T = Output<M>>(method: M, input: Input<M>, options?: QueryOptions<M, T>) {
  return useQuery<Output<M>, ApiCallError, T>({
    queryKey: apiKey(method, input),
    queryFn: () => call(method, input),
    ...options,
  });
}
