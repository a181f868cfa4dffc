import { maxImportBytes, type DeclaredCrs, type ImportFileInput } from '../../../shared/api/imports';
import { readCsv, type Table } from './csv';
import { decodeText, type TextEncoding } from './encoding';
import { parseFeatureCollection, type RawFeature } from './geojson';
import { rejectFile } from './problems';
import { isOleXls, isZip, readXlsx } from './xlsx';

/** A register file (CSV / XLSX): its header, and its data rows streamed (see csv.ts for why). */
export interface TableSource {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  bom: boolean;
  columns: string[];
  headerLine: number;
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

  if (input.kind === 'residents') {
    if (isZip(bytes)) return xlsxSource(file, await readXlsx(bytes, file));
    if (isOleXls(bytes)) throw rejectFile(file, '这是旧版 Excel (.xls) 文件。请在 Excel 中另存为 .xlsx 或 CSV 后再导入。');
    const decoded = decodeText(bytes, input.encoding, file);
    if (decoded.text.trim() === '') throw rejectFile(file, '文件是空的（没有任何内容）。');
    return csvSource(file, decoded.text, decoded.encoding, decoded.bom);
  }

  if (isZip(bytes) || isOleXls(bytes)) throw rejectFile(file, '这是 Excel 文件，不是 GeoJSON。边界数据请导入 .geojson 文件。');
  const decoded = decodeText(bytes, input.encoding, file);
  if (decoded.text.trim() === '') throw rejectFile(file, '文件是空的（没有任何内容）。');
  const { features, columns, crs } = parseFeatureCollection(decoded.text, file);
  return { format: 'geojson', encoding: decoded.encoding, bom: decoded.bom, columns, features, crs };
}

function csvSource(file: string, text: string, encoding: TextEncoding, bom: boolean): TableSource {
  let header: string[] = [];
  let headerLine = 1;
  readCsv(text, (cells, line) => {
    header = cells.slice();
    headerLine = line;
    return false;
  });
  if (header.length === 0) throw rejectFile(file, '文件是空的（没有表头，也没有数据行）。');
  return {
    format: 'csv',
    encoding,
    bom,
    columns: headerOf(header),
    headerLine,
    forEachRow(fn) {
      let first = true;
      return readCsv(text, (cells, line) => {
        if (first) first = false;
        else fn(cells, line);
      });
    },
  };
}

function xlsxSource(file: string, table: Table): TableSource {
  if (table.rowStart.length < 2) throw rejectFile(file, '文件是空的（第一个工作表没有任何内容）。');
  const { cells, rowStart, rowLine } = table;
  return {
    format: 'xlsx',
    encoding: null,
    bom: false,
    columns: headerOf(cells.slice(rowStart[0], rowStart[1])),
    headerLine: rowLine[0],
    forEachRow(fn) {
      const row: string[] = [];
      for (let r = 1; r < rowStart.length - 1; r++) {
        row.length = 0;
        for (let k = rowStart[r]; k < rowStart[r + 1]; k++) row.push(cells[k]);
        fn(row, rowLine[r]);
      }
      return { unclosedQuoteLine: null };
    },
  };
}

export const unclosedQuote = (file: string, line: number) =>
  rejectFile(file, `第 ${line} 行的引号没有闭合（字段以 " 开始，却没有结束的 "）。`, { line });

/** Refuses a register with a header and no data rows. */
export function headerOnly(file: string, source: TableSource) {
  return rejectFile(file, '文件只有表头，没有数据行。', { line: source.headerLine });
}

/** Header names trimmed; blanks named "列 N", repeats numbered, so every column can be chosen by name. */
function headerOf(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, k) => {
    let name = cell.trim() || `列 ${k + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    return name;
  });
}
