import { useApiQuery } from '../../app/queries';

export function useDesk() {
  return useApiQuery('getDesk', {}, { refetchInterval: 60_000 });
}

export function useOperators() {
  return useApiQuery('listOperators', {});
}
