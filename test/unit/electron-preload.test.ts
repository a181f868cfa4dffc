import { beforeAll, describe, expect, test, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { methodNames } from '../../shared/api/contract';
import { fake, ipcRenderer, resetFakeElectron } from '../helpers/electron-mock';

vi.mock('electron', async () => (await import('../helpers/electron-mock')).electronModule);

describe('preload', () => {
  beforeAll(async () => {
    resetFakeElectron();
    await import('../../main/electron/preload');
  });

  test('exposes exactly window.streetCommand and window.streetCommandDesktop', () => {
    expect([...fake.exposed.keys()].sort()).toEqual(['streetCommand', 'streetCommandDesktop']);
  });

  test('streetCommand is frozen and has one function per contract method, nothing else', () => {
    const api = fake.exposed.get('streetCommand') as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) expect(typeof api[name], name).toBe('function');
    expect(Object.values(api)).not.toContain(ipcRenderer);
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke);
  });

  test('each method invokes the api channel with its name and input', async () => {
    const api = fake.exposed.get('streetCommand') as Record<string, (input?: unknown) => Promise<unknown>>;
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 'x' });
    expect(await api.getAppInfo({})).toEqual({ ok: true, value: 'x' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('api', 'getAppInfo', {});
    await api.saveSettings({ unitName: '某街道' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('api', 'saveSettings', { unitName: '某街道' });
    await api.listBackups();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('api', 'listBackups', {});
  });

  test('streetCommandDesktop is frozen with printToPdf and chooseDataFolder only', async () => {
    const desktop = fake.exposed.get('streetCommandDesktop') as Record<string, (...a: unknown[]) => Promise<unknown>>;
    expect(Object.isFrozen(desktop)).toBe(true);
    expect(Object.keys(desktop).sort()).toEqual(['chooseDataFolder', 'printToPdf']);
    ipcRenderer.invoke.mockResolvedValueOnce('/tmp/a.pdf');
    expect(await desktop.printToPdf('简报')).toBe('/tmp/a.pdf');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('print-to-pdf', '简报');
    await desktop.printToPdf({ evil: true });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('print-to-pdf', undefined);
    await desktop.chooseDataFolder();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('choose-data-folder');
  });

  test('the bundled preload runs where a sandboxed preload runs: only require("electron"), no Node globals', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sc-preload-')), 'preload.cjs');
    // Same options as scripts/build.mjs uses for dist/main/preload.cjs.
    await build({ entryPoints: ['main/electron/preload.ts'], outfile: out, bundle: true, platform: 'node', target: 'node22', format: 'cjs', external: ['electron', 'better-sqlite3'], logLevel: 'silent' });
    const exposed = new Map<string, unknown>();
    const required: string[] = [];
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`module not found: ${id}`);
      return { contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) }, ipcRenderer: { invoke: async () => null } };
    };
    const module = { exports: {} };
    const context = vm.createContext({ require: sandboxRequire, module, exports: module.exports, console });
    vm.runInContext(fs.readFileSync(out, 'utf8'), context, { filename: 'preload.cjs' });
    expect([...new Set(required)]).toEqual(['electron']);
    expect(Object.keys(exposed.get('streetCommand') as object).sort()).toEqual([...methodNames].sort());
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
