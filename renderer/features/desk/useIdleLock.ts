import { useEffect, useRef } from 'react';
import { call } from '../../api';
import { invalidateFeatures, queryClient } from '../../app/queryClient';

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_MS = 5_000;
/** The server hears of activity at most this often (it only needs to know the user is there within the idle time). */
const REPORT_MS = 60_000;

/**
 * The idle lock's UI side. The server holds the lock (it locks the desk after idleLockMinutes without activity and
 * refuses changes while locked); this tells it about activity, throttled to once a minute, and locks the desk at
 * once when the user has been away that long, so the lock screen does not wait for the next refresh.
 *
 * Activity is measured on the wall clock on purpose: it is the user's real inactivity (everything else takes the
 * time from app/clock.ts). `active`: someone is signed in and the desk is unlocked.
 */
export function useIdleLock(minutes: number, active: boolean): void {
  const last = useRef(0);
  const reported = useRef(0);

  useEffect(() => {
    if (!active) return;
    // Signing in or unlocking just now counted as activity on the server.
    last.current = Date.now();
    reported.current = Date.now();
    // A refusal (the server locked the desk meanwhile) refreshes the desk, which brings up the lock screen.
    const refreshDesk = () => invalidateFeatures(queryClient, ['desk']);
    const onActivity = () => {
      const now = Date.now();
      last.current = now;
      if (now - reported.current >= REPORT_MS) {
        reported.current = now;
        call('reportActivity', {}).catch(refreshDesk);
      }
    };
    for (const e of activityEvents) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (minutes > 0 && Date.now() - last.current >= minutes * 60_000) {
        last.current = Date.now(); // one lock request, not one every check
        call('lockDesk', {}).catch(refreshDesk);
      }
    }, CHECK_MS);
    return () => {
      for (const e of activityEvents) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [minutes, active]);
}
