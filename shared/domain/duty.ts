import type { ShiftDefDto } from '../api/duty';
import { DAY_MS, addDays, formatDate, isoWeekday, shanghaiMs } from './shanghai-time';

/** Rules of the duty roster (值班表), pure: who may be on a shift, when a shift runs, which days a period holds. */

export interface ShiftPeople {
  leader: { name: string } | null;
  members: { name: string }[];
}

/** Problems with the people of one shift, in Chinese; empty when the shift may be saved. */
export function shiftPeopleProblems(p: ShiftPeople, minMembers: number): string[] {
  const problems: string[] = [];
  const members = p.members.filter((m) => m.name.trim());
  if (!p.leader && members.length === 0) return ['班次没有安排任何人：须有带班领导和值班员。'];
  if (!p.leader) problems.push('班次没有带班领导（领导带班）：请填写带班领导。');
  if (members.length < minMembers) problems.push(`班次至少需要 ${minMembers} 名值班员，现有 ${members.length} 名。`);
  const seen = new Set<string>();
  for (const name of [...(p.leader ? [p.leader.name] : []), ...members.map((m) => m.name)].map((n) => n.trim())) {
    if (seen.has(name)) problems.push(`${name} 在同一班次出现了两次。`);
    seen.add(name);
  }
  return problems;
}

/** When a shift of a date starts and ends; an end at or before the start is on the next day (08:00-08:00 is a 24-hour shift). */
export function shiftSpan(date: string, def: Pick<ShiftDefDto, 'start' | 'end'>): { startsAt: number; endsAt: number } {
  const startsAt = shanghaiMs(date, def.start);
  let endsAt = shanghaiMs(date, def.end);
  if (endsAt <= startsAt) endsAt += DAY_MS;
  return { startsAt, endsAt };
}

export function shiftDefProblems(defs: ShiftDefDto[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  const names = new Set<string>();
  for (const d of defs) {
    if (keys.has(d.key)) problems.push(`班次代码 ${d.key} 重复。`);
    if (names.has(d.name)) problems.push(`班次名称 ${d.name} 重复。`);
    keys.add(d.key);
    names.add(d.name);
  }
  return [...problems, ...coverageProblems(defs)];
}

const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const fromMinute = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** 24-hour duty: the shifts of a day together cover every minute once, no hole and no overlap. */
function coverageProblems(defs: Pick<ShiftDefDto, 'name' | 'start' | 'end'>[]): string[] {
  const count = new Array<number>(1440).fill(0);
  for (const d of defs) {
    const start = toMinute(d.start);
    const length = (toMinute(d.end) - start + 1440) % 1440 || 1440;
    for (let i = 0; i < length; i++) count[(start + i) % 1440]++;
  }
  // Report each run of uncovered or doubly covered minutes as a time range.
  const runs = (bad: (n: number) => boolean): string[] => {
    if (count.every(bad)) return ['00:00—24:00'];
    const out: string[] = [];
    // A run starts where the minute before it is fine (runs may wrap past midnight).
    for (let m = 0; m < 1440; m++) {
      if (!bad(count[m]) || bad(count[(m + 1439) % 1440])) continue;
      let e = m;
      while (bad(count[e % 1440])) e++;
      out.push(`${fromMinute(m)}—${fromMinute(e % 1440)}`);
    }
    return out;
  };
  const holes = runs((n) => n === 0);
  const overlaps = runs((n) => n > 1);
  const problems: string[] = [];
  if (holes.length) problems.push(`24 小时值班不能有空档：${holes.join('、')} 没有班次。`);
  if (overlaps.length) problems.push(`班次时间重叠：${overlaps.join('、')} 有两个以上班次。`);
  return problems;
}

/** The dates of the week (Monday to Sunday) or the calendar month holding a date. */
export function periodDates(period: 'week' | 'month', date: string): string[] {
  let from: string;
  let to: string;
  if (period === 'week') {
    from = addDays(date, 1 - isoWeekday(date));
    to = addDays(from, 6);
  } else {
    from = `${date.slice(0, 7)}-01`;
    const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
    to = formatDate(shanghaiMs(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`) - DAY_MS);
  }
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** The (date, shift) running at an instant: checks the day before too, for shifts that cross midnight. */
export function shiftAt(now: number, defs: ShiftDefDto[]): { date: string; def: ShiftDefDto } | null {
  const today = formatDate(now);
  for (const date of [addDays(today, -1), today]) {
    for (const def of defs) {
      const { startsAt, endsAt } = shiftSpan(date, def);
      if (now >= startsAt && now < endsAt) return { date, def };
    }
  }
  return null;
}
