import { useApiQuery } from '../../app/queries';
import { REFRESH_MS } from '../mode/queries';

/**
 * The compounds and key venues around the incident (getIncidentSurroundings, a 'mode' read: new reports refetch it;
 * street edits during an emergency show within REFRESH_MS).
 */
export function useIncidentSurroundings(enabled = true) {
  return useApiQuery('getIncidentSurroundings', {}, { refetchInterval: REFRESH_MS, enabled });
}
