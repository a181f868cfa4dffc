import { contract, type Contract, type MethodName, type Output, type ParsedInput } from '../../shared/api/contract';
import type { LogCategory } from '../../shared/api/log';
import { leaderRoleNames, workGroupNames } from '../../shared/domain/workgroups';
import { findPolicyProfile } from '../../shared/domain/policy';
import type { AppContext } from '../services/context';
import { writeLog } from '../services/eventlog';
import { rowLabel, type LabelledTable } from '../db/row-labels';

/**
 * The log entry of every method declared `write` or `job` (shared/api/define.ts), here in one place: the dispatcher
 * asks for the entry before the method runs (to read what is about to change, e.g. the name of a row to delete) and
 * writes it after success, inside the change's transaction for a write. Methods declared `selfLogged` write a richer
 * entry inside their own service and have no rule here; reads have none. The table's type requires a rule for every
 * write and job, so a new one without a rule does not compile (and test/integration/eventlog.test.ts checks it).
 */

interface Rule<M extends MethodName> {
  category: LogCategory;
  /** Reads what the change is about to remove (e.g. the name of a row to delete), before the method runs. */
  before?: (ctx: AppContext, input: ParsedInput<M>) => string;
  text: (input: ParsedInput<M>, output: Output<M>, before: string) => string;
}

/** Methods whose entry the dispatcher writes: declared `write` or `job`. */
export type AuditedMethod = { [M in MethodName]: Contract[M]['kind'] extends 'write' | 'job' ? M : never }[MethodName];
type Rules = { [M in AuditedMethod]: Rule<M> };

const nameOf = (table: LabelledTable) => (ctx: AppContext, i: { id: number }) => rowLabel(ctx.db, table, i.id) ?? `#${i.id}`;

const person = (p: { name: string; phone?: string | null } | null) => (p ? `${p.name}${p.phone ? ` ${p.phone}` : ''}` : '（空缺）');
const settingNames: Record<string, string> = { unitName: '单位名称', language: '界面语言', idleLockMinutes: '空闲锁屏分钟', incidentRadiusM: '周边范围（米）' };
const importKinds: Record<string, string> = { communities: '社区', compounds: '小区', venues: '重点场所', residents: '人口台账' };

export const auditRules: Rules = {
  // system
  saveSettings: {
    category: 'system',
    text: (i) =>
      `修改设置：${Object.entries(i)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${settingNames[k] ?? k} ${String(v)}`)
        .join('，')}`,
  },
  backupNow: { category: 'system', text: (_i, o) => `手动备份数据库：${o.name}` },
  restoreBackup: { category: 'system', text: (_i, o) => `从备份 ${o.restored} 恢复数据库（恢复前的数据库已备份为 ${o.safetyCopy}）` },
  setBaseMap: { category: 'system', text: (i) => (i.file ? `设置底图文件：${i.file}` : '取消底图') },

  // street data
  createStreet: { category: 'data', text: (i) => `建立街道：${i.name}（${i.code}）` },
  loadDemoStreet: { category: 'data', text: (_i, o) => `载入示例街道：${o.communities} 个社区、${o.compounds} 个小区、${o.venues} 个重点场所` },
  saveCommunity: { category: 'data', text: (i, o) => `${i.id === undefined ? '新增' : '修改'}社区：${o.name}（${o.code}）` },
  deleteCommunity: { category: 'data', before: nameOf('community'), text: (_i, _o, b) => `删除社区：${b}（含其网格、小区和居民）` },
  saveGrid: { category: 'data', text: (i, o) => `${i.id === undefined ? '新增' : '修改'}网格：${o.name}（${o.code}），${o.communityName}` },
  deleteGrid: { category: 'data', before: nameOf('grid'), text: (_i, _o, b) => `删除网格：${b}（其小区保留，不再属于网格）` },
  saveCompound: { category: 'data', text: (i, o) => `${i.id === undefined ? '新增' : '修改'}小区：${o.name}（${o.code}），${o.communityName}，居民 ${o.residents} 人` },
  deleteCompound: { category: 'data', before: nameOf('compound'), text: (_i, _o, b) => `删除小区：${b}（含其居民）` },
  saveVenue: { category: 'data', text: (i, o) => `${i.id === undefined ? '新增' : '修改'}重点场所：${o.name}（${o.code}）` },
  deleteVenue: { category: 'data', before: nameOf('venue'), text: (_i, _o, b) => `删除重点场所：${b}` },
  commitImport: {
    category: 'data',
    // Every count the import changed: inserted, updated, replaced (compounds whose residents were replaced), deleted rows.
    text: (i, o) =>
      `导入${i.kind === 'population' ? '人口底数表' : (importKinds[i.kind] ?? i.kind)}：文件 ${i.fileName}，${o.rowsIn} 行，新增 ${o.inserted}、更新 ${o.updated}、替换 ${o.replacedCompounds ?? 0}、删除 ${o.deleted ?? 0}` +
      `${o.communitiesCreated ? `，新建社区 ${o.communitiesCreated}` : ''}${o.gridsCreated ? `，新建网格 ${o.gridsCreated}` : ''}${o.skippedTotals ? `，跳过合计行 ${o.skippedTotals}` : ''}`,
  },

  // operators and desk
  saveOperator: { category: 'desk', text: (i, o) => `${i.id === undefined ? '新增' : '修改'}值班员：${o.name}${o.isAdmin ? '（管理员）' : ''}${o.active ? '' : '（已停用）'}` },
  setOperatorPin: { category: 'desk', text: (i, o) => `${i.pin === null ? '清除' : '设置'}值班员 ${o.name} 的 PIN` },

  // command structure
  saveCommandLeader: { category: 'command', text: (i) => `指挥体系：${leaderRoleNames[i.role].zh} ${person(i.person)}` },
  saveWorkGroup: {
    category: 'command',
    text: (i) => `指挥体系：${workGroupNames[i.key].zh} 组长 ${person(i.lead)}，组员 ${i.members.length} 人`,
  },
  saveBaobao: {
    category: 'command',
    text: (i, o) =>
      `三级包保：${o.baobao.find((c) => c.communityId === i.communityId)?.communityName ?? `社区 #${i.communityId}`} 区领导 ${person(i.districtLeader)}，街道干部 ${person(i.streetCadre)}，社区干部 ${person(i.communityCadre)}`,
  },

  // duty roster
  saveDutyConfig: { category: 'duty', text: (i) => `值班班次：${i.shifts.map((s) => `${s.name} ${s.start}—${s.end}`).join('，')}；每班至少 ${i.minMembers} 名值班员` },
  saveDutyShift: { category: 'duty', text: (_i, o) => `排班：${o.date} ${o.shiftName} 带班领导 ${o.leader?.name ?? ''}，值班员 ${o.members.map((m) => m.name).join('、')}` },
  deleteDutyShift: { category: 'duty', before: nameOf('duty_shift'), text: (_i, _o, b) => `删除排班：${b}` },
  swapDuty: {
    category: 'duty',
    text: (i, o) => `换班：${o.date} ${o.shiftName}，${i.in.name} 替 ${i.outName}${i.reason ? `（${i.reason}）` : ''}`,
  },

  // log

  // the switch and clocks
  saveChecklistTemplateItem: { category: 'checklist', text: (i, o) => `${i.id === undefined ? '新增' : '修改'}启动清单模板（${o.groupName}）：${o.text}` },
  deleteChecklistTemplateItem: { category: 'checklist', before: nameOf('checklist_template_item'), text: (_i, _o, b) => `删除启动清单模板项：${b}` },
  setActivePolicyProfile: { category: 'mode', text: (i) => `更换政策版本：${findPolicyProfile(i.id)?.name ?? i.id}（下次切换应急状态时生效）` },
};

export interface PendingEntry {
  /** Writes the entry; throws when it cannot (the dispatcher then rolls the change back or says it was made). */
  write(output: unknown): void;
}

/** Called by the dispatcher before a `write` or `job` runs. */
export function auditEntry(ctx: AppContext, method: MethodName, input: unknown): PendingEntry {
  const rule = (auditRules as Record<string, Rule<MethodName> | undefined>)[method];
  if (!rule) throw new Error(`${method} is declared ${contract[method].kind} but has no audit rule in main/api/audit.ts`);
  let before = '';
  try {
    before = rule.before?.(ctx, input as never) ?? '';
  } catch {
    // the row may not exist; the method itself will answer not_found
  }
  return {
    write(output) {
      writeLog(ctx, { category: rule.category, text: rule.text(input as never, output as never, before), method });
    },
  };
}
