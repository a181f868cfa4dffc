import type { ImportNote } from '../../../shared/api/imports';
import type { MappedField } from './mapping';
import { intOf, textOf } from './values';

/**
 * A mapping that makes no sense, caught before anything is written: a column of text mapped to a count (names into
 * 户数) is one problem about the mapping, instead of one per row discovered afterwards; a name column holding only
 * numbers is a warning (a column picked one off).
 */
export class MappingSanity {
  private readonly counts: { field: MappedField; filled: number; bad: number; example: string }[];
  private readonly names: { field: MappedField; filled: number; numeric: number }[];

  constructor(countFields: readonly MappedField[], nameFields: readonly MappedField[]) {
    this.counts = countFields.filter((f) => f.index >= 0).map((field) => ({ field, filled: 0, bad: 0, example: '' }));
    this.names = nameFields.filter((f) => f.index >= 0).map((field) => ({ field, filled: 0, numeric: 0 }));
  }

  add(value: (f: MappedField) => unknown): void {
    for (const c of this.counts) {
      const v = intOf(value(c.field));
      if (v === null) continue;
      c.filled++;
      if (Number.isNaN(v)) {
        c.bad++;
        if (c.example === '') c.example = textOf(value(c.field));
      }
    }
    for (const n of this.names) {
      const t = textOf(value(n.field));
      if (t === '') continue;
      n.filled++;
      if (/^[\d,.\s]+$/.test(t)) n.numeric++;
    }
  }

  /** Count fields that hold mostly text: every row of them would be a problem, so the mapping is the problem. */
  badCountFields(): Set<string> {
    return new Set(this.counts.filter((c) => c.bad > 0 && c.bad * 2 >= c.filled).map((c) => c.field.id));
  }

  problems(where: { line?: number }): ImportNote[] {
    return this.counts
      .filter((c) => c.bad > 0 && c.bad * 2 >= c.filled)
      .map((c) => ({
        ...where,
        field: c.field.column,
        message: `列“${c.field.column}”对应“${c.field.zh}”，但它的 ${c.filled} 个值中有 ${c.bad} 个不是数字（如“${c.example}”）：请检查字段对应。`,
      }));
  }

  warnings(where: { line?: number }): ImportNote[] {
    return this.names
      .filter((n) => n.filled > 0 && n.numeric === n.filled)
      .map((n) => ({ ...where, field: n.field.column, message: `列“${n.field.column}”对应“${n.field.zh}”，但它的值全是数字：是否选错了列？` }));
  }
}
