import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AppContext } from '../services/context';
import { describeApi, dispatch } from '../api/dispatch';
import { resolveStaticPath } from './static-path';
import type { TileSource } from '../services/basemap';
import type { ErrorCode } from '../../shared/api/errors';

/*
 * The browser host: the renderer and the API over HTTP on 127.0.0.1 only. Who may do what:
 *
 * - Three random keys per start, each good for one thing only (HostKeys). The API key calls /api and is only ever
 *   read from the `Authorization: Bearer` header, never from a URL. The page key rides in the printed address
 *   (`/?open=...`); all it does is make the page answer carry the API key and the tile key (two <meta> tags, sent
 *   with no-store). The tile key rides in tile URLs (`/tiles/z/x/y?key=...`, an <img> cannot send headers); all it
 *   does is read base-map tiles. A key that leaks from a URL (history, a copied tile address) cannot call /api.
 * - A foreign web page cannot read the page answer (same-origin policy; no CORS headers; frame-ancestors 'none'),
 *   and cannot make the browser send the API key. DNS rebinding (evil.example resolving to 127.0.0.1, which would
 *   make our answers same-origin for it) is stopped by the Host check: only 127.0.0.1:PORT and localhost:PORT.
 * - /api also needs `Content-Type: application/json`, so every cross-origin call needs a CORS preflight, which this
 *   host never grants; a request whose `Origin` is not this host is refused outright.
 * - The renderer keeps both keys in sessionStorage (this tab only) and takes ?open= out of the address bar, so a
 *   reload works without it. The page key stays valid while the host runs: the printed address opens every tab
 *   and the wall display. host.json (mode 0600, in the 0700 data folder) holds the keys for tools and tests.
 * - Slow or silent connections are cut (HostLimits) and open connections are capped, so a flood of idle sockets
 *   cannot keep the host busy for long.
 */

/** Largest request body the API accepts: a 50 MB import file arrives base64 (4/3 larger) inside JSON. */
export const maxBodyBytes = 72 * 1024 * 1024;

export interface HostKeys {
  /** Calls /api; accepted only in the Authorization header. */
  api: string;
  /** In the printed address: gets the page with the api and tile keys in it, nothing else. */
  page: string;
  /** In tile URLs: reads base-map tiles, nothing else. */
  tiles: string;
}

export function newHostKeys(): HostKeys {
  const key = () => crypto.randomBytes(24).toString('base64url');
  return { api: key(), page: key(), tiles: key() };
}

/** Timeouts and the connection cap; tests may shorten them. */
export interface HostLimits {
  /** Whole request head must arrive within this (slow headers). */
  headersMs: number;
  /** Whole request, body included, must arrive within this (a 72 MB body over loopback takes a second). */
  requestMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveMs: number;
  /** A connection with no bytes either way (a silent socket, a client that stops reading) is closed after this. */
  idleMs: number;
  /** While the host works on an API call, the connection may stay quiet this long. */
  workMs: number;
  maxConnections: number;
}

export const defaultHostLimits: HostLimits = {
  headersMs: 10_000,
  requestMs: 120_000,
  keepAliveMs: 5_000,
  idleMs: 10_000,
  workMs: 300_000,
  maxConnections: 128,
};

export interface HostOptions {
  ctx: AppContext;
  rendererDir: string;
  keys: HostKeys;
  tiles?: () => TileSource | null;
  limits?: Partial<HostLimits>;
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

/** Names of the <meta> tags that carry the keys to the page (read by renderer/api.ts). */
export const apiKeyMeta = 'streetcommand-api-key';
export const tileKeyMeta = 'streetcommand-tile-key';

function sameKey(given: string | null | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function bearer(req: http.IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : '';
}

/** The two names this host answers to, with the port the connection came in on. */
function ownHosts(req: http.IncomingMessage): string[] {
  const port = req.socket.localPort;
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function isJson(req: http.IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json';
}

const refuse = (res: http.ServerResponse, status: number, code: ErrorCode, message: string) => sendJson(res, status, { ok: false, error: { code, message } });

export function createHostServer(opts: HostOptions): http.Server {
  const limits = { ...defaultHostLimits, ...opts.limits };
  const { keys } = opts;

  const server = http.createServer(
    {
      headersTimeout: limits.headersMs,
      requestTimeout: limits.requestMs,
      keepAliveTimeout: limits.keepAliveMs,
      // How often Node looks for requests past headersMs / requestMs (default 30 s).
      connectionsCheckingInterval: Math.min(1000, limits.headersMs),
    },
    (req, res) => {
      // Node clears the socket timeout when a kept-alive connection starts its next request: set it again.
      req.socket.setTimeout(limits.idleMs);
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://127.0.0.1');
      } catch {
        // A throw here would be uncaught and end the host for everyone.
        return refuse(res, 400, 'invalid_input', '请求地址无效。');
      }
      res.setHeader('X-Content-Type-Options', 'nosniff');
      const hosts = ownHosts(req);
      const host = (req.headers.host ?? '').toLowerCase().slice(0, 200);
      if (!hosts.includes(host)) {
        return refuse(res, 421, 'unauthorized', `本主机只接受发往 ${hosts.join(' 或 ')} 的请求（收到的 Host 为“${host || '空'}”）。请使用启动时打印的地址。`);
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
        return refuse(res, 403, 'unauthorized', `拒绝来自其他网页（${origin.slice(0, 200)}）的请求。`);
      }
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        if (!sameKey(bearer(req), keys.api)) {
          return refuse(res, 401, 'unauthorized', '缺少或错误的访问令牌：API 只接受 Authorization: Bearer 请求头中的令牌。请使用启动时打印的地址打开页面。');
        }
        if (url.pathname === '/api' && req.method === 'GET') return sendJson(res, 200, { methods: describeApi() });
        if (url.pathname.startsWith('/api/') && req.method === 'POST') {
          if (!isJson(req)) {
            req.resume();
            return refuse(res, 415, 'invalid_input', 'API 请求须为 Content-Type: application/json。');
          }
          return void handleApi(opts.ctx, limits, url.pathname.slice(5), req, res);
        }
        return refuse(res, 405, 'invalid_input', `不支持 ${req.method} ${url.pathname}`);
      }
      if (url.pathname.startsWith('/tiles/')) {
        if (!sameKey(url.searchParams.get('key'), keys.tiles)) return refuse(res, 401, 'unauthorized', '缺少或错误的瓦片密钥。');
        if (req.method !== 'GET') return refuse(res, 405, 'invalid_input', `不支持 ${req.method} ${url.pathname}`);
        return handleTile(opts, url.pathname, res);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      serveStatic(opts.rendererDir, url, keys, res);
    },
  );
  server.maxConnections = limits.maxConnections;
  // Node closes no silent socket by itself (headersTimeout starts with the first byte): an idle timer per connection.
  server.on('connection', (socket) => socket.setTimeout(limits.idleMs));
  return server;
}

async function handleApi(ctx: AppContext, limits: HostLimits, method: string, req: http.IncomingMessage, res: http.ServerResponse) {
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
  // The connection is quiet while a long call (an import) runs; that is not an idle client.
  req.socket.setTimeout(limits.workMs);
  const result = await dispatch(ctx, name, input);
  req.socket.setTimeout(limits.idleMs);
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

function serveStatic(root: string, url: URL, keys: HostKeys, res: http.ServerResponse) {
  let file = resolveStaticPath(root, url.pathname);
  if (file === null) {
    res.writeHead(403).end();
    return;
  }
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = index; // client-side routes
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('界面尚未构建：请先运行 npm run build。');
    return;
  }
  const headers = {
    'Content-Type': mime[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy,
    'Referrer-Policy': 'no-referrer',
  };
  if (file === index) {
    const open = url.searchParams.get('open');
    if (open !== null && !sameKey(open, keys.page)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('此地址中的访问密钥无效：浏览器主机每次启动都会生成新的地址。请使用启动时打印的地址（也写在数据文件夹的 host.json 中）。');
      return;
    }
    let html = fs.readFileSync(file, 'utf8');
    if (open !== null) {
      // Keys are base64url: nothing in them needs escaping inside an attribute.
      html = html.replace(/<head[^>]*>/i, (tag) => `${tag}<meta name="${apiKeyMeta}" content="${keys.api}"><meta name="${tileKeyMeta}" content="${keys.tiles}">`);
    }
    res.writeHead(200, { ...headers, 'Cache-Control': 'no-store' });
    res.end(html);
    return;
  }
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}
