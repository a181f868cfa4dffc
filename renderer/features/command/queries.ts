import { useApiQuery } from '../../app/queries';

export function useCommandTemplate() {
  return useApiQuery('getCommandTemplate', {});
}

/** The structure in force: the emergency's snapshot, or the template in routine times. */
export function useCommandStructure() {
  return useApiQuery('getCommandStructure', {});
}

export function useReadiness() {
  return useApiQuery('getReadiness', {}, { refetchInterval: 60_000 });
}
