import { describe, expect, test } from 'vitest';
import { csvLine, parseCsv, type Table } from '../../main/services/import/csv';
import { decodeText } from '../../main/services/import/encoding';

/** Rows as arrays, with their start lines, for readable assertions. */
function rows(t: Table) {
  const out: { line: number; cells: string[] }[] = [];
  for (let r = 0; r < t.rowStart.length - 1; r++) out.push({ line: t.rowLine[r], cells: t.cells.slice(t.rowStart[r], t.rowStart[r + 1]) });
  return out;
}

describe('CSV reader', () => {
  test('plain rows, LF', () => {
    expect(rows(parseCsv('a,b,c\n1,2,3\n'))).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '2', '3'] },
    ]);
  });

  test('CRLF line ends leave no \\r in the last cell', () => {
    expect(rows(parseCsv('小区编码,姓名\r\nP01,张三\r\nP02,李四\r\n'))).toEqual([
      { line: 1, cells: ['小区编码', '姓名'] },
      { line: 2, cells: ['P01', '张三'] },
      { line: 3, cells: ['P02', '李四'] },
    ]);
  });

  test('a lone CR ends a line too, and the last line needs no line end', () => {
    expect(rows(parseCsv('a,b\r1,2'))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  test('quoted fields: embedded commas, doubled quotes, empty quoted field', () => {
    expect(rows(parseCsv('name,addr\n"张,三","他说""你好""",""\n'))).toEqual([
      { line: 1, cells: ['name', 'addr'] },
      { line: 2, cells: ['张,三', '他说"你好"', ''] },
    ]);
  });

  test('embedded newlines (LF and CRLF) stay in the field; later records keep their physical line', () => {
    const t = parseCsv('a,b\r\n"line1\r\nline2",x\r\n"p\nq\nr",y\r\nlast,z\r\n');
    expect(rows(t)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['line1\r\nline2', 'x'] },
      { line: 4, cells: ['p\nq\nr', 'y'] },
      { line: 7, cells: ['last', 'z'] },
    ]);
  });

  test('blank lines and rows of only commas are skipped but counted in line numbers', () => {
    expect(rows(parseCsv('a,b\n\n,,\n1,2\n\n'))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['1', '2'] },
    ]);
  });

  test('a trailing comma gives an empty last cell; short rows stay short (the importer reports them)', () => {
    expect(rows(parseCsv('a,b,c\n1,2,\n1\n'))).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '2', ''] },
      { line: 3, cells: ['1'] },
    ]);
  });

  test('an unclosed quote is reported with the line where it opened', () => {
    const t = parseCsv('a,b\n1,2\n3,"oops\n4,5\n');
    expect(t.unclosedQuoteLine).toBe(3);
  });

  test('tab-separated files are recognised from the header', () => {
    const t = parseCsv('小区编码\t姓名\nP01\t张三\n');
    expect(t.delimiter).toBe('\t');
    expect(rows(t)[1].cells).toEqual(['P01', '张三']);
  });

  test('with a BOM (stripped by the decoder) the first header cell is exactly 小区编码', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('小区编码,姓名\r\nP01,张三\r\n')]);
    const t = parseCsv(decodeText(bytes, 'auto', 'f.csv').text);
    expect(t.cells[0]).toBe('小区编码');
    expect(t.cells[0].length).toBe(4);
  });

  test('csvLine quotes only what needs it and round-trips through the reader', () => {
    const values = ['P01', '1,2栋', 'say "hi"', 'two\r\nlines', '', null, 1950];
    const line = csvLine(values);
    expect(line).toBe('P01,"1,2栋","say ""hi""","two\r\nlines",,,1950');
    expect(rows(parseCsv(line + '\r\n'))[0].cells).toEqual(['P01', '1,2栋', 'say "hi"', 'two\r\nlines', '', '', '1950']);
  });
});
