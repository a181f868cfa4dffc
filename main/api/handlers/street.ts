import type { streetFeature } from '../../../shared/api/street';
import * as street from '../../services/street';
import * as demo from '../../services/demo';
import * as q from '../../db/street';
import { listCompounds } from '../../db/compounds';
import { listVenues, venuePoints } from '../../db/venues';
import { listTeams } from '../../db/teams';
import type { FeatureHandlers } from './types';

export const streetHandlers: FeatureHandlers<typeof streetFeature> = {
  createStreet: (i, ctx) => street.createStreet(ctx, i),
  loadDemoStreet: (_i, ctx) => demo.loadDemoStreet(ctx),
  getStreetSummary: (_i, ctx) => street.streetSummary(ctx.db),
  getMapLayers: (_i, ctx) => street.mapLayers(ctx.db),
  getVenuePoints: (_i, ctx) => venuePoints(ctx.db),
  listCommunities: (i, ctx) => q.listCommunities(ctx.db, i.search),
  saveCommunity: (i, ctx) => street.saveCommunity(ctx, i),
  deleteCommunity: (i, ctx) => street.deleteRow(ctx, 'community', i.id),
  listGrids: (i, ctx) => q.listGrids(ctx.db, i),
  saveGrid: (i, ctx) => street.saveGrid(ctx, i),
  deleteGrid: (i, ctx) => street.deleteRow(ctx, 'grid', i.id),
  listCompounds: (i, ctx) => listCompounds(ctx.db, i),
  saveCompound: (i, ctx) => street.saveCompound(ctx, i),
  deleteCompound: (i, ctx) => street.deleteRow(ctx, 'compound', i.id),
  listVenues: (i, ctx) => listVenues(ctx.db, i),
  saveVenue: (i, ctx) => street.saveVenue(ctx, i),
  deleteVenue: (i, ctx) => street.deleteRow(ctx, 'venue', i.id),
  listTeams: (_i, ctx) => listTeams(ctx.db),
};
