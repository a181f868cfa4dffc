import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call } from '../api';
import { apiKey } from './queries';
import { anchorFromSample, readClock, type ClockAnchor } from '../../shared/domain/clock';

/**
 * The renderer's one clock. Every time shown or sent by the renderer comes from here, never from `Date.now()`:
 * the server's clock may be a drill's (accelerated, paused) or a test's. It samples the server's time and rate
 * (`getClock`) and extrapolates between samples on the tab's monotonic timer:
 * serverNow + (performance.now() - sampledAt) * rate.
 * The one stated exception is the idle lock (features/desk/useIdleLock.ts), which measures the user's real inactivity.
 */

/** Re-sampled this often, so a clock the server changes (a drill paused or sped up) shows within this time. */
export const CLOCK_SYNC_MS = 30_000;

export const clockKeys = { sample: apiKey('getClock') };

// Module state rather than React state: event handlers (nowMs) read it as well as components.
let anchor: ClockAnchor | null = null;

async function syncClock(): Promise<ClockAnchor> {
  const sentAt = performance.now();
  const sample = await call('getClock', {});
  anchor = anchorFromSample(sample, sentAt, performance.now());
  return anchor;
}

/** Sets the clock from a sample taken now (a test rendering components without a host; later, a drill's jump). */
export function setClockSample(sample: { now: number; rate: number }): void {
  const at = performance.now();
  anchor = anchorFromSample(sample, at, at);
}

/**
 * Keeps the clock in sync with the server. The app waits for its first sample before showing anything that tells
 * the time; a failed re-sync keeps extrapolating from the last good sample.
 */
export function useClockSync() {
  return useQuery({ queryKey: clockKeys.sample, queryFn: syncClock, refetchInterval: CLOCK_SYNC_MS, refetchIntervalInBackground: true });
}

/** The time now on the server's clock, epoch ms: for event handlers and one-off snapshots (a print's time). */
export function nowMs(): number {
  if (!anchor) throw new Error('clock read before its first sync with the server (App waits for useClockSync)');
  return readClock(anchor, performance.now());
}

/**
 * One ticker per interval, shared by every component that asks for it, so the banner, the strip and the board show
 * the same time (separate timers would disagree by up to a tick: a whole minute at a drill's 60x). Tickers run for
 * the life of the tab; there are only a few intervals.
 */
interface Ticker {
  subscribe: (listener: () => void) => () => void;
  read: () => number;
}
const tickers = new Map<number, Ticker>();

function tickerFor(intervalMs: number): Ticker {
  const existing = tickers.get(intervalMs);
  if (existing) return existing;
  let now = nowMs();
  const listeners = new Set<() => void>();
  window.setInterval(() => {
    now = nowMs();
    for (const l of listeners) l();
  }, intervalMs);
  const ticker: Ticker = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read: () => now,
  };
  tickers.set(intervalMs, ticker);
  return ticker;
}

/** The time on the server's clock, re-read every `intervalMs` of real time (one second by default) so countdowns tick. */
export function useNow(intervalMs = 1000): number {
  const ticker = tickerFor(intervalMs);
  return useSyncExternalStore(ticker.subscribe, ticker.read);
}
