import { useApiQuery } from '../../app/queries';

export function useDutyRoster(period: 'week' | 'month', date: string) {
  return useApiQuery('getDutyRoster', { period, date });
}
