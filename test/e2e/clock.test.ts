import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../helpers/browser';
import { startHost, type RunningHost } from '../helpers/host';
import { go, MIN, prepareStreet } from './mode-setup';
import { fromDateTimeLocal } from '../../shared/domain/shanghai-time';

/** 2022-06-01 08:00 Beijing time: far from today, so a screen on the wall clock would show years, not minutes. */
const CLOCK_START = Date.UTC(2022, 5, 1, 0, 0);
const RATE = 60;

/** "剩余 00:14:05" / "已超时 00:01:00" as signed seconds left. */
function secondsLeft(text: string | null): number {
  const m = /(剩余|已超时) (\d\d):(\d\d):(\d\d)/.exec(text ?? '');
  if (!m) throw new Error(`not a countdown: ${text}`);
  const s = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return m[1] === '剩余' ? s : -s;
}

// The host on a clock that starts in 2022 and runs at 60x: the screen must follow the server's clock, not the tab's.
describe('the host on an accelerated clock, in Chromium', () => {
  let host: RunningHost;
  let browser: { browser: Browser; close(): Promise<void> };
  let page: Page;
  const clockNow = async () => (await host.call<{ now: number; rate: number }>('getClock')).value!;

  beforeAll(async () => {
    host = await startHost({ clock: { start: CLOCK_START, rate: RATE } });
    browser = await launchBrowser();
    const { wang } = await prepareStreet(host);
    expect((await host.call('signIn', { operatorId: wang.id })).ok).toBe(true);
    page = (await newPage(browser.browser)).page;
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('getClock answers the clock the host was started on: 2022, one clock minute per real second', async () => {
    const a = await clockNow();
    expect(a.rate).toBe(RATE);
    expect(a.now).toBeGreaterThanOrEqual(CLOCK_START);
    expect(a.now).toBeLessThan(CLOCK_START + 60 * MIN); // an hour of clock = a minute of real time to get here
    const realStart = Date.now();
    await new Promise((r) => setTimeout(r, 1000));
    const b = await clockNow();
    const rate = (b.now - a.now) / (Date.now() - realStart);
    expect(rate).toBeGreaterThan(50);
    expect(rate).toBeLessThan(70);
  });

  test('the switch dialog offers the clock\'s time as T0, not the wall clock\'s', async () => {
    await page.goto(host.url);
    await go(page, '/mode');
    await page.getByTestId('open-switch').click({ timeout: 20_000 });
    const offered = fromDateTimeLocal(await page.getByTestId('trigger-at').inputValue());
    const now = (await clockNow()).now;
    // Minutes resolution, and a few real seconds (= clock minutes) between reading the input and asking the host.
    expect(now - offered).toBeGreaterThanOrEqual(0);
    expect(now - offered).toBeLessThan(5 * MIN);
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('switch-dialog').waitFor({ state: 'detached' });
  });

  test('in emergency mode the countdown moves a minute per real second, and the deadline turns overdue when its time passes', async () => {
    // T0 so that 网络直报 (T0 + 2 h) is due about 15 clock minutes from now: 15 real seconds at 60x.
    const now = (await clockNow()).now;
    const t0 = Math.floor(now / MIN) * MIN - 105 * MIN;
    const switched = await host.call<{ emergency: { deadlines: { key: string; dueAt: number }[] } }>('switchToEmergency', {
      reportedAt: t0, place: '东山社区 幸福小区 3 栋', caseType: 'confirmed', reportedBy: '区疾控中心',
    });
    expect(switched.ok).toBe(true);
    const dueAt = switched.value!.emergency.deadlines.find((d) => d.key === 'online_report')!.dueAt;
    expect(dueAt).toBe(t0 + 120 * MIN);

    await page.reload();
    await go(page, '/mode');
    const row = page.locator('[data-testid="deadline-row"][data-key="online_report"]');
    const countdown = row.getByTestId('countdown');
    await expect.poll(() => countdown.textContent(), { timeout: 20_000 }).toMatch(/剩余 00:\d\d:\d\d/);
    // Under 30 minutes left: amber, not yet red.
    expect(await row.getAttribute('class')).toContain('urgency-soon');
    await screenshot(page, 'clock-60x-before-due');

    // Each tick of the countdown (one real second) takes about a minute off it.
    const first = secondsLeft(await countdown.textContent());
    await expect.poll(async () => secondsLeft(await countdown.textContent()), { timeout: 5000, interval: 50 }).not.toBe(first);
    const ticked = secondsLeft(await countdown.textContent());
    await expect.poll(async () => secondsLeft(await countdown.textContent()), { timeout: 5000, interval: 50 }).not.toBe(ticked);
    const step = ticked - secondsLeft(await countdown.textContent());
    expect(step).toBeGreaterThan(40);
    expect(step).toBeLessThan(80);

    // Over a few real seconds: about a minute per second (each reading may be up to one tick old: ±60 clock seconds).
    const a = secondsLeft(await countdown.textContent());
    const realA = Date.now();
    await new Promise((r) => setTimeout(r, 5000));
    const b = secondsLeft(await countdown.textContent());
    const perSecond = (a - b) / ((Date.now() - realA) / 1000);
    expect(perSecond).toBeGreaterThan(40);
    expect(perSecond).toBeLessThan(80);

    // The deadline passes on the clock: the row turns red and says 已超时, within a few real seconds of its time.
    await expect.poll(() => row.getAttribute('class'), { timeout: 30_000, interval: 100 }).toContain('urgency-overdue');
    const overdueAt = (await clockNow()).now;
    expect(overdueAt).toBeGreaterThanOrEqual(dueAt);
    expect(overdueAt - dueAt).toBeLessThan(3 * MIN);
    expect(await countdown.textContent()).toMatch(/^已超时 00:0\d:\d\d$/);
    // The strip on every screen agrees, to the second: one clock, one tick (separate timers would differ by up to a
    // minute at 60x). Read both between two ticks.
    const chip = page.getByTestId('deadline-chip').first();
    await expect.poll(async () => (await chip.textContent())!.includes((await countdown.textContent())!), { interval: 100 }).toBe(true);
    expect(await chip.textContent()).toContain('已超时');
    await screenshot(page, 'clock-60x-overdue');
  });

  test('a print is dated by the clock', async () => {
    await go(page, '/print/briefing');
    await page.locator('body[data-print-ready="true"]').waitFor({ timeout: 20_000 });
    const printed = await page.locator('.print-printed').textContent();
    expect(printed).toContain('打印时间：2022-06-01');
  });
});

describe('clock flags of the host', () => {
  test('a clock that cannot run is refused at start, in words', async () => {
    await expect(startHost({ clock: { rate: -60 } })).rejects.toThrow(/--clock-rate 需要不小于 0 的数/);
    await expect(startHost({ clock: { start: Number.NaN } })).rejects.toThrow(/--clock-start 需要毫秒数或 ISO 时间/);
  });
});
