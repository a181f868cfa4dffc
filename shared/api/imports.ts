import { z } from 'zod';
import { defineFeature, job, read } from './define';
import { fileNameText } from './text';

/** Largest import file, checked in the renderer (before reading) and again in the service. */
export const maxImportBytes = 50 * 1024 * 1024;
/** At most this many problems are listed; the message always states the total. */
export const maxListedProblems = 200;
/** Rows (or features) shown in the preview. */
export const previewRowCount = 20;
/**
 * Boundary points per feature and per GeoJSON file: far above any street's real outlines (a detailed district
 * boundary has tens of thousands), low enough that checking a whole file stays within seconds.
 */
export const maxVerticesPerFeature = 100_000;
export const maxVerticesPerFile = 1_000_000;

export const importKinds = ['communities', 'compounds', 'venues', 'population', 'residents'] as const;
export const importKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKind>;

export const importEncoding = z.enum(['auto', 'utf-8', 'gbk']);
/** WGS-84 (GPS, 天地图), GCJ-02 (高德, 腾讯), BD-09 (百度). Stored geometry is always WGS-84. */
export const coordinateSystem = z.enum(['wgs84', 'gcj02', 'bd09']);
export type CoordinateSystem = z.infer<typeof coordinateSystem>;

/** One field of ours that a column (CSV/XLSX) or a property (GeoJSON) of the file maps to. */
export interface ImportField {
  id: string;
  /** Chinese label, used in problem messages (the renderer translates `import.fields.<id>`). */
  zh: string;
  required: boolean;
  /** Header or property names that suggest this field, best first; matched ignoring case, spaces, '_' and '-'. */
  aliases: readonly string[];
  /** A count (non-negative integer): a column of text mapped to it is refused in the preview. */
  type: 'text' | 'count';
}

/** Kinds read from a sheet (CSV / XLSX); the others are GeoJSON. */
export const tableKinds: readonly ImportKind[] = ['population', 'residents'];
export const isTableKind = (k: ImportKind) => tableKinds.includes(k);

/**
 * Fields of which at least one must be mapped (a compound file names its community by code or by name; the population
 * table names a compound by code or by name).
 */
export const oneOfFields: Partial<Record<ImportKind, readonly (readonly string[])[]>> = {
  compounds: [['communityCode', 'communityName']],
  population: [['compoundCode', 'compoundName']],
};

const f = (id: string, zh: string, required: boolean, aliases: string[], type: 'text' | 'count' = 'text'): ImportField => ({ id, zh, required, aliases, type });

/** Our fields per kind, as in the canonical formats agreed with the demo-street generator. */
export const importFields: Record<ImportKind, readonly ImportField[]> = {
  communities: [
    f('code', '社区编码', true, ['code', '社区编码', '社区代码', '编码', 'communityCode', 'id']),
    f('name', '社区名称', true, ['name', '社区名称', '社区', '名称', 'communityName']),
  ],
  compounds: [
    f('code', '小区编码', true, ['code', '小区编码', '小区代码', '编码', 'compoundCode', 'id']),
    f('name', '小区名称', true, ['name', '小区名称', '小区', '名称', 'compoundName']),
    // A community is found by its code or by its name (所属社区: 民主村社区); one of the two is enough.
    f('communityCode', '社区编码', false, ['communityCode', '社区编码', '所属社区编码', '社区代码']),
    f('communityName', '社区名称', false, ['communityName', '所属社区', '社区名称', '所属社区名称', '社区', 'community']),
    f('gridCode', '网格编码', false, ['gridCode', '网格编码', '网格代码', 'grid']),
    f('gridName', '网格名称', false, ['gridName', '网格名称', '网格']),
    f('buildings', '楼栋数', false, ['buildings', '楼栋数', '楼栋', '栋数'], 'count'),
    f('residents', '居民数', false, ['residents', '居民数', '人口数', '常住人口', '人数', 'population'], 'count'),
    f('households', '户数', false, ['households', '户数', '住户数'], 'count'),
    f('elderly', '60岁以上人数', false, ['elderly', '60岁以上人数', '60岁以上', '老年人数', '老年人'], 'count'),
  ],
  venues: [
    f('code', '场所编码', true, ['code', '场所编码', '编码', 'venueCode', 'id']),
    f('name', '场所名称', true, ['name', '场所名称', '名称', 'venueName']),
    f('type', '场所类型', true, ['type', '场所类型', '类型', '类别', 'venueType']),
    f('address', '地址', false, ['address', '地址', '详细地址']),
    f('contact', '联系人', false, ['contact', '联系人', '联系方式', '联系电话', 'phone']),
  ],
  // 人口底数统计表: one row per compound, as street offices keep it.
  population: [
    f('communityName', '社区', false, ['社区', '社区名称', '所属社区', '居委会', '村（居）委会', 'communityName', 'community']),
    f('communityCode', '社区编码', false, ['社区编码', '社区代码', 'communityCode']),
    f('compoundName', '小区名称', false, ['小区名称', '小区', '小区（院落）名称', '院落名称', '小区名', 'compoundName', 'name']),
    f('compoundCode', '小区编码', false, ['小区编码', '小区代码', 'compoundCode', 'code']),
    f('buildings', '楼栋数', false, ['楼栋数', '楼栋', '栋数', 'buildings'], 'count'),
    f('households', '户数', false, ['户数', '住户数', '总户数', 'households'], 'count'),
    f('residents', '常住人口', true, ['常住人口', '常住人口数', '人口数', '居民数', '总人口', '人数', 'residents', 'population'], 'count'),
    f('elderly', '60岁以上', false, ['60岁以上', '60岁以上人数', '60岁以上人口', '老年人', '老年人数', 'elderly'], 'count'),
  ],
  residents: [
    f('compoundCode', '小区编码', true, ['小区编码', 'compoundCode', 'compound', '小区代码', 'code']),
    f('building', '楼栋', false, ['楼栋', 'building', '楼号', '栋']),
    f('household', '户号', true, ['户号', 'household', '房号', '门牌号']),
    f('name', '姓名', true, ['姓名', 'name']),
    f('sex', '性别', false, ['性别', 'sex', 'gender']),
    f('birthYear', '出生年份', false, ['出生年份', 'birthYear', '出生年', '出生日期', 'birth']),
    f('phone', '电话', false, ['电话', 'phone', '联系电话', '手机', '手机号']),
  ],
};

/** Which export formats each kind offers (the GeoJSON ones re-import cleanly). */
export const exportFormats: Record<ImportKind, readonly ('geojson' | 'csv' | 'xlsx')[]> = {
  communities: ['geojson'],
  compounds: ['geojson'],
  venues: ['geojson'],
  population: ['csv', 'xlsx'],
  residents: ['csv', 'xlsx'],
};

/** Field id -> the file's column or property name (null: not imported). Ids are ours; headers of real files are short. */
export const importMapping = z
  .record(z.string().max(40, '字段名过长'), z.string().max(1000, '列名不能超过 1000 个字').nullable())
  .refine((m) => Object.keys(m).length <= 100, '字段对应最多 100 项');
export type ImportMapping = z.infer<typeof importMapping>;

export const importFileInput = z.object({
  kind: importKind,
  fileName: fileNameText('文件名'),
  /** Unbounded here on purpose: the service measures it before decoding and states the 50 MB limit (source.ts). */
  contentBase64: z.string(),
  encoding: importEncoding.default('auto'),
  crs: coordinateSystem.optional(),
  /** XLSX: the worksheet to read (default: the first one holding a table). */
  sheet: z.string().max(200).optional(),
  /** CSV / XLSX: the line (sheet row) of the header, when the user picks another than the one found. */
  headerLine: z.number().int().min(1).optional(),
  /** The mapping to check in the preview (default: the suggested one). */
  mapping: importMapping.optional(),
  /** Create the communities (and, for the population table, the compounds) the file names that do not exist yet. */
  createMissing: z.boolean().default(false),
  /** The user has read what the import replaces (a register replaces whole compounds' residents) and agrees. */
  confirmReplace: z.boolean().default(false),
});
export type ImportFileInput = z.output<typeof importFileInput>;

/**
 * `crs`: the user's choice. It overrides the file's `crs` member (files often declare CRS84 over GCJ-02 points); when
 * neither says anything the coordinates are read as WGS-84.
 */
export const commitImportInput = importFileInput.extend({ mapping: importMapping });
export type CommitImportInput = z.output<typeof commitImportInput>;

/** A problem or warning located in the file (line: sheet row or text line; feature: GeoJSON index). */
export const importNote = z.object({
  line: z.number().int().optional(),
  feature: z.number().int().optional(),
  field: z.string().optional(),
  message: z.string(),
});
export type ImportNote = z.infer<typeof importNote>;

/** The coordinate system a GeoJSON file declares in its `crs` member: the name as written and what it means. */
export const declaredCrs = z.object({ name: z.string(), system: coordinateSystem });
export type DeclaredCrs = z.infer<typeof declaredCrs>;

const problemLocation = z.object({
  file: z.string().optional(),
  line: z.number().int().optional(),
  feature: z.number().int().optional(),
  field: z.string().optional(),
  message: z.string(),
});

/** What the geometry check fixed on its own (and says so): repeated points removed, degenerate rings dropped, Z dropped. */
export const geometryFixes = z.object({
  duplicateVertices: z.number().int().min(0),
  droppedRings: z.number().int().min(0),
  /** Positions that had a third number (height) or more, kept as longitude and latitude only. */
  droppedZ: z.number().int().min(0),
  /** One entry per dropped ring (at most maxListedProblems listed). */
  warnings: z.array(problemLocation),
  warningsTotal: z.number().int().min(0),
});
export type GeometryFixes = z.infer<typeof geometryFixes>;

export const importPreviewDto = z.object({
  kind: importKind,
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'geojson']),
  /** The text encoding used (null for XLSX, which is not text). */
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  bom: z.boolean(),
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      line: z.number().int().optional(),
      feature: z.number().int().optional(),
      values: z.array(z.string().nullable()),
      geometry: z.string().optional(),
    }),
  ),
  /** Data rows (or features): title, header, blank and total rows are not counted. */
  totalRows: z.number().int().min(0),
  mapping: importMapping,
  /** XLSX: every worksheet by name, and the one read. */
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  /** CSV / XLSX: the header's line (the lower one for a two-row header) and the first rows to choose another from. */
  headerLine: z.number().int().nullable(),
  headerFound: z.boolean(),
  topRows: z.array(z.object({ line: z.number().int(), values: z.array(z.string()) })),
  /** Total rows (合计 / 总计 / 小计) recognised and skipped. */
  skippedTotals: z.array(z.object({ line: z.number().int(), label: z.string() })),
  /** Found when checking every row with this mapping: problems stop the import, warnings do not. */
  problems: z.array(importNote),
  problemCount: z.number().int().min(0),
  warnings: z.array(importNote),
  /** Communities the file names that do not exist: created in the import's transaction when `createMissing`. */
  communitiesToCreate: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Population table: compounds not found by code or by name, created with the import when `createMissing`. */
  compoundsToCreate: z.array(z.object({ code: z.string(), name: z.string(), communityName: z.string() })),
  /** What the import replaces of stored data; committing needs `confirmReplace`. */
  replacements: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** Register rows of the compound deleted and replaced (0 when it had none). */
      storedRegister: z.number().int().min(0),
      /** The compound's resident figure before, and where it came from. */
      storedResidents: z.number().int().min(0),
      storedSource: z.string(),
      incoming: z.number().int().min(0),
      /** The compound shrinks to less than half of what is stored. */
      shrinks: z.boolean(),
    }),
  ),
  /** GeoJSON: the declared coordinate system, or null when the file says nothing (the wizard then asks). */
  crsDeclared: declaredCrs.nullable().optional(),
  /**
   * GeoJSON: every feature's geometry checked as the import will check it: what will be fixed, and the problems
   * (crossing edges, too many points ...) that would refuse the import, found before anything is attempted.
   */
  geometry: geometryFixes.extend({ problems: z.array(problemLocation), problemsTotal: z.number().int().min(0) }).optional(),
});
export type ImportPreviewDto = z.infer<typeof importPreviewDto>;

export const importResultDto = z.object({
  kind: importKind,
  rowsIn: z.number().int().min(0),
  inserted: z.number().int().min(0),
  updated: z.number().int().min(0),
  /** Residents import: register rows deleted for the compounds the file names (replaced by the file). */
  replacedResidents: z.number().int().min(0).optional(),
  /** Residents import: compounds whose stored residents were replaced by the file's. */
  replacedCompounds: z.number().int().min(0).optional(),
  /** Rows deleted from the database (a register's replaced residents). */
  deleted: z.number().int().min(0).optional(),
  /** Compounds import: grids created under the compound's community for grid codes not yet known. */
  gridsCreated: z.number().int().min(0).optional(),
  /** Communities created for names the file used that did not exist. */
  communitiesCreated: z.number().int().min(0).optional(),
  /** Total rows (合计 / 小计) recognised and skipped, not counted in rowsIn. */
  skippedTotals: z.number().int().min(0).optional(),
  /** GeoJSON: what the geometry check fixed on the way in; absent when it fixed nothing. */
  geometry: geometryFixes.optional(),
  /** GeoJSON: the coordinate system converted from to store WGS-84; absent for WGS-84 files. */
  crs: coordinateSystem.optional(),
});
export type ImportResultDto = z.infer<typeof importResultDto>;

export const exportInput = z.object({ kind: importKind, format: z.enum(['geojson', 'csv', 'xlsx']) });
export const exportDto = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
export type ExportDto = z.infer<typeof exportDto>;

export const importFeature = defineFeature('imports', {
  previewImport: read(
    'Read an import file and check it with a mapping: encoding, sheet, header row, columns, first rows, data-row total, skipped total rows, problems, warnings, communities to create and what would be replaced',
    importFileInput,
    importPreviewDto,
  ),
  commitImport: job(
    'Validate every row of an import file and write it in one transaction (upsert by code); any problem rejects the whole file, and replacing stored data needs confirmReplace',
    commitImportInput,
    importResultDto,
    ['system', 'street', 'command', 'imports'],
  ),
  exportData: read('Export communities, compounds or venues as GeoJSON, the population table and the register as CSV or XLSX', exportInput, exportDto),
});
