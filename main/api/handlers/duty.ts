import type { dutyFeature } from '../../../shared/api/duty';
import * as duty from '../../services/duty';
import type { FeatureHandlers } from './types';

export const dutyHandlers: FeatureHandlers<typeof dutyFeature> = {
  getDutyConfig: (_i, ctx) => duty.getConfig(ctx),
  saveDutyConfig: (i, ctx) => duty.saveConfig(ctx, i),
  saveDutyShift: (i, ctx) => duty.saveShift(ctx, i),
  deleteDutyShift: (i, ctx) => duty.deleteShift(ctx, i.id),
  swapDuty: (i, ctx) => duty.swap(ctx, i),
  getDutyRoster: (i, ctx) => duty.roster(ctx, i),
  getDutyNow: (_i, ctx) => duty.dutyNow(ctx),
};
