// npm run serve -- [--data DIR] [--port N] [--clock-start T] [--clock-rate R] (see main/host/cli.ts): build, then start the browser host on 127.0.0.1.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  await import('./build.mjs');
}
const child = spawn(process.execPath, ['dist/main/host.cjs', ...args.filter((a) => a !== '--no-build')], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 1));
