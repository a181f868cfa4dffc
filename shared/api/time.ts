import { z } from 'zod';

/**
 * Bounds on every time a user can give (epoch ms): between 2000 and 2999. Anything else is a typo (a hand log entry
 * dated 1970, a year 20222), answered in words rather than stored or turned into NaN dates.
 */
export const minEventTime = Date.UTC(2000, 0, 1);
export const maxEventTime = Date.UTC(2999, 11, 31);

export function eventTime(label: string) {
  return z
    .number({ error: `${label}须为时间（毫秒数）` })
    .int({ error: `${label}须为整数毫秒` })
    .min(minEventTime, `${label}须在 2000 年之后`)
    .max(maxEventTime, `${label}须在 2999 年之前`);
}
