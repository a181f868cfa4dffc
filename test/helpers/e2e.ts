import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser';
import { startHost, type RunningHost } from './host';

/**
 * The one setup of an end-to-end file: a browser host on a fresh data folder and a headless Chromium, started before
 * the file's tests and stopped after them. Call `useE2E()` at the top of a `describe`; the file's own `beforeAll`
 * hooks, registered after it, run once the host and the browser are up.
 *
 *   const e2e = useE2E({ demo: true, signedIn: true });
 *   test('...', async () => { const { page } = await e2e.open('/board'); await e2e.api('getStreetSummary'); });
 *
 * Every change needs a signed-in operator at an unlocked desk (issue 9). `signedIn` adds an operator and signs them
 * in through the API; the browser shares the host's one desk, so its pages are signed in too.
 */
export interface E2EOptions {
  /** Start a shared host for the file (default true). Files whose every test needs a host of its own say false. */
  host?: boolean;
  /** Load the fictional demo street into the fresh host. */
  demo?: boolean;
  /** Create an empty street with this code and name (not with `demo`). */
  street?: { code: string; name: string };
  /** Add an operator (this name, or 值班员甲) and sign them in at the host's desk, after the street is made. */
  signedIn?: boolean | string;
}

/** Whatever test/helpers/host.ts startHost takes (today a data folder). */
type HostOptions = Parameters<typeof startHost>[0];

export interface E2E {
  /** The file's host (throws when the file asked for none). */
  readonly host: RunningHost;
  readonly browser: Browser;
  /** A page in a fresh browser context (zh-CN, Asia/Shanghai) that records every request leaving 127.0.0.1. */
  newPage(): Promise<{ page: Page; external: string[] }>;
  /** A fresh page opened on the file's host (or on `on`), at a hash route if given: `open('/data')`. */
  open(route?: string, on?: RunningHost): Promise<{ page: Page; external: string[] }>;
  /**
   * Another host (a fresh data folder unless given one), stopped even when a test fails: at the end of the test that
   * started it, or after the file's tests when started in a hook.
   */
  startHost(options?: HostOptions): Promise<RunningHost>;
  /** Calls an API method of the file's host and returns its value; a refusal fails the test with its code and message. */
  api<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** The operator `signedIn` signed in (throws when the file asked for none). */
  readonly operator: { id: number; name: string };
}

/** Adds an operator and signs them in at `on`'s desk (the first operator of a fresh host needs no desk). */
/** The demo street brings operators (no PINs): adding another then needs a signed-in desk, so one of them takes it. */
export async function takeDeskIfOperatorsExist(on: RunningHost): Promise<void> {
  const existing = await on.call<{ id: number; active: boolean; hasPin: boolean }[]>('listOperators', {});
  const first = existing.value?.find((o) => o.active && !o.hasPin);
  if (!first) return;
  const at = await on.call('signIn', { operatorId: first.id });
  if (!at.ok) throw new Error(`signIn: ${at.error?.code} ${at.error?.message}`);
}

export async function signInOperator(on: RunningHost, name = '值班员甲'): Promise<{ id: number; name: string }> {
  await takeDeskIfOperatorsExist(on);
  const op = await on.call<{ id: number; name: string }>('saveOperator', { name });
  if (!op.ok) throw new Error(`saveOperator: ${op.error?.code} ${op.error?.message}`);
  const desk = await on.call('signIn', { operatorId: op.value!.id });
  if (!desk.ok) throw new Error(`signIn: ${desk.error?.code} ${desk.error?.message}`);
  return op.value!;
}

export function useE2E(options: E2EOptions = {}): E2E {
  let host: RunningHost | undefined;
  let operator: { id: number; name: string } | undefined;
  let browser: { browser: Browser; close(): Promise<void> } | undefined;
  const forFile: RunningHost[] = [];
  const forTest: RunningHost[] = [];
  let inTest = false;

  async function begin(hostOptions?: HostOptions): Promise<RunningHost> {
    const h = await startHost(hostOptions);
    (inTest ? forTest : forFile).push(h);
    return h;
  }

  async function call<T>(on: RunningHost, method: string, input: unknown = {}): Promise<T> {
    const r = await on.call<T>(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error?.code} ${r.error?.message}`);
    return r.value as T;
  }

  beforeAll(async () => {
    // Host first: a host that cannot start fails faster than a browser launch.
    if (options.host !== false) {
      host = await begin();
      if (options.demo) await call(host, 'loadDemoStreet');
      if (options.street) await call(host, 'createStreet', options.street);
      if (options.signedIn) operator = await signInOperator(host, typeof options.signedIn === 'string' ? options.signedIn : undefined);
    }
    browser = await launchBrowser();
  });

  beforeEach(() => {
    inTest = true;
  });
  // Stopping is idempotent, so hosts a test stopped itself are passed over.
  afterEach(async () => {
    inTest = false;
    for (const h of forTest.splice(0)) await h.stop();
  });
  afterAll(async () => {
    await browser?.close();
    for (const h of forFile.splice(0)) await h.stop();
  });

  const e2e: E2E = {
    get host() {
      if (!host) throw new Error(options.host === false ? 'useE2E({ host: false }) starts no shared host' : 'the host is not started yet (use it inside a test or a hook)');
      return host;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started yet (use it inside a test or a hook)');
      return browser.browser;
    },
    newPage: () => newPage(e2e.browser),
    async open(route, on) {
      const opened = await newPage(e2e.browser);
      const url = (on ?? e2e.host).url;
      await opened.page.goto(route ? `${url}#${route}` : url);
      return opened;
    },
    startHost: begin,
    api: (method, input) => call(e2e.host, method, input),
    get operator() {
      if (!operator) throw new Error('useE2E({ signedIn: true }) signs an operator in; this file asked for none');
      return operator;
    },
  };
  return e2e;
}
