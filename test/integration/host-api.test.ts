import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startHost, type RunningHost } from '../helpers/host';

describe('browser host API', () => {
  let host: RunningHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(async () => host?.stop());

  test('listens on 127.0.0.1 and writes host.json with mode 0600', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const st = fs.statSync(path.join(host.dataDir, 'host.json'));
    expect(st.mode & 0o777).toBe(0o600);
  });

  test('refuses API calls without the token', async () => {
    const res = await fetch(`${host.origin}/api/getAppInfo`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    const wrong = await fetch(`${host.origin}/api/getAppInfo`, { method: 'POST', body: '{}', headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  test('GET /api lists every method with JSON Schemas of input and output', async () => {
    const res = await fetch(`${host.origin}/api`, { headers: { Authorization: `Bearer ${host.token}` } });
    const body = (await res.json()) as { methods: { method: string; kind: string; feature: string; input: { type: string }; output: unknown }[] };
    const names = body.methods.map((m) => m.method);
    expect(names).toContain('getAppInfo');
    expect(names).toContain('saveCompound');
    expect(body.methods.find((m) => m.method === 'saveCompound')).toMatchObject({ kind: 'write', feature: 'street' });
    for (const m of body.methods) {
      expect(['read', 'write', 'selfLogged', 'job']).toContain(m.kind);
      expect(m.input.type).toBe('object');
      expect(m.output).toBeTruthy();
    }
  });

  test('answers bad input with invalid_input naming the field, unknown methods with not_found', async () => {
    const bad = await host.call('createStreet', { code: '', name: '某街道' });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('invalid_input');
    expect(bad.error?.message).toContain('code');
    const unknown = await host.call('dropEverything', {});
    expect(unknown.error?.code).toBe('not_found');
  });

  test('an oversize body gets the 413 answer with the limit stated, whether or not it says its length', async () => {
    const body = Buffer.alloc(73 * 1024 * 1024, 0x20);
    const declared = await fetch(`${host.origin}/api/commitImport`, { method: 'POST', body, headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' } });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toContain('上限为 72 MB');
    const chunked = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(`${host.origin}/api/commitImport`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      const piece = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 73; i++) req.write(piece);
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(chunked.text).toContain('上限为 72 MB');
    // The host still answers afterwards.
    expect((await host.call('getAppInfo')).ok).toBe(true);
  });

  test('refuses a second host on the same data folder with a clear message', async () => {
    await expect(startHost(host.dataDir)).rejects.toThrow(/正被另一个 StreetCommand/);
  });

  test('a malformed method name or request line is refused and the host keeps serving', async () => {
    const auth = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
    const bad = await fetch(`${host.origin}/api/%E0%A4%A`, { method: 'POST', body: '{}', headers: auth });
    expect(bad.status).toBe(200);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('not_found');
    // An absolute-form request target that is not a valid URL (sent raw: fetch would not send it).
    const net = await import('node:net');
    const port = Number(new URL(host.origin).port);
    const answer = await new Promise<string>((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => sock.write('GET http://[::1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      let got = '';
      sock.on('data', (d) => (got += d.toString()));
      sock.on('close', () => resolve(got));
      sock.on('error', () => resolve(got));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect((await host.call('getAppInfo', {})).ok).toBe(true);
  });

  test('static files cannot escape the renderer folder', async () => {
    const res = await fetch(`${host.origin}/..%2f..%2fpackage.json`);
    expect(res.status).toBe(403);
  });
});
