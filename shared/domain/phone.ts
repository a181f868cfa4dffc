/**
 * Phone numbers as a duty desk writes them down, checked before they reach a roster or a printed sheet:
 * an 11-digit mobile 1[3-9]xxxxxxxxx (spaces, dashes and a +86 prefix tolerated), or a landline with its area code,
 * 0xx-xxxxxxxx or 0xxx-xxxxxxx (the dash may be a space, brackets around the area code, or nothing).
 * A 10-digit number is neither, and is refused: it was once accepted and printed.
 */

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

export const phoneRule = '电话须为 11 位手机号（如 13812345678）或带区号的固定电话（如 023-12345678）';

/** The number without the separators people type: spaces, dashes, dots and brackets around the area code. */
function compact(raw: string): string {
  return raw.trim().replace(/[\s\-.()（）]/g, '');
}

export type PhoneKind = 'mobile' | 'landline';

/** What kind of number this is, or null when it is neither a mobile nor a landline with area code. */
export function phoneKind(raw: string): PhoneKind | null {
  const c = compact(raw);
  if (MOBILE.test(c)) return 'mobile';
  if (LANDLINE.test(c)) return 'landline';
  return null;
}

export function isPhone(raw: string): boolean {
  return phoneKind(raw) !== null;
}
