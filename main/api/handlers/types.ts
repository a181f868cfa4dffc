import type { MethodName, Output, ParsedInput } from '../../../shared/api/contract';
import type { FeatureTable } from '../../../shared/api/define';
import type { AppContext } from '../../services/context';

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: AppContext) => Output<M> | Promise<Output<M>>;

/** The handlers of one feature: exactly the methods of its contract table, each typed from its schemas. */
export type FeatureHandlers<F extends FeatureTable> = { [M in keyof F['methods'] & MethodName]: Handler<M> };
