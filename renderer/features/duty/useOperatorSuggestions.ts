import type { PersonSuggestion } from '../command/PersonFields';
import { useOperators } from '../desk/queries';

/** The desk's active operators, offered in the roster's name fields (people outside the list are typed by hand). */
export function useOperatorSuggestions(): PersonSuggestion[] {
  const operators = useOperators();
  return (operators.data ?? []).filter((o) => o.active).map((o) => ({ name: o.name, phone: o.phone }));
}
