import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export const deskKeys = { desk: ['desk'] as const, operators: ['operators'] as const };

export function useDesk() {
  return useQuery({ queryKey: deskKeys.desk, queryFn: () => call('getDesk', {}), refetchInterval: 60_000 });
}

export function useOperators() {
  return useQuery({ queryKey: deskKeys.operators, queryFn: () => call('listOperators', {}) });
}
