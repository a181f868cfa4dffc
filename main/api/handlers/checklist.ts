import type { checklistFeature } from '../../../shared/api/checklist';
import * as checklist from '../../services/checklist';
import type { FeatureHandlers } from './types';

export const checklistHandlers: FeatureHandlers<typeof checklistFeature> = {
  getChecklistTemplate: (_i, ctx) => checklist.listTemplate(ctx),
  saveChecklistTemplateItem: (i, ctx) => checklist.saveTemplateItem(ctx, i),
  deleteChecklistTemplateItem: (i, ctx) => checklist.deleteTemplateItem(ctx, i.id),
  tickChecklistItem: (i, ctx) => checklist.tick(ctx, i),
};
