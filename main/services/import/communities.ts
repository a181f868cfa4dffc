import type { AppContext } from '../context';
import { communityRefs, getStreet, insertCommunity } from '../../db/street';
import type { MappedField } from './mapping';
import type { Problems } from './problems';

/**
 * Communities named by a compound file or a population table, by code or by name (`所属社区: 民主村社区`). A value is
 * matched against the codes first, then the names (ignoring spaces, and a missing or extra "社区" at the end). A name
 * that matches nothing is planned as a new community with a generated code (the street's code and a number, as
 * 统计用区划代码 number 居委会 under their street) and created in the import's transaction when the user agrees.
 */

export interface CommunityRef {
  /** The stored id, or a negative placeholder for a planned community (see `create`). */
  id: number;
  code: string;
  name: string;
}

const codeLike = /^[A-Za-z0-9._-]+$/;
const nameKey = (s: string) => s.replace(/[\s\u3000]/g, '');
/** "民主村社区" and "民主村" are one community; "社区" alone is not a name. */
const shortKey = (s: string) => {
  const k = nameKey(s);
  return k.length > 2 && k.endsWith('社区') ? k.slice(0, -2) : k;
};

export class CommunityPlan {
  private readonly byCode = new Map<string, CommunityRef>();
  private readonly byName = new Map<string, CommunityRef[]>();
  /** Planned communities by `name:<key>` and `code:<code>`. */
  private readonly planned = new Map<string, CommunityRef>();
  private readonly newOnes: (CommunityRef & { at: { line?: number; feature?: number } })[] = [];
  private readonly usedCodes = new Set<string>();
  private readonly codePrefix: string;
  private nextNumber = 1;

  constructor(ctx: AppContext) {
    const rows: CommunityRef[] = communityRefs(ctx.db);
    for (const r of rows) {
      this.byCode.set(r.code, r);
      this.usedCodes.add(r.code);
      const list = this.byName.get(shortKey(r.name)) ?? [];
      list.push(r);
      this.byName.set(shortKey(r.name), list);
    }
    this.codePrefix = getStreet(ctx.db)?.code ?? 'SQ';
  }

  /** A stored community by code, else by a name only one community has; null otherwise. Plans nothing. */
  find(text: { code: string; name: string }): CommunityRef | null {
    if (text.code !== '') {
      const hit = this.byCode.get(text.code);
      if (hit) return hit;
    }
    for (const value of [text.name, text.code]) {
      if (value === '') continue;
      const found = this.byName.get(shortKey(value));
      if (found?.length === 1) return found[0];
    }
    return null;
  }

  /**
   * The community of one feature or row, from its code and/or name text (either may be ''). A code or name that is
   * not stored is planned for creation when a name is known; a code alone that is not stored is a problem.
   */
  resolve(
    at: { line?: number; feature?: number },
    text: { code: string; name: string },
    fields: { code: MappedField; name: MappedField },
    problems: Problems,
  ): CommunityRef | null {
    const { code, name } = text;
    if (code === '' && name === '') {
      const field = fields.code.index >= 0 ? fields.code.column : fields.name.column;
      problems.add({ ...at, field, message: '所属社区为空（社区编码和社区名称都没有填）。' });
      return null;
    }
    if (code !== '') {
      const hit = this.byCode.get(code) ?? this.planned.get(`code:${code}`);
      if (hit) return hit;
    }
    // A name, or a "code" column that holds names (community: 民主村社区).
    for (const value of [name, code]) {
      if (value === '') continue;
      const found = this.byName.get(shortKey(value));
      if (found && found.length > 1) {
        problems.add({
          ...at,
          field: value === name ? fields.name.column : fields.code.column,
          message: `社区名称“${value}”对应多个社区（${found.map((c) => `${c.name}（${c.code}）`).join('、')}）：请改用社区编码。`,
        });
        return null;
      }
      if (found) return found[0];
      const plannedByName = this.planned.get(`name:${shortKey(value)}`);
      if (plannedByName) return plannedByName;
    }
    // Not stored: plan it when a name is known.
    const newName = name !== '' ? name : codeLike.test(code) ? '' : code;
    if (newName === '') {
      problems.add({ ...at, field: fields.code.column, message: `未知的社区编码“${code}”：请先导入社区，或在字段对应中选择社区名称列，以便新建社区。` });
      return null;
    }
    const newCode = code !== '' && codeLike.test(code) && !this.usedCodes.has(code) ? code : this.generateCode();
    this.usedCodes.add(newCode);
    const ref = { id: -(this.newOnes.length + 1), code: newCode, name: newName.trim() };
    this.newOnes.push({ ...ref, at });
    // Found again by its name, and by its code when the file gave one.
    this.planned.set(`name:${shortKey(newName)}`, ref);
    this.planned.set(`code:${newCode}`, ref);
    return ref;
  }

  /** The communities to create, in the order the file first names them. */
  toCreate(): readonly { code: string; name: string; at: { line?: number; feature?: number } }[] {
    return this.newOnes;
  }

  /** Without the user's agreement, every community to create is a problem (located where the file first names it). */
  refuseCreation(problems: Problems, field: string): void {
    for (const c of this.toCreate()) {
      problems.add({ ...c.at, field, message: `社区“${c.name}”不存在：在预览中勾选“新建这些社区”，或先导入社区。` });
    }
  }

  /** Inside the import's transaction: creates the planned communities; answers the real id of every placeholder. */
  create(ctx: AppContext, now: number, by: number | null): Map<number, number> {
    const ids = new Map<number, number>();
    for (const r of this.newOnes) ids.set(r.id, insertCommunity(ctx.db, { code: r.code, name: r.name }, now, by));
    return ids;
  }

  private generateCode(): string {
    for (;;) {
      const code = `${this.codePrefix}${String(this.nextNumber++).padStart(3, '0')}`;
      if (!this.usedCodes.has(code)) return code;
    }
  }
}

/** A stored or planned id to the real one once `create` ran. */
export const realId = (ids: Map<number, number>, id: number) => (id < 0 ? ids.get(id)! : id);
