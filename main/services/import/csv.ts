/**
 * An RFC 4180 CSV reader: quoted fields with "" escapes, commas and newlines inside quotes, CRLF / LF / CR line ends.
 * Cells land in one flat array (row i spans cells[rowStart[i]] .. cells[rowStart[i+1]-1]) so 100,000 rows cost
 * no per-row objects. Each record keeps the physical line it starts on (1-based) for problem messages.
 * Blank lines are skipped. A BOM must already be stripped (see encoding.ts).
 */
export interface Table {
  cells: string[];
  /** Length = record count + 1. */
  rowStart: number[];
  /** 1-based physical line of each record. */
  rowLine: number[];
}

export interface CsvResult extends Table {
  delimiter: ',' | '\t' | ';';
  /** Set when a quoted field is never closed: the line where it opened. */
  unclosedQuoteLine: number | null;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Tab- or semicolon-separated files are recognised from the first line when it has no comma. */
export function sniffDelimiter(text: string): ',' | '\t' | ';' {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}

export function parseCsv(text: string, delimiter: ',' | '\t' | ';' = sniffDelimiter(text)): CsvResult {
  const delim = delimiter.charCodeAt(0);
  const cells: string[] = [];
  const rowStart: number[] = [];
  const rowLine: number[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let unclosedQuoteLine: number | null = null;

  while (i < n) {
    // One record.
    const recordLine = line;
    const first = cells.length;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        let j = i + 1;
        let parts: string[] | null = null;
        let segStart = j;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            unclosedQuoteLine ??= openLine;
            j = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            (parts ??= []).push(text.slice(segStart, q + 1));
            j = q + 2;
            segStart = j;
            continue;
          }
          j = q;
          break;
        }
        const tail = text.slice(segStart, j);
        value = parts ? parts.join('') + tail : tail;
        for (let k = i + 1; k < j; k++) {
          const c = text.charCodeAt(k);
          if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) line++;
        }
        i = j + 1;
        // Lenient: text after the closing quote up to the delimiter is kept (e.g. "a"b -> ab).
        const stop = nextStop(text, i, delim);
        if (stop > i) value += text.slice(i, stop);
        i = stop;
      } else {
        const stop = nextStop(text, i, delim);
        value = text.slice(i, stop);
        i = stop;
      }
      cells.push(value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        if (i >= n) {
          cells.push('');
          break;
        }
        continue;
      }
      // End of line: CRLF, LF or a lone CR.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (isBlank(cells, first)) {
      cells.length = first; // a blank line, or only delimiters (",,,," as spreadsheets write)
      continue;
    }
    rowStart.push(first);
    rowLine.push(recordLine);
  }
  rowStart.push(cells.length);
  return { cells, rowStart, rowLine, delimiter, unclosedQuoteLine };
}

function isBlank(cells: string[], from: number): boolean {
  for (let k = from; k < cells.length; k++) if (cells[k] !== '' && cells[k].trim() !== '') return false;
  return true;
}

/** Index of the next delimiter, CR or LF at or after `from` (or the end). */
function nextStop(text: string, from: number, delim: number): number {
  const n = text.length;
  for (let k = from; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === delim || c === LF || c === CR) return k;
  }
  return n;
}

/** Writes one CSV line (no line end): quotes a value holding the delimiter, a quote, CR or LF. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  let out = '';
  for (let k = 0; k < values.length; k++) {
    if (k) out += ',';
    const v = values[k];
    if (v === null || v === undefined) continue;
    const s = String(v);
    out += /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }
  return out;
}
