import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AppContext } from '../services/context';
import { describeApi, dispatch } from '../api/dispatch';
import { resolveStaticPath } from './static-path';
import type { TileSource } from '../services/basemap';

/** Largest request body the API accepts: a 50 MB import file arrives base64 (4/3 larger) inside JSON. */
export const maxBodyBytes = 72 * 1024 * 1024;

export interface HostOptions {
  ctx: AppContext;
  rendererDir: string;
  port: number;
  token: string;
  tiles?: () => TileSource | null;
}

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** A strict policy: everything from this origin, nothing from the network. Leaflet needs inline styles. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The browser host: the renderer and the API over HTTP on 127.0.0.1 only.
 * Every /api and /tiles request needs the per-start token (Bearer header, or ?token= for tiles).
 */
export function createHostServer(opts: HostOptions): http.Server {
  const tokenBuf = Buffer.from(opts.token);
  const authorized = (req: http.IncomingMessage, url: URL) => {
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : (url.searchParams.get('token') ?? '');
    const buf = Buffer.from(given);
    return buf.length === tokenBuf.length && crypto.timingSafeEqual(buf, tokenBuf);
  };

  return http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      // A throw here would be uncaught and end the host for everyone.
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: '请求地址无效。' } });
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/') || url.pathname.startsWith('/tiles/')) {
      if (!authorized(req, url)) return sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: '缺少或错误的访问令牌 (token)。请使用启动时打印的地址。' } });
      if (url.pathname === '/api' && req.method === 'GET') return sendJson(res, 200, { methods: describeApi() });
      if (url.pathname.startsWith('/api/') && req.method === 'POST') return void handleApi(opts.ctx, url.pathname.slice(5), req, res);
      if (url.pathname.startsWith('/tiles/') && req.method === 'GET') return handleTile(opts, url.pathname, res);
      return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: `不支持 ${req.method} ${url.pathname}` } });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(opts.rendererDir, url.pathname, res);
  });
}

async function handleApi(ctx: AppContext, method: string, req: http.IncomingMessage, res: http.ServerResponse) {
  let body: Buffer;
  try {
    body = await readBody(req, maxBodyBytes);
  } catch (err) {
    return sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: (err as Error).message } });
  }
  let input: unknown = {};
  if (body.length) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: '请求体不是有效的 JSON。' } });
    }
  }
  let name: string;
  try {
    name = decodeURIComponent(method);
  } catch {
    name = method; // malformed %-escape: dispatch answers not_found (a throw here would crash the host)
  }
  const result = await dispatch(ctx, name, input);
  sendJson(res, 200, result);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => new Error(`请求过大：上限为 ${Math.round(limit / 1024 / 1024)} MB。`);
    // Refuse up front when the client says how big it is; otherwise stop keeping chunks once past the limit and
    // let the rest drain, so the 413 answer reaches the client instead of a reset connection.
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      reject(tooLarge());
      return;
    }
    let refused = false;
    req.on('data', (c: Buffer) => {
      if (refused) return;
      size += c.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function handleTile(opts: HostOptions, pathname: string, res: http.ServerResponse) {
  const m = /^\/tiles\/(\d+)\/(\d+)\/(\d+)(\.\w+)?$/.exec(pathname);
  const source = opts.tiles?.();
  const tile = m && source ? source.tile(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!tile) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': tile.contentType, 'Cache-Control': 'max-age=3600' });
  res.end(tile.data);
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse) {
  let file = resolveStaticPath(root, pathname);
  if (file === null) {
    res.writeHead(403).end();
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html'); // client-side routes
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('界面尚未构建：请先运行 npm run build。');
    return;
  }
  res.writeHead(200, {
    'Content-Type': mime[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy,
  });
  fs.createReadStream(file).pipe(res);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}
