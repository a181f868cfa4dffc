import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import type { modeMethods } from '../../shared/api/mode';
import type { AppContext } from '../services/context';
import * as operators from '../services/operators';
import * as eventlog from '../services/eventlog';
import * as command from '../services/command';
import * as duty from '../services/duty';
import * as checklist from '../services/checklist';
import * as mode from '../services/mode';

type ModeMethod = keyof typeof modeMethods & MethodName;
type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: AppContext) => Output<M> | Promise<Output<M>>;

/** Issue 4 (平急转换): operators, command structure, duty roster, log, the switch, deadlines, checklist, policy. */
export const modeHandlers: { [M in ModeMethod]: Handler<M> } = {
  listOperators: (_i, ctx) => operators.listOperators(ctx),
  saveOperator: (i, ctx) => operators.saveOperator(ctx, i),
  setOperatorPin: (i, ctx) => operators.setOperatorPin(ctx, i),
  getDesk: (_i, ctx) => operators.getDesk(ctx),
  signIn: (i, ctx) => operators.signIn(ctx, i),
  signOut: (_i, ctx) => operators.signOut(ctx),
  handOver: (i, ctx) => operators.handOver(ctx, i),

  getCommandTemplate: (_i, ctx) => command.getTemplate(ctx),
  saveCommandLeader: (i, ctx) => command.saveLeader(ctx, i),
  saveWorkGroup: (i, ctx) => command.saveWorkGroup(ctx, i),
  saveBaobao: (i, ctx) => command.saveBaobao(ctx, i),
  getReadiness: (_i, ctx) => command.readiness(ctx),

  getDutyConfig: (_i, ctx) => duty.getConfig(ctx),
  saveDutyConfig: (i, ctx) => duty.saveConfig(ctx, i),
  saveDutyShift: (i, ctx) => duty.saveShift(ctx, i),
  deleteDutyShift: (i, ctx) => duty.deleteShift(ctx, i.id),
  swapDuty: (i, ctx) => duty.swap(ctx, i),
  getDutyRoster: (i, ctx) => duty.roster(ctx, i),
  getDutyNow: (_i, ctx) => duty.dutyNow(ctx),

  listLogEntries: (i, ctx) => eventlog.listLogEntries(ctx, i),
  addLogEntry: (i, ctx) => eventlog.addLogEntry(ctx, operators.requireOperator(ctx).id, i),
  correctLogEntry: (i, ctx) => eventlog.correctLogEntry(ctx, operators.requireOperator(ctx).id, i),
  getLogEntryHistory: (i, ctx) => eventlog.logEntryHistory(ctx, i.id),
  exportLogCsv: (i, ctx) => eventlog.exportLogCsv(ctx, i),

  getModeStatus: (_i, ctx) => mode.getModeStatus(ctx),
  getEmergencyState: (i, ctx) => mode.getEmergencyState(ctx, i),
  switchToEmergency: (i, ctx) => mode.switchToEmergency(ctx, i),
  correctT0: (i, ctx) => mode.correctT0(ctx, i),
  recordPositive: (i, ctx) => mode.recordPositive(ctx, i),
  markDeadlineDone: (i, ctx) => mode.markDeadlineDone(ctx, i.id),
  switchToRoutine: (i, ctx) => mode.switchToRoutine(ctx, i),
  getChecklistTemplate: (_i, ctx) => checklist.listTemplate(ctx),
  saveChecklistTemplateItem: (i, ctx) => checklist.saveTemplateItem(ctx, i),
  deleteChecklistTemplateItem: (i, ctx) => checklist.deleteTemplateItem(ctx, i.id),
  tickChecklistItem: (i, ctx) => checklist.tick(ctx, i),
  listPolicyProfiles: (_i, ctx) => mode.listPolicyProfiles(ctx),
  setActivePolicyProfile: (i, ctx) => mode.setActivePolicyProfile(ctx, i.id),
};
