import { useQuery, type QueryClient } from '@tanstack/react-query';
import { call } from '../../api';

/** Server state is refetched this often; countdowns tick locally every second in between. */
export const REFRESH_MS = 30_000;

export const modeKeys = {
  status: ['mode', 'status'] as const,
  state: ['mode', 'state'] as const,
  checklistTemplate: ['mode', 'checklistTemplate'] as const,
  profiles: ['mode', 'profiles'] as const,
};

/** Mode, T0 and the most urgent deadlines: the banner and the strip on every screen. */
export function useModeStatus() {
  return useQuery({ queryKey: modeKeys.status, queryFn: () => call('getModeStatus', {}), refetchInterval: REFRESH_MS });
}

/** Everything the emergency screen shows. */
export function useEmergencyState(logLimit = 20) {
  return useQuery({
    queryKey: [...modeKeys.state, logLimit],
    queryFn: () => call('getEmergencyState', { logLimit }),
    refetchInterval: REFRESH_MS,
  });
}

/**
 * After any change at the desk: the mode, deadlines, checklist, command structure, duty, log and desk may all have
 * moved (every change writes a log entry), so refetch those, and only those (not the map's heavy layers).
 */
export function refreshDeskData(qc: QueryClient): Promise<void> {
  const prefixes = new Set(['mode', 'log', 'desk', 'command', 'duty', 'operators']);
  return qc.invalidateQueries({ predicate: (q) => prefixes.has(String(q.queryKey[0])) });
}
