import type { deskFeature } from '../../../shared/api/operator';
import * as operators from '../../services/operators';
import type { FeatureHandlers } from './types';

export const deskHandlers: FeatureHandlers<typeof deskFeature> = {
  listOperators: (_i, ctx) => operators.listOperators(ctx),
  saveOperator: (i, ctx) => operators.saveOperator(ctx, i),
  setOperatorPin: (i, ctx) => operators.setOperatorPin(ctx, i),
  getDesk: (_i, ctx) => operators.getDesk(ctx),
  signIn: (i, ctx) => operators.signIn(ctx, i),
  lockDesk: (_i, ctx) => operators.lockDesk(ctx),
  unlockDesk: (i, ctx) => operators.unlockDesk(ctx, i),
  reportActivity: (_i, ctx) => operators.reportActivity(ctx),
  signOut: (_i, ctx) => operators.signOut(ctx),
  handOver: (i, ctx) => operators.handOver(ctx, i),
};
