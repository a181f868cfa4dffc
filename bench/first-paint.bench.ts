/**
 * First paint of the board (态势总览): from navigation start to `map-ready` (outlines drawn), in Debian Chromium
 * against the built browser host, with the demo street and with the demo street plus 20,000 synthetic venues.
 * With 20,000 venues it also records the canvas redraws after pans and zooms (performance measures `venue-redraw`
 * written by VenueCanvasLayer) and the frame intervals while the user pans and zooms.
 * Needs `npm run build` first. Records figures; asserts nothing about time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openApp } from '../main/services/app';
import { loadDemoStreet } from '../main/services/demo';
import { insertVenue } from '../main/db/venues';
import { venueTypeIds } from '../shared/domain/venues';
import { bbox } from '../shared/domain/spatial';
import { createRng } from '../scripts/demo/random';
import { freshDataDir, startHost } from '../test/helpers/host';
import { launchBrowser, newPage } from '../test/helpers/browser';
import type { BenchResult } from './types';

const RUNS_DEMO = 5;
const RUNS_MANY = 3;
const SYNTHETIC_VENUES = 20_000;

export async function run(): Promise<BenchResult[]> {
  if (!fs.existsSync('dist/main/host.cjs') || !fs.existsSync('dist/renderer/index.html')) {
    throw new Error('first-paint needs the built app: run `npm run build` first.');
  }
  const load = os.loadavg()[0];
  const browser = await launchBrowser();
  try {
    const demo = await firstPaint(browser.browser, prepareDataDir(0), RUNS_DEMO);
    const manyDir = prepareDataDir(SYNTHETIC_VENUES);
    const many = await firstPaint(browser.browser, manyDir, RUNS_MANY);
    const interaction = await panAndZoom(browser.browser, manyDir);
    return [
      { name: 'first paint: demo street (8 communities, 120 compounds, 300 venues)', figures: { ...demo, 'load average at start': round(load), cpus: os.cpus().length } },
      { name: `first paint: demo street + ${SYNTHETIC_VENUES.toLocaleString('en')} venues`, figures: many },
      { name: `canvas: pan and zoom with ${(SYNTHETIC_VENUES + 300).toLocaleString('en')} venues`, figures: interaction },
    ];
  } finally {
    await browser.close();
  }
}

/** A data folder with the demo street loaded and `extra` synthetic venues spread over the street's box. */
function prepareDataDir(extra: number): string {
  const dataDir = freshDataDir('sc-bench');
  const app = openApp({ dataDir, resourcesDir: path.resolve('resources'), shell: 'host', version: 'bench' });
  try {
    loadDemoStreet(app.ctx);
    if (extra > 0) {
      const street = JSON.parse(fs.readFileSync('resources/demo/street.json', 'utf8')) as { boundary: Parameters<typeof bbox>[0] };
      const [w, s, e, n] = bbox(street.boundary);
      const rng = createRng(7);
      const now = Date.now();
      app.ctx.db.transaction(() => {
        for (let i = 0; i < extra; i++) {
          insertVenue(
            app.ctx.db,
            {
              code: `BENCH-${String(i).padStart(5, '0')}`,
              name: `基准场所 ${i}`,
              type: rng.pick(venueTypeIds),
              lng: rng.range(w, e),
              lat: rng.range(s, n),
              communityId: null,
              compoundId: null,
            },
            now,
            null,
          );
        }
      })();
    }
  } finally {
    app.close();
  }
  return dataDir;
}

interface Paint {
  readyMs: number;
  venuesMs: number;
  domReadyMs: number;
  dataMs: number;
  firstRedrawMs: number;
}

async function openBoard(browser: Browser, url: string): Promise<{ page: Page; paint: Paint; external: string[] }> {
  const { page, external } = await newPage(browser);
  await page.goto(url);
  await page.getByTestId('map-ready').waitFor({ state: 'attached', timeout: 60_000 });
  await page.locator('[data-testid=venue-canvas][data-drawn]').waitFor({ state: 'attached', timeout: 60_000 });
  // Strings, not functions: tsx (esbuild keepNames) may wrap inner functions in a helper the page lacks.
  const paint = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const api = performance.getEntriesByType('resource').filter((r) => ['getMapLayers', 'getVenuePoints', 'getBaseMap'].some((m) => r.name.endsWith('/api/' + m)));
    return {
      readyMs: performance.getEntriesByName('map-ready')[0]?.startTime ?? NaN,
      venuesMs: performance.getEntriesByName('venues-drawn')[0]?.startTime ?? NaN,
      domReadyMs: nav ? nav.domContentLoadedEventEnd : NaN,
      dataMs: api.length ? Math.max(...api.map((r) => r.responseEnd)) : NaN,
      firstRedrawMs: performance.getEntriesByName('venue-redraw')[0]?.duration ?? NaN,
    };
  })()`)) as Paint;
  return { page, paint, external };
}

async function firstPaint(browser: Browser, dataDir: string, runs: number): Promise<Record<string, number | string>> {
  const host = await startHost(dataDir);
  try {
    const paints: Paint[] = [];
    let venues = '';
    for (let i = 0; i < runs; i++) {
      const { page, paint, external } = await openBoard(browser, host.url);
      if (external.length) throw new Error(`the board made external requests: ${external.join(', ')}`);
      venues = (await page.getByTestId('venue-canvas').getAttribute('data-drawn')) ?? '';
      paints.push(paint);
      await page.context().close();
    }
    const times = paints.map((p) => p.readyMs);
    return {
      runs,
      'navigation → map-ready (outlines) median (ms)': round(median(times)),
      'map-ready min (ms)': round(Math.min(...times)),
      'map-ready max (ms)': round(Math.max(...times)),
      'navigation → venues drawn median (ms)': round(median(paints.map((p) => p.venuesMs))),
      'of which DOMContentLoaded (ms, median)': round(median(paints.map((p) => p.domReadyMs))),
      'of which map data received (ms, median)': round(median(paints.map((p) => p.dataMs))),
      'first venue canvas draw (ms, median)': round(median(paints.map((p) => p.firstRedrawMs))),
      'venues drawn': venues,
    };
  } finally {
    await host.stop();
  }
}

/** Drags and wheel-zooms the map like a user; reads the canvas redraw measures and the frame intervals meanwhile. */
async function panAndZoom(browser: Browser, dataDir: string): Promise<Record<string, number | string>> {
  const host = await startHost(dataDir);
  try {
    const { page } = await openBoard(browser, host.url);
    const box = (await page.locator('.street-map-canvas').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.evaluate(`(() => {
      performance.clearMeasures('venue-redraw');
      window.__frames = [];
      const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const drawnAtFullView = Number(await page.getByTestId('venue-canvas').getAttribute('data-drawn'));
    for (let i = 0; i < 4; i++) {
      const dx = i % 2 ? -240 : 240;
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + dx, cy + dx / 3, { steps: 12 });
      await page.mouse.up();
      await page.waitForTimeout(250);
    }
    for (let i = 0; i < 3; i++) {
      await page.mouse.move(cx, cy);
      await page.mouse.wheel(0, -180);
      await page.waitForTimeout(450);
      await page.mouse.wheel(0, 180);
      await page.waitForTimeout(450);
    }
    const { redraws, frames } = await page.evaluate(() => ({
      redraws: performance.getEntriesByName('venue-redraw').map((m) => m.duration),
      frames: (window as unknown as { __frames: number[] }).__frames,
    }));
    const intervals = frames.slice(1).map((t, i) => t - frames[i]);
    await page.context().close();
    return {
      'venues drawn at street view': drawnAtFullView,
      'canvas redraws': redraws.length,
      'redraw median (ms)': round(median(redraws)),
      'redraw max (ms)': round(Math.max(...redraws)),
      'frame interval median (ms)': round(median(intervals)),
      'frame interval p95 (ms)': round(percentile(intervals, 0.95)),
      'frames over 50 ms': intervals.filter((d) => d > 50).length,
      frames: intervals.length,
    };
  } finally {
    await host.stop();
  }
}

function median(xs: number[]): number {
  return percentile(xs, 0.5);
}

function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
