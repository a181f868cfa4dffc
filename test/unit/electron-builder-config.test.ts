import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

// electron-builder cannot package here (it downloads Electron); its own loader and schema still check the config.
const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '..', '..');

interface BuilderConfig {
  appId: string;
  productName: string;
  electronVersion: string;
  directories: { output: string };
  files: (string | { filter: string[] })[];
  extraResources: { from: string; to: string }[];
  asar: boolean;
  asarUnpack: string[];
  afterPack: string;
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: { target: string; arch: string[] }[] };
  linux: { target: { target: string; arch: string[] }[]; maintainer: string; description: string };
}

async function loadConfig(): Promise<BuilderConfig> {
  const { getConfig } = require('app-builder-lib/out/util/config/config.js') as { getConfig: (dir: string, file: string, opts: null) => Promise<BuilderConfig> };
  return getConfig(root, path.join(root, 'electron-builder.yml'), null);
}

async function validate(config: unknown): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration: (c: unknown, l: unknown) => Promise<void> };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await validateConfiguration(config, new DebugLogger(false));
}

describe('electron-builder.yml', () => {
  test('passes electron-builder 26 schema validation (and a misspelt key would not)', async () => {
    const config = await loadConfig();
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).rejects.toThrow(/does not match the API schema/);
  });

  test('identity, output folder, pinned Electron matching the installed package', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('cn.streetcommand.app');
    expect(config.productName).toBe('StreetCommand');
    expect(config.directories.output).toBe('release');
    const installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    expect(config.electronVersion).toBe('45.4.1');
    expect(installed.version).toBe(config.electronVersion);
  });

  test('packs dist and package.json, resources beside the asar, native modules unpacked, no rebuild', async () => {
    const config = await loadConfig();
    const patterns = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(patterns).toEqual(expect.arrayContaining(['dist/**', 'package.json', '!dist/**/*.map', '!node_modules/**']));
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'resources', to: 'resources' })]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.npmRebuild).toBe(false);
    expect(fs.existsSync(path.join(root, config.afterPack))).toBe(true);
  });

  test('fuses: no ELECTRON_RUN_AS_NODE, no inspect flags, no NODE_OPTIONS, app only from a checked asar', async () => {
    const { electronFuses } = await loadConfig();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  test('targets: Windows NSIS x64; Linux AppImage and deb x64 with maintainer and description', async () => {
    const config = await loadConfig();
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux.description.length).toBeGreaterThan(10);
  });

  test('the N-API bindings the packages rely on are present (better-sqlite3 prebuilds load in Electron unchanged)', () => {
    for (const target of ['win32-x64', 'linux-x64']) {
      const file = path.join(root, 'node_modules', 'better-sqlite3', 'prebuilds', `${target}.node`);
      expect(fs.readFileSync(file).includes('napi_register_module_v1'), target).toBe(true);
    }
  });
});

describe('afterPack check', () => {
  const { checkPackedApp } = require('../../scripts/after-pack.cjs') as {
    checkPackedApp: (ctx: { appOutDir: string; electronPlatformName: string; arch: number }) => string[];
  };

  function fakePackage(binding: string | null) {
    const appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-afterpack-'));
    const resources = path.join(appOutDir, 'resources');
    fs.mkdirSync(path.join(resources, 'resources'), { recursive: true });
    fs.writeFileSync(path.join(resources, 'app.asar'), '');
    if (binding !== null) {
      const dir = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'win32-x64.node'), binding);
    }
    return appOutDir;
  }

  test('passes a package with the N-API binding for its platform', () => {
    const dir = fakePackage('MZ...napi_register_module_v1...');
    expect(checkPackedApp({ appOutDir: dir, electronPlatformName: 'win32', arch: 1 })).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('fails a package without the binding, or with a Node-ABI one', () => {
    const missing = fakePackage(null);
    expect(checkPackedApp({ appOutDir: missing, electronPlatformName: 'win32', arch: 1 })[0]).toContain('win32-x64.node');
    const wrongArch = checkPackedApp({ appOutDir: missing, electronPlatformName: 'linux', arch: 1 });
    expect(wrongArch[0]).toContain('linux-x64.node');
    const nodeAbi = fakePackage('MZ...node_register_module_v127...');
    expect(checkPackedApp({ appOutDir: nodeAbi, electronPlatformName: 'win32', arch: 1 })[0]).toContain('N-API');
    for (const d of [missing, nodeAbi]) fs.rmSync(d, { recursive: true, force: true });
  });
});
