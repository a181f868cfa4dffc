import { describe, expect, test } from 'vitest';
import {
  addDays,
  formatDate,
  formatDateTime,
  formatDateTimeSeconds,
  formatDuration,
  formatTime,
  fromDateTimeLocal,
  isoWeekday,
  toDateTimeLocal,
} from '../../shared/domain/shanghai-time';

// 2024-04-30 16:05:09 UTC is 2024-05-01 00:05:09 in Shanghai: the day turns eight hours before it does in UTC.
const justAfterMidnight = Date.UTC(2024, 3, 30, 16, 5, 9);

describe('Shanghai time, shown the same on both sides', () => {
  test('an instant just after midnight in Shanghai shows the Shanghai date, not the UTC one', () => {
    expect(formatDate(justAfterMidnight)).toBe('2024-05-01');
    expect(formatTime(justAfterMidnight)).toBe('00:05');
    expect(formatDateTime(justAfterMidnight)).toBe('2024-05-01 00:05');
    expect(formatDateTimeSeconds(justAfterMidnight)).toBe('2024-05-01 00:05:09');
  });

  test('a datetime-local field value round-trips to the minute; a partial value is not a time', () => {
    expect(toDateTimeLocal(justAfterMidnight)).toBe('2024-05-01T00:05');
    expect(fromDateTimeLocal('2024-05-01T00:05')).toBe(Date.UTC(2024, 3, 30, 16, 5));
    expect(fromDateTimeLocal('2024-05-01T00:05:09')).toBe(justAfterMidnight);
    expect(fromDateTimeLocal('2024-05-01')).toBeNaN();
    expect(fromDateTimeLocal('')).toBeNaN();
  });

  test('a countdown shows hours, minutes and seconds, and days with the given suffix past 24 hours', () => {
    expect(formatDuration((1 * 3600 + 59 * 60 + 30) * 1000)).toBe('01:59:30');
    expect(formatDuration(-(2 * 86400 + 3 * 3600) * 1000, '天')).toBe('2天 03:00:00');
  });

  test('calendar arithmetic on Shanghai dates crosses months and knows the weekday', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(isoWeekday('2024-05-01')).toBe(3); // a Wednesday
  });
});
