/**
 * Importing a 100,000-row population register (人口台账) through the real import service (base64 in, decode, CSV
 * parse, validate every row, delete + insert + recount in one transaction) against the floor: a raw better-sqlite3
 * prepared INSERT loop in one transaction over rows already in memory. Same process, same schema, same rows.
 * The requirement is ratio (service / raw, in rows per second) >= 0.5.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openApp, type OpenedApp } from '../main/services/app';
import { createStreet } from '../main/services/street';
import { commitImport } from '../main/services/import';
import type { BenchResult } from './types';

const ROWS = 100_000;
const ROUNDS = 7;
const demoDir = fileURLToPath(new URL('../resources/demo/', import.meta.url));
const header = '小区编码,楼栋,户号,姓名,性别,出生年份,电话';
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰';

interface Rows {
  code: string[];
  building: string[];
  household: string[];
  name: string[];
  sex: ('M' | 'F')[];
  birthYear: number[];
  phone: string[];
}

/** A deterministic register spread over the street's compounds. */
function makeRows(codes: string[], n: number): Rows {
  const r: Rows = { code: [], building: [], household: [], name: [], sex: [], birthYear: [], phone: [] };
  for (let i = 0; i < n; i++) {
    const b = 1 + ((i >> 4) % 9);
    r.code.push(codes[(i >> 8) % codes.length]);
    r.building.push(`${b}栋`);
    r.household.push(`${b}-${1 + ((i >> 2) % 4)}-${100 + (i % 30)}`);
    r.name.push(surnames[i % surnames.length] + given[(i * 7) % given.length] + (i % 3 ? given[(i * 13) % given.length] : ''));
    r.sex.push(i % 2 ? 'F' : 'M');
    r.birthYear.push(1930 + ((i * 37) % 92));
    r.phone.push(`13${String(800000000 + i).padStart(9, '0')}`);
  }
  return r;
}

function toCsv(r: Rows): string {
  const lines = [header];
  for (let i = 0; i < r.code.length; i++) {
    lines.push(`${r.code[i]},${r.building[i]},${r.household[i]},${r.name[i]},${r.sex[i] === 'M' ? '男' : '女'},${r.birthYear[i]},${r.phone[i]}`);
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** A street with the demo's communities and compounds (no register), in a fresh data folder. */
function street(): OpenedApp & { dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-bench-import-'));
  const app = openApp({ dataDir: dir, resourcesDir: path.resolve('resources'), shell: 'host', version: 'bench' });
  createStreet(app.ctx, { code: '500000001', name: '基准街道' });
  const db = app.ctx.db;
  const now = Date.now();
  const communities = JSON.parse(fs.readFileSync(demoDir + 'communities.geojson', 'utf8')) as { features: { properties: { code: string; name: string } }[] };
  const compounds = JSON.parse(fs.readFileSync(demoDir + 'compounds.geojson', 'utf8')) as {
    features: { properties: { code: string; name: string; communityCode: string } }[];
  };
  const ids = new Map<string, number>();
  for (const c of communities.features) {
    ids.set(c.properties.code, Number(db.prepare('INSERT INTO community (code, name, updated_at) VALUES (?, ?, ?)').run(c.properties.code, c.properties.name, now).lastInsertRowid));
  }
  for (const p of compounds.features) {
    db.prepare('INSERT INTO compound (code, name, community_id, updated_at) VALUES (?, ?, ?, ?)').run(p.properties.code, p.properties.name, ids.get(p.properties.communityCode), now);
  }
  return {
    ...app,
    dir,
    close() {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function rawInsert(app: OpenedApp, r: Rows): number {
  const db = app.ctx.db;
  const idOf = new Map((db.prepare('SELECT id, code FROM compound').all() as { id: number; code: string }[]).map((c) => [c.code, c.id]));
  const compoundId = r.code.map((c) => idOf.get(c)!);
  const now = Date.now();
  const t0 = performance.now();
  const insert = db.prepare('INSERT INTO resident (compound_id, building, household, name, sex, birth_year, phone, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < compoundId.length; i++) insert.run(compoundId[i], r.building[i], r.household[i], r.name[i], r.sex[i], r.birthYear[i], r.phone[i], now);
  })();
  return performance.now() - t0;
}

async function serviceImport(app: OpenedApp, contentBase64: string, expectRows: number): Promise<number> {
  const t0 = performance.now();
  const result = await commitImport(app.ctx, {
    kind: 'residents',
    fileName: 'bench.csv',
    contentBase64,
    encoding: 'auto',
    crs: 'wgs84',
    mapping: { compoundCode: '小区编码', building: '楼栋', household: '户号', name: '姓名', sex: '性别', birthYear: '出生年份', phone: '电话' },
    // Each run replaces the register it imported before: confirmed, as a user confirms it in the preview.
    createMissing: false,
    confirmReplace: true,
  });
  const ms = performance.now() - t0;
  if (result.rowsIn !== expectRows || result.inserted !== expectRows) throw new Error(`import stored ${result.inserted} of ${expectRows} rows`);
  return ms;
}

const count = (app: OpenedApp) => (app.ctx.db.prepare('SELECT COUNT(*) AS n FROM resident').get() as { n: number }).n;
const clear = (app: OpenedApp) => app.ctx.db.prepare('DELETE FROM resident').run();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const best = (xs: number[]) => Math.min(...xs);

export async function run(): Promise<BenchResult[]> {
  const raw = street();
  const svc = street();
  try {
    const codes = (raw.ctx.db.prepare('SELECT code FROM compound ORDER BY code').all() as { code: string }[]).map((c) => c.code);
    const bytes = Buffer.from(toCsv(makeRows(codes, ROWS)), 'utf8');
    const b64 = bytes.toString('base64');
    // The raw loop's rows are built before each of its runs and dropped after, so neither path runs with the other's
    // 700,000 strings on the heap (the garbage collector would bill them to whoever allocates next).
    const rawRun = () => rawInsert(raw, makeRows(codes, ROWS));

    // Warm both paths up (JIT, page cache) on a small register.
    const small = makeRows(codes, 2_000);
    rawInsert(raw, small);
    await serviceImport(svc, Buffer.from(toCsv(small)).toString('base64'), 2_000);

    const rawMs: number[] = [];
    const svcMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      clear(raw);
      clear(svc);
      // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
      if (round % 2 === 0) {
        rawMs.push(rawRun());
        svcMs.push(await serviceImport(svc, b64, ROWS));
      } else {
        svcMs.push(await serviceImport(svc, b64, ROWS));
        rawMs.push(rawRun());
      }
      if (count(raw) !== ROWS || count(svc) !== ROWS) throw new Error('row counts differ from the register');
    }
    const rawRate = ROWS / (median(rawMs) / 1000);
    const svcRate = ROWS / (median(svcMs) / 1000);
    return [
      {
        name: `import: ${ROWS.toLocaleString('en')} register rows (CSV ${(bytes.length / 1024 / 1024).toFixed(1)} MB) service vs raw INSERT loop`,
        figures: {
          rows: ROWS,
          rounds: ROUNDS,
          rawMedianMs: Math.round(median(rawMs)),
          serviceMedianMs: Math.round(median(svcMs)),
          rawRowsPerSecond: Math.round(rawRate),
          serviceRowsPerSecond: Math.round(svcRate),
          ratio: Number((svcRate / rawRate).toFixed(3)),
          // On a shared machine the medians wander; the ratio of best rounds is the steadier of the two.
          rawBestMs: Math.round(best(rawMs)),
          serviceBestMs: Math.round(best(svcMs)),
          ratioOfBest: Number((best(rawMs) / best(svcMs)).toFixed(3)),
          requirement: 'ratio >= 0.5',
        },
      },
    ];
  } finally {
    raw.close();
    svc.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
