import { beforeAll, describe, expect, test } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { useE2E } from '../helpers/e2e';
import { solidPng, tilesCovering, writeMbtiles } from '../fixtures/mbtiles';

interface Summary {
  communities: number;
  compounds: number;
  residents: number;
  venues: number;
  venuesByType: Record<string, number>;
}
interface Fc {
  features: { properties: { name: string }; geometry: { type: string; coordinates: number[][][] | number[][][][] } }[];
}

function boxOf(fcs: Fc[]): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const fc of fcs) {
    for (const f of fc.features) {
      const rings = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
      for (const [x, y] of rings.flat(2) as unknown as number[][]) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
    }
  }
  return [w, s, e, n];
}

async function openBoard(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('map-ready').waitFor({ state: 'attached', timeout: 30_000 });
  // Venues join the map when their data arrives, just after the outlines.
  await page.locator('[data-testid=venue-canvas][data-drawn]').waitFor({ state: 'attached', timeout: 30_000 });
}

describe('态势总览 board with the demo street', () => {
  const e2e = useE2E({ demo: true, signedIn: true });
  let summary: Summary;
  let layers: { communities: Fc; compounds: Fc };

  beforeAll(async () => {
    summary = await e2e.api<Summary>('getStreetSummary');
    layers = await e2e.api<{ communities: Fc; compounds: Fc }>('getMapLayers');
  });

  test('the map draws every outline, names, venues, legend and scale, with street totals beside it and no network', async () => {
    const { page, external } = await e2e.newPage();
    await openBoard(page, e2e.host.url);

    // One SVG path per outline: every community and compound of the street.
    expect(layers.communities.features.length).toBe(summary.communities);
    expect(layers.compounds.features.length).toBe(summary.compounds);
    await expect.poll(() => page.locator('path.outline-community').count()).toBe(summary.communities);
    expect(await page.locator('path.outline-compound').count()).toBe(summary.compounds);
    expect(await page.locator('path.outline-community, path.outline-compound').count()).toBe(summary.communities + summary.compounds);

    // Community names always; compound names not at the whole-street view (they would clutter).
    expect(await page.locator('.community-label').count()).toBe(summary.communities);
    await expect.poll(() => page.locator('.community-label').first().textContent()).toBeTruthy();
    expect(await page.locator('.map-label.community-label').allTextContents()).toContain(layers.communities.features[0].properties.name);
    expect(await page.locator('.compound-label').count()).toBe(0);

    // Every venue drawn on the canvas, and no DOM marker or marker image anywhere.
    await expect.poll(() => page.getByTestId('venue-canvas').getAttribute('data-drawn')).toBe(String(summary.venues));
    expect(await page.locator('.leaflet-marker-icon img, img.leaflet-marker-icon').count()).toBe(0);

    await expect.poll(() => page.getByTestId('map-legend').isVisible()).toBe(true);
    const legend = await page.getByTestId('map-legend').textContent();
    expect(legend).toContain('社区边界');
    expect(legend).toContain('小区边界');
    expect(legend).toContain('农贸市场');
    expect(await page.locator('.leaflet-control-scale-line').first().textContent()).toMatch(/^\d+ (m|km)$/);

    // Side panel totals from getStreetSummary.
    expect(await page.getByTestId('total-residents').textContent()).toContain(summary.residents.toLocaleString('zh-CN'));
    expect(await page.getByTestId('total-communities').textContent()).toContain(String(summary.communities));
    expect(await page.getByTestId('venue-count-market').textContent()).toContain(String(summary.venuesByType.market ?? 0));
    expect(await page.getByTestId('board-slot-readiness').count()).toBe(1);

    await screenshot(page, 'board-demo');
    expect(external).toEqual([]);
  });

  test('switching a venue type off removes its points and its legend entry', async () => {
    const { page } = await e2e.newPage();
    await openBoard(page, e2e.host.url);
    const chess = summary.venuesByType.chess_room ?? 0;
    expect(chess).toBeGreaterThan(0);
    await page.getByTestId('layer-switcher-toggle').click();
    await page.getByTestId('layer-venue-chess_room').uncheck();
    await expect.poll(() => page.getByTestId('venue-canvas').getAttribute('data-drawn')).toBe(String(summary.venues - chess));
    expect(await page.getByTestId('legend-venue-chess_room').count()).toBe(0);
    await page.getByTestId('layer-compounds').uncheck();
    await expect.poll(() => page.locator('path.outline-compound').count()).toBe(0);
    expect(await page.locator('path.outline-community').count()).toBe(summary.communities);
    await screenshot(page, 'board-layers');
  });

  test('clicking a community zooms in far enough to name its compounds', async () => {
    const { page } = await e2e.newPage();
    await openBoard(page, e2e.host.url);
    await page.getByTestId('community-table').locator('tbody tr').first().click();
    await expect.poll(() => page.locator('.compound-label').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    // Hovering a compound names it with its population base.
    const label = page.locator('.compound-label span').first();
    const name = (await label.textContent())!;
    const at = (await label.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height + 4);
    await expect.poll(() => page.locator('.compound-tooltip').textContent()).toContain(name);
    expect(await page.locator('.compound-tooltip').textContent()).toMatch(/居民 [\d,]+ · [\d,]+ 户 · 60岁以上 [\d,]+/);
    await screenshot(page, 'board-community-zoom');
  });

  test('hovering a venue names it and its type; a click opens its card', async () => {
    const [w, s, e, n] = boxOf([layers.communities, layers.compounds]);
    // A venue at the centre of the outlines' box (Web Mercator is linear enough over a street for the test).
    await e2e.api('saveVenue', { code: 'E2E-HOVER', name: '测试中心药店', type: 'pharmacy', lng: (w + e) / 2, lat: (s + n) / 2 });
    const { page, external } = await e2e.newPage();
    await openBoard(page, e2e.host.url);
    // Where the outlines' box is on screen: the union of the drawn community paths.
    const boxes = await page.locator('path.outline-community').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    const x = (Math.min(...boxes.map((b) => b.left)) + Math.max(...boxes.map((b) => b.right))) / 2;
    const y = (Math.min(...boxes.map((b) => b.top)) + Math.max(...boxes.map((b) => b.bottom))) / 2;
    await page.mouse.move(x + 1, y);
    await expect.poll(() => page.locator('.venue-tooltip').textContent()).toContain('测试中心药店');
    expect(await page.locator('.venue-tooltip').textContent()).toContain('药店');
    await page.mouse.click(x, y);
    await expect.poll(() => page.locator('.venue-popup').textContent()).toContain('测试中心药店');
    await page.waitForTimeout(400); // let the popup fade in for the picture
    await screenshot(page, 'board-venue-popup');
    expect(external).toEqual([]);
  });

  test('a local MBTiles base map chosen in 设置 shows under the outlines, served by the host only', async () => {
    const [w, s, e, n] = boxOf([layers.communities, layers.compounds]);
    const tiles = [13, 14, 15].flatMap((z) =>
      tilesCovering([w, s, e, n], z).map(({ x, y }) => ({ z, x, y, data: solidPng(256, (x + y) % 2 ? [226, 232, 222] : [236, 240, 232]) })),
    );
    const file = writeMbtiles(
      path.join(e2e.host.dataDir, 'fixtures', '示例底图.mbtiles'),
      { name: '示例底图', format: 'png', minzoom: '13', maxzoom: '15', bounds: [w, s, e, n].join(',') },
      tiles,
    );
    const { page, external } = await e2e.newPage();
    const tileRequests: string[] = [];
    page.on('request', (r) => r.url().includes('/tiles/') && tileRequests.push(r.url()));
    await page.goto(`${e2e.host.url}#/settings`);
    await page.locator('#basemap-file').waitFor();
    expect(page.url()).not.toContain('open='); // the page key leaves the address bar once the page has it
    await page.fill('#basemap-file', file);
    await page.getByTestId('basemap-use').click();
    await expect.poll(() => page.getByTestId('basemap-metadata').textContent()).toContain('示例底图');
    expect(await page.getByTestId('basemap-metadata').textContent()).toContain('13 – 15');

    await page.goto(`${e2e.host.origin}/#/board`);
    await page.getByTestId('map-ready').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('img.leaflet-tile-loaded').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(tileRequests.length).toBeGreaterThan(0);
    // With the tile key, which is not the API key (see main/host/server.ts).
    for (const u of tileRequests) expect(u).toMatch(new RegExp(`^${e2e.host.origin}/tiles/\\d+/\\d+/\\d+\\?key=${e2e.host.tileKey}$`));
    expect(e2e.host.tileKey).not.toBe(e2e.host.token);
    await screenshot(page, 'board-basemap');
    expect(external).toEqual([]);

    // And a wrong file is refused in the form with a message naming it.
    await page.goto(`${e2e.host.origin}/#/settings`);
    await page.fill('#basemap-file', path.join(e2e.host.dataDir, 'host.json'));
    await page.getByTestId('basemap-use').click();
    await expect.poll(() => page.locator('[data-testid=basemap-settings] .error-box').textContent()).toContain('host.json');
  });
});
