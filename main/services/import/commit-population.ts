import type { AppContext } from '../context';
import { streetEditor } from '../street';
import type { ImportMapping, ImportNote, ImportResultDto } from '../../../shared/api/imports';
import { CommunityPlan, realId, type CommunityRef } from './communities';
import { resolveMapping, type MappedField } from './mapping';
import { Problems } from './problems';
import { MappingSanity } from './sanity';
import { eachDataRow, rowWidthProblem } from './sheet-rows';
import { headerOnly, unclosedQuote, type TableSource } from './source';
import { TotalsCheck } from './totals';
import { intOf } from './values';
import { restoreCell } from '../../../shared/domain/spreadsheet-safe';
import { compoundsWithCommunity, insertCompound, updateCompoundFromTable, type CompoundWithCommunity } from '../../db/compounds';

/**
 * 人口底数统计表: one row per compound (社区, 小区名称, 小区编码, 楼栋数, 户数, 常住人口, 60岁以上). It sets each compound's
 * population base (source 'table'); the per-person register is another import. A compound is found by its code, else by
 * its name in its community; one not found is created (with its community, when that is new too) once the user agrees.
 * The table is small (one row per compound), so it is read whole, checked, and written in one transaction.
 */

const countIds = ['buildings', 'households', 'residents', 'elderly'] as const;
type Counts = Record<(typeof countIds)[number], number | null>;

type StoredCompound = CompoundWithCommunity;

interface PlannedRow extends Counts {
  line: number;
  /** The stored compound, or null for a new one. */
  compoundId: number | null;
  code: string;
  name: string;
  community: CommunityRef | null;
}

export interface PopulationPlan {
  rowsIn: number;
  rows: PlannedRow[];
  problems: Problems;
  warnings: ImportNote[];
  totals: TotalsCheck;
  communities: CommunityPlan;
  newCompounds: { code: string; name: string; communityName: string }[];
}

const nameKey = (s: string) => s.replace(/[\s\u3000]/g, '');

/** Reads and checks every row; writes nothing. The preview shows the plan, the commit writes it. */
export function planPopulation(
  ctx: AppContext,
  file: string,
  source: TableSource,
  mapping: ImportMapping,
  createMissing: boolean,
  tap?: (cells: string[], line: number) => void,
): PopulationPlan {
  const problems = new Problems(file);
  const warnings: ImportNote[] = [];
  const header = { line: source.headerLine };
  const m = resolveMapping('population', mapping, source.columns, problems, header);
  const countFields = countIds.map((k) => m[k]).filter((f) => f.index >= 0);
  const totals = new TotalsCheck(countFields);
  const communities = new CommunityPlan(ctx);
  const plan: PopulationPlan = { rowsIn: 0, rows: [], problems, warnings, totals, communities, newCompounds: [] };

  // Read whole (a row per compound), so a column of text mapped to a count is found before any row is checked.
  const width = source.columns.length;
  const data: { cells: string[]; line: number }[] = [];
  const sanity = new MappingSanity(countFields, [m.compoundName, m.communityName]);
  const { unclosedQuoteLine } = eachDataRow(source, totals, warnings, (cells, line) => {
    tap?.(cells, line);
    const row = cells.slice();
    while (row.length < width) row.push(''); // a short CSV row: its missing cells are empty
    data.push({ cells: row, line });
    sanity.add((f) => row[f.index]);
  });
  if (unclosedQuoteLine !== null) throw unclosedQuote(file, unclosedQuoteLine);
  plan.rowsIn = data.length;
  if (data.length === 0) throw headerOnly(file, source);
  if (problems.total > 0) return plan; // the mapping itself is wrong: the rows are shown, not checked
  for (const p of sanity.problems(header)) problems.add(p);
  warnings.push(...sanity.warnings(header));
  const badCounts = sanity.badCountFields();

  const stored = compoundsWithCommunity(ctx.db);
  const byCode = new Map(stored.map((c) => [c.code, c]));
  const byCommunityName = new Map(stored.map((c) => [`${c.communityId}|${nameKey(c.name)}`, c]));
  const byName = new Map<string, StoredCompound[]>();
  for (const c of stored) byName.set(nameKey(c.name), [...(byName.get(nameKey(c.name)) ?? []), c]);
  const usedCodes = new Set(stored.map((c) => c.code));
  /** Each compound once in the file: by stored id, or by community and name / code for new ones. */
  const seen = new Map<string, number>();
  // Text cells as typed: the apostrophe our exporter puts before a would-be formula comes off again.
  const text = (cells: string[], f: MappedField) => (f.index >= 0 ? restoreCell((cells[f.index] ?? '').trim()) : '');

  for (const { cells, line } of data) {
    const at = { line };
    const widthProblem = source.format === 'csv' ? rowWidthProblem(cells, width, true) : null;
    if (widthProblem) {
      problems.add({ ...at, message: widthProblem });
      continue;
    }
    const code = text(cells, m.compoundCode);
    const name = text(cells, m.compoundName);
    const community = { code: text(cells, m.communityCode), name: text(cells, m.communityName) };
    const communityGiven = community.code !== '' || community.name !== '';
    if (code === '' && name === '') {
      problems.add({ ...at, field: m.compoundName.index >= 0 ? m.compoundName.column : m.compoundCode.column, message: '小区名称和小区编码都为空。' });
      continue;
    }

    // The stored compound: by code, else by name in its community, else by a name unique in the street.
    let hit: StoredCompound | undefined = code !== '' ? byCode.get(code) : undefined;
    let ref: CommunityRef | null = null;
    if (!hit && name !== '') {
      const known = communityGiven ? communities.find(community) : null;
      if (known) hit = byCommunityName.get(`${known.id}|${nameKey(name)}`);
      else if (!communityGiven) {
        const same = byName.get(nameKey(name)) ?? [];
        if (same.length > 1) {
          problems.add({ ...at, field: m.compoundName.column, message: `小区名称“${name}”对应多个小区（${same.map((c) => `${c.communityName} ${c.code}`).join('、')}）：请填写社区或小区编码。` });
          continue;
        }
        hit = same[0];
      }
    }
    if (hit) {
      if (code !== '' && code !== hit.code) {
        warnings.push({ ...at, field: m.compoundCode.column, message: `小区“${hit.name}”在库中的编码是“${hit.code}”，表中写的是“${code}”：按名称对应，保留库中的编码。` });
      }
      const named = communityGiven ? communities.find(community) : null;
      if (communityGiven && named?.id !== hit.communityId) {
        warnings.push({
          ...at,
          field: m.communityName.index >= 0 ? m.communityName.column : m.communityCode.column,
          message: `小区“${hit.name}”在库中属于“${hit.communityName}”，表中写的是“${community.name || community.code}”：按库中的社区导入。`,
        });
      }
    } else {
      if (!communityGiven) {
        problems.add({ ...at, field: m.compoundName.column, message: `找不到小区“${name || code}”，表中也没有它的社区，无法新建：请填写社区。` });
        continue;
      }
      ref = communities.resolve(at, community, { code: m.communityCode, name: m.communityName }, problems);
      if (!ref) continue;
      if (name === '') {
        problems.add({ ...at, field: m.compoundCode.column, message: `找不到小区编码“${code}”，表中也没有小区名称，无法新建。` });
        continue;
      }
    }

    const key = hit ? `id:${hit.id}` : `new:${ref!.id}|${nameKey(name)}`;
    const first = seen.get(key) ?? (code !== '' ? seen.get(`code:${code}`) : undefined);
    if (first !== undefined) {
      problems.add({ ...at, field: m.compoundName.index >= 0 ? m.compoundName.column : m.compoundCode.column, message: `小区“${name || code}”与第 ${first} 行重复。` });
      continue;
    }
    seen.set(key, line);
    if (code !== '') seen.set(`code:${code}`, line);

    const counts = {} as Counts;
    let badCount = false;
    for (const k of countIds) {
      const f = m[k];
      if (f.index < 0) {
        counts[k] = null;
        continue;
      }
      const v = intOf(cells[f.index]);
      if (v !== null && Number.isNaN(v)) {
        // A column of text mapped to a count is one problem about the mapping (above), not one per row.
        if (!badCounts.has(k)) problems.add({ ...at, field: f.column, message: `${f.zh}“${cells[f.index].trim()}”不是非负整数。` });
        badCount = true;
        counts[k] = null;
      } else counts[k] = v;
    }
    if (!badCount && counts.residents === null) problems.add({ ...at, field: m.residents.column, message: '常住人口为空。' });
    // A figure the table leaves out keeps its stored value, so the rules compare what will be stored.
    const residents = counts.residents ?? hit?.residents ?? 0;
    const households = counts.households ?? hit?.households ?? 0;
    const elderly = counts.elderly ?? hit?.elderly ?? 0;
    if (!badCount && elderly > residents) {
      problems.add({ ...at, field: counts.elderly !== null ? m.elderly.column : m.residents.column, message: `60岁以上 ${elderly} 人多于常住人口 ${residents} 人。` });
    }
    if (!badCount && households > residents) {
      problems.add({ ...at, field: counts.households !== null ? m.households.column : m.residents.column, message: `户数 ${households} 多于常住人口 ${residents}：每户至少一人。` });
    }
    if (hit && counts.residents !== null && hit.residents > 0 && counts.residents * 2 < hit.residents) {
      warnings.push({ ...at, field: m.residents.column, message: `${hit.name}：常住人口由 ${hit.residents} 人改为 ${counts.residents} 人，不到原来的一半。` });
    }

    let newCode = code;
    if (!hit) {
      if (newCode === '' || usedCodes.has(newCode)) newCode = generateCode(ref!.code, usedCodes);
      usedCodes.add(newCode);
      plan.newCompounds.push({ code: newCode, name, communityName: ref!.name });
    }
    plan.rows.push({ line, compoundId: hit?.id ?? null, code: hit ? hit.code : newCode, name: hit ? hit.name : name, community: ref, ...counts });
  }

  if (!createMissing) {
    communities.refuseCreation(problems, m.communityName.index >= 0 ? m.communityName.column : m.communityCode.column);
    for (const r of plan.rows.filter((x) => x.compoundId === null)) {
      problems.add({ line: r.line, field: m.compoundName.column, message: `小区“${r.name}”不存在：在预览中勾选“新建”后导入，或先导入小区。` });
    }
  }
  return plan;
}

export function commitPopulation(ctx: AppContext, file: string, source: TableSource, mapping: ImportMapping, createMissing: boolean): ImportResultDto {
  const plan = planPopulation(ctx, file, source, mapping, createMissing);
  plan.problems.throwIfAny();
  const now = ctx.now();
  const by = streetEditor(ctx);
  let inserted = 0;
  let updated = 0;
  let communitiesCreated = 0;
  ctx.db.transaction(() => {
    const ids = plan.communities.create(ctx, now, by);
    communitiesCreated = ids.size;
    for (const r of plan.rows) {
      if (r.compoundId !== null) {
        updateCompoundFromTable(ctx.db, r.compoundId, r, now, by);
        updated++;
      } else {
        const counts = { residents: r.residents ?? 0, households: r.households ?? 0, elderly: r.elderly ?? 0 };
        insertCompound(ctx.db, { code: r.code, name: r.name, communityId: realId(ids, r.community!.id), buildings: r.buildings, ...counts }, now, by, 'table');
        inserted++;
      }
    }
  })();
  return { kind: 'population', rowsIn: plan.rowsIn, inserted, updated, communitiesCreated, skippedTotals: plan.totals.skipped.length, replacedCompounds: 0, deleted: 0 };
}

/** A new compound's code: its community's code and a number (the community's code alone names the community). */
function generateCode(communityCode: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const code = `${communityCode}${String(n).padStart(3, '0')}`;
    if (!used.has(code)) return code;
  }
}
