import type { commandFeature } from '../../../shared/api/command';
import * as command from '../../services/command';
import type { FeatureHandlers } from './types';

export const commandHandlers: FeatureHandlers<typeof commandFeature> = {
  getCommandTemplate: (_i, ctx) => command.getTemplate(ctx),
  saveCommandLeader: (i, ctx) => command.saveLeader(ctx, i),
  saveWorkGroup: (i, ctx) => command.saveWorkGroup(ctx, i),
  saveBaobao: (i, ctx) => command.saveBaobao(ctx, i),
  getCommandStructure: (_i, ctx) => command.structureInForce(ctx),
  getReadiness: (_i, ctx) => command.readiness(ctx),
};
