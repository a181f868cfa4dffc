import crypto from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { DeskDto, OperatorDto, OperatorRef } from '../../shared/api/operator';
import * as q from '../db/operators';
import { getSettings } from './settings';
import { writeLog } from './eventlog';
import type { AppContext } from './context';

/** Operators (值班员), PINs, and the desk: sign in, sign out, 交接班. */

const SCRYPT = { N: 16384, r: 8, p: 1, keyLen: 32 };

function hashPin(pin: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(pin, salt, SCRYPT.keyLen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

function verifyPin(pin: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = crypto.scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return crypto.timingSafeEqual(got, expected);
}

/** The operator at the desk, or a clear refusal: every record, tick and log entry needs one. */
export function requireOperator(ctx: AppContext): OperatorRef {
  const op = q.deskOperatorRef(ctx.db);
  if (!op) throw new AppError('unauthorized', '值班台无人登录：请先选择值班员姓名登录（如设置了 PIN 请输入）后再操作。');
  return op;
}

/** Operator management: open to anyone until an admin exists (first setup), then only to a signed-in admin. */
function requireManager(ctx: AppContext): OperatorRef | null {
  const op = q.deskOperatorRef(ctx.db);
  if (q.countAdmins(ctx.db) === 0) return op;
  if (!op) throw new AppError('unauthorized', '管理值班员需要管理员登录值班台。');
  if (!q.getOperator(ctx.db, op.id)?.isAdmin) throw new AppError('unauthorized', `${op.name} 不是管理员：只有管理员可以管理值班员和 PIN。`);
  return op;
}

export function getDesk(ctx: AppContext): DeskDto {
  const s = q.getDeskSession(ctx.db);
  return {
    operator: s ? q.getOperator(ctx.db, s.operatorId) : null,
    since: s ? s.since : null,
    idleLockMinutes: getSettings(ctx.db).idleLockMinutes,
  };
}

export function saveOperator(
  ctx: AppContext,
  input: { id?: number; name: string; phone?: string | null; isAdmin?: boolean; active?: boolean },
): OperatorDto {
  const by = requireManager(ctx);
  const now = ctx.now();
  const phone = input.phone?.trim() || null;
  try {
    return ctx.db.transaction(() => {
      if (input.id === undefined) {
        const id = q.insertOperator(ctx.db, { name: input.name, phone, isAdmin: input.isAdmin ?? false, active: input.active ?? true }, now, by?.id ?? null);
        return q.getOperator(ctx.db, id)!;
      }
      const old = q.getOperator(ctx.db, input.id);
      if (!old) throw new AppError('not_found', `找不到值班员 (id ${input.id})。`);
      const next = { name: input.name, phone: input.phone === undefined ? old.phone : phone, isAdmin: input.isAdmin ?? old.isAdmin, active: input.active ?? old.active };
      const desk = q.getDeskSession(ctx.db);
      if (!next.active && desk?.operatorId === old.id) throw new AppError('conflict', `${old.name} 正在值班台登录，不能停用；请先交接班。`);
      if (old.isAdmin && (!next.isAdmin || !next.active) && q.countAdmins(ctx.db) === 1) {
        throw new AppError('conflict', `${old.name} 是唯一的管理员，不能取消其管理员身份或停用。`);
      }
      q.updateOperator(ctx.db, old.id, next, now, by?.id ?? null);
      return q.getOperator(ctx.db, old.id)!;
    })();
  } catch (err) {
    if (err instanceof Error && /UNIQUE constraint failed: operator.name/.test(err.message)) {
      throw new AppError('conflict', `已有名为 ${input.name} 的值班员。`);
    }
    throw err;
  }
}

export function setOperatorPin(ctx: AppContext, input: { id: number; pin: string | null }): OperatorDto {
  const by = requireManager(ctx);
  if (!q.getOperator(ctx.db, input.id)) throw new AppError('not_found', `找不到值班员 (id ${input.id})。`);
  q.setPinHash(ctx.db, input.id, input.pin === null ? null : hashPin(input.pin), ctx.now(), by?.id ?? null);
  return q.getOperator(ctx.db, input.id)!;
}

/** After this many wrong PINs in a row, an operator's PIN is not checked for PIN_LOCK_MS (guessing 4 digits takes long). */
const MAX_PIN_FAILURES = 5;
const PIN_LOCK_MS = 5 * 60_000;
const pinFailures = new WeakMap<object, Map<number, { count: number; lockedUntil: number }>>();

/** Checks the chosen person may take the desk: exists, active, and the PIN matches when one is set. */
function checkCredentials(ctx: AppContext, operatorId: number, pin: string | undefined): OperatorDto {
  const op = q.getOperator(ctx.db, operatorId);
  if (!op) throw new AppError('not_found', `找不到值班员 (id ${operatorId})。`);
  if (!op.active) throw new AppError('unauthorized', `${op.name} 已停用，不能登录值班台。`);
  const stored = q.getPinHash(ctx.db, operatorId);
  if (stored !== null) {
    if (!pin) throw new AppError('unauthorized', `${op.name} 设置了 PIN，请输入 PIN。`);
    const failures = pinFailures.get(ctx.db) ?? new Map<number, { count: number; lockedUntil: number }>();
    pinFailures.set(ctx.db, failures);
    const f = failures.get(op.id) ?? { count: 0, lockedUntil: 0 };
    const now = ctx.now();
    if (f.lockedUntil > now) {
      throw new AppError('unauthorized', `${op.name} 的 PIN 连续输错 ${MAX_PIN_FAILURES} 次，请 ${Math.ceil((f.lockedUntil - now) / 60_000)} 分钟后再试。`);
    }
    if (!verifyPin(pin, stored)) {
      f.count += 1;
      if (f.count >= MAX_PIN_FAILURES) Object.assign(f, { count: 0, lockedUntil: now + PIN_LOCK_MS });
      failures.set(op.id, f);
      throw new AppError('unauthorized', `${op.name} 的 PIN 不正确。`);
    }
    failures.delete(op.id);
  }
  return op;
}

export function signIn(ctx: AppContext, input: { operatorId: number; pin?: string }): DeskDto {
  const op = checkCredentials(ctx, input.operatorId, input.pin);
  const now = ctx.now();
  ctx.db.transaction(() => {
    const current = q.getDeskSession(ctx.db);
    if (current?.operatorId === op.id) {
      writeLog(ctx, { category: 'desk', text: `${op.name} 解锁值班台`, method: 'signIn' });
      return;
    }
    if (current) q.endDeskSession(ctx.db, current.sessionId, now, 'replaced', null);
    const previous = current ? q.getOperator(ctx.db, current.operatorId)?.name : null;
    q.startDeskSession(ctx.db, op.id, now);
    writeLog(ctx, {
      category: 'desk',
      text: previous ? `${op.name} 登录值班台（${previous} 未交接班即被替下）` : `${op.name} 登录值班台`,
      method: 'signIn',
    });
  })();
  return getDesk(ctx);
}

export function signOut(ctx: AppContext): DeskDto {
  const current = q.getDeskSession(ctx.db);
  if (!current) return getDesk(ctx);
  ctx.db.transaction(() => {
    const name = q.getOperator(ctx.db, current.operatorId)?.name ?? '';
    writeLog(ctx, { category: 'desk', text: `${name} 退出值班台`, method: 'signOut' });
    q.endDeskSession(ctx.db, current.sessionId, ctx.now(), 'sign_out', null);
    q.clearDesk(ctx.db);
  })();
  return getDesk(ctx);
}

/** 交接班: the outgoing operator (signed in) hands the desk to the next one in one step; the note goes into the log. */
export function handOver(ctx: AppContext, input: { toOperatorId: number; pin?: string; note: string }): DeskDto {
  const from = requireOperator(ctx);
  const to = checkCredentials(ctx, input.toOperatorId, input.pin);
  if (to.id === from.id) throw new AppError('invalid_input', '交接班的接班人不能是本人。');
  const now = ctx.now();
  ctx.db.transaction(() => {
    const current = q.getDeskSession(ctx.db);
    if (!current || current.operatorId !== from.id) throw new AppError('conflict', '值班台已被其他窗口交接或退出，请刷新后再试。');
    writeLog(ctx, { category: 'desk', text: `交接班：${from.name} → ${to.name}。交班说明：${input.note}`, method: 'handOver' });
    q.endDeskSession(ctx.db, current.sessionId, now, 'hand_over', input.note);
    q.startDeskSession(ctx.db, to.id, now);
  })();
  return getDesk(ctx);
}

export const listOperators = (ctx: AppContext) => q.listOperators(ctx.db);
