import { z } from 'zod';
import { contract, featureOf, type MethodName } from '../../shared/api/contract';
import { AppError, type Result } from '../../shared/api/errors';
import type { AppContext } from '../services/context';
import { handlers } from './handlers';
import { auditEntry } from './audit';
import { admitChange } from '../services/operators';

/**
 * The single way into the services: find the method, check the desk rule it declares, parse its input with the
 * contract's schema, run it as its declared kind says (shared/api/define.ts), and answer `{ ok, value | error }`.
 * Both shells (Electron IPC and the HTTP host) call only this.
 *
 * The desk rule comes first (issue 9): a change with nobody signed in, or at a locked desk, is refused with
 * `signed_out` / `desk_locked` before its input is even looked at, so no handler runs and nothing is written.
 * Reads are open. Services do not check it again.
 *
 * - read:       the handler alone.
 * - write:      one IMMEDIATE transaction holding the change and its audit entry; if the entry cannot be written,
 *               the change rolls back and the caller gets the error.
 * - selfLogged: one IMMEDIATE transaction around the handler, which writes its own entry.
 * - job:        the handler commits on its own (file work, asynchronous reading); its audit entry follows in a
 *               transaction of its own. If that entry fails, the answer is an error saying the change was made.
 */
export async function dispatch(ctx: AppContext, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, method)) {
    return { ok: false, error: { code: 'not_found', message: `未知的接口方法：${method}` } };
  }
  const name = method as MethodName;
  const spec = contract[name];
  try {
    admitChange(ctx, spec.desk);
  } catch (err) {
    return refusal(method, err);
  }
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: describeZodError(parsed.error) } };
  }
  const input = parsed.data;
  const handler = handlers[name] as (input: unknown, ctx: AppContext) => unknown;
  // Inside a transaction, so an answer outside the contract rolls its change back.
  const runChecked = () => {
    const result = syncResult(name, handler(input, ctx));
    if (ctx.checkOutputs) checkOutput(name, result);
    return result;
  };
  try {
    let value: unknown;
    switch (spec.kind) {
      case 'read':
        value = await handler(input, ctx);
        if (ctx.checkOutputs) checkOutput(name, value);
        break;
      case 'write':
        value = keptRefusal(
          ctx.db
            .transaction(() =>
              keepingRefusal(() => {
                const entry = auditEntry(ctx, name, input);
                const result = runChecked();
                entry.write(result);
                return result;
              }),
            )
            .immediate(),
        );
        break;
      case 'selfLogged':
        value = keptRefusal(ctx.db.transaction(() => keepingRefusal(runChecked)).immediate());
        break;
      case 'job': {
        const entry = auditEntry(ctx, name, input);
        value = await handler(input, ctx);
        if (ctx.checkOutputs) checkOutput(name, value);
        try {
          ctx.db.transaction(() => entry.write(value)).immediate();
        } catch (err) {
          console.error(`[audit] ${name}: the change was made but its log entry could not be written:`, err);
          return { ok: false, error: { code: 'internal', message: `操作已完成，但未能写入值班日志：${(err as Error)?.message ?? String(err)}` } };
        }
        break;
      }
    }
    return { ok: true, value };
  } catch (err) {
    return refusal(method, err);
  }
}

function refusal(method: string, err: unknown): Result<never> {
  if (err instanceof AppError) {
    return { ok: false, error: { code: err.code, message: err.message, problems: err.problems } };
  }
  // Unexpected: log the stack on the Node side, show the user a message, never the stack.
  console.error(`[api] ${method} failed:`, err);
  return { ok: false, error: { code: 'internal', message: `内部错误：${(err as Error)?.message ?? String(err)}` } };
}

/**
 * A refusal marked `keepChanges` (a wrong PIN, whose count must stay) leaves the transaction as an answer, so the
 * transaction commits what the service recorded; `keptRefusal` throws it again once committed. Any other error
 * still rolls everything back.
 */
class KeptRefusal {
  constructor(readonly error: AppError) {}
}
function keepingRefusal<T>(fn: () => T): T | KeptRefusal {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AppError && err.keepChanges) return new KeptRefusal(err);
    throw err;
  }
}
function keptRefusal<T>(result: T | KeptRefusal): T {
  if (result instanceof KeptRefusal) throw result.error;
  return result;
}

/** A write runs inside a synchronous transaction: a handler that answers a promise must be declared a job. */
function syncResult(name: MethodName, result: unknown): unknown {
  if (result instanceof Promise) throw new Error(`${name} answered a promise inside its transaction: declare it a job`);
  return result;
}

/** Development and tests: an answer that does not match the contract is a bug on the Node side, said so. */
function checkOutput(name: MethodName, value: unknown): void {
  const checked = contract[name].output.safeParse(value);
  if (!checked.success) throw new Error(`${name} answered outside its contract: ${describeZodError(checked.error)}`);
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * `GET /api`: every method with its feature, kind, desk rule, what it invalidates, and the JSON Schema of its input
 * and output.
 */
export function describeApi() {
  return Object.entries(contract).map(([name, spec]) => ({
    method: name,
    feature: featureOf[name as MethodName],
    kind: spec.kind,
    desk: spec.desk,
    invalidates: spec.invalidates,
    summary: spec.summary,
    input: z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }),
    output: z.toJSONSchema(spec.output, { unrepresentable: 'any' }),
  }));
}
