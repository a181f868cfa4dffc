/**
 * Cells of every CSV and XLSX the app writes go through `safeCell`, so a name like `=HYPERLINK(...)` typed into the
 * register never runs as a formula in the spreadsheet that opens the export (CSV injection, OWASP).
 *
 * A text that begins with = + - @, a tab or a carriage return gets a leading apostrophe, which Excel, WPS and
 * LibreOffice show as text. So that the apostrophe never changes a value on the way back in, a text that already
 * begins with apostrophes followed by one of those characters gets one more, and `restoreCell` (used by the
 * importer) takes exactly one off such a cell: export then import gives the original text, whatever it was.
 * Numbers are numbers, not text: they pass unchanged (a negative number stays a number).
 */

const risky = /^'*[=+\-@\t\r]/;

export function safeCell<T extends string | number | null | undefined>(value: T): T {
  if (typeof value !== 'string' || !risky.test(value)) return value;
  return `'${value}` as T;
}

/** The inverse of `safeCell` on a text cell read back from a file. */
export function restoreCell(text: string): string {
  return text.charCodeAt(0) === 39 && risky.test(text.slice(1)) ? text.slice(1) : text;
}
