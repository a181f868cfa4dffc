import { z } from 'zod';
import { contract, type MethodName } from '../../shared/api/contract';
import { AppError, type Result } from '../../shared/api/errors';
import type { AppContext } from '../services/context';
import { handlers } from './handlers';
import { beginAudit, isAudited } from './audit';

/**
 * Methods that cannot run inside the dispatcher's transaction: backupNow and restoreBackup copy or replace the
 * database file; commitImport reads XLSX asynchronously, then commits in one transaction of its own, and its log
 * entry is written right after that commit.
 */
const outsideTransaction = new Set<MethodName>(['backupNow', 'restoreBackup', 'commitImport']);

/**
 * The single way into the services: find the method, parse its input with the contract's schema, run it,
 * and answer `{ ok, value | error }`. Both shells (Electron IPC and the HTTP host) call only this.
 */
export async function dispatch(ctx: AppContext, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, method)) {
    return { ok: false, error: { code: 'not_found', message: `未知的接口方法：${method}` } };
  }
  const name = method as MethodName;
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: describeZodError(parsed.error) } };
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: AppContext) => unknown;
    // Every change of state writes its log entry (main/api/audit.ts). The change and its entry commit together
    // in one IMMEDIATE transaction, except for the few methods listed in `outsideTransaction`.
    let value: unknown;
    if (isAudited(name) && !outsideTransaction.has(name)) {
      value = ctx.db
        .transaction(() => {
          const audit = beginAudit(ctx, name, parsed.data);
          const result = handler(parsed.data, ctx);
          audit?.commit(result);
          return result;
        })
        .immediate();
    } else {
      const audit = beginAudit(ctx, name, parsed.data); // null for reads and methods that log for themselves
      value = await handler(parsed.data, ctx);
      audit?.commit(value);
    }
    return { ok: true, value };
  } catch (err) {
    if (err instanceof AppError) {
      return { ok: false, error: { code: err.code, message: err.message, problems: err.problems } };
    }
    // Unexpected: log the stack on the Node side, show the user a message, never the stack.
    console.error(`[api] ${method} failed:`, err);
    return { ok: false, error: { code: 'internal', message: `内部错误：${(err as Error)?.message ?? String(err)}` } };
  }
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** `GET /api`: every method with the JSON Schema of its input and output. */
export function describeApi() {
  return Object.entries(contract).map(([name, spec]) => ({
    method: name,
    summary: spec.summary,
    input: z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }),
    output: z.toJSONSchema(spec.output, { unrepresentable: 'any' }),
  }));
}
