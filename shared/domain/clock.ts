import { SHANGHAI_OFFSET_MS } from './shanghai-time';

/**
 * The one clock of the app. A clock is an anchor: at the real instant `realMs` it read `clockMs`, and since then it
 * runs at `rate` (1 = real time, 60 = one minute per real second, 0 = paused). Drills and end-to-end tests run the same
 * code on a controlled or accelerated clock; nothing else reads the time.
 *
 * Pure: the real time source is passed in (Date.now on the Node side, performance.now in the renderer), because
 * shared/domain never reads the clock itself.
 */
export interface ClockAnchor {
  /** What the clock read at the anchor, epoch ms. */
  clockMs: number;
  /** The real time source's reading at the anchor (same unit, any origin). */
  realMs: number;
  rate: number;
}

/** The clock's time, epoch ms, when the real source reads `realMs`. Whole ms: times are stored as INTEGER. */
export function readClock(anchor: ClockAnchor, realMs: number): number {
  return Math.floor(anchor.clockMs + (realMs - anchor.realMs) * anchor.rate);
}

/**
 * An anchor from one sample of another clock (the server's), asked at `sentAt` and answered at `receivedAt` on the
 * local real source. The answer was read somewhere in between; the midpoint halves the error of a slow round trip.
 */
export function anchorFromSample(sample: { now: number; rate: number }, sentAt: number, receivedAt: number): ClockAnchor {
  return { clockMs: sample.now, realMs: (sentAt + receivedAt) / 2, rate: sample.rate };
}

export interface ClockOptions {
  /** What the clock reads when created, epoch ms; the real time by default. */
  start?: number;
  /** 1 by default. */
  rate?: number;
  /** The real time source, epoch ms. */
  realNow: () => number;
}

export interface Clock {
  now(): number;
  rate(): number;
  /** From this moment the clock reads `start` and runs at `rate` (a drill pauses with rate 0, speeds up with 60). */
  set(start: number, rate: number): void;
}

function checkClock(start: number, rate: number): void {
  if (!Number.isFinite(start)) throw new RangeError(`clock start must be a finite epoch ms, got ${start}`);
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`clock rate must be a finite number >= 0, got ${rate}`);
}

export function createClock(options: ClockOptions): Clock {
  const { realNow } = options;
  let anchor: ClockAnchor = { clockMs: 0, realMs: 0, rate: 1 };
  const clock: Clock = {
    now: () => readClock(anchor, realNow()),
    rate: () => anchor.rate,
    set(start, rate) {
      checkClock(start, rate);
      anchor = { clockMs: start, realMs: realNow(), rate };
    },
  };
  clock.set(options.start ?? realNow(), options.rate ?? 1);
  return clock;
}

/**
 * A clock start as given on a command line: epoch ms ("1654041600000"), or an ISO date and time. Without an offset
 * ("2022-06-01T08:00") the time is Beijing time, as everywhere in the app; "Z" or "+08:00" say it explicitly.
 * NaN when it is none of these.
 */
export function parseClockStart(text: string): number {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(s);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0'] = local;
    const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec, Number(frac.padEnd(3, '0'))) - SHANGHAI_OFFSET_MS;
    // Date.UTC rolls 2022-02-30 over to March: refuse dates and times that are not real.
    const back = new Date(ms + SHANGHAI_OFFSET_MS);
    const real = back.getUTCFullYear() === +y && back.getUTCMonth() === +mo - 1 && back.getUTCDate() === +d && back.getUTCHours() === +h && back.getUTCMinutes() === +mi;
    return real ? ms : Number.NaN;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return Date.parse(s);
  return Number.NaN;
}
