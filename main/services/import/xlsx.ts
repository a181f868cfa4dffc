import ExcelJS from 'exceljs';
import type { Table } from './csv';
import { rejectFile } from './problems';

/** Is this a ZIP container (XLSX)? The old binary .xls starts with the OLE signature instead. */
export const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
export const isOleXls = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export interface XlsxTable extends Table {
  /** The worksheet read. */
  sheet: string;
  /** Columns up to the last one holding a value in any row (a row stores no trailing empty cells). */
  width: number;
}

export interface Workbook {
  /** Every worksheet by name, in the workbook's order. */
  sheets: string[];
  read(name: string): XlsxTable;
}

/** Loads an XLSX file; its worksheets are read one at a time with `read`. */
export async function loadWorkbook(bytes: Uint8Array, file: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw rejectFile(file, `无法读取 Excel 文件：${(err as Error).message}。请确认是 .xlsx 格式。`);
  }
  const sheets = wb.worksheets.map((w) => w.name);
  return {
    sheets,
    read(name) {
      const sheet = wb.worksheets.find((w) => w.name === name);
      if (!sheet) throw rejectFile(file, `没有名为“${name}”的工作表，可选：${sheets.join('、')}。`);
      return readSheet(sheet);
    },
  };
}

/**
 * One worksheet into the same flat table as the CSV reader. Line numbers are the sheet's row numbers, so "line 5" is
 * row 5 in Excel. Empty rows are skipped. Merged cells read as their top-left cell's value in every cell they cover
 * (exceljs fills them): a title merged across the sheet is one distinct value, and a 社区 cell merged down over its
 * compounds names each of them. Formulas read as their cached result.
 */
function readSheet(sheet: ExcelJS.Worksheet): XlsxTable {
  const cells: string[] = [];
  const rowStart: number[] = [];
  const rowLine: number[] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based; [0] is unused
    const first = cells.length;
    let last = -1;
    for (let c = 1; c < values.length; c++) {
      const s = cellText(values[c]);
      if (s.trim() !== '') last = c - 1;
      cells.push(s);
    }
    if (last < 0) {
      cells.length = first;
      return;
    }
    cells.length = first + last + 1; // trailing empty cells are not part of the table
    width = Math.max(width, last + 1);
    rowStart.push(first);
    rowLine.push(rowNumber);
  });
  rowStart.push(cells.length);
  return { cells, rowStart, rowLine, sheet: sheet.name, width };
}

/** A cell as the text a user sees: numbers without float noise, formulas by their result, rich text joined. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return 'result' in v && v.result !== undefined ? cellText(v.result as ExcelJS.CellValue) : '';
  if ('text' in v) return String(v.text);
  if ('error' in v) return String(v.error);
  return String(v);
}
