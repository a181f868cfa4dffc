import type { z } from 'zod';
import { combineFeatures } from './define';
import { systemFeature } from './system';
import { clockFeature } from './clock';
import { streetFeature } from './street';
import { baseMapFeature } from './basemap';
import { importFeature } from './imports';
import { deskFeature } from './operator';
import { commandFeature } from './command';
import { dutyFeature } from './duty';
import { logFeature } from './log';
import { modeFeature } from './mode';
import { checklistFeature } from './checklist';
import { policyFeature } from './policy';
import { riskAreasFeature } from './risk-areas';
import type { Result } from './errors';

/**
 * The one contract between the UI and the Node side, one table per feature. A feature's handlers live in
 * main/api/handlers/<feature>.ts. Add a feature by writing its table and adding it to this list; a method name
 * defined twice is refused at start (combineFeatures).
 */
export const featureTables = [
  systemFeature,
  clockFeature,
  streetFeature,
  baseMapFeature,
  importFeature,
  deskFeature,
  commandFeature,
  dutyFeature,
  logFeature,
  modeFeature,
  checklistFeature,
  policyFeature,
  riskAreasFeature,
] as const;

const combined = combineFeatures(featureTables);
export const contract = combined.methods;
/** The feature each method belongs to: the first segment of its query keys in the renderer. */
export const featureOf = combined.featureOf as Record<MethodName, (typeof featureTables)[number]['feature']>;

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** What the renderer holds: one async function per method, answering with a Result. */
export type Api = { [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> };

export const methodNames = Object.keys(contract) as MethodName[];
