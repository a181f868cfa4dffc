import { describe, expect, test } from 'vitest';
import { anchorFromSample, createClock, parseClockStart, readClock } from '../../shared/domain/clock';

const MIN = 60_000;
const T = Date.UTC(2022, 5, 1, 0, 0); // 2022-06-01 08:00 Beijing time

/** A real time source the test moves by hand. */
function fakeReal(start = 1_000_000) {
  const real = { ms: start, now: () => real.ms };
  return real;
}

describe('the clock (Node side)', () => {
  test('by default it reads the real time and runs at rate 1', () => {
    const real = fakeReal(T);
    const clock = createClock({ realNow: real.now });
    expect(clock.now()).toBe(T);
    expect(clock.rate()).toBe(1);
    real.ms += 90_000;
    expect(clock.now()).toBe(T + 90_000);
  });

  test('started at another time and at 60x, one real second is one clock minute', () => {
    const real = fakeReal();
    const clock = createClock({ start: T, rate: 60, realNow: real.now });
    expect(clock.now()).toBe(T);
    real.ms += 1000;
    expect(clock.now()).toBe(T + MIN);
    real.ms += 30_000;
    expect(clock.now()).toBe(T + 31 * MIN);
  });

  test('set() re-anchors while running: a drill pauses (rate 0) and resumes at another rate', () => {
    const real = fakeReal();
    const clock = createClock({ start: T, rate: 60, realNow: real.now });
    real.ms += 2000; // two clock minutes
    clock.set(clock.now(), 0);
    real.ms += 3_600_000; // an hour of real time passes while paused
    expect(clock.now()).toBe(T + 2 * MIN);
    expect(clock.rate()).toBe(0);
    clock.set(clock.now(), 2);
    real.ms += 1000;
    expect(clock.now()).toBe(T + 2 * MIN + 2000);
  });

  test('a fractional rate still gives whole milliseconds (times are stored as INTEGER)', () => {
    const real = fakeReal();
    const clock = createClock({ start: T, rate: 1.5, realNow: real.now });
    real.ms += 1;
    expect(Number.isInteger(clock.now())).toBe(true);
  });

  test('a negative or non-finite rate, or a start that is not a time, is refused', () => {
    const real = fakeReal();
    expect(() => createClock({ rate: -1, realNow: real.now })).toThrow(/rate/);
    expect(() => createClock({ rate: Number.NaN, realNow: real.now })).toThrow(/rate/);
    expect(() => createClock({ start: Number.POSITIVE_INFINITY, realNow: real.now })).toThrow(/start/);
    const clock = createClock({ start: T, realNow: real.now });
    expect(() => clock.set(T, -60)).toThrow(/rate/);
    expect(clock.now()).toBe(T); // a refused set changes nothing
  });
});

describe('the renderer extrapolating from a sample of the server clock', () => {
  test('serverNow + (local elapsed) * rate, from the midpoint of the round trip', () => {
    // Asked at 100 ms on the tab's timer, answered at 140 ms: the server read its time at about 120 ms.
    const anchor = anchorFromSample({ now: T, rate: 60 }, 100, 140);
    expect(readClock(anchor, 120)).toBe(T);
    expect(readClock(anchor, 1120)).toBe(T + MIN);
    expect(readClock(anchor, 120 + 90_000)).toBe(T + 90 * MIN);
  });

  test('at rate 1 it follows real time; paused it stays put', () => {
    const live = anchorFromSample({ now: T, rate: 1 }, 0, 0);
    expect(readClock(live, 5000)).toBe(T + 5000);
    const paused = anchorFromSample({ now: T, rate: 0 }, 0, 10);
    expect(readClock(paused, 1_000_000)).toBe(T);
  });
});

describe('--clock-start values', () => {
  test('epoch ms, Beijing time without an offset, or an explicit offset', () => {
    expect(parseClockStart(String(T))).toBe(T);
    expect(parseClockStart('2022-06-01T08:00')).toBe(T);
    expect(parseClockStart('2022-06-01 08:00:30')).toBe(T + 30_000);
    expect(parseClockStart('2022-06-01')).toBe(Date.UTC(2022, 4, 31, 16)); // midnight in Beijing
    expect(parseClockStart('2022-06-01T00:00Z')).toBe(T);
    expect(parseClockStart('2022-06-01T08:00:00+08:00')).toBe(T);
  });

  test('anything else is NaN, including dates that do not exist', () => {
    for (const bad of ['', 'tomorrow', '2022-02-30T08:00', '2022-06-01T25:00', '1.5e12', '-5', '2022-06-01T08:00+8']) {
      expect(parseClockStart(bad), bad).toBeNaN();
    }
  });
});
