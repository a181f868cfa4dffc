/**
 * An RFC 4180 CSV reader: quoted fields with "" escapes, commas and newlines inside quotes, CRLF / LF / CR line ends.
 * It streams: each record is handed to a callback in one reused array, so a 100,000-row register is read without
 * keeping 700,000 strings alive (keeping them costs far more than parsing). Each record carries the physical line
 * it starts on (1-based) for problem messages. Blank lines (and rows of only delimiters) are skipped.
 * A BOM must already be stripped (see encoding.ts).
 */

export type Delimiter = ',' | '\t' | ';';

/** Return `false` to stop reading. `cells` is reused: copy what must outlive the call. */
export type OnRecord = (cells: string[], line: number) => boolean | void;

export interface ReadResult {
  delimiter: Delimiter;
  /** Set when a quoted field is never closed: the line where it opened. */
  unclosedQuoteLine: number | null;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Tab- or semicolon-separated files are recognised from the first line when it has no comma. */
function sniffDelimiter(text: string): Delimiter {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}

export function readCsv(text: string, onRecord: OnRecord, delimiter: Delimiter = sniffDelimiter(text)): ReadResult {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const cells: string[] = [];
  let i = 0;
  let line = 1;
  let unclosedQuoteLine: number | null = null;
  // Next quote / CR at or after i (-1: none left); searched again only once passed, so the scan stays linear.
  let nextQuote = text.indexOf('"');
  let nextCr = text.indexOf('\r');

  while (i < n) {
    cells.length = 0;
    const recordLine = line;
    if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
    if (nextCr !== -1 && nextCr < i) nextCr = text.indexOf('\r', i);
    const nl = text.indexOf('\n', i);
    const lineEnd = nl < 0 ? n : nl;
    const contentEnd = lineEnd > i && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;

    if ((nextQuote < 0 || nextQuote >= lineEnd) && (nextCr < 0 || nextCr >= contentEnd)) {
      // Fast path: a line with no quote and no lone CR, cut at each delimiter.
      let s = i;
      for (;;) {
        const d = text.indexOf(delimiter, s);
        if (d < 0 || d >= contentEnd) break;
        cells.push(text.slice(s, d));
        s = d + 1;
      }
      cells.push(text.slice(s, contentEnd));
      i = lineEnd + 1;
      line++;
    } else {
      // Character by character: quotes, line ends inside quotes, lone CR.
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
          // Lenient: text after the closing quote up to the delimiter is kept ("a"b -> ab).
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
        i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        break;
      }
    }
    if (!isBlank(cells) && onRecord(cells, recordLine) === false) break;
  }
  return { delimiter, unclosedQuoteLine };
}

function isBlank(cells: string[]): boolean {
  for (let k = 0; k < cells.length; k++) if (cells[k] !== '' && cells[k].trim() !== '') return false;
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

/** A whole table in memory, cells in one flat array (row i spans cells[rowStart[i]] .. cells[rowStart[i+1]-1]). */
export interface Table {
  cells: string[];
  /** Length = record count + 1. */
  rowStart: number[];
  /** 1-based physical line of each record. */
  rowLine: number[];
}

/** Reads every record into a Table (small files, tests). */
export function parseCsv(text: string, delimiter?: Delimiter): Table & ReadResult {
  const table: Table = { cells: [], rowStart: [], rowLine: [] };
  const result = readCsv(
    text,
    (cells, line) => {
      table.rowStart.push(table.cells.length);
      table.rowLine.push(line);
      for (const c of cells) table.cells.push(c);
    },
    delimiter,
  );
  table.rowStart.push(table.cells.length);
  return { ...table, ...result };
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
