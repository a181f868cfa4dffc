import type { systemFeature } from '../../../shared/api/system';
import * as app from '../../services/app';
import * as settings from '../../services/settings';
import type { FeatureHandlers } from './types';

export const systemHandlers: FeatureHandlers<typeof systemFeature> = {
  getAppInfo: (_i, ctx) => app.getAppInfo(ctx),
  saveSettings: (i, ctx) => settings.saveSettings(ctx.db, i),
  backupNow: (_i, ctx) => app.backupNow(ctx),
  listBackups: (_i, ctx) => app.backups(ctx),
  restoreBackup: (i, ctx) => app.restoreBackup(ctx, i.name),
};
