/**
 * Times are stored as UTC epoch ms and shown in Asia/Shanghai (UTC+8, no daylight saving since 1991),
 * so the fixed offset is exact and these helpers need no time-zone database.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' of an instant in Shanghai. */
export function shanghaiDate(ms: number): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 'YYYY-MM-DD HH:mm' (or with seconds) of an instant in Shanghai. */
export function formatShanghai(ms: number, seconds = false): string {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const base = `${shanghaiDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return seconds ? `${base}:${pad(d.getUTCSeconds())}` : base;
}

/** Epoch ms of a Shanghai wall-clock date and time ('YYYY-MM-DD', 'HH:MM'). */
export function shanghaiMs(date: string, time = '00:00'): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, hh, mm) - SHANGHAI_OFFSET_MS;
}

/** The date `days` after a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  return shanghaiDate(shanghaiMs(date) + days * DAY_MS);
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const wd = new Date(shanghaiMs(date) + SHANGHAI_OFFSET_MS).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/**
 * Is this a real calendar date (not 2024-02-30) in 2000-2999, the years every time a user gives must lie in (shared/api/time.ts)? Dates are compared as strings, which holds only while
 * the year has four digits: the month of 9999-12 would otherwise run on to '10000-01-01' < '9999-12-31' for ever.
 */
export function isValidDate(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && year >= 2000 && year <= 2999 && shanghaiDate(shanghaiMs(date)) === date;
}

/** '2 小时 05 分' style duration for messages. */
export function formatDurationZh(ms: number): string {
  const totalMin = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(totalMin / 1440);
  const h = Math.floor((totalMin % 1440) / 60);
  const m = totalMin % 60;
  return `${d ? `${d} 天 ` : ''}${h} 小时 ${pad(m)} 分`;
}
