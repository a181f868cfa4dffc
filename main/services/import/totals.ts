import type { ImportNote } from '../../../shared/api/imports';
import type { MappedField } from './mapping';
import { intOf } from './values';

/**
 * Total rows of a sheet (合计 / 总计 / 小计 / 共计): recognised, skipped (a total must never become a compound or a
 * resident), reported, and compared with the sum of the rows they total. A 小计 totals the rows since the previous
 * total row; a 合计 / 总计 / 共计 totals every data row above it.
 */

const totalWord = /^(.{0,20}?)(合计|总计|小计|共计)[:：]?$/;
/** Only the first few filled cells are looked at: a 备注 saying "已合计" is not a label. */
const labelCells = 3;

/** The row's label when it is a total row (whitespace removed: "合　计" is 合计), else null. */
export function totalLabel(cells: readonly string[]): string | null {
  let seen = 0;
  for (let k = 0; k < cells.length && seen < labelCells; k++) {
    const c = cells[k].replace(/[\s\u3000]/g, '');
    if (c === '') continue;
    seen++;
    if (totalWord.test(c)) return c;
  }
  return null;
}

const isSubtotal = (label: string) => label.includes('小计');

export class TotalsCheck {
  readonly skipped: { line: number; label: string }[] = [];
  readonly warnings: ImportNote[] = [];
  private readonly all: number[];
  private readonly segment: number[];

  /** `fields`: the count columns mapped (their sums are compared). */
  constructor(private readonly fields: readonly MappedField[]) {
    this.all = fields.map(() => 0);
    this.segment = fields.map(() => 0);
  }

  /** Adds a data row's figures (a cell that is not a count adds nothing: it is a problem of its own). */
  addData(cells: readonly string[]): void {
    this.fields.forEach((f, i) => {
      const v = intOf(cells[f.index]);
      if (v !== null && !Number.isNaN(v)) {
        this.all[i] += v;
        this.segment[i] += v;
      }
    });
  }

  addTotal(cells: readonly string[], line: number, label: string): void {
    this.skipped.push({ line, label });
    const sums = isSubtotal(label) ? this.segment : this.all;
    const scope = isSubtotal(label) ? '本组各行' : '各行';
    this.fields.forEach((f, i) => {
      const v = intOf(cells[f.index]);
      if (v === null || Number.isNaN(v) || v === sums[i]) return;
      const d = v - sums[i];
      this.warnings.push({
        line,
        field: f.column,
        message: `${label}行的${f.zh} ${v.toLocaleString('en-US')} 与${scope}之和 ${sums[i].toLocaleString('en-US')} 不符（${d > 0 ? '多' : '少'} ${Math.abs(d).toLocaleString('en-US')}）。`,
      });
    });
    this.segment.fill(0);
  }
}

const footerWord = /^(填表人|制表人|审核人|负责人|统计人|填报人|填报单位|制表单位|制表时间|填表时间|填报时间|制表日期|填表日期|注|说明|备注)[:：]/;

/** A note under the table ("填表人：张三", "注：…"): not data. Null when the row is not one. */
export function footerLabel(cells: readonly string[]): string | null {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0 || new Set(filled).size > 3) return null;
  return footerWord.test(filled[0].replace(/[\s\u3000]/g, '')) ? filled[0] : null;
}
