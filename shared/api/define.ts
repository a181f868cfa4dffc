import type { z } from 'zod';

/**
 * What a method does, declared where the method is defined. The dispatcher (main/api/dispatch.ts) and the audit
 * (main/api/audit.ts) decide transactions and log entries from this declaration only, never from the method's name
 * (STYLE.md section 2: "Each method declares its kind").
 *
 * - read:       changes nothing. No transaction, no log entry.
 * - write:      runs in one IMMEDIATE transaction together with the log entry its audit rule writes; a failing log
 *               write aborts the change.
 * - selfLogged: runs in one IMMEDIATE transaction; the service writes its own (richer) log entry inside it.
 * - job:        long or file-level work that cannot run inside the dispatcher's transaction (backup, restore, an
 *               import that reads its file asynchronously). It commits on its own; the dispatcher writes its audit
 *               rule's entry right after it succeeds.
 */
export type MethodKind = 'read' | 'write' | 'selfLogged' | 'job';

/**
 * Who may call a change (issue 9: one rule for who may change what). The dispatcher checks it from this declaration,
 * before the input is parsed or the handler runs; services do not check it again.
 *
 * - operator:   (the default) a signed-in operator at an unlocked desk. Otherwise `signed_out` or `desk_locked`.
 * - firstStart: the same, except while no operator exists yet (the first start: create the street or load the demo,
 *               add the first operator).
 * - open:       anyone holding the API: signing in and unlocking (they check a PIN themselves) and locking (which only
 *               takes rights away).
 */
export type DeskRule = 'operator' | 'firstStart' | 'open';

/**
 * The features of the contract. A method belongs to exactly one (its table in shared/api/contract.ts); the renderer's
 * query keys start with the feature, and a write names the features whose reads it changes (`invalidates`).
 */
export const features = [
  'system',
  'clock',
  'street',
  'basemap',
  'imports',
  'desk',
  'handover',
  'command',
  'duty',
  'log',
  'mode',
  'checklist',
  'policy',
  'riskAreas',
] as const;
export type Feature = (typeof features)[number];

/** One API method: a human summary, the schemas of its input and output, its kind and what it invalidates. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, K extends MethodKind = MethodKind> {
  summary: string;
  input: I;
  output: O;
  kind: K;
  /** Features whose reads a change by this method makes stale. Empty for reads; never empty for a change. */
  invalidates: readonly Feature[];
  /** Who may call it: reads are open; a change needs a signed-in operator at an unlocked desk unless it says otherwise. */
  desk: DeskRule;
}

/** The exception to the desk rule a change declares next to its definition (default: 'operator'). */
export interface ChangeOptions {
  desk?: Exclude<DeskRule, 'operator'>;
}

/** A method that changes nothing. */
export function read<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodSpec<I, O, 'read'> {
  return { summary, input, output, kind: 'read', invalidates: [], desk: 'open' };
}

type ChangeKind = Exclude<MethodKind, 'read'>;

/**
 * A method that changes state. `invalidates` lists the features whose reads it changes; 'log' is always added,
 * because every change writes a log entry. `options.desk` declares an exception to the desk rule (see DeskRule).
 */
function change<K extends ChangeKind>(kind: K) {
  return <I extends z.ZodType, O extends z.ZodType>(
    summary: string,
    input: I,
    output: O,
    invalidates: readonly Feature[],
    options: ChangeOptions = {},
  ): MethodSpec<I, O, K> => ({
    summary,
    input,
    output,
    kind,
    invalidates: [...new Set<Feature>([...invalidates, 'log'])],
    desk: options.desk ?? 'operator',
  });
}

/** A change that runs in the dispatcher's transaction with the entry of its audit rule. */
export const write = change('write');
/** A change that runs in the dispatcher's transaction and writes its own log entry. */
export const selfLoggedWrite = change('selfLogged');
/** A change that commits on its own (file-level or asynchronous work); its audit entry follows its success. */
export const job = change('job');

export type MethodTable = Record<string, MethodSpec>;

/** A feature's methods, stamped with the feature's name (used for query keys and `GET /api`). */
export interface FeatureTable<T extends MethodTable = MethodTable> {
  feature: Feature;
  methods: T;
}

export function defineFeature<T extends MethodTable>(feature: Feature, methods: T): FeatureTable<T> {
  return { feature, methods };
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type MethodsOf<F extends readonly FeatureTable[]> = UnionToIntersection<F[number]['methods']>;

/**
 * Combines feature tables into one contract. A method name defined in two features is refused at start (a later
 * spread used to overwrite an earlier one silently).
 */
export function combineFeatures<const F extends readonly FeatureTable[]>(
  tables: F,
): { methods: { [K in keyof MethodsOf<F>]: MethodsOf<F>[K] }; featureOf: Record<string, Feature> } {
  const methods: Record<string, MethodSpec> = {};
  const featureOf: Record<string, Feature> = {};
  for (const t of tables) {
    for (const [name, spec] of Object.entries(t.methods)) {
      if (Object.hasOwn(methods, name)) {
        throw new Error(`API method ${name} is defined twice: in feature ${featureOf[name]} and in feature ${t.feature}`);
      }
      methods[name] = spec;
      featureOf[name] = t.feature;
    }
  }
  return { methods: methods as never, featureOf };
}
