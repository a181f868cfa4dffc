import fs from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { resolveStaticPath } from '../host/static-path';
import { contentSecurityPolicy } from '../host/server';
import type { TileSource } from '../services/basemap';

/** The renderer is served from app://streetcommand/, never from file:// or the network. */
export const appScheme = 'app';
const appHost = 'streetcommand';
const appOrigin = `${appScheme}://${appHost}`;
export const appIndexUrl = `${appOrigin}/index.html`;

/**
 * Privileges for protocol.registerSchemesAsPrivileged (before `ready`). `standard` gives the scheme a real origin
 * (relative URLs, 'self' in the CSP, localStorage); `secure` makes it a secure context. `corsEnabled` stays off so no
 * other origin can read from it.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** True for URLs on the app's own origin (app://streetcommand/...). */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${appScheme}:` && url.host === appHost && !url.username && !url.password && !url.port;
  } catch {
    return false;
  }
}

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

export interface AppProtocolOptions {
  rendererDir: string;
  /** The optional offline base map (MBTiles); null when there is none. */
  tiles: () => TileSource | null;
}

const tilePath = /^\/tiles\/(\d{1,2})\/(\d{1,9})\/(\d{1,9})(?:\.\w+)?$/;

function status(code: number): Response {
  return new Response(null, { status: code, headers: { 'X-Content-Type-Options': 'nosniff' } });
}

/**
 * The handler given to protocol.handle('app', ...): static files of dist/renderer (with the strict CSP) and
 * base-map tiles. Anything that would leave the renderer folder is refused with 403.
 */
export function createAppRequestHandler(opts: AppProtocolOptions): (request: Request) => Promise<Response> {
  const root = path.resolve(opts.rendererDir);
  return async (request) => {
    if (!isAppUrl(request.url)) return status(404);
    if (request.method !== 'GET' && request.method !== 'HEAD') return status(405);
    const { pathname } = new URL(request.url);

    const tile = tilePath.exec(pathname);
    if (tile) {
      const source = opts.tiles();
      const found = source ? source.tile(Number(tile[1]), Number(tile[2]), Number(tile[3])) : null;
      if (!found) return status(404);
      return new Response(new Uint8Array(found.data), {
        status: 200,
        headers: { 'Content-Type': found.contentType, 'Cache-Control': 'max-age=3600', 'X-Content-Type-Options': 'nosniff' },
      });
    }

    const file = resolveStaticPath(root, pathname);
    if (file === null) return status(403);
    let data: Buffer;
    try {
      const st = await fs.promises.stat(file);
      if (!st.isFile()) return status(404);
      data = await fs.promises.readFile(file);
    } catch {
      return status(404);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), {
      status: 200,
      headers: {
        'Content-Type': mime[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
