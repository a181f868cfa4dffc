import { useState } from 'react';
import { useDebouncedValue } from './useDebouncedValue';

/**
 * The text in a list's search box and the query to send: trimmed, and only once the user pauses typing, so the
 * server is asked once per word rather than once per key.
 */
export function useListSearch(): { value: string; onChange: (v: string) => void; query: string } {
  const [value, onChange] = useState('');
  const query = useDebouncedValue(value.trim());
  return { value, onChange, query };
}
