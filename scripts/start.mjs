// npm start [-- --data DIR --port N --browser]: build, then run the desktop app in Electron.
// When the Electron runtime is missing and cannot be downloaded, say so in one sentence and start the
// browser host exactly as `npm run serve` does.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseRuntime, fallbackMessage } from './electron-runtime.mjs';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (!args.includes('--no-build')) {
  await import('./build.mjs');
}
const passThrough = args.filter((a) => a !== '--no-build' && a !== '--browser');

console.log('正在检查 Electron 运行时… / Checking for the Electron runtime…');
const runtime = chooseRuntime({ appRoot, args });

let child;
if (runtime.kind === 'electron') {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  child = spawn(runtime.binary, [appRoot, ...passThrough], { stdio: 'inherit', env, cwd: appRoot });
} else {
  if (runtime.reason !== 'requested') console.log(fallbackMessage);
  child = spawn(process.execPath, [path.join(appRoot, 'scripts', 'serve.mjs'), '--no-build', ...passThrough], { stdio: 'inherit', cwd: appRoot });
}
child.on('error', (err) => {
  console.error(`无法启动 ${runtime.kind === 'electron' ? runtime.binary : 'scripts/serve.mjs'}：${err.message}`);
  process.exit(1);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
