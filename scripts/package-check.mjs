// npm run dist cannot run here (electron-builder downloads Electron). This checks everything else offline:
// the config against electron-builder's own schema, then a real `electron-builder --linux dir` run on a stand-in
// Electron distribution (a file carrying Electron's fuse wire), and the result: what is inside app.asar, what is
// unpacked, extraResources, the afterPack check, and the fuse bits electron-builder flipped.
// Usage: node scripts/package-check.mjs   (through npm/npx so Node 22 is used)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const fuseNames = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? '✓' : '✗'} ${what}`);
  if (!ok) failures.push(what);
};

// 1. The configuration, through electron-builder's own loader and schema.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
const { DebugLogger } = require('builder-util');
const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
await validateConfiguration(config, new DebugLogger(false));
check(true, 'electron-builder.yml passes electron-builder 26 schema validation');

// 2. A stand-in Electron: Electron 45's default fuse wire (version 1, 8 fuses) inside an otherwise empty file.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-package-check-'));
const fakeDist = path.join(work, 'electron-dist');
fs.mkdirSync(path.join(fakeDist, 'resources'), { recursive: true });
fs.writeFileSync(path.join(fakeDist, 'electron'), Buffer.concat([Buffer.alloc(512), Buffer.from(sentinel), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.alloc(512)]), { mode: 0o755 });
fs.writeFileSync(path.join(fakeDist, 'version'), '45.4.1');
fs.writeFileSync(path.join(fakeDist, 'LICENSE'), 'stand-in');

const out = path.join(work, 'release');
const run = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.yml', '--linux', 'dir', '--x64', `-c.electronDist=${fakeDist}`, `-c.directories.output=${out}`], { cwd: root, encoding: 'utf8' });
check(run.status === 0, `electron-builder --linux dir completed (exit ${run.status})`);
if (run.status !== 0) console.log((run.stdout + run.stderr).split('\n').filter((l) => !l.includes('duplicate dependency')).slice(-20).join('\n'));

const appOut = path.join(out, 'linux-unpacked');
const resources = path.join(appOut, 'resources');
if (fs.existsSync(path.join(resources, 'app.asar'))) {
  const asar = require('@electron/asar');
  const files = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  const unexpected = files.filter((f) => !/^\/(dist(\/(main(\/(electron|preload)\.cjs)?|renderer(\/.*)?))?|package\.json|node_modules(\/better-sqlite3(\/(package\.json|lib(\/.*)?|prebuilds(\/(linux|win32)-x64\.node)?))?)?)$/.test(f));
  check(unexpected.length === 0, `app.asar holds only dist/main/{electron,preload}.cjs, dist/renderer, package.json and better-sqlite3 (${files.length} entries)${unexpected.length ? `; unexpected: ${unexpected.slice(0, 10).join(', ')}` : ''}`);
  check(files.includes('/dist/renderer/index.html'), 'app.asar contains dist/renderer/index.html');
  check(!files.some((f) => f.endsWith('.map')), 'no source maps packed');
  const pkg = JSON.parse(asar.extractFile(path.join(resources, 'app.asar'), 'package.json').toString());
  check(pkg.main === 'dist/main/electron.cjs', `packed package.json main = ${pkg.main}`);
}
const binding = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node');
check(fs.existsSync(binding), 'better-sqlite3 linux-x64 N-API binding unpacked next to app.asar');
const otherBindings = fs.existsSync(path.dirname(binding)) ? fs.readdirSync(path.dirname(binding)).filter((f) => f !== 'linux-x64.node' && f !== 'win32-x64.node') : [];
check(otherBindings.length === 0, `no bindings beyond linux-x64 and win32-x64 packed${otherBindings.length ? `: ${otherBindings.join(', ')}` : ''}`);
check(fs.existsSync(path.join(resources, 'resources', 'demo')), 'extraResources: resources/demo copied to <resources>/resources/demo');

const exe = path.join(appOut, 'streetcommand');
if (fs.existsSync(exe)) {
  const bin = fs.readFileSync(exe);
  const at = bin.indexOf(sentinel) + sentinel.length;
  const wire = [...bin.subarray(at + 2, at + 2 + bin[at + 1])].map((b) => String.fromCharCode(b));
  const state = Object.fromEntries(fuseNames.map((n, i) => [n, wire[i] === '1']));
  const wanted = { runAsNode: false, enableNodeCliInspectArguments: false, enableNodeOptionsEnvironmentVariable: false, onlyLoadAppFromAsar: true, enableEmbeddedAsarIntegrityValidation: true, grantFileProtocolExtraPrivileges: false };
  for (const [name, value] of Object.entries(wanted)) check(state[name] === value, `fuse ${name} = ${state[name] ? 'on' : 'off'} (wanted ${value ? 'on' : 'off'})`);
} else {
  check(false, `executable ${exe} renamed from electron`);
}

fs.rmSync(work, { recursive: true, force: true });
console.log(failures.length ? `${failures.length} check(s) failed.` : 'All package checks passed (Linux dir target, stand-in Electron).');
process.exit(failures.length ? 1 : 0);
