import { createContext, useContext, useLayoutEffect, useState } from 'react';

/**
 * Parts of a print page that take their own time to draw after the view's data is in (a map excerpt waits for its
 * paths and tiles). PrintLayout marks the page ready only when its data is in and every part mounted on it is ready.
 */
export interface PrintParts {
  set(part: symbol, ready: boolean): void;
  remove(part: symbol): void;
}

export const PrintPartsContext = createContext<PrintParts | null>(null);

/**
 * Holds the page back until `ready`. The part counts from its first commit (a layout effect runs before the
 * layout's own effect of the same commit), so mount it no later than the commit in which the view's data
 * arrives, i.e. render it together with the data it shows. Outside a PrintLayout it does nothing.
 */
export function usePrintPart(ready: boolean): void {
  const parts = useContext(PrintPartsContext);
  const [part] = useState(() => Symbol('print-part'));
  useLayoutEffect(() => {
    parts?.set(part, ready);
  }, [parts, part, ready]);
  useLayoutEffect(() => () => parts?.remove(part), [parts, part]);
}
