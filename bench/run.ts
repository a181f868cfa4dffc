/**
 * Runs the benchmarks (npm run bench [-- name ...]), prints a table and writes test-output/bench.json.
 * Benchmarks record figures; they never assert times (STYLE.md section 7).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchModule, BenchResult } from './types';

/** Every benchmark, in run order. Adding one is one line: { name, load: () => import('./x.bench') }. */
const benches: { name: string; load: () => Promise<BenchModule> }[] = [
  { name: 'spatial', load: () => import('./spatial.bench') },
  { name: 'geometry', load: () => import('./geometry.bench') },
  { name: 'import', load: () => import('./import.bench') },
  { name: 'first-paint', load: () => import('./first-paint.bench') },
  { name: 'risk-areas', load: () => import('./risk-areas.bench') },
  { name: 'sampling', load: () => import('./sampling.bench') },
  { name: 'pin-hash', load: () => import('./pin-hash.bench') },
];

interface Recorded extends BenchResult {
  bench: string;
}

const OUT = path.resolve('test-output', 'bench.json');

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !benches.some((b) => b.name === w));
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${benches.map((b) => b.name).join(', ')}`);
    process.exit(2);
  }
  const selected = wanted.length ? benches.filter((b) => wanted.includes(b.name)) : benches;
  const recorded: Recorded[] = [];
  let failed = 0;
  for (const b of selected) {
    process.stdout.write(`running ${b.name} ...\n`);
    try {
      const mod = await b.load();
      for (const r of await mod.run()) {
        recorded.push({ bench: b.name, ...r });
        printResult(r);
      }
    } catch (err) {
      failed++;
      console.error(`benchmark ${b.name} failed:`, err);
      recorded.push({ bench: b.name, name: b.name, figures: { error: err instanceof Error ? err.message : String(err) } });
    }
  }
  // Keep the figures of benchmarks not run this time, so running one does not wipe the others.
  const ran = new Set(selected.map((b) => b.name));
  const previous = readPrevious().filter((r) => !ran.has(r.bench));
  const order = new Map(benches.map((b, i) => [b.name, i]));
  const results = [...previous, ...recorded].sort((a, b) => (order.get(a.bench) ?? 99) - (order.get(b.bench) ?? 99));
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(
    OUT,
    JSON.stringify(
      {
        recordedAt: new Date().toISOString(),
        machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '' },
        results,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwrote ${path.relative(process.cwd(), OUT)}`);
  if (failed) process.exit(1);
}

function readPrevious(): Recorded[] {
  try {
    const data = JSON.parse(fs.readFileSync(OUT, 'utf8')) as { results?: Recorded[] };
    return Array.isArray(data.results) ? data.results.filter((r) => typeof r.bench === 'string') : [];
  } catch {
    return [];
  }
}

function printResult(r: BenchResult) {
  const rows = Object.entries(r.figures).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v) : v]);
  const w = Math.max(...rows.map(([k]) => width(k)), 10);
  console.log(`\n${r.name}`);
  console.log('-'.repeat(Math.max(width(r.name), w + 16)));
  for (const [k, v] of rows) console.log(`  ${k}${' '.repeat(w - width(k))}  ${v}`);
}

function formatNumber(n: number): string {
  const digits = Math.abs(n) >= 100 || Number.isInteger(n) ? 0 : Math.abs(n) >= 1 ? 2 : 4;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

void main();
