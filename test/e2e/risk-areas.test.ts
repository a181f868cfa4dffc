import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { takeDeskIfOperatorsExist, useE2E } from '../helpers/e2e';
import { outDir, printToPdf, shanghai, squash } from './print-pdf';

const UNIT = '示范街道办事处';
const MIN = 60_000;
const OPERATOR = '王值班';

interface CompoundFeature {
  properties: { id: number; code: string; name: string; residents: number; households: number; elderly: number };
}

const fmt = (v: number) => v.toLocaleString('zh-CN');

async function go(page: Page, route: string) {
  await page.evaluate((r) => (window.location.hash = r), route);
}

async function center(l: Locator): Promise<{ x: number; y: number }> {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** The figure's value as shown ("1,234"). */
const figure = (scope: Locator, id: string) => scope.locator(`[data-testid="${id}"] .figure-value`).textContent();

/** Codes of the compounds listed in a figures block, and the residents of those counted. */
async function listedCompounds(scope: Locator): Promise<{ codes: string[]; countedResidents: number }> {
  const rows = scope.locator('[data-testid="stats-compounds"] tbody tr');
  const codes = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-code') ?? ''));
  const counted = await rows.evaluateAll((els) =>
    els.filter((el) => !el.classList.contains('muted')).map((el) => Number((el.children[2].textContent ?? '0').replace(/,/g, ''))),
  );
  return { codes, countedResidents: counted.reduce((a, b) => a + b, 0) };
}

/** The computed stroke colour of the first path with this class inside `scope`, and the colour a CSS variable names. */
async function strokeAndVar(page: Page, selector: string, variable: string): Promise<{ stroke: string; expected: string }> {
  return page.evaluate(
    ([sel, v]) => {
      const el = document.querySelector(sel)!;
      const probe = document.createElement('span');
      probe.style.color = `var(${v})`;
      document.body.appendChild(probe);
      const expected = getComputedStyle(probe).color;
      probe.remove();
      return { stroke: getComputedStyle(el).stroke, expected };
    },
    [selector, variable] as const,
  );
}

describe('风险区 in Chromium against the browser host', () => {
  // Writes need someone at the desk; the switch to emergency is not what this file is about.
  const e2e = useE2E({ demo: true, signedIn: OPERATOR });
  let compounds: CompoundFeature[];
  let t0: number;

  beforeAll(async () => {
    await e2e.api('saveSettings', { unitName: UNIT });
    t0 = Math.floor((Date.now() - 20 * MIN) / MIN) * MIN;
    await e2e.api('switchToEmergency', { reportedAt: t0, place: '朝阳社区 云顶公馆 2 栋', caseType: 'asymptomatic', reportedBy: '区疾控中心' });
    compounds = (await e2e.api<{ compounds: { features: CompoundFeature[] } }>('getMapLayers')).compounds.features;
  });

  test('pick compounds and draw an area on the map, see the counts, publish both, the 5-hour deadline turns done, print the notice', async () => {
    const { page, external } = await e2e.open('/risk');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.getByTestId('map-ready').waitFor({ state: 'attached', timeout: 20_000 });
    await expect.poll(() => page.getByTestId('draw-polygon').isEnabled(), { timeout: 10_000 }).toBe(true);
    // The deadline runs: T0 was 20 minutes ago, so about 4 h 40 min are left.
    await expect.poll(() => page.getByTestId('risk-deadline').textContent()).toMatch(/剩余 04:(3\d|40):\d\d/);

    // 1. Pick two compounds by clicking them on the map (paths are drawn in the order of getMapLayers).
    const paths = page.locator('.street-map path.outline-compound');
    const picked = [compounds[0], compounds[1]];
    await page.getByTestId('pick-compounds').click();
    for (const i of [0, 1]) {
      const c = await center(paths.nth(i));
      await page.mouse.click(c.x, c.y);
    }
    const draft = page.getByTestId('draft-panel');
    const draftFigures = draft.getByTestId('draft-figures');
    const pickedResidents = picked.reduce((a, f) => a + f.properties.residents, 0);
    // Hand count: the two compounds' population base, both wholly inside their own union.
    await expect.poll(() => figure(draftFigures, 'fig-residents'), { timeout: 10_000 }).toBe(fmt(pickedResidents));
    expect(await figure(draftFigures, 'fig-households')).toBe(fmt(picked.reduce((a, f) => a + f.properties.households, 0)));
    expect(await figure(draftFigures, 'fig-elderly')).toBe(fmt(picked.reduce((a, f) => a + f.properties.elderly, 0)));
    expect(await figure(draftFigures, 'fig-compounds')).toBe('2');
    expect((await listedCompounds(draftFigures)).codes.sort()).toEqual(picked.map((f) => f.properties.code).sort());
    // The picks and their union are on the map.
    expect(await page.locator('.street-map path.risk-picked').count()).toBe(2);
    await screenshot(page, 'risk-picked');
    const pickedName = `${picked[0].properties.name}等2个小区`;
    await draft.getByTestId('draft-name').fill(pickedName);
    await draft.getByTestId('draft-level').selectOption('high');
    // The trigger report is ticked by default: the area follows from it.
    expect(await draft.getByTestId('draft-report').first().isChecked()).toBe(true);
    await draft.getByTestId('draft-save').click();

    const panel = page.getByTestId('risk-area-panel');
    await expect.poll(() => panel.getByTestId('area-name').textContent()).toBe(pickedName);
    expect(await panel.getByTestId('area-status').textContent()).toBe('已划定（未发布）');
    expect(await panel.getByTestId('area-delineated').textContent()).toContain(OPERATOR);
    expect(await panel.getByTestId('area-reports').textContent()).toContain('云顶公馆 2 栋');
    expect(await figure(panel.getByTestId('area-figures'), 'fig-residents')).toBe(fmt(pickedResidents));
    expect(await panel.getByTestId('area-measures').textContent()).toContain('足不出户');
    const firstId = Number(await panel.getAttribute('data-area-id'));
    // On the map in the high level's colour, dashed until published.
    await expect.poll(() => page.locator('.street-map path.risk-area-high').count()).toBe(1);
    const mapColour = await strokeAndVar(page, '.street-map path.risk-area-high', '--color-risk-high');
    expect(mapColour.stroke).toBe(mapColour.expected);

    // 2. Draw a polygon by clicking around a compound in another community, with a margin so it is wholly inside.
    const targetIndex = compounds.findIndex((f) => f.properties.code.startsWith('SQ03'));
    const target = compounds[targetIndex];
    const tb = (await paths.nth(targetIndex).boundingBox())!;
    const m = 12;
    const corners = [
      [tb.x - m, tb.y - m],
      [tb.x + tb.width + m, tb.y - m],
      [tb.x + tb.width + m, tb.y + tb.height + m],
      [tb.x - m, tb.y + tb.height + m],
    ];
    await page.getByTestId('draw-polygon').click();
    for (const [x, y] of corners) {
      await page.mouse.move(x, y);
      await page.mouse.click(x, y);
    }
    // A fifth click that would cross the first edge is refused while drawing.
    await page.mouse.move(tb.x + tb.width / 2, tb.y - 3 * m);
    await page.mouse.click(tb.x + tb.width / 2, tb.y - 3 * m);
    await expect.poll(() => page.getByTestId('draw-notice').textContent()).toContain('不能自相交');
    // Finish on the first vertex.
    await page.mouse.move(corners[0][0], corners[0][1]);
    await page.mouse.click(corners[0][0], corners[0][1]);
    await expect.poll(() => draftFigures.count()).toBe(1);
    await expect.poll(async () => (await listedCompounds(draftFigures)).codes).toContain(target.properties.code);
    const drawn = await listedCompounds(draftFigures);
    expect(await figure(draftFigures, 'fig-residents')).toBe(fmt(drawn.countedResidents));
    expect(drawn.countedResidents).toBeGreaterThanOrEqual(target.properties.residents);

    // Drag a vertex outward: the figures follow. Time from the last drag event to the figures on screen, three drags.
    const vertices = page.locator('.leaflet-marker-pane .marker-icon:not(.marker-icon-middle)');
    expect(await vertices.count()).toBe(4);
    const timings: { ms: number; computeMs: number }[] = [];
    for (let k = 0; k < 3; k++) {
      const before = await page.getByTestId('figures-ms').getAttribute('data-ms');
      const v = await center(vertices.nth(2));
      await page.mouse.move(v.x, v.y);
      await page.mouse.down();
      for (let s = 1; s <= 8; s++) {
        await page.mouse.move(v.x + s * 4, v.y + s * 3);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      await expect.poll(() => draft.getAttribute('data-busy')).toBe('false');
      await expect.poll(() => page.getByTestId('figures-ms').getAttribute('data-ms')).not.toBe(before);
      timings.push({
        ms: Number(await page.getByTestId('figures-ms').getAttribute('data-ms')),
        computeMs: Number(await page.getByTestId('figures-ms').getAttribute('data-compute-ms')),
      });
    }
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'risk-drag-to-figures.json'), JSON.stringify(timings, null, 2));
    console.log('drag to figures (ms):', JSON.stringify(timings));
    for (const x of timings) expect(x.ms).toBeGreaterThan(0);
    const dragged = await listedCompounds(draftFigures);
    expect(await figure(draftFigures, 'fig-residents')).toBe(fmt(dragged.countedResidents));
    await screenshot(page, 'risk-drawn');

    const drawnName = `${target.properties.name}周边`;
    await draft.getByTestId('draft-name').fill(drawnName);
    await draft.getByTestId('draft-level').selectOption('medium');
    await draft.getByTestId('draft-save').click();
    await expect.poll(() => panel.getByTestId('area-name').textContent()).toBe(drawnName);
    const secondId = Number(await panel.getAttribute('data-area-id'));
    await expect.poll(() => page.locator('.street-map path.risk-area-medium').count()).toBe(1);

    // 3. Publish both. One published, one not: the deadline is still open.
    await page.locator(`[data-testid="risk-area-list"] tr[data-code="${firstId}"] [data-testid="risk-area-open"]`).click();
    await expect.poll(() => panel.getAttribute('data-area-id')).toBe(String(firstId));
    await panel.getByTestId('area-publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => panel.getByTestId('area-status').textContent()).toBe('已发布');
    expect(await panel.getByTestId('area-published').textContent()).toContain(OPERATOR);
    expect(await page.getByTestId('risk-deadline').getAttribute('data-status')).not.toBe('done');

    await page.locator(`[data-testid="risk-area-list"] tr[data-code="${secondId}"] [data-testid="risk-area-open"]`).click();
    await expect.poll(() => panel.getAttribute('data-area-id')).toBe(String(secondId));
    await panel.getByTestId('area-publish').click();
    await page.getByTestId('publish-confirm').click();
    await expect.poll(() => panel.getByTestId('area-status').textContent()).toBe('已发布');
    // Every drawn area published: the 5-hour deadline turned done by itself, with who and when.
    await expect.poll(() => page.getByTestId('risk-deadline').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('risk-deadline').textContent()).toContain(OPERATOR);
    // The lifecycle runs from publication: its state in words and the next step with a countdown.
    expect(await panel.getByTestId('lifecycle-words').textContent()).toMatch(/第 ?\d+ ?天/);
    expect(await panel.getByTestId('lifecycle-countdown').textContent()).toMatch(/还有|可执行|等待/);
    // The venues to suspend inside the drawn area: ticking one records who and when.
    const ticks = panel.getByTestId('suspend-tick');
    expect(await ticks.count()).toBeGreaterThan(0);
    // The box shows what the server recorded, so it turns ticked once the tick is stored.
    await ticks.first().click();
    await expect.poll(() => panel.getByTestId('suspend-who').first().textContent()).toContain(OPERATOR);
    expect(await ticks.first().isChecked()).toBe(true);
    expect(await panel.getByTestId('suspension-count').textContent()).toMatch(/^1\//);
    await page.waitForTimeout(300);
    await screenshot(page, 'risk-published');

    await go(page, '/mode');
    const row = page.locator('[data-testid="deadline-row"][data-key="risk_areas_published"]');
    await expect.poll(() => row.getByTestId('deadline-status').textContent()).toContain(OPERATOR);

    // The board: totals by level.
    await go(page, '/board');
    const high = page.locator('[data-testid="risk-total-row"][data-level="high"]');
    await expect.poll(() => high.locator('td').nth(3).textContent()).toBe(fmt(pickedResidents));
    await expect.poll(() => page.locator('.street-map path.risk-area-high').count()).toBe(1);
    await page.waitForTimeout(300);
    await screenshot(page, 'risk-board');

    // 4. The notice of the high area on paper.
    const published = await e2e.api<{ publishedAt: number }>('getRiskArea', { id: firstId });
    const pdf = await printToPdf(page, `/print/risk-notice?id=${firstId}`, 'risk-notice');
    const flat = squash(pdf.text);
    expect(pdf.pages).toBe(1);
    for (const s of [UNIT, '风险区通告', pickedName, '高风险区', '足不出户', '上门服务', '图例', '社区边界', `自${squash(shanghai(published.publishedAt))}起`, '第1页/共1页']) {
      expect(flat).toContain(s);
    }
    for (const f of picked) expect(flat).toContain(f.properties.name);
    expect(flat).not.toContain('未发布稿');
    // The excerpt's area is drawn in the same red as the map, with a scale.
    const printColour = await strokeAndVar(page, '.print-map path.outline-highlight', '--color-risk-high');
    expect(printColour.stroke).toBe(printColour.expected);
    expect(printColour.stroke).toBe(mapColour.stroke);
    expect(await page.locator('.print-map .leaflet-control-scale-line').textContent()).toMatch(/^\d+ (m|km)$/);
    await screenshot(page, 'risk-notice-screen');

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  test('a vertex clicked near a compound corner snaps onto it; a rectangle is drawn with two clicks', async () => {
    const { page } = await e2e.open('/risk');
    await page.getByTestId('map-ready').waitFor({ state: 'attached', timeout: 20_000 });
    await expect.poll(() => page.getByTestId('draw-polygon').isEnabled(), { timeout: 10_000 }).toBe(true);
    const shapes: { type: string; coordinates: number[][][] }[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/previewRiskArea')) {
        const body = JSON.parse(r.postData() ?? '{}') as { geometry?: { type: string; coordinates: number[][][] } };
        if (body.geometry) shapes.push(body.geometry);
      }
    });
    // The screen position of the first vertex of a compound outline, from its SVG path.
    const index = compounds.findIndex((f) => f.properties.code.startsWith('SQ05'));
    const corner = await page.locator('.street-map path.outline-compound').nth(index).evaluate((el) => {
      const path = el as SVGPathElement;
      const p = path.getPointAtLength(0);
      const m = path.getScreenCTM()!;
      return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
    });
    const ring = (await e2e.api<{ compounds: { features: { geometry: { coordinates: number[][][] } }[] } }>('getMapLayers')).compounds.features[index].geometry.coordinates[0];

    await page.getByTestId('draw-polygon').click();
    const clicks = [
      [corner.x + 4, corner.y + 3],
      [corner.x + 90, corner.y - 40],
      [corner.x + 120, corner.y + 60],
    ];
    // Paced like a hand on a loaded machine: geoman reads the snap target from the mouse move before the click.
    await page.waitForTimeout(300);
    for (const [x, y] of clicks) {
      await page.mouse.move(x - 1, y - 1);
      await page.mouse.move(x, y);
      await page.waitForTimeout(150);
      await page.mouse.click(x, y);
    }
    await page.mouse.move(clicks[0][0], clicks[0][1]);
    await page.waitForTimeout(150);
    await page.mouse.click(clicks[0][0], clicks[0][1]);
    await expect.poll(() => shapes.length, { timeout: 30_000 }).toBeGreaterThan(0);
    // 4 px off on screen, yet the stored vertex is the compound's own corner.
    expect(shapes[0].coordinates[0][0]).toEqual(ring[0]);
    await page.getByTestId('draft-cancel').click();
    await expect.poll(() => page.getByTestId('draft-panel').count()).toBe(0);

    await page.getByTestId('draw-rectangle').click();
    const box = (await page.locator('.street-map-canvas').boundingBox())!;
    const a = { x: box.x + box.width * 0.62, y: box.y + box.height * 0.62 };
    await page.mouse.move(a.x, a.y);
    await page.mouse.click(a.x, a.y);
    await page.mouse.move(a.x + 80, a.y + 50);
    await page.mouse.click(a.x + 80, a.y + 50);
    await expect.poll(() => page.getByTestId('draft-figures').count()).toBe(1);
    const rect = shapes[shapes.length - 1];
    expect(rect.type).toBe('Polygon');
    // Four corners and the closing point; two distinct longitudes and latitudes.
    expect(rect.coordinates[0]).toHaveLength(5);
    expect(new Set(rect.coordinates[0].map((p) => p[0])).size).toBe(2);
    expect(new Set(rect.coordinates[0].map((p) => p[1])).size).toBe(2);
    await page.getByTestId('draft-cancel').click();
  });

  test('a week later (the host restarted on a later clock): record the day-7 round, downgrade the high area, lift the medium one, print the lifting notice', async () => {
    const DAY = 86_400_000;
    // Day 0: areas drawn and published on a host whose clock starts ten days ago.
    const start = Math.floor((Date.now() - 10 * DAY) / MIN) * MIN;
    const first = await e2e.startHost({ clock: { start } });
    const call = async <T,>(method: string, input: unknown = {}) => {
      const r = await first.call<T>(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error?.code} ${r.error?.message}`);
      return r.value as T;
    };
    await call('loadDemoStreet');
    await takeDeskIfOperatorsExist(first);
    const op = await call<{ id: number }>('saveOperator', { name: OPERATOR, phone: '13800000001' });
    await call('signIn', { operatorId: op.id });
    await call('saveSettings', { unitName: UNIT });
    await call('switchToEmergency', { reportedAt: start - 20 * MIN, place: '朝阳社区', caseType: 'confirmed', reportedBy: '区疾控中心' });
    const high = await call<{ id: number }>('createRiskArea', { name: '第七天高风险区', level: 'high', reportIds: [], compoundIds: [compounds[10].properties.id] });
    const medium = await call<{ id: number }>('createRiskArea', { name: '第七天中风险区', level: 'medium', reportIds: [], compoundIds: [compounds[20].properties.id] });
    await call('publishRiskArea', { id: high.id });
    await call('publishRiskArea', { id: medium.id });
    await first.stop();

    // Day 7, same time of day: the same data on a host whose clock is a week on.
    const later = await e2e.startHost({ dataDir: first.dataDir, clock: { start: start + 7 * DAY } });
    // A new process starts with the desk locked (issue 9): the operator comes back and unlocks it (no PIN set).
    expect((await later.call('unlockDesk', {})).ok).toBe(true);
    const { page } = await e2e.open('/risk', later);
    await page.getByTestId('map-ready').waitFor({ state: 'attached', timeout: 20_000 });
    const panel = page.getByTestId('risk-area-panel');
    const open = async (id: number) => {
      await page.locator(`[data-testid="risk-area-list"] tr[data-code="${id}"] [data-testid="risk-area-open"]`).click();
      await expect.poll(() => panel.getAttribute('data-area-id')).toBe(String(id));
    };
    // The calendar lists both areas' next steps.
    await expect.poll(() => page.getByTestId('lift-calendar').textContent()).toContain('第七天中风险区');

    for (const id of [high.id, medium.id]) {
      await open(id);
      // Day 7 without a new infection: waiting only for the all-negative round.
      await expect.poll(() => panel.getByTestId('lifecycle-words').textContent()).toMatch(/第 ?7 ?天/);
      expect(await panel.getByTestId('lifecycle-step').count()).toBe(0);
      await panel.getByTestId('record-round').click();
      await page.getByTestId('round-confirm').click();
      await page.getByTestId('round-dialog').waitFor({ state: 'detached' });
      await expect.poll(() => panel.getByTestId('lifecycle-step').count()).toBe(1);
    }

    // The medium area (currently open) lifts, after a confirmation.
    expect(await panel.getByTestId('lifecycle-step').textContent()).toBe('解除');
    await panel.getByTestId('lifecycle-step').click();
    await page.getByTestId('step-confirm').click();
    await expect.poll(() => panel.getByTestId('area-status').textContent()).toBe('已解除');

    // The high area goes down to medium, after a confirmation; the next step is 3 more days.
    await page.getByTestId('risk-show-ended').check();
    await open(high.id);
    expect(await panel.getByTestId('lifecycle-step').textContent()).toBe('降为中风险区');
    await panel.getByTestId('lifecycle-step').click();
    await page.getByTestId('step-confirm').click();
    await expect.poll(() => panel.getByTestId('risk-level').textContent()).toBe('中风险区');
    expect(await panel.getByTestId('lifecycle-words').textContent()).toMatch(/3/);
    await page.waitForTimeout(300);
    await screenshot(page, 'risk-day7');

    // The lifting notice of the medium area.
    await open(medium.id);
    await panel.getByTestId('area-print-lift').click();
    const pdf = await printToPdf(page, `/print/risk-lift-notice?id=${medium.id}`, 'risk-lift-notice');
    const flat = squash(pdf.text);
    expect(pdf.pages).toBe(1);
    for (const s of [UNIT, '风险区解除通告', '第七天中风险区', '原中风险区', compounds[20].properties.name, '恢复正常生产生活秩序', '图例']) expect(flat).toContain(s);
  });

  test('revoking needs a reason; the revoked area stays in the list with its reason', async () => {
    const created = await e2e.api<{ id: number }>('createRiskArea', { name: '误划区域', level: 'medium', reportIds: [], compoundIds: [compounds[5].properties.id] });
    const { page } = await e2e.open('/risk');
    await page.getByTestId('map-ready').waitFor({ state: 'attached', timeout: 20_000 });
    await page.locator(`[data-testid="risk-area-list"] tr[data-code="${created.id}"] [data-testid="risk-area-open"]`).click();
    const panel = page.getByTestId('risk-area-panel');
    await panel.getByTestId('area-revoke').click();
    await page.getByTestId('revoke-confirm').click();
    // Refused without a reason; the dialog stays open and says why.
    await expect.poll(() => page.getByTestId('revoke-dialog').textContent()).toContain('须填写理由');
    await page.getByTestId('revoke-reason').fill('小区编号选错');
    await page.getByTestId('revoke-confirm').click();
    await page.getByTestId('revoke-dialog').waitFor({ state: 'detached' });
    // Gone from the active list; shown again, with its reason, when ended areas are included.
    await expect.poll(() => page.locator(`[data-testid="risk-area-list"] tr[data-code="${created.id}"]`).count()).toBe(0);
    await page.getByTestId('risk-show-ended').check();
    await expect.poll(() => page.locator(`[data-testid="risk-area-list"] tr[data-code="${created.id}"] [data-col="status"]`).textContent()).toBe('已撤销');
    expect(await panel.textContent()).toContain('小区编号选错');
  });

  test('export the areas as GeoJSON from the screen; import a file of areas; a file with swapped coordinates is refused, saying where', async () => {
    const { page } = await e2e.open('/risk');
    await page.getByTestId('map-ready').waitFor({ state: 'attached', timeout: 20_000 });
    await expect.poll(() => page.getByTestId('risk-import').isEnabled(), { timeout: 10_000 }).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('risk-export').click()]);
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as {
      type: string;
      features: { properties: { name: string; level: string; status: string }; geometry: { type: string } }[];
    };
    expect(exported.type).toBe('FeatureCollection');
    const areas = (await e2e.api<{ areas: { name: string }[] }>('listRiskAreas', { includeEnded: true })).areas;
    expect(exported.features.map((f) => f.properties.name).sort()).toEqual(areas.map((a) => a.name).sort());
    const revoked = exported.features.find((f) => f.properties.name === '误划区域')!;
    expect(revoked.properties.status).toBe('revoked');
    expect(revoked.properties.level).toBe('medium');
    expect(revoked.geometry.type).toMatch(/Polygon/);

    // A file as a GIS tool writes it: one area, a compound's outline, level in Chinese.
    const outline = (await e2e.api<{ compounds: { features: { geometry: { type: string; coordinates: number[][][] } }[] } }>('getMapLayers')).compounds.features[30].geometry;
    const file = (name: string, coordinates: number[][][]) =>
      Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: name, 风险等级: '中风险区' }, geometry: { type: 'Polygon', coordinates } }] }));
    await page.getByTestId('risk-import-file').setInputFiles({ name: 'areas.geojson', mimeType: 'application/geo+json', buffer: file('导入的中风险区', outline.coordinates) });
    await expect.poll(() => page.getByTestId('risk-import-result').textContent()).toContain('已导入 1 个风险区');
    await expect.poll(() => page.getByTestId('risk-area-list').textContent()).toContain('导入的中风险区');

    const swapped = outline.coordinates.map((ring) => ring.map(([x, y]) => [y, x]));
    await page.getByTestId('risk-import-file').setInputFiles({ name: 'swapped.geojson', mimeType: 'application/geo+json', buffer: file('坐标颠倒', swapped) });
    const refusal = page.getByTestId('risk-files').locator('.error-box');
    await expect.poll(() => refusal.textContent()).toContain('文件未导入');
    expect(await refusal.textContent()).toContain('经纬度可能写反');
    expect(await page.getByTestId('risk-area-list').textContent()).not.toContain('坐标颠倒');
    await screenshot(page, 'risk-import-refused');
  });
});
