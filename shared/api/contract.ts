import type { z } from 'zod';
import { systemMethods } from './system';
import { streetMethods } from './street';
import { baseMapMethods } from './basemap';
import { modeMethods } from './mode';
import { importMethods } from './imports';
import type { Result } from './errors';

/** The one contract between the UI and the Node side. Add a feature's methods by spreading its table here. */
export const contract = {
  ...systemMethods,
  ...streetMethods,
  ...baseMapMethods,
  ...importMethods,
  ...modeMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

/** What the renderer holds: one async function per method, answering with a Result. */
export type Api = { [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> };

export const methodNames = Object.keys(contract) as MethodName[];
