import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import type { modeMethods } from '../../shared/api/mode';
import { AppError } from '../../shared/api/errors';
import type { AppContext } from '../services/context';

type ModeMethod = keyof typeof modeMethods & MethodName;
type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: AppContext) => Output<M> | Promise<Output<M>>;

const notYet = (): never => {
  throw new AppError('internal', 'not yet');
};

/** Issue 4 (平急转换): operators, command structure, duty roster, log, the switch, deadlines, checklist, policy. */
export const modeHandlers: { [M in ModeMethod]: Handler<M> } = {
  listOperators: notYet,
  saveOperator: notYet,
  setOperatorPin: notYet,
  getDesk: notYet,
  signIn: notYet,
  signOut: notYet,
  handOver: notYet,

  getCommandTemplate: notYet,
  saveCommandLeader: notYet,
  saveWorkGroup: notYet,
  saveBaobao: notYet,
  getReadiness: notYet,

  getDutyConfig: notYet,
  saveDutyConfig: notYet,
  saveDutyShift: notYet,
  deleteDutyShift: notYet,
  swapDuty: notYet,
  getDutyRoster: notYet,
  getDutyNow: notYet,

  listLogEntries: notYet,
  addLogEntry: notYet,
  correctLogEntry: notYet,
  getLogEntryHistory: notYet,
  exportLogCsv: notYet,

  getModeStatus: notYet,
  getEmergencyState: notYet,
  switchToEmergency: notYet,
  correctT0: notYet,
  recordPositive: notYet,
  markDeadlineDone: notYet,
  switchToRoutine: notYet,
  getChecklistTemplate: notYet,
  saveChecklistTemplateItem: notYet,
  deleteChecklistTemplateItem: notYet,
  tickChecklistItem: notYet,
  listPolicyProfiles: notYet,
  setActivePolicyProfile: notYet,
};
