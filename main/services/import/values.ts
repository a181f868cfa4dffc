/** Reading values from cells (always text) and GeoJSON properties (any JSON value). */

/** A value as trimmed text; '' when absent. */
export function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

const intText = /^[+]?\d+$/;
const groupedIntText = /^\d{1,3}(,\d{3})+$/;

/** A non-negative integer from a number or text ("1,234" allowed); NaN when it is not one, null when empty. */
export function intOf(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : Number.NaN;
  const s = textOf(v);
  if (s === '') return null;
  if (intText.test(s)) return Number(s);
  if (groupedIntText.test(s)) return Number(s.replace(/,/g, ''));
  return Number.NaN;
}

/** Birth year from "1956", "1956年", "1956-03-02", "1956/3/2", "19560302"; NaN when not a year, null when empty. */
export function birthYearOf(s: string): number | null {
  if (s === '') return null;
  const c = s.charCodeAt(0);
  if (c < 48 || c > 57) return Number.NaN;
  if (s.length === 4 && intText.test(s)) return Number(s);
  const m = /^(\d{4})(?:年|[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?|\d{4}|\.0)?$/.exec(s);
  return m ? Number(m[1]) : Number.NaN;
}

/** 男/女, M/F, male/female, 1/2 (GB/T 2261.1); null when empty, undefined when not recognised. */
export function sexOf(s: string): 'M' | 'F' | null | undefined {
  switch (s) {
    case '':
      return null;
    case '男':
    case 'M':
    case 'm':
    case '1':
    case 'male':
    case 'Male':
      return 'M';
    case '女':
    case 'F':
    case 'f':
    case '2':
    case 'female':
    case 'Female':
      return 'F';
    default:
      return undefined;
  }
}
