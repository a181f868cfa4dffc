import type { policyFeature } from '../../../shared/api/policy';
import * as mode from '../../services/mode';
import type { FeatureHandlers } from './types';

export const policyHandlers: FeatureHandlers<typeof policyFeature> = {
  listPolicyProfiles: (_i, ctx) => mode.listPolicyProfiles(ctx),
  setActivePolicyProfile: (i, ctx) => mode.setActivePolicyProfile(ctx, i.id),
};
