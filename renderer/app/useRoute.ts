import { useEffect, useState } from 'react';

/** A tiny hash router: "#/board", "#/data", "#/settings", "#/print/briefing". Works under app:// and http. */
export function useRoute(): string {
  const [route, setRoute] = useState(() => window.location.hash.replace(/^#/, '') || '/board');
  useEffect(() => {
    const onChange = () => setRoute(window.location.hash.replace(/^#/, '') || '/board');
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(route: string) {
  window.location.hash = route;
}
