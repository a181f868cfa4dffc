import { importFields, oneOfFields, type ImportKind, type ImportMapping } from '../../../shared/api/imports';
import { featureIdColumn } from './geojson';
import type { Problems } from './problems';

/** Header names compare ignoring case, spaces (also full-width), '_', '-' and a trailing '(...)' note. */
export function normalizeHeader(s: string): string {
  return s
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .replace(/[\s\u3000_\-]/g, '');
}

/** Suggests a column for each of our fields: the first alias (best first) that some unused column matches. */
export function suggestMapping(kind: ImportKind, columns: readonly string[]): ImportMapping {
  const normalized = columns.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: ImportMapping = {};
  for (const field of importFields[kind]) {
    let hit = -1;
    for (const alias of field.aliases) {
      const a = normalizeHeader(alias);
      hit = normalized.findIndex((c, i) => c === a && !used.has(i));
      if (hit >= 0) break;
    }
    // A GeoJSON feature's own `id` is the code's last resort, when no property looks like one.
    if (hit < 0 && field.id === 'code') hit = columns.indexOf(featureIdColumn);
    if (hit >= 0 && used.has(hit)) hit = -1;
    if (hit >= 0) used.add(hit);
    mapping[field.id] = hit >= 0 ? columns[hit] : null;
  }
  return mapping;
}

/** A field as the user will recognise it in a message: the file's column name, else our label. */
export interface MappedField {
  id: string;
  zh: string;
  /** Index into the file's columns; -1 when not imported. */
  index: number;
  /** The column / property name, or our label when not mapped. */
  column: string;
}

/**
 * Checks a mapping against the file's columns: every required field mapped (and one of each `oneOfFields` group),
 * every mapped column present, no column used twice. Problems are reported on line 1 (the header) for tables.
 */
export function resolveMapping(
  kind: ImportKind,
  mapping: ImportMapping,
  columns: readonly string[],
  problems: Problems,
  where: { line?: number },
): Record<string, MappedField> {
  const out: Record<string, MappedField> = {};
  const usedBy = new Map<string, string>();
  for (const field of importFields[kind]) {
    const column = mapping[field.id] ?? null;
    let index = -1;
    if (column !== null) {
      index = columns.indexOf(column);
      if (index < 0) problems.add({ ...where, field: column, message: `字段“${field.zh}”对应的列“${column}”在文件中不存在。` });
      const other = usedBy.get(column);
      if (other) problems.add({ ...where, field: column, message: `列“${column}”同时对应了“${other}”和“${field.zh}”。` });
      usedBy.set(column, field.zh);
    } else if (field.required) {
      problems.add({ ...where, field: field.zh, message: `必填字段“${field.zh}”没有对应的列：请在字段对应中选择。` });
    }
    out[field.id] = { id: field.id, zh: field.zh, index, column: column ?? field.zh };
  }
  for (const group of oneOfFields[kind] ?? []) {
    if (group.some((id) => mapping[id])) continue;
    const names = group.map((id) => `“${out[id].zh}”`).join('或');
    problems.add({ ...where, field: out[group[0]].zh, message: `请为${names}选择对应的列（至少一个）。` });
  }
  return out;
}
