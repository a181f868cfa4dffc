import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningHost {
  /** The printed address, with the page key (?open=...): opens the app in a browser. */
  url: string;
  origin: string;
  /** The API key: `Authorization: Bearer` on /api only. */
  token: string;
  /** The key in tile URLs (?key=...): reads tiles only. */
  tileKey: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
  /** Calls an API method over HTTP and returns the parsed `{ ok, value | error }`. */
  call<T = unknown>(method: string, input?: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string; problems?: unknown[] } }>;
}

export function freshDataDir(label = 'sc'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}

export interface StartHostOptions {
  /** A data folder to reuse (restart tests); a fresh one by default. */
  dataDir?: string;
  /** Start the host on another clock: `start` epoch ms (now by default), `rate` clock seconds per real second. */
  clock?: { start?: number; rate?: number };
}

/**
 * Starts the built browser host (dist/main/host.cjs, made by `npm run build`) on a free port.
 * A string is the data folder (as before); options can also put the host on a controlled or accelerated clock.
 */
export async function startHost(options: string | StartHostOptions = {}): Promise<RunningHost> {
  const opts = typeof options === 'string' ? { dataDir: options } : options;
  const dataDir = opts.dataDir ?? freshDataDir();
  const clockArgs = [
    ...(opts.clock?.start !== undefined ? ['--clock-start', String(opts.clock.start)] : []),
    ...(opts.clock?.rate !== undefined ? ['--clock-rate', String(opts.clock.rate)] : []),
  ];
  const hostJson = path.join(dataDir, 'host.json');
  fs.rmSync(hostJson, { force: true });
  const child = spawn(process.execPath, ['dist/main/host.cjs', '--data', dataDir, '--port', '0', ...clockArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 20_000;
  while (!fs.existsSync(hostJson)) {
    if (child.exitCode !== null) throw new Error(`host exited (${child.exitCode}): ${out}`);
    if (Date.now() > deadline) throw new Error(`host did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 50));
  const info = JSON.parse(fs.readFileSync(hostJson, 'utf8')) as { port: number; token: string; tileKey: string; url: string };
  const origin = `http://127.0.0.1:${info.port}`;
  return {
    url: info.url,
    origin,
    token: info.token,
    tileKey: info.tileKey,
    dataDir,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
    async call(method, input = {}) {
      const res = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${info.token}` },
        body: JSON.stringify(input),
      });
      return res.json();
    },
  };
}
