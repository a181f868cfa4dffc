/** Times are stored as UTC epoch milliseconds and always shown in Asia/Shanghai (UTC+8, no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function shanghaiParts(ms: number) {
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

/** "2024-05-01 10:05" */
export function formatDateTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}`;
}

/** "2024-05-01 10:05:09" */
export function formatDateTimeSeconds(ms: number): string {
  return `${formatDateTime(ms)}:${pad(shanghaiParts(ms).s)}`;
}

/** "2024-05-01" */
export function formatDate(ms: number): string {
  const p = shanghaiParts(ms);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
}

/** "10:05" */
export function formatTime(ms: number): string {
  const p = shanghaiParts(ms);
  return `${pad(p.h)}:${pad(p.mi)}`;
}

/** Value for <input type="datetime-local"> in Shanghai time: "2024-05-01T10:05". */
export function toDateTimeLocal(ms: number): string {
  return formatDateTime(ms).replace(' ', 'T');
}

/** Reads "2024-05-01T10:05" (Shanghai time) back to epoch ms; NaN when it is not a full date and time. */
export function fromDateTimeLocal(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m;
  return Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0) - SHANGHAI_OFFSET_MS;
}

/** Epoch ms of 00:00 Shanghai time on the given "YYYY-MM-DD". */
export function shanghaiMidnight(date: string): number {
  return fromDateTimeLocal(`${date}T00:00`);
}

/** Day of week in Shanghai time, 0 = Sunday. */
export function shanghaiWeekday(ms: number): number {
  return shanghaiParts(ms).weekday;
}

/** A countdown or elapsed time: "01:59:30", "2天 03:00:00" (daySuffix from i18n); the sign is the caller's business. */
export function formatDuration(ms: number, daySuffix = 'd'): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const mi = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const clock = `${pad(h)}:${pad(mi)}:${pad(s)}`;
  return days > 0 ? `${days}${daySuffix} ${clock}` : clock;
}
