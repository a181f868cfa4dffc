import { methodNames, type Api, type Input, type MethodName, type Output } from '../shared/api/contract';
import type { ApiError, Result } from '../shared/api/errors';
import { invalidateAfter, queryClient } from './app/queryClient';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host, where the same object is built over fetch. */
    streetCommand?: Api;
  }
}

// sessionStorage: this tab only, gone when it closes. The host's keys change at every start.
const tokenKey = 'streetcommand.token';
const tileKeyKey = 'streetcommand.tiles';

/**
 * The browser host hands this page its API key and tile key in two <meta> tags when the page is opened with the
 * printed address (`/?open=...`, see main/host/server.ts). Keep them for this tab, then take the tags out of the
 * document and ?open= out of the address bar, so a reload or a route change needs neither.
 */
function readToken(): string {
  for (const [name, key] of [['streetcommand-api-key', tokenKey], ['streetcommand-tile-key', tileKeyKey]] as const) {
    const meta = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
    if (meta?.content) sessionStorage.setItem(key, meta.content);
    meta?.remove();
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has('open')) {
    url.searchParams.delete('open');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

/** The key for base-map tile URLs in the browser host (it cannot call the API). */
export function tileKey(): string {
  return sessionStorage.getItem(tileKeyKey) ?? '';
}

function createHttpApi(token: string): Api {
  const api: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const m of methodNames) {
    api[m] = async (input) => {
      try {
        const res = await fetch(`./api/${m}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return { ok: false, error: { code: 'internal', message: `无法连接到主机：${(err as Error).message}` } };
      }
    };
  }
  return Object.freeze(api) as unknown as Api;
}

const api: Api = window.streetCommand ?? createHttpApi(readToken());
export const isDesktop = !!window.streetCommand;

export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.error = error;
  }
}

/**
 * Calls a method and returns its value, or throws ApiCallError (for TanStack Query). After a successful change it
 * refetches what the change invalidates (declared in the contract) before answering, so whoever awaits the change
 * (a dialog closing on success) sees fresh figures.
 */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const fn = api[method] as (i: Input<M>) => Promise<Result<Output<M>>>;
  const r = await fn(input);
  if (!r.ok) throw new ApiCallError(r.error);
  await invalidateAfter(queryClient, method);
  return r.value;
}
