import type { baseMapFeature } from '../../../shared/api/basemap';
import * as basemap from '../../services/basemap';
import type { FeatureHandlers } from './types';

export const baseMapHandlers: FeatureHandlers<typeof baseMapFeature> = {
  getBaseMap: (_i, ctx) => basemap.getBaseMap(ctx),
  setBaseMap: (i, ctx) => basemap.setBaseMap(ctx, i),
};
