import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export const commandKeys = {
  template: ['command', 'template'] as const,
  readiness: ['command', 'readiness'] as const,
};

export function useCommandTemplate() {
  return useQuery({ queryKey: commandKeys.template, queryFn: () => call('getCommandTemplate', {}) });
}

export function useReadiness() {
  return useQuery({ queryKey: commandKeys.readiness, queryFn: () => call('getReadiness', {}), refetchInterval: 60_000 });
}
