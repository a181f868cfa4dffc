import type { riskAreasFeature } from '../../../shared/api/risk-areas';
import { AppError } from '../../../shared/api/errors';
import type { FeatureHandlers } from './types';

const notYet = (): never => {
  throw new AppError('internal', 'not_implemented: 风险区功能尚在开发中');
};

export const riskAreaHandlers: FeatureHandlers<typeof riskAreasFeature> = {
  listRiskAreas: notYet,
  getRiskArea: notYet,
  previewRiskArea: notYet,
  getRiskAreaTotals: notYet,
  getRiskAreaCalendar: notYet,
  exportRiskAreas: notYet,
  createRiskArea: notYet,
  updateRiskArea: notYet,
  publishRiskArea: notYet,
  revokeRiskArea: notYet,
  recordRiskAreaInfection: notYet,
  recordRiskAreaNegativeRound: notYet,
  downgradeRiskArea: notYet,
  liftRiskArea: notYet,
  setVenueSuspension: notYet,
  importRiskAreas: notYet,
};
