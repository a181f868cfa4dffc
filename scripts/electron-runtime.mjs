// Decides how `npm start` runs: the Electron desktop shell when its runtime is present (or can be fetched now),
// otherwise the browser host. Kept apart from start.mjs so the decision is unit-tested (test/unit/electron-start.test.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The one sentence printed when falling back, Chinese first. */
export const fallbackMessage =
  '未找到 Electron 运行时且无法下载，改为启动浏览器主机，请在浏览器中打开下面的地址。 / The Electron runtime is missing and could not be downloaded; starting the browser host instead: open the address below.';

/** The binary the electron npm package has already unpacked (path.txt names it inside dist/), or null. */
export function installedElectronBinary(electronDir, exists = fs.existsSync, read = (f) => fs.readFileSync(f, 'utf8')) {
  const pathTxt = path.join(electronDir, 'path.txt');
  if (!exists(pathTxt)) return null;
  const rel = read(pathTxt).trim();
  if (!rel) return null;
  const binary = path.join(electronDir, 'dist', rel);
  return exists(binary) ? binary : null;
}

/**
 * Asks the electron package for its binary in a child process. `require('electron')` downloads the binary on first
 * use; its output (and any stack trace) is captured, never shown. Returns the binary path or null.
 */
export function probeElectron(appRoot, { timeoutMs = 60_000, execPath = process.execPath } = {}) {
  const result = spawnSync(execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
    cwd: appRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error || result.status !== 0) return null;
  const lines = (result.stdout ?? '').trim().split('\n');
  const binary = lines[lines.length - 1]?.trim();
  return binary && fs.existsSync(binary) ? binary : null;
}

/**
 * { kind: 'electron', binary } or { kind: 'browser', reason }.
 * Order: forced browser (--browser or STREETCOMMAND_BROWSER=1) -> already unpacked binary -> probe (may download).
 */
export function chooseRuntime({ appRoot, args = [], env = process.env, exists = fs.existsSync, installed = installedElectronBinary, probe = probeElectron }) {
  if (args.includes('--browser') || env.STREETCOMMAND_BROWSER === '1') return { kind: 'browser', reason: 'requested' };
  const electronDir = path.join(appRoot, 'node_modules', 'electron');
  if (!exists(path.join(electronDir, 'package.json'))) return { kind: 'browser', reason: 'package-missing' };
  const ready = installed(electronDir);
  if (ready) return { kind: 'electron', binary: ready };
  const fetched = probe(appRoot);
  if (fetched) return { kind: 'electron', binary: fetched };
  return { kind: 'browser', reason: 'runtime-unavailable' };
}
