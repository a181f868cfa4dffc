import { maxImportBytes, type ImportFileInput } from '../../../shared/api/imports';
import { parseCsv, type Table } from './csv';
import { decodeText, type TextEncoding } from './encoding';
import { parseFeatureCollection, type RawFeature } from './geojson';
import { rejectFile } from './problems';
import { isOleXls, isZip, readXlsx } from './xlsx';

/** An import file read once: either a table (CSV / XLSX, header in row 0) or GeoJSON features. */
export type Source =
  | { format: 'csv' | 'xlsx'; encoding: TextEncoding | null; bom: boolean; columns: string[]; table: Table }
  | { format: 'geojson'; encoding: TextEncoding; bom: boolean; columns: string[]; features: RawFeature[] };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Decoded size of a base64 string, without decoding it. */
export function base64Bytes(b64: string): number {
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

export function checkSize(file: string, bytes: number): void {
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
    if (isZip(bytes)) return tableSource(file, await readXlsx(bytes, file), 'xlsx', null, false);
    if (isOleXls(bytes)) throw rejectFile(file, '这是旧版 Excel (.xls) 文件。请在 Excel 中另存为 .xlsx 或 CSV 后再导入。');
    const decoded = decodeText(bytes, input.encoding, file);
    if (decoded.text.trim() === '') throw rejectFile(file, '文件是空的（没有任何内容）。');
    const table = parseCsv(decoded.text);
    if (table.unclosedQuoteLine !== null) {
      throw rejectFile(file, `第 ${table.unclosedQuoteLine} 行的引号没有闭合（字段以 " 开始但没有结束的 "）。`, { line: table.unclosedQuoteLine });
    }
    return tableSource(file, table, 'csv', decoded.encoding, decoded.bom);
  }

  if (isZip(bytes) || isOleXls(bytes)) throw rejectFile(file, '这是 Excel 文件，不是 GeoJSON。边界数据请导入 .geojson 文件。');
  const decoded = decodeText(bytes, input.encoding, file);
  if (decoded.text.trim() === '') throw rejectFile(file, '文件是空的（没有任何内容）。');
  const { features, columns } = parseFeatureCollection(decoded.text, file);
  return { format: 'geojson', encoding: decoded.encoding, bom: decoded.bom, columns, features };
}

function tableSource(file: string, table: Table, format: 'csv' | 'xlsx', encoding: TextEncoding | null, bom: boolean): Source {
  const records = table.rowStart.length - 1;
  if (records === 0) throw rejectFile(file, '文件是空的（没有表头，也没有数据行）。');
  if (records === 1) throw rejectFile(file, '文件只有表头，没有数据行。', { line: table.rowLine[0] });
  return { format, encoding, bom, columns: headerOf(table), table };
}

/** Header names trimmed; blanks named "列 N", repeats numbered, so every column can be chosen by name. */
function headerOf(table: Table): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let k = table.rowStart[0]; k < table.rowStart[1]; k++) {
    let name = table.cells[k].trim() || `列 ${k - table.rowStart[0] + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    out.push(name);
  }
  return out;
}
