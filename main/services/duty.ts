import { AppError } from '../../shared/api/errors';
import type { DutyConfigDto, DutyRosterDto, DutyShiftDto, ShiftDefDto } from '../../shared/api/duty';
import { periodDates, shiftAt, shiftDefProblems, shiftPeopleProblems, shiftSpan } from '../../shared/domain/duty';
import { formatDate, isValidDate, isoWeekday } from '../../shared/domain/shanghai-time';
import * as q from '../db/duty';
import { operatorRefs } from '../db/operators';
import { requireOperator } from './operators';
import type { AppContext } from './context';

/** 值班表: shifts per day, a leader on every shift, swaps recorded; weekly and monthly views for print. */

export const getConfig = (ctx: AppContext) => q.getConfig(ctx.db);

export function saveConfig(ctx: AppContext, input: DutyConfigDto): DutyConfigDto {
  const op = requireOperator(ctx);
  const problems = shiftDefProblems(input.shifts);
  if (problems.length) throw new AppError('invalid_input', problems.join(' '));
  const keep = new Set(input.shifts.map((s) => s.key));
  const dropped = q.keysRosteredFrom(ctx.db, formatDate(ctx.now())).filter((r) => !keep.has(r.shiftKey));
  if (dropped.length) {
    throw new AppError('conflict', `班次 ${dropped.map((d) => `${d.shiftKey}（已排 ${d.n} 个班）`).join('、')} 今天及以后已有排班，不能删除；请先删除这些排班。`);
  }
  q.saveConfig(ctx.db, input, ctx.now(), op.id);
  return q.getConfig(ctx.db);
}

function requireDate(date: string) {
  if (!isValidDate(date)) throw new AppError('invalid_input', `date: ${date} 不是有效日期。`);
}

function toDto(ctx: AppContext, date: string, def: ShiftDefDto, row: q.ShiftRow | undefined, who = operatorRefs(ctx.db)): DutyShiftDto {
  const span = shiftSpan(date, def);
  return {
    id: row?.id ?? null,
    date,
    shiftKey: def.key,
    shiftName: def.name,
    start: def.start,
    end: def.end,
    ...span,
    leader: row?.leader ?? null,
    members: row?.members ?? [],
    swaps: row?.swaps ?? [],
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row ? who(row.updatedBy) : null,
  };
}

function defFor(config: DutyConfigDto, key: string): ShiftDefDto {
  // A shift rostered under a key later removed from the config still shows, with its key as name.
  return config.shifts.find((s) => s.key === key) ?? { key, name: key, start: '00:00', end: '00:00' };
}

export function saveShift(
  ctx: AppContext,
  input: { date: string; shiftKey: string; leader: q.PersonFields | null; members: q.PersonFields[] },
): DutyShiftDto {
  const op = requireOperator(ctx);
  requireDate(input.date);
  const config = q.getConfig(ctx.db);
  const def = config.shifts.find((s) => s.key === input.shiftKey);
  if (!def) throw new AppError('invalid_input', `shiftKey: 没有代码为 ${input.shiftKey} 的班次（现有：${config.shifts.map((s) => `${s.key} ${s.name}`).join('、')}）。`);
  const problems = shiftPeopleProblems(input, config.minMembers);
  if (problems.length) throw new AppError('invalid_input', `${input.date} ${def.name}：${problems.join(' ')}`);
  const id = ctx.db.transaction(() => q.putShift(ctx.db, input.date, input.shiftKey, input.leader!, input.members.filter((m) => m.name.trim()), ctx.now(), op.id))();
  return toDto(ctx, input.date, def, q.getShift(ctx.db, id)!);
}

export function deleteShift(ctx: AppContext, id: number) {
  requireOperator(ctx);
  if (!q.deleteShift(ctx.db, id)) throw new AppError('not_found', `找不到排班 (id ${id})。`);
  return { ok: true as const };
}

export function swap(ctx: AppContext, input: { shiftId: number; outName: string; in: q.PersonFields; reason?: string | null }): DutyShiftDto {
  const op = requireOperator(ctx);
  return ctx.db.transaction(() => {
    const shift = q.getShift(ctx.db, input.shiftId);
    if (!shift) throw new AppError('not_found', `找不到排班 (id ${input.shiftId})。`);
    const outName = input.outName.trim();
    const inName = input.in.name.trim();
    const role = shift.leader?.name === outName ? 'leader' : shift.members.some((m) => m.name === outName) ? 'member' : null;
    if (!role) throw new AppError('invalid_input', `outName: ${outName} 不在 ${shift.date} 这个班次上。`);
    if (inName === outName) throw new AppError('invalid_input', 'in: 换班的人不能是本人。');
    if (shift.leader?.name === inName || shift.members.some((m) => m.name === inName)) {
      throw new AppError('invalid_input', `in: ${inName} 已在这个班次上，同一人不能出现两次。`);
    }
    q.swapPerson(ctx.db, shift.id, role, outName, input.in, input.reason?.trim() || null, ctx.now(), op.id);
    const config = q.getConfig(ctx.db);
    return toDto(ctx, shift.date, defFor(config, shift.shiftKey), q.getShift(ctx.db, shift.id)!);
  })();
}

export function roster(ctx: AppContext, input: { period: 'week' | 'month'; date: string }): DutyRosterDto {
  requireDate(input.date);
  const config = q.getConfig(ctx.db);
  const dates = periodDates(input.period, input.date);
  const rows = q.shiftsBetween(ctx.db, dates[0], dates[dates.length - 1]);
  const who = operatorRefs(ctx.db);
  let gaps = 0;
  const days = dates.map((date) => {
    const mine = rows.filter((r) => r.date === date);
    const keys = [...config.shifts.map((s) => s.key), ...mine.map((r) => r.shiftKey).filter((k) => !config.shifts.some((s) => s.key === k))];
    const shifts = keys.map((k) => toDto(ctx, date, defFor(config, k), mine.find((r) => r.shiftKey === k), who));
    gaps += shifts.filter((s) => !s.leader || s.members.length < config.minMembers).length;
    return { date, weekday: isoWeekday(date), shifts };
  });
  return { period: input.period, from: dates[0], to: dates[dates.length - 1], config, days, gaps };
}

/** The shift on duty at ctx.now(), if one is rostered. */
export function dutyNow(ctx: AppContext): DutyShiftDto | null {
  const config = q.getConfig(ctx.db);
  const at = shiftAt(ctx.now(), config.shifts);
  if (!at) return null;
  const row = q.shiftsBetween(ctx.db, at.date, at.date).find((r) => r.shiftKey === at.def.key);
  return row ? toDto(ctx, at.date, at.def, row) : null;
}
