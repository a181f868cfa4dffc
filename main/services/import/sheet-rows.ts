import type { ImportNote } from '../../../shared/api/imports';
import type { TableSource } from './source';
import { footerLabel, totalLabel, type TotalsCheck } from './totals';

/**
 * The data rows of a sheet: every row after the header except total rows (skipped and compared by `totals`) and notes
 * under the table (填表人：…, skipped with a warning). Row counts shown to the user count the rows given to `onData`.
 */
export function eachDataRow(
  source: TableSource,
  totals: TotalsCheck,
  warnings: ImportNote[],
  onData: (cells: string[], line: number) => void,
): { unclosedQuoteLine: number | null } {
  return source.forEachRow((cells, line) => {
    const label = totalLabel(cells);
    if (label !== null) {
      totals.addTotal(cells, line, label);
      return;
    }
    const footer = footerLabel(cells);
    if (footer !== null) {
      warnings.push({ line, message: `第 ${line} 行是表格下方的说明（${footer.slice(0, 30)}），未导入。` });
      return;
    }
    totals.addData(cells);
    onData(cells, line);
  });
}

/**
 * A CSV row shorter than its header (unless `allowShort`: its missing cells are empty), or wider with something in
 * the extra cells (an unquoted comma); null when it is fine.
 */
export function rowWidthProblem(cells: readonly string[], width: number, allowShort: boolean): string | null {
  const count = cells.length;
  if (count < width && !allowShort) return `只有 ${count} 列，表头有 ${width} 列：这一行缺少列。`;
  for (let k = width; k < count; k++) {
    if (cells[k].trim() !== '') return `有 ${count} 列，多于表头的 ${width} 列（可能有未加引号的逗号）。`;
  }
  return null;
}
