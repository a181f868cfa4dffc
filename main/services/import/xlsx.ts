import ExcelJS from 'exceljs';
import type { Table } from './csv';
import { rejectFile } from './problems';

/** Is this a ZIP container (XLSX)? The old binary .xls starts with the OLE signature instead. */
export const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
export const isOleXls = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/**
 * Reads the first worksheet of an XLSX file into the same flat table as the CSV reader.
 * Line numbers are the sheet's row numbers, so "line 5" is row 5 in Excel. Empty rows are skipped.
 */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw rejectFile(file, `无法读取 Excel 文件：${(err as Error).message}。请确认是 .xlsx 格式。`);
  }
  const sheet = wb.worksheets[0];
  const cells: string[] = [];
  const rowStart: number[] = [];
  const rowLine: number[] = [];
  let width = 0;
  if (sheet) {
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[]; // 1-based; [0] is unused
      const first = cells.length;
      let nonEmpty = false;
      for (let c = 1; c < values.length; c++) {
        const s = cellText(values[c]);
        if (s !== '') nonEmpty = true;
        cells.push(s);
      }
      if (!nonEmpty) {
        cells.length = first;
        return;
      }
      // A sheet has no "missing columns": trailing empty cells are simply not stored, so pad to the header's width.
      if (rowStart.length === 0) width = cells.length - first;
      else while (cells.length - first < width) cells.push('');
      rowStart.push(first);
      rowLine.push(rowNumber);
    });
  }
  rowStart.push(cells.length);
  return { cells, rowStart, rowLine };
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
