import { useApiQuery } from '../../app/queries';

export function useDutyRoster(period: 'week' | 'month', date: string) {
  return useApiQuery('getDutyRoster', { period, date });
}

/** The shift on duty now; re-read every minute so the top bar and the roster follow a change of shift. */
export function useDutyNow() {
  return useApiQuery('getDutyNow', {}, { refetchInterval: 60_000 });
}
