import { describe, expect, test } from 'vitest';
import { findHeader, headerOf } from '../../main/services/import/header';
import { footerLabel, totalLabel, TotalsCheck } from '../../main/services/import/totals';
import { intOf } from '../../main/services/import/values';
import type { MappedField } from '../../main/services/import/mapping';

/** Sheets as Excel and WPS save them (issue 8): figures as typed, the header under titles, total rows. */

describe('figures as offices type them', () => {
  test('full-width digits and commas, spaces inside and around, a unit after, a decimal .0', () => {
    expect(intOf('１２９３')).toBe(1293);
    expect(intOf('１，２９３')).toBe(1293);
    expect(intOf('1,293 ')).toBe(1293);
    expect(intOf('\u30001293')).toBe(1293);
    expect(intOf('1 293')).toBe(1293);
    expect(intOf('891人')).toBe(891);
    expect(intOf('12栋')).toBe(12);
    expect(intOf('1293.0')).toBe(1293);
  });

  test('a dash is no figure; text, fractions, negatives and misplaced separators are not counts', () => {
    expect(intOf('—')).toBeNull();
    expect(intOf('/')).toBeNull();
    expect(intOf('康居雅苑')).toBeNaN();
    expect(intOf('12.5')).toBeNaN();
    expect(intOf('-3')).toBeNaN();
    expect(intOf('12,93')).toBeNaN();
  });
});

const row = (line: number, ...cells: string[]) => ({ line, cells });

describe('finding the header', () => {
  test('under a title and a unit row: the row naming the most fields', () => {
    const rows = [
      row(1, '某某街道2022年底人口情况表', '', '', ''),
      row(2, '填报单位：某某街道', '', '', ''),
      row(4, '序号', '社区', '小区名称', '常住人口'),
      row(5, '1', '民主村社区', '康居雅苑', '2890'),
    ];
    expect(findHeader('population', rows)).toMatchObject({ index: 2, span: 1, matched: true });
  });

  test('a title merged across the sheet (the same text in every cell) is not a header', () => {
    const title = '某某街道2022年底人口情况表';
    const rows = [row(1, title, title, title), row(2, 'a', 'b', 'c'), row(3, '1', '2', '3')];
    expect(findHeader('population', rows)).toMatchObject({ index: 1, matched: false });
  });

  test('a two-row header: the group row above names the columns the lower row leaves blank', () => {
    const rows = [
      row(2, '社区', '小区名称', '户数', '人口情况', '人口情况'),
      row(3, '', '', '', '常住人口', '60岁以上'),
      row(4, '民主村社区', '康居雅苑', '1120', '2890', '612'),
    ];
    const h = findHeader('population', rows);
    expect(h).toMatchObject({ index: 1, span: 2 });
    expect(h?.cells).toEqual(['社区', '小区名称', '户数', '常住人口', '60岁以上']);
  });

  test('every column is named: blanks as 列 N, repeats numbered, line breaks in a cell as a space', () => {
    expect(headerOf(['社区', '', '社区', '60岁\n以上'], 6)).toEqual(['社区', '列 2', '社区 (2)', '60岁 以上', '列 5', '列 6']);
  });
});

describe('total rows', () => {
  test('合计 / 总计 / 小计 / 共计 in the first filled cells, spaces ignored; a 备注 saying 已合计 is data', () => {
    expect(totalLabel(['合\u3000计', '', '30'])).toBe('合计');
    expect(totalLabel(['', '总计：', '30'])).toBe('总计：');
    expect(totalLabel(['5', '民主村社区小计', '', '30'])).toBe('民主村社区小计');
    expect(totalLabel(['1', '民主村社区', '康居雅苑', '30', '已合计'])).toBeNull();
    expect(totalLabel(['1', '合计村', '康居'])).toBeNull();
  });

  test('notes under the table are recognised', () => {
    expect(footerLabel(['填表人：张三', '', '审核人：李四'])).toBe('填表人：张三');
    expect(footerLabel(['注：常住人口以年底为准'])).toBe('注：常住人口以年底为准');
    expect(footerLabel(['1', '民主村社区', '康居雅苑', '备注：无'])).toBeNull();
  });

  test('a 小计 totals its group, a 合计 every row; a difference is a warning with both figures', () => {
    const residents: MappedField = { id: 'residents', zh: '常住人口', index: 1, column: '常住人口' };
    const t = new TotalsCheck([residents]);
    t.addData(['康居', '2,890']);
    t.addData(['幸福里', '1293']);
    t.addTotal(['民主村小计', '4183'], 4, '民主村小计');
    t.addData(['石油新村', '1520']);
    t.addTotal(['石油路小计', '1500'], 6, '石油路小计');
    t.addTotal(['合计', '5703'], 7, '合计');
    expect(t.skipped).toEqual([
      { line: 4, label: '民主村小计' },
      { line: 6, label: '石油路小计' },
      { line: 7, label: '合计' },
    ]);
    expect(t.warnings).toEqual([{ line: 6, field: '常住人口', message: '石油路小计行的常住人口 1,500 与本组各行之和 1,520 不符（少 20）。' }]);
  });
});
