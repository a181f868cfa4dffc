import type { AppContext } from '../context';
import type { ImportMapping, ImportResultDto } from '../../../shared/api/imports';
import type { Table } from './csv';
import { resolveMapping } from './mapping';
import { Problems } from './problems';
import { birthYearOf, sexOf, shanghaiYear } from './values';

/**
 * 人口台账 import. The file is the full register of every compound it names: their residents are deleted and
 * replaced by the file's rows, and the compounds' residents / households / elderly are recomputed, all in one
 * transaction. Every row is checked first; any problem rejects the file and nothing is written.
 * Kept lean for 100,000 rows: one pass over the flat cell array into column arrays, prepared statements reused.
 */
export function commitResidents(ctx: AppContext, file: string, columns: string[], table: Table, mapping: ImportMapping): ImportResultDto {
  const problems = new Problems(file);
  const m = resolveMapping('residents', mapping, columns, problems, { line: table.rowLine[0] });
  problems.throwIfAny();

  const { cells, rowStart, rowLine } = table;
  const width = columns.length;
  const n = rowStart.length - 2; // data records (row 0 is the header)
  const iCode = m.compoundCode.index;
  const iBuilding = m.building.index;
  const iHousehold = m.household.index;
  const iName = m.name.index;
  const iSex = m.sex.index;
  const iBirth = m.birthYear.index;
  const iPhone = m.phone.index;

  const codeToId = new Map<string, number>();
  for (const r of ctx.db.prepare('SELECT id, code FROM compound').iterate() as IterableIterator<{ id: number; code: string }>) {
    codeToId.set(r.code, r.id);
  }
  const thisYear = shanghaiYear(ctx.now());

  const compoundId = new Int32Array(n);
  const building: (string | null)[] = new Array(n);
  const household: string[] = new Array(n);
  const name: string[] = new Array(n);
  const sex: ('M' | 'F' | null)[] = new Array(n);
  const birthYear: (number | null)[] = new Array(n);
  const phone: (string | null)[] = new Array(n);

  for (let r = 0; r < n; r++) {
    const s = rowStart[r + 1];
    const count = rowStart[r + 2] - s;
    const line = rowLine[r + 1];
    if (count < width) {
      problems.add({ line, message: `只有 ${count} 列，表头有 ${width} 列：这一行缺少列。` });
      continue;
    }
    if (count > width) {
      let extra = false;
      for (let k = s + width; k < s + count; k++) if (cells[k].trim() !== '') extra = true;
      if (extra) {
        problems.add({ line, message: `有 ${count} 列，多于表头的 ${width} 列（可能有未加引号的逗号）。` });
        continue;
      }
    }
    const code = cells[s + iCode].trim();
    const id = codeToId.get(code);
    if (code === '') problems.add({ line, field: m.compoundCode.column, message: '小区编码为空。' });
    else if (id === undefined) problems.add({ line, field: m.compoundCode.column, message: `未知的小区编码“${code}”：请先导入该小区。` });
    else compoundId[r] = id;

    const hh = cells[s + iHousehold].trim();
    if (hh === '') problems.add({ line, field: m.household.column, message: '户号为空。' });
    household[r] = hh;
    const nm = cells[s + iName].trim();
    if (nm === '') problems.add({ line, field: m.name.column, message: '姓名为空。' });
    name[r] = nm;
    building[r] = iBuilding >= 0 ? cells[s + iBuilding].trim() || null : null;
    phone[r] = iPhone >= 0 ? cells[s + iPhone].trim() || null : null;

    if (iSex >= 0) {
      const raw = cells[s + iSex].trim();
      const v = sexOf(raw);
      if (v === undefined) problems.add({ line, field: m.sex.column, message: `性别“${raw}”无法识别：应为 男 或 女。` });
      sex[r] = v ?? null;
    } else sex[r] = null;

    if (iBirth >= 0) {
      const raw = cells[s + iBirth].trim();
      const y = birthYearOf(raw);
      if (y !== null && Number.isNaN(y)) problems.add({ line, field: m.birthYear.column, message: `出生年份“${raw}”不是数字（应为四位年份，如 1956）。` });
      else if (y !== null && (y < 1890 || y > thisYear)) problems.add({ line, field: m.birthYear.column, message: `出生年份 ${y} 不在 1890..${thisYear} 之间。` });
      birthYear[r] = y;
    } else birthYear[r] = null;
  }
  problems.throwIfAny();

  const touched = [...new Set(compoundId)];
  const now = ctx.now();
  const db = ctx.db;
  const remove = db.prepare('DELETE FROM resident WHERE compound_id = ?');
  const insert = db.prepare(
    'INSERT INTO resident (compound_id, building, household, name, sex, birth_year, phone, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const recount = db.prepare(`
    UPDATE compound SET
      residents = (SELECT COUNT(*) FROM resident WHERE compound_id = @id),
      households = (SELECT COUNT(*) FROM (SELECT DISTINCT building, household FROM resident WHERE compound_id = @id)),
      elderly = (SELECT COUNT(*) FROM resident WHERE compound_id = @id AND birth_year <= @elderlyBorn),
      updated_at = @now
    WHERE id = @id`);
  let replaced = 0;
  db.transaction(() => {
    for (const id of touched) replaced += remove.run(id).changes;
    for (let r = 0; r < n; r++) insert.run(compoundId[r], building[r], household[r], name[r], sex[r], birthYear[r], phone[r], now);
    for (const id of touched) recount.run({ id, elderlyBorn: thisYear - 60, now });
  })();
  return { kind: 'residents', rowsIn: n, inserted: n, updated: 0, replacedResidents: replaced };
}
