import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from '../helpers/browser';
import { startHost, type RunningHost } from '../helpers/host';
import { signInOperator } from '../helpers/e2e';
import { solidPng, tilesCovering, writeMbtiles } from '../fixtures/mbtiles';
import { printToPdf, squash } from './print-pdf';

const UNIT = '示范街道办事处';

interface Fc {
  features: { properties: { name: string; code: string }; geometry: { type: string; coordinates: unknown } }[];
}

/** What the page looked like each time `body[data-print-ready]` changed: the excerpt's paths and tiles at that moment. */
interface ReadyRecord {
  value: string | null;
  paths: number;
  excerptReady: string | null;
  tiles: number;
  tilesLoaded: number;
}

/** Installs, before the app's scripts run, an observer that records every change of `data-print-ready`. */
async function recordReadiness(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { readyRecords: unknown[] };
    w.readyRecords = [];
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.target !== document.body) continue;
        const excerpt = document.querySelector('[data-testid="print-map-excerpt"]');
        w.readyRecords.push({
          value: document.body.getAttribute('data-print-ready'),
          paths: excerpt ? excerpt.querySelectorAll('.leaflet-overlay-pane path').length : 0,
          excerptReady: excerpt ? excerpt.getAttribute('data-ready') : null,
          tiles: excerpt ? excerpt.querySelectorAll('img.leaflet-tile').length : 0,
          tilesLoaded: excerpt ? excerpt.querySelectorAll('img.leaflet-tile-loaded').length : 0,
        });
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-print-ready'] });
  });
}

const records = (page: Page) => page.evaluate(() => (window as unknown as { readyRecords: ReadyRecord[] }).readyRecords);

function boxOf(fcs: Fc[]): [number, number, number, number] {
  const pts = fcs.flatMap((fc) =>
    fc.features.flatMap((f) => {
      const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
      return polygons.flat(2) as unknown as number[][];
    }),
  );
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe('街道图: a print view with a map excerpt', () => {
  let host: RunningHost;
  let browser: { browser: Browser; close(): Promise<void> };
  let layers: { communities: Fc; compounds: Fc };
  let outlines: number;

  beforeAll(async () => {
    host = await startHost();
    expect((await host.call('loadDemoStreet')).ok).toBe(true);
    await signInOperator(host);
    expect((await host.call('saveSettings', { unitName: UNIT })).ok).toBe(true);
    layers = (await host.call<{ communities: Fc; compounds: Fc }>('getMapLayers')).value!;
    outlines = layers.communities.features.length + layers.compounds.features.length;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('opened from the board, the page is ready only once every outline is drawn; it prints on one landscape A4 with legend and scale', async () => {
    const { page, external } = await newPage(browser.browser);
    await recordReadiness(page);
    await page.goto(host.url);
    await page.getByTestId('print-street-map').click();
    await page.locator('body[data-print-ready="true"]').waitFor({ timeout: 20_000 });

    const seen = await records(page);
    // The page said "not ready" first (data in, map still drawing), and the first "ready" came with every path there.
    expect(seen[0].value).toBe('false');
    const firstReady = seen.find((r) => r.value === 'true')!;
    expect(firstReady.paths).toBe(outlines);
    expect(firstReady.excerptReady).toBe('true');
    for (const r of seen.filter((x) => x.value === 'true')) expect(r.paths).toBe(outlines);

    // A still map: no zoom buttons, no dragging, a scale; the legend names the symbols.
    const excerpt = page.getByTestId('print-map-excerpt');
    expect(await excerpt.locator('.leaflet-control-zoom').count()).toBe(0);
    expect(await excerpt.locator('.leaflet-container.leaflet-grab').count()).toBe(0);
    expect(await excerpt.locator('.leaflet-control-scale-line').textContent()).toMatch(/^\d+ (m|km)$/);
    const legend = await page.getByTestId('print-map-legend').textContent();
    expect(legend).toContain('社区边界');
    expect(legend).toContain('小区边界');
    // The whole street fits inside the frame.
    const frame = (await excerpt.locator('.print-map-frame').boundingBox())!;
    const paths = await excerpt.locator('path.outline-community').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    expect(paths).toHaveLength(layers.communities.features.length);
    for (const b of paths) {
      expect(b.left).toBeGreaterThanOrEqual(frame.x - 1);
      expect(b.right).toBeLessThanOrEqual(frame.x + frame.width + 1);
      expect(b.top).toBeGreaterThanOrEqual(frame.y - 1);
      expect(b.bottom).toBeLessThanOrEqual(frame.y + frame.height + 1);
    }
    await screenshot(page, 'print-street-map-screen');

    const pdf = await printToPdf(page, '/print/street-map', 'street-map');
    const flat = squash(pdf.text);
    expect(pdf.pages).toBe(1);
    for (const s of [UNIT, '街道图', '社区边界', '小区边界', `${layers.communities.features.length}个社区`, '第1页/共1页']) expect(flat).toContain(s);
    // Community names are printed on the map.
    for (const f of layers.communities.features) expect(flat).toContain(f.properties.name);
    // Landscape: the page is wider than tall (pdfinfo "Page size: 841.89 x 595.28 pts").
    const { execFileSync } = await import('node:child_process');
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf.pdf], { encoding: 'utf8' }))!;
    expect(Number(w)).toBeGreaterThan(Number(h));
    expect(external).toEqual([]);
  });

  test('?community=<code> stresses one community, fits the map to it and names it in the legend', async () => {
    const target = layers.communities.features[0];
    const { page } = await newPage(browser.browser);
    await page.goto(host.url);
    const pdf = await printToPdf(page, `/print/street-map?community=${target.properties.code}`, 'street-map-community');
    const highlight = page.locator('[data-testid="print-map-excerpt"] path.outline-highlight');
    expect(await highlight.count()).toBe(1);
    expect(await page.getByTestId('print-map-legend').textContent()).toContain(target.properties.name);
    // Fitted to the community: it spans most of the frame's width or height, not a street-wide corner of it.
    const frame = (await page.locator('.print-map-frame').boundingBox())!;
    const b = (await highlight.boundingBox())!;
    expect(Math.max(b.width / frame.width, b.height / frame.height)).toBeGreaterThan(0.8);
    expect(squash(pdf.text)).toContain(target.properties.name);
    expect(pdf.pages).toBe(1);
  });

  test('with a base map, the page waits for its tiles as well as its outlines', async () => {
    const box = boxOf([layers.communities]);
    const tiles = [13, 14, 15, 16].flatMap((z) =>
      tilesCovering(box, z).map(({ x, y }) => ({ z, x, y, data: solidPng(256, (x + y) % 2 ? [226, 232, 222] : [236, 240, 232]) })),
    );
    const file = writeMbtiles(path.join(host.dataDir, 'fixtures', '打印底图.mbtiles'), { name: '打印底图', format: 'png', minzoom: '13', maxzoom: '16', bounds: box.join(',') }, tiles);
    const set = await host.call('setBaseMap', { file });
    expect(set.error).toBeUndefined();

    const { page, external } = await newPage(browser.browser);
    await recordReadiness(page);
    // Hold every tile until the test lets them go.
    const held: (() => Promise<void>)[] = [];
    let holding = true;
    await page.route('**/tiles/**', async (route) => {
      if (holding) held.push(() => route.continue());
      else await route.continue();
    });
    await page.goto(`${host.url}#/print/street-map`);
    const excerpt = page.getByTestId('print-map-excerpt');
    await expect.poll(() => excerpt.locator('.leaflet-overlay-pane path').count(), { timeout: 20_000 }).toBe(outlines);
    await expect.poll(() => held.length).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    // Outlines drawn, tiles not yet: not ready, and the print button waits.
    expect(await page.evaluate(() => document.body.dataset.printReady)).toBe('false');
    expect(await excerpt.getAttribute('data-ready')).toBe('false');
    expect(await page.getByTestId('print-button').isDisabled()).toBe(true);

    holding = false;
    for (const go of held.splice(0)) await go();
    await page.locator('body[data-print-ready="true"]').waitFor({ timeout: 20_000 });
    const firstReady = (await records(page)).find((r) => r.value === 'true')!;
    expect(firstReady.tiles).toBeGreaterThan(0);
    expect(firstReady.tilesLoaded).toBe(firstReady.tiles);
    expect(firstReady.paths).toBe(outlines);
    expect(await page.getByTestId('print-button').isDisabled()).toBe(false);
    await printToPdf(page, '/print/street-map', 'street-map-basemap');
    expect(external).toEqual([]);
    expect((await host.call('setBaseMap', { file: null })).ok).toBe(true);
  });
});
