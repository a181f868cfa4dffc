import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appSchemePrivileges, createAppRequestHandler, isAppUrl } from '../../main/electron/app-protocol';
import { contentSecurityPolicy } from '../../main/host/server';
import type { TileSource } from '../../main/services/basemap';

// The app:// handler is plain Request -> Response, so it runs without Electron.
describe('app://streetcommand protocol handler', () => {
  let base: string;
  let rendererDir: string;
  let tileSource: TileSource | null = null;
  let handle: (request: Request) => Promise<Response>;
  const secret = 'TOP-SECRET-OUTSIDE-RENDERER';

  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-proto-'));
    rendererDir = path.join(base, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>街道应急指挥台</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
    fs.writeFileSync(path.join(base, 'secret.txt'), secret);
    fs.writeFileSync(path.join(base, 'package.json'), secret);
    handle = createAppRequestHandler({ rendererDir, tiles: () => tileSource });
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  test('serves index.html for / and /index.html with the strict CSP', async () => {
    for (const url of ['app://streetcommand/', 'app://streetcommand/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('街道应急指挥台');
    }
  });

  test('serves built assets with their content type', async () => {
    const res = await get('app://streetcommand/assets/index-abc.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('path traversal never reaches files outside the renderer folder', async () => {
    const attempts = [
      'app://streetcommand/../secret.txt',
      'app://streetcommand/%2e%2e/secret.txt',
      'app://streetcommand/%2E%2E/package.json',
      'app://streetcommand/..%2fsecret.txt',
      'app://streetcommand/..%2Fpackage.json',
      'app://streetcommand/assets/..%2f..%2fsecret.txt',
      'app://streetcommand/%2e%2e%2fsecret.txt',
      'app://streetcommand/..%5csecret.txt',
      'app://streetcommand/%252e%252e%252fsecret.txt',
      'app://streetcommand/index.html%00.js',
      'app://streetcommand/%E0%A4%A',
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect([403, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toContain(secret);
    }
    // Encoded separators are refused outright rather than looked up.
    expect((await get('app://streetcommand/..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://streetcommand/..%5csecret.txt')).status).toBe(403);
  });

  test('missing files and other hosts answer 404; writes answer 405', async () => {
    expect((await get('app://streetcommand/nope.js')).status).toBe(404);
    expect((await get('app://streetcommand/assets')).status).toBe(404);
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://streetcommand/index.html', 'POST')).status).toBe(405);
  });

  test('tiles come from the base map, 404 when there is none', async () => {
    tileSource = null;
    expect((await get('app://streetcommand/tiles/12/3372/1552')).status).toBe(404);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    tileSource = { tile: (z, x, y) => (z === 12 && x === 3372 && y === 1552 ? { data: png, contentType: 'image/png' } : null) };
    const res = await get('app://streetcommand/tiles/12/3372/1552.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
    expect((await get('app://streetcommand/tiles/12/0/0')).status).toBe(404);
    tileSource = null;
  });

  test('the scheme is standard and secure, and not readable cross-origin', () => {
    expect(appSchemePrivileges).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  test('isAppUrl accepts only our own origin', () => {
    expect(isAppUrl('app://streetcommand/index.html#/board')).toBe(true);
    for (const url of ['app://streetcommand.evil/', 'app://evil/', 'app://a@streetcommand/', 'app://streetcommand:8080/', 'https://streetcommand/', '', null, 'x']) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});
