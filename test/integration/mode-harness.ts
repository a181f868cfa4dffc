import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type OpenedApp } from '../../main/services/app';
import { dispatch } from '../../main/api/dispatch';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';

/** A real app on a temp data folder with a clock the test moves; calls go through the dispatcher as the UI's do. */

export const HOUR = 3_600_000;
export const MIN = 60_000;
/** 2022-07-10 10:00 in Shanghai. */
export const START = Date.UTC(2022, 6, 10, 2, 0);

export interface TestApp {
  dir: string;
  app: OpenedApp;
  clock: { now: number };
  ok<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  fail(method: MethodName, input: unknown): Promise<ApiError>;
  /** Closes the app and opens it again on the same folder (a restart). */
  reopen(): void;
  close(): void;
}

export function openTestApp(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sc-mode-')), clock = { now: START }): TestApp {
  const open = () => openApp({ dataDir: dir, resourcesDir: path.resolve('resources'), shell: 'host', version: 'test', now: () => clock.now });
  const t: TestApp = {
    dir,
    app: open(),
    clock,
    async ok(method, input) {
      const r = await dispatch(t.app.ctx, method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    async fail(method, input) {
      const r = await dispatch(t.app.ctx, method, input);
      if (r.ok) throw new Error(`${method} should have failed but answered ${JSON.stringify(r.value).slice(0, 300)}`);
      return r.error;
    },
    reopen() {
      t.app.close();
      t.app = open();
    },
    close() {
      t.app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Adds an operator and signs them in; returns their id. */
export async function signedIn(t: TestApp, name = '王值班'): Promise<number> {
  const op = await t.ok('saveOperator', { name });
  await t.ok('signIn', { operatorId: op.id });
  return op.id;
}

export const trigger = (reportedAt: number) => ({ reportedAt, place: '桂花小区 3 栋', caseType: 'confirmed' as const, reportedBy: '区疾控中心 李医生' });

/** What the emergency screen reads, from the focused methods: the emergency, the structure in force, the desk, the latest log. */
export async function board(t: TestApp) {
  const [emergency, structure, desk, log] = await Promise.all([
    t.ok('getEmergency', {}),
    t.ok('getCommandStructure', {}),
    t.ok('getDesk', {}),
    t.ok('listLogEntries', { limit: 20 }),
  ]);
  return { ...emergency, command: structure.command, commandSource: structure.source, desk, log: log.rows };
}
