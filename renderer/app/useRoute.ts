import { useEffect, useState } from 'react';
import { confirmDiscard } from './unsavedChanges';

const hashRoute = () => window.location.hash.replace(/^#/, '') || '/board';

/**
 * A tiny hash router: "#/board", "#/data", "#/settings", "#/print/briefing". Works under app:// and http.
 * Leaving a screen with unsaved edits asks first (app/unsavedChanges.ts); "stay" puts the old address back.
 */
export function useRoute(): string {
  const [route, setRoute] = useState(hashRoute);
  useEffect(() => {
    let current = hashRoute();
    const onChange = () => {
      const next = hashRoute();
      if (next === current) return;
      if (!confirmDiscard()) {
        // replaceState fires no hashchange, so this does not ask again.
        window.history.replaceState(null, '', `#${current}`);
        return;
      }
      current = next;
      setRoute(next);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(route: string) {
  window.location.hash = route;
}
