import { z } from 'zod';
import { defineFeature, read, write } from './define';
import { empty } from './common';
import { codeText } from './text';
import { policyProfileSchema } from '../domain/policy';

/** Policy profiles (rules as data, shared/domain/policies): which one the next emergency follows. */
export const policyFeature = defineFeature('policy', {
  listPolicyProfiles: read(
    'Built-in policy profiles (data) and the active one',
    empty,
    z.object({ activeId: z.string(), profiles: z.array(policyProfileSchema) }),
  ),
  setActivePolicyProfile: write(
    'Choose the policy profile for the next emergency (routine mode only; a running emergency keeps the profile it started with)',
    z.object({ id: codeText('配置编号') }),
    z.object({ activeId: z.string() }),
    // getEmergency and getModeStatus show the active profile.
    ['policy', 'mode'],
  ),
});
