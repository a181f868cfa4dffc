import type { MethodName } from '../../shared/api/contract';
import type { Handler } from './handlers/types';
import { systemHandlers } from './handlers/system';
import { clockHandlers } from './handlers/clock';
import { streetHandlers } from './handlers/street';
import { baseMapHandlers } from './handlers/basemap';
import { importHandlers } from './handlers/imports';
import { deskHandlers } from './handlers/desk';
import { commandHandlers } from './handlers/command';
import { dutyHandlers } from './handlers/duty';
import { logHandlers } from './handlers/log';
import { modeHandlers } from './handlers/mode';
import { checklistHandlers } from './handlers/checklist';
import { policyHandlers } from './handlers/policy';
import { riskAreaHandlers } from './handlers/risk-areas';

export type Handlers = { [M in MethodName]: Handler<M> };

/**
 * Every API method bound to its service: one handler table per feature (main/api/handlers/<feature>.ts), in the
 * order of the contract's feature list (shared/api/contract.ts). A missing or mistyped handler fails to compile.
 */
export const handlers = {
  ...systemHandlers,
  ...clockHandlers,
  ...streetHandlers,
  ...baseMapHandlers,
  ...importHandlers,
  ...deskHandlers,
  ...commandHandlers,
  ...dutyHandlers,
  ...logHandlers,
  ...modeHandlers,
  ...checklistHandlers,
  ...policyHandlers,
  ...riskAreaHandlers,
} satisfies Handlers;
