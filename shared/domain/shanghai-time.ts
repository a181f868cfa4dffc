/**
 * The one time module of both sides: times are stored as UTC epoch ms and shown in Asia/Shanghai (UTC+8, no daylight
 * saving since 1991), so the fixed offset is exact and these helpers need no time-zone database.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The instant as a Date whose UTC fields read Shanghai wall-clock time. */
const wall = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS);

/** '2024-05-01': the date of an instant in Shanghai (also the key of a Shanghai day). */
export function formatDate(ms: number): string {
  const d = wall(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** '10:05' */
export function formatTime(ms: number): string {
  const d = wall(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** '2024-05-01 10:05' */
export function formatDateTime(ms: number): string {
  return `${formatDate(ms)} ${formatTime(ms)}`;
}

/** '2024-05-01 10:05:09' */
export function formatDateTimeSeconds(ms: number): string {
  return `${formatDateTime(ms)}:${pad(wall(ms).getUTCSeconds())}`;
}

/** The calendar year in Shanghai at an instant (a register's "current year"). */
export function shanghaiYear(ms: number): number {
  return wall(ms).getUTCFullYear();
}

/** Epoch ms of a Shanghai wall-clock date and time ('YYYY-MM-DD', 'HH:MM'). */
export function shanghaiMs(date: string, time = '00:00'): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, hh, mm) - SHANGHAI_OFFSET_MS;
}

/** Value for <input type="datetime-local"> in Shanghai time: '2024-05-01T10:05'. */
export function toDateTimeLocal(ms: number): string {
  return `${formatDate(ms)}T${formatTime(ms)}`;
}

/** Reads '2024-05-01T10:05' (optionally with ':SS'; Shanghai time) back to epoch ms; NaN when it is not a full date and time. */
export function fromDateTimeLocal(value: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return Number.NaN;
  return shanghaiMs(m[1], m[2]) + (m[3] ? Number(m[3]) * 1000 : 0);
}

/** The date `days` after a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  return formatDate(shanghaiMs(date) + days * DAY_MS);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const wd = wall(shanghaiMs(date)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/**
 * Is this a real calendar date (not 2024-02-30) in 2000-2999, the years of every time a user gives (shared/api/time.ts)?
 * Dates are compared as strings, which holds only while the year has four digits: the month of 9999-12 would
 * otherwise run on to '10000-01-01' < '9999-12-31' for ever.
 */
export function isValidDate(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && year >= 2000 && year <= 2999 && formatDate(shanghaiMs(date)) === date;
}

/** A countdown or elapsed time: '01:59:30', '2天 03:00:00' (daySuffix from i18n); the sign is the caller's business. */
export function formatDuration(ms: number, daySuffix = 'd'): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const clock = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days}${daySuffix} ${clock}` : clock;
}

/** '2 小时 05 分' style duration for messages. */
export function formatDurationZh(ms: number): string {
  const totalMin = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const m = totalMin % 60;
  return `${d ? `${d} 天 ` : ''}${h} 小时 ${pad(m)} 分`;
}
