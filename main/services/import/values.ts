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
/** Excel keeps counts as floats: "1293.0" from a cell formatted with decimals is the integer 1293. */
const wholeDecimalText = /^(\d+|\d{1,3}(?:,\d{3})+)\.0+$/;
/** A unit written after the figure in a sheet ("891人", "12栋"). */
const unitSuffix = /(?:人|户|栋|幢|个)$/;
/** What offices write in a cell that has no figure. */
const noFigure = new Set(['-', '—', '－', '/', '／', '--', '——']);

/**
 * Sheets as Excel and WPS save them: full-width digits and commas (１，２９３), spaces inside and around (a full-width
 * one too), so the figure is read as a user reads it.
 */
export function normalizeFigure(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48); // ０-９
    else if (ch === '，') out += ',';
    else if (ch === '．') out += '.';
    else if (ch === '＋') out += '+';
    else if (ch !== ' ' && ch !== '\u3000' && ch !== '\u00a0' && ch !== '\t') out += ch;
  }
  return out;
}

/**
 * A non-negative integer from a number or text ("1,234", "１２３", "1 293", "891人", "120.0" allowed); NaN when it is
 * not one, null when empty or a dash (no figure).
 */
export function intOf(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : Number.NaN;
  const raw = textOf(v);
  if (raw === '') return null;
  if (intText.test(raw)) return Number(raw); // the common case, without copying
  let s = normalizeFigure(raw);
  if (s === '' || noFigure.has(s)) return null;
  s = s.replace(unitSuffix, '');
  if (intText.test(s)) return Number(s);
  if (groupedIntText.test(s)) return Number(s.replace(/,/g, ''));
  const whole = wholeDecimalText.exec(s);
  if (whole) return Number(whole[1].replace(/,/g, ''));
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
