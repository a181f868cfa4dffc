import type { AppContext } from '../context';
import { streetEditor } from '../street';
import type { ImportMapping, ImportResultDto } from '../../../shared/api/imports';
import { resolveMapping } from './mapping';
import { Problems } from './problems';
import { headerOnly, type TableSource } from './source';
import { birthYearOf, sexOf } from './values';
import { shanghaiYear } from '../../../shared/domain/shanghai-time';
import { restoreCell } from '../../../shared/domain/spreadsheet-safe';
import { idsByCode } from '../../db/street';
import { deleteResidentsOf, insertResident, recountFromRegister } from '../../db/population';

/**
 * 人口台账 import. The file is the full register of every compound it names: their residents are deleted and
 * replaced by the file's rows, and the compounds' residents / households / elderly are recomputed.
 *
 * One pass inside one transaction: each row is checked, and while no problem has been found it is written at once
 * (a compound's old residents are deleted the first time the file names it). After the first problem, rows are only
 * checked, so every problem is still collected; any problem throws and the transaction rolls back: nothing is
 * written. Streaming this way keeps 100,000 rows from being held in memory as strings (see csv.ts).
 */
export function commitResidents(ctx: AppContext, file: string, source: TableSource, mapping: ImportMapping): ImportResultDto {
  const problems = new Problems(file);
  const m = resolveMapping('residents', mapping, source.columns, problems, { line: source.headerLine });
  problems.throwIfAny();

  const width = source.columns.length;
  const iCode = m.compoundCode.index;
  const iBuilding = m.building.index;
  const iHousehold = m.household.index;
  const iName = m.name.index;
  const iSex = m.sex.index;
  const iBirth = m.birthYear.index;
  const iPhone = m.phone.index;

  const db = ctx.db;
  const codeToId = new Map([...idsByCode(db, 'compound')].map(([code, c]) => [code, c.id]));
  const now = ctx.now();
  const thisYear = shanghaiYear(now);

  let rowsIn = 0;
  let replaced = 0;
  const named = new Set<number>();

  db.transaction(() => {
    const { unclosedQuoteLine } = source.forEachRow((cells, line) => {
      rowsIn++;
      const count = cells.length;
      if (count < width) {
        problems.add({ line, message: `只有 ${count} 列，表头有 ${width} 列：这一行缺少列。` });
        return;
      }
      if (count > width) {
        for (let k = width; k < count; k++) {
          if (cells[k].trim() !== '') {
            problems.add({ line, message: `有 ${count} 列，多于表头的 ${width} 列（可能有未加引号的逗号）。` });
            return;
          }
        }
      }
      // Text cells as typed: the apostrophe our exporter puts before a would-be formula comes off again.
      const text = (k: number) => restoreCell(cells[k].trim());
      const code = text(iCode);
      const id = codeToId.get(code);
      if (code === '') problems.add({ line, field: m.compoundCode.column, message: '小区编码为空。' });
      else if (id === undefined) problems.add({ line, field: m.compoundCode.column, message: `未知的小区编码“${code}”：请先导入该小区。` });
      const household = text(iHousehold);
      if (household === '') problems.add({ line, field: m.household.column, message: '户号为空。' });
      const name = text(iName);
      if (name === '') problems.add({ line, field: m.name.column, message: '姓名为空。' });

      let sex: 'M' | 'F' | null = null;
      if (iSex >= 0) {
        const raw = cells[iSex].trim();
        const v = sexOf(raw);
        if (v === undefined) problems.add({ line, field: m.sex.column, message: `性别“${raw}”无法识别：应为 男 或 女。` });
        else sex = v;
      }
      let birthYear: number | null = null;
      if (iBirth >= 0) {
        const raw = cells[iBirth].trim();
        birthYear = birthYearOf(raw);
        if (birthYear !== null && Number.isNaN(birthYear)) {
          problems.add({ line, field: m.birthYear.column, message: `出生年份“${raw}”不是数字（应为四位年份，如 1956）。` });
        } else if (birthYear !== null && (birthYear < 1890 || birthYear > thisYear)) {
          problems.add({ line, field: m.birthYear.column, message: `出生年份 ${birthYear} 不在 1890..${thisYear} 之间。` });
        }
      }
      if (problems.total > 0 || id === undefined) return; // from the first problem on: check only

      if (!named.has(id)) {
        named.add(id);
        replaced += deleteResidentsOf(db, id);
      }
      const building = iBuilding >= 0 ? text(iBuilding) || null : null;
      const phone = iPhone >= 0 ? text(iPhone) || null : null;
      insertResident(db, { compoundId: id, building, household, name, sex, birthYear, phone }, now);
    });
    if (unclosedQuoteLine !== null) {
      problems.add({ line: unclosedQuoteLine, message: `第 ${unclosedQuoteLine} 行的引号没有闭合（字段以 " 开始，却没有结束的 "），其后的内容都被读进了这一格。` });
    }
    if (rowsIn === 0) throw headerOnly(file, source);
    problems.throwIfAny(); // rolls the transaction back
    const by = streetEditor(ctx);
    for (const id of named) recountFromRegister(db, id, thisYear - 60, now, by);
  })();
  return { kind: 'residents', rowsIn, inserted: rowsIn, updated: 0, replacedResidents: replaced };
}
