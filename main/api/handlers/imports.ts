import type { importFeature } from '../../../shared/api/imports';
import * as imports from '../../services/import';
import { exportData } from '../../services/export';
import type { FeatureHandlers } from './types';

export const importHandlers: FeatureHandlers<typeof importFeature> = {
  previewImport: (i, ctx) => imports.previewImport(ctx, i),
  commitImport: (i, ctx) => imports.commitImport(ctx, i),
  exportData: (i, ctx) => exportData(ctx, i),
};
