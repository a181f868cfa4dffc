import type { AppContext } from '../context';
import type { MappedField } from './mapping';
import type { Problems } from './problems';
import { gridsByCode, insertGrid } from '../../db/street';

/**
 * Grid codes of a compounds file: a known code must belong to the compound's community; an unknown one is
 * planned as a new grid under that community (named by the file's grid name, else by its code) and created in the
 * import's transaction. The same new code under two communities is a problem located at the second feature.
 */
export class GridPlan {
  private readonly known: Map<string, { id: number; communityId: number; communityCode: string }>;
  private readonly planned = new Map<string, { name: string; communityId: number; communityCode: string; feature: number }>();

  constructor(ctx: AppContext) {
    this.known = gridsByCode(ctx.db);
  }

  /** Checks one feature's grid; true when the code can be used (known in that community, or planned). */
  check(
    at: { feature: number },
    grid: { code: string; name: string; field: MappedField },
    community: { id: number; code: string },
    problems: Problems,
  ): boolean {
    const hit = this.known.get(grid.code);
    if (hit) {
      if (hit.communityId === community.id) return true;
      problems.add({
        ...at,
        field: grid.field.column,
        message: `网格“${grid.code}”属于社区“${hit.communityCode}”，不能用于社区“${community.code}”的小区。`,
      });
      return false;
    }
    const plan = this.planned.get(grid.code);
    if (!plan) {
      this.planned.set(grid.code, { name: grid.name || grid.code, communityId: community.id, communityCode: community.code, feature: at.feature });
      return true;
    }
    if (plan.communityId !== community.id) {
      problems.add({
        ...at,
        field: grid.field.column,
        message: `新网格“${grid.code}”在要素 ${plan.feature} 中属于社区“${plan.communityCode}”，此处却属于社区“${community.code}”。`,
      });
      return false;
    }
    if (plan.name === grid.code && grid.name) plan.name = grid.name;
    return true;
  }

  /**
   * Inside the import's transaction: creates the planned grids; answers every grid code's id and how many were created.
   * `communityIds` maps a planned community's placeholder id (negative, see communities.ts) to the one just created.
   */
  create(ctx: AppContext, now: number, updatedBy: number | null, communityIds = new Map<number, number>()): { ids: Map<string, number>; created: number } {
    const ids = new Map([...this.known].map(([code, g]) => [code, g.id]));
    for (const [code, g] of this.planned) {
      const communityId = g.communityId < 0 ? communityIds.get(g.communityId)! : g.communityId;
      ids.set(code, insertGrid(ctx.db, { code, name: g.name, communityId }, now, updatedBy));
    }
    return { ids, created: this.planned.size };
  }
}
