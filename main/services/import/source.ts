import { isTableKind, maxImportBytes, type DeclaredCrs, type ImportFileInput, type ImportKind } from '../../../shared/api/imports';
import { readCsv } from './csv';
import { decodeText, type TextEncoding } from './encoding';
import { parseFeatureCollection, type RawFeature } from './geojson';
import { rejectFile } from './problems';
import { findHeader, headerOf, headerSearchRows, type SheetRow } from './header';
import { isOleXls, isZip, loadWorkbook, type Workbook, type XlsxTable } from './xlsx';

/**
 * A sheet (CSV / XLSX): its header (found by itself or picked by the user) and its rows after the header, streamed
 * (see csv.ts for why). Rows above the header (titles) are not data.
 */
export interface TableSource {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  bom: boolean;
  /** XLSX: every worksheet, and the one read; CSV: none. */
  sheets: string[];
  sheet: string | null;
  /** The first non-blank rows, to find the header in and to offer the user another. */
  topRows: SheetRow[];
  /** The header's line (its lower row for a two-row header); the data start after it. */
  headerLine: number;
  /** False when no row names any of our fields (the header is then only the widest row, a guess). */
  headerFound: boolean;
  /** Every column of the sheet: the header's names, blanks named "列 N". */
  columns: string[];
  /** Calls `fn` for every non-blank row after the header; `cells` is reused between calls. */
  forEachRow(fn: (cells: string[], line: number) => void): { unclosedQuoteLine: number | null };
}

/** An import file: a table, or GeoJSON features. */
export type Source = TableSource | GeoJsonSource;

export interface GeoJsonSource {
  format: 'geojson';
  encoding: TextEncoding;
  bom: boolean;
  columns: string[];
  features: RawFeature[];
  /** The file's `crs` member; null when it declares none. */
  crs: DeclaredCrs | null;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Decoded size of a base64 string, without decoding it. */
function base64Bytes(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

function checkSize(file: string, bytes: number): void {
  if (bytes > maxImportBytes) {
    throw rejectFile(file, `文件大小 ${mb(bytes)} MB，超过 ${maxImportBytes / 1024 / 1024} MB 的上限。请按社区拆分成多个文件后分别导入。`);
  }
}

export async function readSource(input: ImportFileInput): Promise<Source> {
  const file = input.fileName;
  checkSize(file, base64Bytes(input.contentBase64));
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw rejectFile(file, '文件是空的（0 字节）。');

  if (isTableKind(input.kind)) {
    if (isZip(bytes)) return xlsxSource(file, input.kind, await loadWorkbook(bytes, file), input.sheet, input.headerLine);
    if (isOleXls(bytes)) throw rejectFile(file, '这是旧版 Excel (.xls) 文件。请在 Excel 中另存为 .xlsx 或 CSV 后再导入。');
    const decoded = decodeText(bytes, input.encoding, file);
    if (decoded.text.trim() === '') throw rejectFile(file, '文件是空的（没有任何内容）。');
    return csvSource(file, input.kind, decoded.text, decoded.encoding, decoded.bom, input.headerLine);
  }

  if (isZip(bytes) || isOleXls(bytes)) throw rejectFile(file, '这是 Excel 文件，不是 GeoJSON。边界数据请导入 .geojson 文件。');
  const decoded = decodeText(bytes, input.encoding, file);
  if (decoded.text.trim() === '') throw rejectFile(file, '文件是空的（没有任何内容）。');
  const { features, columns, crs } = parseFeatureCollection(decoded.text, file);
  return { format: 'geojson', encoding: decoded.encoding, bom: decoded.bom, columns, features, crs };
}

/** The header row: the one the user picked (it must be among the first rows), else the one found. */
function chooseHeader(file: string, kind: ImportKind, topRows: SheetRow[], picked: number | undefined) {
  if (picked !== undefined) {
    const index = topRows.findIndex((r) => r.line === picked);
    if (index < 0) throw rejectFile(file, `第 ${picked} 行不能作为表头：表头须是前 ${headerSearchRows} 个非空行之一。`, { line: picked });
    return { index, cells: topRows[index].cells, matched: true };
  }
  const found = findHeader(kind, topRows);
  if (!found) throw rejectFile(file, '文件是空的（没有表头，也没有数据行）。');
  return found;
}

function topRowsOf(t: XlsxTable): SheetRow[] {
  const out: SheetRow[] = [];
  for (let r = 0; r < t.rowStart.length - 1 && r < headerSearchRows; r++) out.push({ line: t.rowLine[r], cells: t.cells.slice(t.rowStart[r], t.rowStart[r + 1]) });
  return out;
}

function csvSource(file: string, kind: ImportKind, text: string, encoding: TextEncoding, bom: boolean, picked: number | undefined): TableSource {
  const topRows: SheetRow[] = [];
  readCsv(text, (cells, line) => {
    topRows.push({ line, cells: cells.slice() });
    return topRows.length < headerSearchRows;
  });
  const header = chooseHeader(file, kind, topRows, picked);
  const headerLine = topRows[header.index].line;
  // Excel writes every row of a CSV to the sheet's full width, so the header row's width is the sheet's; a data row
  // wider than it is a problem of its own (an unquoted comma).
  const width = header.cells.length;
  return {
    format: 'csv',
    encoding,
    bom,
    sheets: [],
    sheet: null,
    topRows,
    headerLine,
    headerFound: header.matched,
    columns: headerOf(header.cells, width),
    forEachRow(fn) {
      return readCsv(text, (cells, line) => {
        if (line > headerLine) fn(cells, line);
      });
    },
  };
}

/**
 * The worksheet named, else the first whose header names one of our fields (a workbook often opens with a 填表说明
 * sheet), else the first holding anything.
 */
function xlsxSource(file: string, kind: ImportKind, book: Workbook, sheetName: string | undefined, picked: number | undefined): TableSource {
  if (book.sheets.length === 0) throw rejectFile(file, '文件是空的（没有工作表）。');
  let table: XlsxTable | null = null;
  let topRows: SheetRow[] = [];
  let header: { index: number; cells: string[]; matched: boolean } | null = null;
  for (const name of sheetName !== undefined ? [sheetName] : book.sheets) {
    const t = book.read(name);
    const top = topRowsOf(t);
    if (top.length === 0) continue;
    const h = sheetName !== undefined ? chooseHeader(file, kind, top, picked) : findHeader(kind, top);
    if (!h) continue;
    if (!table || (h.matched && !header?.matched)) [table, topRows, header] = [t, top, h];
    if (h.matched) break;
  }
  if (!table || !header) throw rejectFile(file, sheetName !== undefined ? `文件是空的（工作表“${sheetName}”没有任何内容）。` : '文件是空的（没有任何工作表有内容）。');
  if (sheetName === undefined && picked !== undefined) header = chooseHeader(file, kind, topRows, picked);
  const { cells, rowStart, rowLine } = table;
  const rows = rowStart.length - 1;
  const first = header.index + 1; // index of the first data row
  const width = table.width;
  return {
    format: 'xlsx',
    encoding: null,
    bom: false,
    sheets: book.sheets,
    sheet: table.sheet,
    topRows,
    headerLine: rowLine[header.index],
    headerFound: header.matched,
    columns: headerOf(header.cells, width),
    forEachRow(fn) {
      const out: string[] = [];
      for (let r = first; r < rows; r++) {
        out.length = 0;
        for (let k = rowStart[r]; k < rowStart[r + 1]; k++) out.push(cells[k]);
        // A sheet stores no trailing empty cells: pad to the sheet's width, so every row has every column.
        while (out.length < width) out.push('');
        fn(out, rowLine[r]);
      }
      return { unclosedQuoteLine: null };
    },
  };
}

export const unclosedQuote = (file: string, line: number) =>
  rejectFile(file, `第 ${line} 行的引号没有闭合（字段以 " 开始，却没有结束的 "）。`, { line });

/** Refuses a sheet with a header and no data rows. */
export function headerOnly(file: string, source: TableSource) {
  return rejectFile(file, '文件只有表头，没有数据行。', { line: source.headerLine });
}
