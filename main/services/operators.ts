import { AppError } from '../../shared/api/errors';
import type { DeskRule } from '../../shared/api/define';
import { ADMIN_PIN_MIN_DIGITS, type DeskDto, type OperatorDto, type OperatorRef } from '../../shared/api/operator';
import { formatDateTime } from '../../shared/domain/shanghai-time';
import * as q from '../db/operators';
import { getSettings } from './settings';
import { writeLog } from './eventlog';
import { checkPin, hashPin } from './pin';
import type { AppContext } from './context';

/** Operators (值班员), PINs, and the desk: sign in, sign out, 交接班, and the lock that guards every change. */

/**
 * When the desk locked, or null: the stored lock (on demand, at start, after a restore), else the idle lock,
 * computed from the last activity and the idleLockMinutes setting on the server's clock (ctx.now()).
 */
function lockedAt(ctx: AppContext, s: q.DeskRow): number | null {
  if (s.lockedAt !== null) return s.lockedAt;
  const minutes = getSettings(ctx.db).idleLockMinutes;
  if (minutes <= 0) return null;
  const at = s.lastActivityAt + minutes * 60_000;
  return ctx.now() >= at ? at : null;
}

/**
 * The one rule for who may change what (issue 9), checked by the dispatcher from the method's declared rule before
 * its input is parsed or its handler runs. Refuses with `signed_out` or `desk_locked`, writing nothing. A change it
 * admits is the operator at work: the idle lock counts from now (so a save is never followed by a lock at once).
 */
export function admitChange(ctx: AppContext, rule: DeskRule): void {
  if (rule === 'open') return;
  if (rule === 'firstStart' && q.countOperators(ctx.db) === 0) return;
  const s = q.getDeskSession(ctx.db);
  if (!s) {
    throw new AppError('signed_out', '值班台无人登录：请先签到（选择值班员姓名，设置了 PIN 的请输入 PIN），再进行修改。本次未写入任何数据。');
  }
  const at = lockedAt(ctx, s);
  if (at !== null) {
    const name = q.getOperator(ctx.db, s.operatorId)?.name ?? '';
    throw new AppError('desk_locked', `值班台已于 ${formatDateTime(at)} 锁定：请 ${name} 解锁（设置了 PIN 的需输入 PIN），或由接班人签到后再修改。本次未写入任何数据。`);
  }
  q.touchDesk(ctx.db, ctx.now());
}

/** The operator at the desk. The dispatcher has already refused changes without one; this says who it is. */
export function requireOperator(ctx: AppContext): OperatorRef {
  const op = q.deskOperatorRef(ctx.db);
  if (!op) throw new AppError('signed_out', '值班台无人登录：请先签到后再操作。');
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

/**
 * Changing another operator's PIN and making an administrator need the administrator's own PIN again, so an unlocked
 * desk left alone for a minute is not enough. Before the first administrator exists (first setup) there is none to ask.
 */
function confirmAdmin(ctx: AppContext, by: OperatorRef | null, adminPin: string | undefined, what: string): void {
  if (!by || q.countAdmins(ctx.db) === 0) return;
  if (!q.getPinState(ctx.db, by.id)?.hash) {
    throw new AppError('unauthorized', `${what}需要管理员再次输入自己的 PIN：${by.name} 还没有 PIN，请先为自己设置至少 ${ADMIN_PIN_MIN_DIGITS} 位的 PIN。`);
  }
  if (!adminPin) throw new AppError('unauthorized', `${what}需要管理员 ${by.name} 再次输入自己的 PIN。`);
  checkPin(ctx, by.id, adminPin, `管理员 ${by.name}`);
}

export function getDesk(ctx: AppContext): DeskDto {
  const s = q.getDeskSession(ctx.db);
  const at = s ? lockedAt(ctx, s) : null;
  return {
    operator: s ? q.getOperator(ctx.db, s.operatorId) : null,
    since: s ? s.since : null,
    locked: at !== null,
    lockedAt: at,
    idleLockMinutes: getSettings(ctx.db).idleLockMinutes,
  };
}

export function saveOperator(
  ctx: AppContext,
  input: { id?: number; name: string; phone?: string | null; isAdmin?: boolean; active?: boolean; adminPin?: string },
): OperatorDto {
  const by = requireManager(ctx);
  const now = ctx.now();
  const phone = input.phone?.trim() || null;
  const old = input.id === undefined ? null : q.getOperator(ctx.db, input.id);
  if (input.id !== undefined && !old) throw new AppError('not_found', `找不到值班员 (id ${input.id})。`);
  if (input.isAdmin === true && !old?.isAdmin) {
    if (old?.hasPin) {
      const digits = q.getPinState(ctx.db, old.id)?.digits ?? null;
      if (digits === null || digits < ADMIN_PIN_MIN_DIGITS) {
        throw new AppError('conflict', `管理员的 PIN 至少 ${ADMIN_PIN_MIN_DIGITS} 位：请先为 ${old.name} 设置至少 ${ADMIN_PIN_MIN_DIGITS} 位的 PIN，再任命为管理员。`);
      }
    }
    confirmAdmin(ctx, by, input.adminPin, '任命管理员');
  }
  try {
    return ctx.db.transaction(() => {
      if (!old) {
        const id = q.insertOperator(ctx.db, { name: input.name, phone, isAdmin: input.isAdmin ?? false, active: input.active ?? true }, now, by?.id ?? null);
        return q.getOperator(ctx.db, id)!;
      }
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

export function setOperatorPin(ctx: AppContext, input: { id: number; pin: string | null; adminPin?: string }): OperatorDto {
  const by = requireManager(ctx);
  const target = q.getOperator(ctx.db, input.id);
  if (!target) throw new AppError('not_found', `找不到值班员 (id ${input.id})。`);
  if (input.pin !== null && target.isAdmin && input.pin.length < ADMIN_PIN_MIN_DIGITS) {
    throw new AppError('invalid_input', `pin: 管理员的 PIN 至少 ${ADMIN_PIN_MIN_DIGITS} 位数字。`);
  }
  if (target.id !== by?.id) confirmAdmin(ctx, by, input.adminPin, `修改 ${target.name} 的 PIN `);
  const pin = input.pin === null ? null : { hash: hashPin(input.pin), digits: input.pin.length };
  q.setPinHash(ctx.db, input.id, pin, ctx.now(), by?.id ?? null);
  return q.getOperator(ctx.db, input.id)!;
}

/** Checks the chosen person may take the desk: exists, active, and the PIN matches when one is set. */
function checkCredentials(ctx: AppContext, operatorId: number, pin: string | undefined): OperatorDto {
  const op = q.getOperator(ctx.db, operatorId);
  if (!op) throw new AppError('not_found', `找不到值班员 (id ${operatorId})。`);
  if (!op.active) throw new AppError('unauthorized', `${op.name} 已停用，不能登录值班台。`);
  checkPin(ctx, op.id, pin, op.name);
  return op;
}

/** Unlocks the desk of the operator at it (their PIN already checked); the entry says since when it was locked. */
function unlock(ctx: AppContext, s: q.DeskRow, name: string): void {
  const at = lockedAt(ctx, s);
  q.unlockDesk(ctx.db, ctx.now());
  if (at !== null) writeLog(ctx, { category: 'desk', text: `${name} 解锁值班台（${formatDateTime(at)} 起锁定）`, method: 'unlockDesk' });
}

/**
 * Take the desk. The person already at it signing in again unlocks it (their PIN when set); anyone else replaces
 * them, with their own PIN: the lock screen lets the next operator sign in.
 */
export function signIn(ctx: AppContext, input: { operatorId: number; pin?: string }): DeskDto {
  const op = checkCredentials(ctx, input.operatorId, input.pin);
  const now = ctx.now();
  const current = q.getDeskSession(ctx.db);
  if (current?.operatorId === op.id) {
    unlock(ctx, current, op.name);
    return getDesk(ctx);
  }
  if (current) q.endDeskSession(ctx.db, current.sessionId, now, 'replaced', null);
  const previous = current ? q.getOperator(ctx.db, current.operatorId)?.name : null;
  q.startDeskSession(ctx.db, op.id, now);
  writeLog(ctx, {
    category: 'desk',
    text: previous ? `${op.name} 登录值班台（${previous} 未交接班即被替下）` : `${op.name} 登录值班台`,
    method: 'signIn',
  });
  return getDesk(ctx);
}

/** Unlock the desk for the operator at it: their PIN when one is set. */
export function unlockDesk(ctx: AppContext, input: { pin?: string }): DeskDto {
  const s = q.getDeskSession(ctx.db);
  if (!s) throw new AppError('signed_out', '值班台无人登录，无需解锁：请签到。');
  const op = q.getOperator(ctx.db, s.operatorId)!;
  checkPin(ctx, op.id, input.pin, op.name);
  unlock(ctx, s, op.name);
  return getDesk(ctx);
}

/** Lock now (on demand). An idle lock already in force is kept with its own time. Nobody signed in: nothing to lock. */
export function lockDesk(ctx: AppContext): DeskDto {
  const s = q.getDeskSession(ctx.db);
  if (!s) return getDesk(ctx);
  const at = lockedAt(ctx, s);
  q.lockDesk(ctx.db, at ?? ctx.now());
  if (at === null) writeLog(ctx, { category: 'desk', text: `${q.getOperator(ctx.db, s.operatorId)?.name ?? ''} 锁定值班台`, method: 'lockDesk' });
  return getDesk(ctx);
}

/** Locks the desk without an entry: when the app opens and after a restore, whoever held it must unlock again. */
export function lockDeskOnOpen(ctx: AppContext): void {
  q.lockDesk(ctx.db, ctx.now());
}

/**
 * The UI saw the user at work. The dispatcher admitting it (refused when locked) already counted the activity
 * (admitChange); this answers the desk.
 */
export function reportActivity(ctx: AppContext): DeskDto {
  return getDesk(ctx);
}

export function signOut(ctx: AppContext): DeskDto {
  const current = q.getDeskSession(ctx.db);
  if (!current) return getDesk(ctx);
  const name = q.getOperator(ctx.db, current.operatorId)?.name ?? '';
  writeLog(ctx, { category: 'desk', text: `${name} 退出值班台`, method: 'signOut' });
  q.endDeskSession(ctx.db, current.sessionId, ctx.now(), 'sign_out', null);
  q.clearDesk(ctx.db);
  return getDesk(ctx);
}

/** 交接班: the outgoing operator (signed in) hands the desk to the next one in one step; the note goes into the log. */
export function handOver(ctx: AppContext, input: { toOperatorId: number; pin?: string; note: string }): DeskDto {
  const from = requireOperator(ctx);
  if (input.toOperatorId === from.id) throw new AppError('invalid_input', '交接班的接班人不能是本人。');
  const to = checkCredentials(ctx, input.toOperatorId, input.pin);
  const now = ctx.now();
  const current = q.getDeskSession(ctx.db)!;
  writeLog(ctx, { category: 'desk', text: `交接班：${from.name} → ${to.name}。交班说明：${input.note}`, method: 'handOver' });
  q.endDeskSession(ctx.db, current.sessionId, now, 'hand_over', input.note);
  q.startDeskSession(ctx.db, to.id, now);
  return getDesk(ctx);
}

export const listOperators = (ctx: AppContext) => q.listOperators(ctx.db);
