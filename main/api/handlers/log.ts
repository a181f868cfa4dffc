import type { logFeature } from '../../../shared/api/log';
import * as eventlog from '../../services/eventlog';
import * as operators from '../../services/operators';
import type { FeatureHandlers } from './types';

export const logHandlers: FeatureHandlers<typeof logFeature> = {
  listLogEntries: (i, ctx) => eventlog.listLogEntries(ctx, i),
  addLogEntry: (i, ctx) => eventlog.addLogEntry(ctx, operators.requireOperator(ctx).id, i),
  correctLogEntry: (i, ctx) => eventlog.correctLogEntry(ctx, operators.requireOperator(ctx).id, i),
  getLogEntryHistory: (i, ctx) => eventlog.logEntryHistory(ctx, i.id),
  exportLogCsv: (i, ctx) => eventlog.exportLogCsv(ctx, i),
};
