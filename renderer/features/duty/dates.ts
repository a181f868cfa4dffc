import { formatDate } from '../../../shared/domain/shanghai-time';

/** Calendar dates as "YYYY-MM-DD" (Asia/Shanghai days); arithmetic on UTC noon so no day is skipped. */
function parse(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

function print(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The Shanghai date of `now` (the app's clock: pass nowMs() or useNow()). */
export function today(now: number): string {
  return formatDate(now);
}

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return print(d);
}

export function mondayOf(date: string): string {
  const d = parse(date);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  return addDays(date, -weekday);
}

/** "2024-05" */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function isValidDate(date: string | null | undefined): date is string {
  return !!date && /^\d{4}-\d{2}-\d{2}$/.test(date) && print(parse(date)) === date;
}
