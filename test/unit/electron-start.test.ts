import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chooseRuntime, fallbackMessage, installedElectronBinary, probeElectron } from '../../scripts/electron-runtime.mjs';

// `npm start` decides between the Electron shell and the browser host; the decision is tested on fake installs.
describe('npm start: Electron or browser host', () => {
  let root: string;
  const electronDir = () => path.join(root, 'node_modules', 'electron');

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-start-'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  function fakeElectronPackage(opts: { unpacked: boolean }) {
    fs.rmSync(electronDir(), { recursive: true, force: true });
    fs.mkdirSync(electronDir(), { recursive: true });
    fs.writeFileSync(path.join(electronDir(), 'package.json'), '{"name":"electron","version":"45.4.1"}');
    if (opts.unpacked) {
      fs.writeFileSync(path.join(electronDir(), 'path.txt'), 'electron');
      fs.mkdirSync(path.join(electronDir(), 'dist'));
      fs.writeFileSync(path.join(electronDir(), 'dist', 'electron'), '');
    }
  }

  test('an unpacked runtime is used without probing', () => {
    fakeElectronPackage({ unpacked: true });
    const probe = vi.fn(() => null);
    expect(chooseRuntime({ appRoot: root, env: {}, probe })).toEqual({ kind: 'electron', binary: path.join(electronDir(), 'dist', 'electron') });
    expect(probe).not.toHaveBeenCalled();
  });

  test('path.txt naming a binary that is not there counts as not installed', () => {
    fakeElectronPackage({ unpacked: true });
    fs.rmSync(path.join(electronDir(), 'dist', 'electron'));
    expect(installedElectronBinary(electronDir())).toBeNull();
  });

  test('without a binary, the probe (which may download it) decides', () => {
    fakeElectronPackage({ unpacked: false });
    expect(chooseRuntime({ appRoot: root, env: {}, probe: () => '/opt/electron/electron' })).toEqual({ kind: 'electron', binary: '/opt/electron/electron' });
    expect(chooseRuntime({ appRoot: root, env: {}, probe: () => null })).toEqual({ kind: 'browser', reason: 'runtime-unavailable' });
  });

  test('no electron package at all: browser host, no probe', () => {
    fs.rmSync(electronDir(), { recursive: true, force: true });
    const probe = vi.fn(() => '/x');
    expect(chooseRuntime({ appRoot: root, env: {}, probe })).toEqual({ kind: 'browser', reason: 'package-missing' });
    expect(probe).not.toHaveBeenCalled();
  });

  test('--browser or STREETCOMMAND_BROWSER=1 picks the browser host even with Electron installed', () => {
    fakeElectronPackage({ unpacked: true });
    expect(chooseRuntime({ appRoot: root, args: ['--browser'], env: {} }).kind).toBe('browser');
    expect(chooseRuntime({ appRoot: root, env: { STREETCOMMAND_BROWSER: '1' } }).kind).toBe('browser');
  });

  test('the probe answers null, quietly, when requiring electron fails', () => {
    // A stand-in "node" whose -e script fails the way require('electron') does when the download fails.
    const failing = path.join(root, 'fake-node.sh');
    fs.writeFileSync(failing, '#!/bin/sh\necho "Error: Electron failed to install correctly" >&2\nexit 1\n', { mode: 0o755 });
    expect(probeElectron(root, { execPath: failing, timeoutMs: 10_000 })).toBeNull();
    const hanging = path.join(root, 'hang-node.sh');
    fs.writeFileSync(hanging, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    expect(probeElectron(root, { execPath: hanging, timeoutMs: 300 })).toBeNull();
  });

  test('the fallback sentence is one line, Chinese first then English', () => {
    expect(fallbackMessage).not.toContain('\n');
    expect(fallbackMessage.indexOf('浏览器主机')).toBeLessThan(fallbackMessage.indexOf('browser host'));
  });
});
