import { importFields, type ImportKind } from '../../../shared/api/imports';
import { normalizeHeader } from './mapping';

/**
 * Finding the header of a sheet as offices save it: title rows above it (`某某街道2022年底人口情况表`, often merged across
 * the sheet), sometimes a two-row header (`人口情况` merged over `常住人口 | 60岁以上`). The header is the row, or pair of
 * rows, whose cells name the most of our fields; when nothing matches, the first of the widest rows.
 */

export interface SheetRow {
  line: number;
  cells: string[];
}

/** How many of the first non-blank rows are looked at (and offered to the user to choose from). */
export const headerSearchRows = 30;

export interface FoundHeader {
  /** Index into the rows of the header's last row; the data start after it. */
  index: number;
  /** 1 or 2 rows. */
  span: 1 | 2;
  /** The header's cells (for two rows: the lower row's cell where it has one, else the upper one's). */
  cells: string[];
  /** True when the header names at least one of our fields (else it is only a guess). */
  matched: boolean;
}

export function findHeader(kind: ImportKind, rows: readonly SheetRow[]): FoundHeader | null {
  if (rows.length === 0) return null;
  const aliases = importFields[kind].map((f) => new Set(f.aliases.map(normalizeHeader)));
  const score = (cells: readonly string[]) => {
    const names = new Set(cells.map(normalizeHeader).filter((c) => c !== ''));
    let n = 0;
    for (const field of aliases) for (const name of names) if (field.has(name)) { n++; break; }
    return n;
  };
  let best: FoundHeader | null = null;
  let bestScore = 0;
  const n = Math.min(rows.length, headerSearchRows);
  for (let i = 0; i < n; i++) {
    // A pair counts only when it names more than its lower row alone (a title above a header adds nothing).
    const single = score(rows[i].cells);
    const pairCells = i > 0 ? combine(rows[i - 1].cells, rows[i].cells) : null;
    const pair = pairCells ? score(pairCells) : -1;
    const candidate: FoundHeader =
      pairCells && pair > single ? { index: i, span: 2, cells: pairCells, matched: true } : { index: i, span: 1, cells: rows[i].cells, matched: true };
    const s = Math.max(single, pair);
    if (s > bestScore) {
      best = candidate;
      bestScore = s;
    }
  }
  if (best) return best;
  // Nothing names a field: the first row with the most distinct values (a title merged across the sheet has one).
  let index = 0;
  let widest = -1;
  for (let i = 0; i < n; i++) {
    const distinct = new Set(rows[i].cells.map((c) => c.trim()).filter((c) => c !== '')).size;
    if (distinct > widest) {
      widest = distinct;
      index = i;
    }
  }
  return { index, span: 1, cells: rows[index].cells, matched: false };
}

/** A two-row header: each column named by the lower row where it names it, else by the upper (merged group) row. */
function combine(upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  const out: string[] = [];
  for (let k = 0; k < width; k++) {
    const below = (lower[k] ?? '').trim();
    out.push(below !== '' ? below : (upper[k] ?? ''));
  }
  return out;
}

/** Header names trimmed; blanks named "列 N", repeats numbered, so every column can be chosen by name. */
export function headerOf(cells: readonly string[], width: number): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let k = 0; k < Math.max(width, cells.length); k++) {
    let name = (cells[k] ?? '').replace(/\s+/g, ' ').trim() || `列 ${k + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    out.push(name);
  }
  return out;
}
