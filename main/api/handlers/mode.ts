import type { modeFeature } from '../../../shared/api/mode';
import * as mode from '../../services/mode';
import { getIncidentSurroundings } from '../../services/incident';
import type { FeatureHandlers } from './types';

export const modeHandlers: FeatureHandlers<typeof modeFeature> = {
  getModeStatus: (_i, ctx) => mode.getModeStatus(ctx),
  getEmergency: (_i, ctx) => mode.getEmergency(ctx),
  switchToEmergency: (i, ctx) => mode.switchToEmergency(ctx, i),
  correctT0: (i, ctx) => mode.correctT0(ctx, i),
  recordPositive: (i, ctx) => mode.recordPositive(ctx, i),
  markDeadlineDone: (i, ctx) => mode.markDeadlineDone(ctx, i.id),
  reopenDeadline: (i, ctx) => mode.reopenDeadline(ctx, i),
  getIncidentSurroundings: (_i, ctx) => getIncidentSurroundings(ctx),
  switchToRoutine: (i, ctx) => mode.switchToRoutine(ctx, i),
};
