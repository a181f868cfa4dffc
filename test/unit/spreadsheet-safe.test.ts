import { describe, expect, test } from 'vitest';
import { restoreCell, safeCell } from '../../shared/domain/spreadsheet-safe';
import { csvLine, parseCsv } from '../../main/services/import/csv';

describe('spreadsheet-safe cells', () => {
  test('text beginning with = + - @ tab or CR gets a leading apostrophe; other text is unchanged', () => {
    expect(safeCell('=HYPERLINK("http://evil.example","点我")')).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(safeCell('+86 138 0000 0001')).toBe(`'+86 138 0000 0001`);
    expect(safeCell('-1')).toBe(`'-1`);
    expect(safeCell('@SUM(A1:A9)')).toBe(`'@SUM(A1:A9)`);
    expect(safeCell('\t=1+1')).toBe(`'\t=1+1`);
    expect(safeCell('\r=1+1')).toBe(`'\r=1+1`);
    for (const plain of ['张三', '1-101', '13800000001', 'a=b', '', "'quoted"]) expect(safeCell(plain)).toBe(plain);
  });

  test('numbers stay numbers (a negative one too), null and undefined stay empty', () => {
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(1950)).toBe(1950);
    expect(safeCell(null)).toBeNull();
    expect(safeCell(undefined)).toBeUndefined();
  });

  test('restoreCell undoes safeCell for every text, including ones that already begin with apostrophes', () => {
    const texts = ['=1+1', "'=1+1", "''=1+1", '-', '+', '@', '\tx', "'", "'abc", 'abc', '', "'-3"];
    for (const t of texts) expect(restoreCell(safeCell(t))).toBe(t);
    // An apostrophe that does not guard a formula character is part of the text.
    expect(restoreCell("'abc")).toBe("'abc");
  });

  test('through a CSV line and back: the file holds no cell that starts with a formula character', () => {
    const row = ['=HYPERLINK("http://x")', '+1', -7, 'plain, with comma'];
    const line = csvLine(row.map(safeCell));
    expect(line).toBe(`"'=HYPERLINK(""http://x"")",'+1,-7,"plain, with comma"`);
    const { cells } = parseCsv(line);
    for (const c of cells) expect(c).not.toMatch(/^[=+@\t\r]/);
    expect(cells.map(restoreCell)).toEqual(['=HYPERLINK("http://x")', '+1', '-7', 'plain, with comma']);
  });
});
