import { useApiQuery } from '../../app/queries';

/** Server state is refetched this often; countdowns tick locally every second in between. */
export const REFRESH_MS = 30_000;

/** Mode, T0 and the most urgent deadlines: the banner and the strip on every screen. */
export function useModeStatus() {
  return useApiQuery('getModeStatus', {}, { refetchInterval: REFRESH_MS });
}

/** The emergency (T0, reports, deadlines, checklist) or routine with the last switch. */
export function useEmergency() {
  return useApiQuery('getEmergency', {}, { refetchInterval: REFRESH_MS });
}
