import { describe, expect, test } from 'vitest';
import { periodDates, shiftAt, shiftDefProblems, shiftPeopleProblems, shiftSpan } from '../../shared/domain/duty';
import { isValidDate, shanghaiMs } from '../../shared/domain/shanghai-time';

const defs = [
  { key: 'day', name: '白班', start: '08:00', end: '20:00' },
  { key: 'night', name: '夜班', start: '20:00', end: '08:00' },
];

describe('duty roster rules', () => {
  test('a shift with nobody, without a leader, short of members or with a person twice is refused with a reason', () => {
    expect(shiftPeopleProblems({ leader: null, members: [] }, 1)).toEqual(['班次没有安排任何人：须有带班领导和值班员。']);
    expect(shiftPeopleProblems({ leader: null, members: [{ name: '甲' }] }, 1)).toEqual(['班次没有带班领导（领导带班）：请填写带班领导。']);
    expect(shiftPeopleProblems({ leader: { name: '甲' }, members: [{ name: '乙' }] }, 2)).toEqual(['班次至少需要 2 名值班员，现有 1 名。']);
    expect(shiftPeopleProblems({ leader: { name: '甲' }, members: [{ name: '乙' }, { name: ' 甲 ' }] }, 1)).toEqual(['甲 在同一班次出现了两次。']);
    expect(shiftPeopleProblems({ leader: { name: '甲' }, members: [{ name: '乙' }] }, 1)).toEqual([]);
  });

  test('a night shift ends the next morning; the shift at 03:00 is the night shift of the day before', () => {
    const span = shiftSpan('2022-07-10', defs[1]);
    expect(span.startsAt).toBe(shanghaiMs('2022-07-10', '20:00'));
    expect(span.endsAt).toBe(shanghaiMs('2022-07-11', '08:00'));
    expect(shiftAt(shanghaiMs('2022-07-11', '03:00'), defs)).toMatchObject({ date: '2022-07-10', def: { key: 'night' } });
    expect(shiftAt(shanghaiMs('2022-07-11', '08:00'), defs)).toMatchObject({ date: '2022-07-11', def: { key: 'day' } });
  });

  test('a week runs Monday to Sunday; a month holds all its days', () => {
    const week = periodDates('week', '2022-07-10'); // a Sunday
    expect(week[0]).toBe('2022-07-04');
    expect(week[6]).toBe('2022-07-10');
    expect(periodDates('month', '2024-02-15')).toHaveLength(29);
    expect(periodDates('month', '2022-12-31').at(-1)).toBe('2022-12-31');
  });
});

test('08:00 to 08:00 is one 24-hour shift', () => {
  const span = shiftSpan('2022-07-10', { start: '08:00', end: '08:00' });
  expect(span.endsAt - span.startsAt).toBe(24 * 3_600_000);
});

test('the shifts of a day cover 24 hours once: a hole or an overlap is named with its times', () => {
  expect(shiftDefProblems(defs)).toEqual([]);
  expect(shiftDefProblems([{ key: 'x', name: '全天', start: '08:00', end: '08:00' }])).toEqual([]);
  const three = [
    { key: 'a', name: '早班', start: '00:00', end: '08:00' },
    { key: 'b', name: '中班', start: '08:00', end: '16:00' },
    { key: 'c', name: '晚班', start: '16:00', end: '00:00' },
  ];
  expect(shiftDefProblems(three)).toEqual([]);
  expect(shiftDefProblems([defs[0], { ...defs[1], end: '07:00' }])).toEqual(['24 小时值班不能有空档：07:00—08:00 没有班次。']);
  expect(shiftDefProblems([{ ...defs[0], end: '21:00' }, defs[1]])).toEqual(['班次时间重叠：20:00—21:00 有两个以上班次。']);
  // A hole across midnight is reported as one range starting before midnight.
  expect(shiftDefProblems([{ key: 'd', name: '白班', start: '06:00', end: '22:00' }])).toEqual(['24 小时值班不能有空档：22:00—06:00 没有班次。']);
});

test('a date outside 2000-2999 is not a valid roster date (year 9999 used to make the month of 9999-12 loop forever)', () => {
  expect(isValidDate('9999-12-31')).toBe(false);
  expect(isValidDate('3000-01-01')).toBe(false);
  expect(isValidDate('1999-12-31')).toBe(false); // the same 2000..2999 as every time a user gives (shared/api/time.ts)
  expect(isValidDate('2000-01-01')).toBe(true);
  expect(isValidDate('2999-12-31')).toBe(true);
  expect(periodDates('month', '2999-12-15')).toHaveLength(31);
  expect(periodDates('week', '2999-12-31').at(-1)).toBe('3000-01-05');
});
