import { useCallback, useEffect, useRef, useState } from 'react';

const lockKey = 'streetcommand.locked';
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_MS = 5_000;

/**
 * Locks after `minutes` without input (0 = never). This is the one place in the renderer that reads the wall clock
 * on purpose: it measures the user's real inactivity, which a drill's accelerated or paused clock must not shorten
 * or stretch (everything else takes the time from app/clock.ts). The lock survives a reload of the tab (sessionStorage),
 * so reloading is not a way around signing in again.
 */
export function useIdleLock(minutes: number, enabled: boolean): { locked: boolean; unlock: () => void } {
  const [locked, setLocked] = useState(() => sessionStorage.getItem(lockKey) === '1');
  const last = useRef(Date.now());

  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    const onActivity = () => {
      last.current = Date.now();
    };
    for (const e of activityEvents) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= minutes * 60_000) {
        sessionStorage.setItem(lockKey, '1');
        setLocked(true);
      }
    }, CHECK_MS);
    return () => {
      for (const e of activityEvents) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [minutes, enabled]);

  const unlock = useCallback(() => {
    sessionStorage.removeItem(lockKey);
    last.current = Date.now();
    setLocked(false);
  }, []);

  return { locked: locked && enabled, unlock };
}
