import { methodNames, type Api, type Input, type MethodName, type Output } from '../shared/api/contract';
import type { ApiError, Result } from '../shared/api/errors';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host, where the same object is built over fetch. */
    streetCommand?: Api;
  }
}

const tokenKey = 'streetcommand.token';

/** The host prints an address with ?token=...; keep it for this tab and take it out of the address bar. */
function readToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

export function hostToken(): string {
  return sessionStorage.getItem(tokenKey) ?? '';
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

/** Calls a method and returns its value, or throws ApiCallError (for TanStack Query). */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const fn = api[method] as (i: Input<M>) => Promise<Result<Output<M>>>;
  const r = await fn(input);
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value;
}
