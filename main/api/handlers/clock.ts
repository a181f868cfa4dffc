import type { clockFeature } from '../../../shared/api/clock';
import * as app from '../../services/app';
import type { FeatureHandlers } from './types';

export const clockHandlers: FeatureHandlers<typeof clockFeature> = {
  getClock: (_i, ctx) => app.getClock(ctx),
};
