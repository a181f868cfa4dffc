import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
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
    const body = (await res.json()) as { methods: { method: string; input: { type: string }; output: unknown }[] };
    const names = body.methods.map((m) => m.method);
    expect(names).toContain('getAppInfo');
    expect(names).toContain('saveCompound');
    for (const m of body.methods) {
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

  test('refuses a second host on the same data folder with a clear message', async () => {
    await expect(startHost(host.dataDir)).rejects.toThrow(/正被另一个 StreetCommand/);
  });

  test('static files cannot escape the renderer folder', async () => {
    const res = await fetch(`${host.origin}/..%2f..%2fpackage.json`);
    expect(res.status).toBe(403);
  });
});
