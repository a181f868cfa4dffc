import type { AppContext } from '../context';
import { streetEditor } from '../street';
import type { ImportMapping, ImportNote, ImportPreviewDto, ImportResultDto } from '../../../shared/api/imports';
import { resolveMapping } from './mapping';
import { Problems } from './problems';
import { eachDataRow, rowWidthProblem } from './sheet-rows';
import { headerOnly, type TableSource } from './source';
import { TotalsCheck } from './totals';
import { birthYearOf, sexOf } from './values';
import { shanghaiYear } from '../../../shared/domain/shanghai-time';
import { restoreCell } from '../../../shared/domain/spreadsheet-safe';
import { deleteResidentsOf, insertResident, registerStateOfCompounds, storeRegisterCounts, type CompoundRegisterState } from '../../db/population';

/**
 * 人口台账 import. The file is the full register of every compound it names: their residents are deleted and
 * replaced by the file's rows, and the compounds' register counts are stored; their figures become the register's,
 * except where the population table (人口底数统计表) set them, which stay and show the difference.
 *
 * Replacing what is stored (register rows, or a figure from elsewhere) needs the user's confirmation, given after the
 * preview listed every compound replaced ("康居雅苑：替换现有 891 人为 4 人").
 *
 * One pass inside one transaction: each row is checked, and while no problem has been found it is written at once
 * (a compound's old residents are deleted the first time the file names it). After the first problem, rows are only
 * checked, so every problem is still collected; any problem throws and the transaction rolls back: nothing is
 * written. Streaming this way keeps 100,000 rows from being held in memory as strings (see csv.ts). The preview runs
 * the same pass with `write: false`.
 */

type StoredCompound = CompoundRegisterState;

export type Replacement = ImportPreviewDto['replacements'][number];

export interface ResidentsOutcome {
  rowsIn: number;
  problems: Problems;
  warnings: ImportNote[];
  totals: TotalsCheck;
  replacements: Replacement[];
  deleted: number;
}

export function runResidents(
  ctx: AppContext,
  file: string,
  source: TableSource,
  mapping: ImportMapping,
  options: { write: boolean; confirmReplace: boolean; tap?: (cells: string[], line: number) => void },
): ResidentsOutcome {
  const problems = new Problems(file);
  const warnings: ImportNote[] = [];
  const totals = new TotalsCheck([]);
  const outcome: ResidentsOutcome = { rowsIn: 0, problems, warnings, totals, replacements: [], deleted: 0 };
  const m = resolveMapping('residents', mapping, source.columns, problems, { line: source.headerLine });
  if (problems.total > 0) {
    // The mapping itself is wrong: the rows are counted and shown (preview), not checked.
    eachDataRow(source, totals, warnings, (cells, line) => {
      outcome.rowsIn++;
      options.tap?.(cells, line);
    });
    return outcome;
  }

  const width = source.columns.length;
  const iCode = m.compoundCode.index;
  const iBuilding = m.building.index;
  const iHousehold = m.household.index;
  const iName = m.name.index;
  const iSex = m.sex.index;
  const iBirth = m.birthYear.index;
  const iPhone = m.phone.index;

  const db = ctx.db;
  const byCode = new Map(registerStateOfCompounds(db).map((r) => [r.code, r]));
  const now = ctx.now();
  const thisYear = shanghaiYear(now);

  /** Rows per compound named, in the order the file names them. */
  const incoming = new Map<StoredCompound, number>();
  /** Set when a compound with stored data is met without confirmation: from then on rows are only checked. */
  let unconfirmed = false;

  const pass = () => {
    const { unclosedQuoteLine } = eachDataRow(source, totals, warnings, (cells, line) => {
      outcome.rowsIn++;
      options.tap?.(cells, line);
      const widthProblem = rowWidthProblem(cells, width, source.format === 'xlsx');
      if (widthProblem) {
        problems.add({ line, message: widthProblem });
        return;
      }
      // Text cells as typed: the apostrophe our exporter puts before a would-be formula comes off again.
      const text = (k: number) => restoreCell(cells[k].trim());
      const code = text(iCode);
      const compound = byCode.get(code);
      if (code === '') problems.add({ line, field: m.compoundCode.column, message: '小区编码为空。' });
      else if (compound === undefined) problems.add({ line, field: m.compoundCode.column, message: `未知的小区编码“${code}”：请先导入该小区。` });
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
      if (compound === undefined) return;
      const seen = incoming.get(compound);
      incoming.set(compound, (seen ?? 0) + 1);
      if (seen === undefined && replaces(compound) && !options.confirmReplace) unconfirmed = true;
      if (!options.write || unconfirmed || problems.total > 0) return; // from the first problem on: check only

      if (seen === undefined) outcome.deleted += deleteResidentsOf(db, compound.id);
      const building = iBuilding >= 0 ? text(iBuilding) || null : null;
      const phone = iPhone >= 0 ? text(iPhone) || null : null;
      insertResident(db, { compoundId: compound.id, building, household, name, sex, birthYear, phone }, now);
    });
    if (unclosedQuoteLine !== null) {
      problems.add({ line: unclosedQuoteLine, message: `第 ${unclosedQuoteLine} 行的引号没有闭合（字段以 " 开始，却没有结束的 "），其后的内容都被读进了这一格。` });
    }
    if (outcome.rowsIn === 0) throw headerOnly(file, source);

    for (const [c, n] of incoming) {
      if (!replaces(c)) continue;
      const stored = c.register > 0 ? c.register : c.residents;
      outcome.replacements.push({
        code: c.code,
        name: c.name,
        storedRegister: c.register,
        storedResidents: c.residents,
        storedSource: c.source,
        incoming: n,
        shrinks: n * 2 < stored,
      });
    }
    // The preview lists the replacements for the user to confirm; only a commit without confirmation is refused.
    if (unconfirmed && options.write) {
      const list = outcome.replacements.slice(0, 5).map(replacementText).join('；');
      const more = outcome.replacements.length > 5 ? ` 等 ${outcome.replacements.length} 个小区` : '';
      problems.add({ message: `导入将替换已有数据（${list}${more}）：请在预览中核对后勾选“确认替换”。` });
    }
    if (options.write) {
      problems.throwIfAny(); // rolls the transaction back
      storeRegisterCounts(db, [...incoming.keys()].map((c) => c.id), { elderlyBorn: thisYear - 60, now, by: streetEditor(ctx) });
    }
  };
  if (options.write) db.transaction(pass)();
  else pass();
  return outcome;
}

/**
 * Does the register replace something stored for this compound: its register rows, or a figure that came from
 * elsewhere (typed, a compounds file)? A figure from the population table is not replaced (the table is the base).
 */
function replaces(c: StoredCompound): boolean {
  return c.register > 0 || (c.source !== 'table' && c.residents > 0);
}

/** "康居雅苑：替换现有 891 人为 4 人" */
export function replacementText(r: Replacement): string {
  const stored = r.storedRegister > 0 ? r.storedRegister : r.storedResidents;
  return `${r.name}：替换现有 ${stored} 人为 ${r.incoming} 人`;
}

export function commitResidents(
  ctx: AppContext,
  file: string,
  source: TableSource,
  mapping: ImportMapping,
  confirmReplace: boolean,
): ImportResultDto {
  const out = runResidents(ctx, file, source, mapping, { write: true, confirmReplace });
  out.problems.throwIfAny();
  return {
    kind: 'residents',
    rowsIn: out.rowsIn,
    inserted: out.rowsIn,
    updated: 0,
    replacedResidents: out.deleted,
    replacedCompounds: out.replacements.length,
    deleted: out.deleted,
    ...(out.totals.skipped.length ? { skippedTotals: out.totals.skipped.length } : {}),
  };
}
