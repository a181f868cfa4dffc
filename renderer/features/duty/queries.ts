import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export function useDutyRoster(period: 'week' | 'month', date: string) {
  return useQuery({ queryKey: ['duty', 'roster', period, date], queryFn: () => call('getDutyRoster', { period, date }) });
}
