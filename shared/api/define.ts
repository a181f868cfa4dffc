import type { z } from 'zod';

/** One API method: a human summary and the schemas of its input and output. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O> {
  return { summary, input, output };
}
