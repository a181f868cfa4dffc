import type { riskAreasFeature } from '../../../shared/api/risk-areas';
import * as read from '../../services/risk-area-read';
import * as areas from '../../services/risk-areas';
import * as files from '../../services/risk-area-files';
import { preview } from '../../services/risk-area-figures';
import type { FeatureHandlers } from './types';

export const riskAreaHandlers: FeatureHandlers<typeof riskAreasFeature> = {
  listRiskAreas: (i, ctx) => read.listRiskAreas(ctx, i),
  getRiskArea: (i, ctx) => read.getRiskArea(ctx, i.id),
  previewRiskArea: (i, ctx) => preview(ctx, i),
  getRiskAreaTotals: (_i, ctx) => read.getRiskAreaTotals(ctx),
  getRiskAreaCalendar: (_i, ctx) => read.getRiskAreaCalendar(ctx),
  exportRiskAreas: (i, ctx) => files.exportRiskAreas(ctx, i),
  createRiskArea: (i, ctx) => areas.createRiskArea(ctx, i),
  updateRiskArea: (i, ctx) => areas.updateRiskArea(ctx, i),
  publishRiskArea: (i, ctx) => areas.publishRiskArea(ctx, i.id),
  revokeRiskArea: (i, ctx) => areas.revokeRiskArea(ctx, i),
  recordRiskAreaInfection: (i, ctx) => areas.recordInfection(ctx, i),
  recordRiskAreaNegativeRound: (i, ctx) => areas.recordNegativeRound(ctx, i),
  downgradeRiskArea: (i, ctx) => areas.downgradeRiskArea(ctx, i.id),
  liftRiskArea: (i, ctx) => areas.liftRiskArea(ctx, i.id),
  setVenueSuspension: (i, ctx) => areas.setVenueSuspension(ctx, i),
  importRiskAreas: (i, ctx) => files.importRiskAreas(ctx, i),
};
