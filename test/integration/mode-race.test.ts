import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { HOUR, START, openTestApp, signedIn, type TestApp, board } from './mode-harness';

/** Two windows switching at once: two processes, two connections, one database file. One wins, one log entry. */

let t: TestApp | null = null;
afterEach(() => t?.close());

function startWindow(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/integration/mode-race-child.ts'), dir, String(START), String(START - HOUR)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('ready')) (clearInterval(timer), resolve());
      if (child.exitCode !== null) (clearInterval(timer), reject(new Error(`window exited: ${err}`)));
    }, 10);
  });
  const done = new Promise<{ ok: boolean; error: { code: string; message: string } | null }>((resolve, reject) =>
    child.on('exit', () => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) reject(new Error(`no result: ${out} ${err}`));
      else resolve(JSON.parse(line));
    }),
  );
  return { ready, done };
}

test('two windows switching at once: one wins, the other is told since when; exactly one log entry', async () => {
  t = openTestApp();
  await signedIn(t);
  const dir = t.dir;
  t.app.close(); // release the folder lock; the two windows open their own connections

  const a = startWindow(dir);
  const b = startWindow(dir);
  await Promise.all([a.ready, b.ready]);
  fs.writeFileSync(path.join(dir, 'go'), '');
  const results = await Promise.all([a.done, b.done]);

  const winners = results.filter((r) => r.ok);
  const losers = results.filter((r) => !r.ok);
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(1);
  expect(losers[0].error!.code).toBe('conflict');
  expect(losers[0].error!.message).toMatch(/^已于 2022-07-10 10:00 进入应急状态/);

  t.app = (await import('../../main/services/app')).openApp({ dataDir: dir, resourcesDir: 'resources', shell: 'host', version: 'test', now: () => START });
  const log = await t.ok('listLogEntries', { categories: ['mode'] });
  expect(log.total).toBe(1);
  const s = await board(t);
  expect(s.mode).toBe('emergency');
  expect(s.emergency!.deadlines).toHaveLength(6);
  const emergencies = t.app.ctx.db.prepare('SELECT COUNT(*) AS n FROM emergency').get() as { n: number };
  expect(emergencies.n).toBe(1);
}, 60_000);
