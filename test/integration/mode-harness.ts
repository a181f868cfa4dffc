import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type OpenedApp } from '../../main/services/app';
import { dispatch } from '../../main/api/dispatch';
import type { AppContext } from '../../main/services/context';
import { saveOperator, signIn } from '../../main/services/operators';
import { getSettings } from '../../main/services/settings';
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
  /**
   * The clock moves on by `ms` while the operator keeps working: the UI reports activity every minute, so the idle
   * lock does not fall. (Plain `clock.now += ms` is the desk left alone: it locks after idleLockMinutes.)
   */
  work(ms: number): Promise<void>;
  /** The same, up to the time `at`. */
  workUntil(at: number): Promise<void>;
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
    work: (ms) => t.workUntil(clock.now + ms),
    async workUntil(at) {
      // Each report is a committed write, so report as seldom as keeps the lock off: a minute before it would fall.
      const idle = getSettings(t.app.ctx.db).idleLockMinutes;
      const step = idle > 1 ? (idle - 1) * MIN : MIN;
      while (clock.now < at) {
        clock.now = Math.min(at, clock.now + step);
        // Nobody signed in or the desk locked: there is nobody at work, and the refusal changes nothing.
        await dispatch(t.app.ctx, 'reportActivity', {});
      }
      clock.now = at;
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

/**
 * Adds an operator and signs them in; returns their id. Every change needs a signed-in operator at an unlocked desk
 * (issue 9), so a test that writes starts here. While no operator exists, adding the first one needs no desk.
 */
export async function signedIn(t: TestApp, name = '王值班'): Promise<number> {
  const op = await t.ok('saveOperator', { name });
  await t.ok('signIn', { operatorId: op.id });
  return op.id;
}

/**
 * The same for a test that holds only a context and sets up synchronously (fixtures, beforeEach without await):
 * the services directly, as the dispatcher would run them. The first operator of a fresh database.
 */
export function signInAt(ctx: AppContext, name = '王值班'): number {
  const op = ctx.db.transaction(() => saveOperator(ctx, { name }))();
  ctx.db.transaction(() => signIn(ctx, { operatorId: op.id }))();
  return op.id;
}

/** After a restart (reopen) the desk is locked: the operator at it unlocks it again (no PIN set). */
export async function unlocked(t: TestApp): Promise<void> {
  await t.ok('unlockDesk', {});
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
