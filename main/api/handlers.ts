import type { MethodName, Output, ParsedInput } from '../../shared/api/contract';
import type { AppContext } from '../services/context';
import * as app from '../services/app';
import * as settings from '../services/settings';
import * as street from '../services/street';
import * as demo from '../services/demo';
import * as basemap from '../services/basemap';
import * as imports from '../services/import';
import { exportData } from '../services/export';
import * as q from '../db/street';
import { listCompounds } from '../db/compounds';
import { listVenues, venuePoints } from '../db/venues';
import { listTeams } from '../db/teams';
import { modeHandlers } from './mode-handlers';

type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: AppContext) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** Every API method bound to its service, in one table. A missing or mistyped handler fails to compile. */
export const handlers = {
  getAppInfo: (_i, ctx) => app.getAppInfo(ctx),
  saveSettings: (i, ctx) => settings.saveSettings(ctx.db, i),
  backupNow: (_i, ctx) => app.backupNow(ctx),
  listBackups: (_i, ctx) => app.backups(ctx),
  restoreBackup: (i, ctx) => app.restoreBackup(ctx, i.name),

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

  getBaseMap: (_i, ctx) => basemap.getBaseMap(ctx),
  setBaseMap: (i, ctx) => basemap.setBaseMap(ctx, i),

  previewImport: (i, ctx) => imports.previewImport(ctx, i),
  commitImport: (i, ctx) => imports.commitImport(ctx, i),
  exportData: (i, ctx) => exportData(ctx, i),

  ...modeHandlers,
} satisfies Handlers;
