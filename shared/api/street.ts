import { z } from 'zod';
import { defineFeature, read, write } from './define';
import { areaGeometry, empty, featureCollection, idInput, okOutput } from './common';
import { venueTypeIds } from '../domain/venues';
import { addressText, codeText, labelText, nameText, searchText } from './text';

const code = codeText('编码');
const name = nameText('名称');
const count = z.number().int().min(0);
/** A count typed by a user (residents, households ...): the message names the field and the rule in Chinese. */
const countInput = (label: string) =>
  z
    .number({ error: `${label}须为数字` })
    .int({ error: `${label}须为不小于 0 的整数` })
    .min(0, { error: `${label}须为不小于 0 的整数` })
    .max(10_000_000, { error: `${label}不能大于 10000000` });

/** Who last changed a row and when (ms): the name is null when nobody was signed in at the desk, or before version 9. */
const lastChange = { updatedAt: z.number().int(), updatedByName: z.string().nullable() };

/**
 * Where a compound's population figures come from: typed in the form, a compounds GeoJSON with counts, the population
 * table (人口底数统计表), or recomputed from the register (人口台账).
 */
export const populationSources = ['entered', 'compound_file', 'table', 'register'] as const;
export const populationSource = z.enum(populationSources);
export type PopulationSource = z.infer<typeof populationSource>;

export const communityDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  boundary: areaGeometry.nullable(),
  compounds: count,
  residents: count,
  households: count,
  elderly: count,
  /** Compounds whose register count differs from their figures (不漏一户: someone is missing from one of the two). */
  mismatchedCompounds: count,
  ...lastChange,
});
export type CommunityDto = z.infer<typeof communityDto>;

export const compoundDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  communityId: z.number().int(),
  communityName: z.string(),
  gridId: z.number().int().nullable(),
  buildings: count.nullable(),
  residents: count,
  households: count,
  elderly: count,
  populationSource,
  /** The register's count of residents and households; null when the compound has no register. */
  registerResidents: count.nullable(),
  registerHouseholds: count.nullable(),
  boundary: areaGeometry.nullable(),
  ...lastChange,
});
export type CompoundDto = z.infer<typeof compoundDto>;

export const venueType = z.enum(venueTypeIds);
export const venueDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  type: venueType,
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  communityId: z.number().int().nullable(),
  compoundId: z.number().int().nullable(),
  address: z.string().nullable(),
  contact: z.string().nullable(),
  communityName: z.string().nullable(),
  compoundName: z.string().nullable(),
  ...lastChange,
});
export type VenueDto = z.infer<typeof venueDto>;

export const gridDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  communityId: z.number().int(),
  communityName: z.string(),
  compounds: count,
  ...lastChange,
});
export type GridDto = z.infer<typeof gridDto>;

export const teamDto = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  members: z.array(z.object({ name: z.string(), role: z.enum(['leader', 'sampler', 'registrar', 'driver']), phone: z.string().nullable() })),
});
export type TeamDto = z.infer<typeof teamDto>;

export const streetSummaryDto = z.object({
  street: z.object({ code: z.string(), name: z.string(), isFictional: z.boolean() }).nullable(),
  communities: count,
  grids: count,
  compounds: count,
  residents: count,
  households: count,
  elderly: count,
  registeredResidents: count,
  /** Compounds by the source of their population figures. */
  populationSources: z.object({ entered: count, compound_file: count, table: count, register: count }),
  /** Compounds whose register count differs from their figures, with both sums. */
  registerMismatch: z.object({ compounds: count, residents: count, registerResidents: count }),
  venues: count,
  venuesByType: z.record(z.string(), count),
  teams: count,
  teamMembers: count,
});
export type StreetSummaryDto = z.infer<typeof streetSummaryDto>;

/** Key venues as compact columns so 20,000 points cross the boundary cheaply. */
export const venuePointsDto = z.object({
  ids: z.array(z.number().int()),
  lng: z.array(z.number()),
  lat: z.array(z.number()),
  type: z.array(venueType),
  name: z.array(z.string()),
});

const search = searchText;
const listQuery = z.object({ search, communityId: z.number().int().optional(), limit: z.number().int().min(1).max(5000).optional() });

export const communityInput = z.object({ id: z.number().int().optional(), code, name, boundary: areaGeometry.nullable().optional() });
export const gridInput = z.object({ id: z.number().int().optional(), code, name, communityId: z.number().int() });
export const compoundInput = z.object({
  id: z.number().int().optional(),
  code,
  name,
  communityId: z.number().int(),
  gridId: z.number().int().nullable().optional(),
  buildings: countInput('楼栋数').nullable().optional(),
  residents: countInput('居民数'),
  households: countInput('户数'),
  elderly: countInput('60岁以上人数'),
  boundary: areaGeometry.nullable().optional(),
});
export const venueInput = z.object({
  id: z.number().int().optional(),
  code,
  name,
  type: venueType,
  lng: z.number().min(-180, '经度须在 -180 到 180 之间').max(180, '经度须在 -180 到 180 之间'),
  lat: z.number().min(-90, '纬度须在 -90 到 90 之间').max(90, '纬度须在 -90 到 90 之间'),
  address: addressText.optional('地址'),
  contact: labelText.optional('联系人'),
});

export const streetFeature = defineFeature('street', {
  // First start: open without a desk while no operator exists (issue 9).
  createStreet: write('Start our own street (before importing its data)', z.object({ code, name }), okOutput, ['system', 'street', 'command'], { desk: 'firstStart' }),
  loadDemoStreet: write('Load the fictional demo street (示例街道) into an empty database', empty, streetSummaryDto, ['system', 'street', 'command', 'desk'], {
    desk: 'firstStart',
  }),
  getStreetSummary: read('Street totals for the board', empty, streetSummaryDto),
  getMapLayers: read(
    'Community and compound outlines as GeoJSON for the map',
    empty,
    z.object({ communities: featureCollection, compounds: featureCollection }),
  ),
  getVenuePoints: read('All key venues as compact columns for the canvas layer', empty, venuePointsDto),
  listCommunities: read('Communities with totals', z.object({ search }), z.array(communityDto)),
  saveCommunity: write('Add (no id) or edit a community', communityInput, communityDto, ['street', 'command']),
  deleteCommunity: write('Delete a community with its grids, compounds and residents', idInput, okOutput, ['street', 'command']),
  listGrids: read(
    'Grids with their community and compounds count, filtered by search text or community',
    z.object({ search, communityId: z.number().int().optional() }),
    z.array(gridDto),
  ),
  saveGrid: write('Add (no id) or edit a grid (网格) of a community', gridInput, gridDto, ['street']),
  deleteGrid: write('Delete a grid; its compounds stay, without a grid', idInput, okOutput, ['street']),
  listCompounds: read('Compounds, filtered by search text or community', listQuery, z.object({ total: count, rows: z.array(compoundDto) })),
  saveCompound: write('Add (no id) or edit a compound', compoundInput, compoundDto, ['street']),
  deleteCompound: write('Delete a compound with its residents', idInput, okOutput, ['street']),
  listVenues: read(
    'Key venues, filtered by search text or type',
    listQuery.extend({ type: venueType.optional() }),
    z.object({ total: count, rows: z.array(venueDto) }),
  ),
  saveVenue: write('Add (no id) or edit a key venue; community and compound are found from its point', venueInput, venueDto, ['street']),
  deleteVenue: write('Delete a key venue', idInput, okOutput, ['street']),
  listTeams: read('The sampling teams with members', empty, z.array(teamDto)),
});
