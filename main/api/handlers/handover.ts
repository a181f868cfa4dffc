import type { handoverFeature } from '../../../shared/api/handover';
import * as handover from '../../services/handover';
import type { FeatureHandlers } from './types';

export const handoverHandlers: FeatureHandlers<typeof handoverFeature> = {
  getHandoverSummary: (_i, ctx) => handover.handoverSummary(ctx),
  getHandoverRecord: (i, ctx) => handover.handoverRecord(ctx, i),
};
