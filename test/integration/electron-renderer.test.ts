import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { IpcMain } from 'electron';
import { launchBrowser, screenshot } from '../helpers/browser';
import { openApp, type OpenedApp } from '../../main/services/app';
import { createAppRequestHandler } from '../../main/electron/app-protocol';
import { registerApiIpc } from '../../main/electron/ipc';

/**
 * The desktop renderer path without the Electron binary: the real preload bundle (with 'electron' replaced by a
 * shim that forwards ipcRenderer.invoke to the test process), the real app:// handler serving the BUILT
 * dist/renderer with its CSP, and the real 'api' IPC handler on a real SQLite database. Chromium stands in for
 * Electron's renderer; https://streetcommand.test stands in for app://streetcommand. Needs `npm run build`.
 */
const rendererDir = path.resolve('dist', 'renderer');
const origin = 'https://streetcommand.test';

async function bundlePreloadForPage(): Promise<string> {
  const shimDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-preload-shim-'));
  const shim = path.join(shimDir, 'electron-shim.js');
  fs.writeFileSync(
    shim,
    `export const contextBridge = { exposeInMainWorld: (key, value) => { Object.defineProperty(window, key, { value, enumerable: true }); } };
     export const ipcRenderer = { invoke: (channel, ...args) => window.__scInvoke(channel, args) };`,
  );
  const result = await build({
    entryPoints: ['main/electron/preload.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    alias: { electron: shim },
    logLevel: 'silent',
  });
  fs.rmSync(shimDir, { recursive: true, force: true });
  return result.outputFiles[0].text;
}

describe('desktop renderer over the preload, app:// handler and IPC (Chromium standing in for Electron)', () => {
  let dataDir: string;
  let opened: OpenedApp;
  let browser: { browser: Browser; close(): Promise<void> };
  let page: Page;
  const external: string[] = [];
  const refusedByCsp: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run npm run build first');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-desktop-renderer-'));
    opened = openApp({ dataDir, resourcesDir: path.resolve('resources'), shell: 'desktop', version: 'test' });
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    registerApiIpc({ handle: (ch: string, fn: never) => handlers.set(ch, fn) } as unknown as IpcMain, () => opened.ctx);
    const serve = createAppRequestHandler({ rendererDir, tiles: () => null });
    const preload = await bundlePreloadForPage();

    browser = await launchBrowser();
    const context = await browser.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.route(`${origin}/**`, async (route) => {
      const url = new URL(route.request().url());
      const res = await serve(new Request(`app://streetcommand${url.pathname}`));
      await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
    });
    await context.exposeBinding('__scInvoke', async (source, channel: string, args: unknown[]) => {
      const frameUrl = source.frame.url().replace(origin, 'app://streetcommand');
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler({ senderFrame: { url: frameUrl } }, ...args);
    });
    await context.addInitScript({ content: preload });
    page = await context.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/.test(m.text())) refusedByCsp.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    opened?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the app loads under the strict CSP and talks to the database only through the preload', async () => {
    await page.goto(`${origin}/index.html`);
    await expect.poll(() => page.getByTestId('load-demo').isVisible(), { timeout: 20_000 }).toBe(true);
    const shape = await page.evaluate(() => ({
      frozen: Object.isFrozen(window.streetCommand),
      hasInvoke: 'invoke' in (window.streetCommand ?? {}),
      desktop: Object.keys((window as unknown as { streetCommandDesktop: object }).streetCommandDesktop).sort(),
      token: sessionStorage.getItem('streetcommand.token'),
    }));
    expect(shape).toEqual({ frozen: true, hasInvoke: false, desktop: ['chooseDataFolder', 'printToPdf'], token: null });
    const info = await page.evaluate(() => window.streetCommand!.getAppInfo({}));
    expect(info).toMatchObject({ ok: true, value: { shell: 'desktop', dataDir: opened.ctx.dataDir } });

    await page.fill('#street-name', '桌面测试街道');
    await page.fill('#street-code', '500104009');
    await page.getByTestId('create-street').click();
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('桌面测试街道');
    const row = opened.ctx.db.prepare('SELECT name FROM street WHERE id = 1').get() as { name: string };
    expect(row.name).toBe('桌面测试街道');
    await screenshot(page, 'desktop-shell-simulated');
    expect(refusedByCsp).toEqual([]);
    expect(external).toEqual([]);
  });
});
