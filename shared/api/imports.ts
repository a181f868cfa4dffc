import { z } from 'zod';
import { defineFeature, job, read } from './define';

/** Largest import file, checked in the renderer (before reading) and again in the service. */
export const maxImportBytes = 50 * 1024 * 1024;
/** At most this many problems are listed; the message always states the total. */
export const maxListedProblems = 200;
/** Rows (or features) shown in the preview. */
export const previewRowCount = 20;

export const importKinds = ['communities', 'compounds', 'venues', 'residents'] as const;
export const importKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKind>;

export const importEncoding = z.enum(['auto', 'utf-8', 'gbk']);
export const coordinateSystem = z.enum(['wgs84', 'gcj02']);
export type CoordinateSystem = z.infer<typeof coordinateSystem>;

/** One field of ours that a column (CSV/XLSX) or a property (GeoJSON) of the file maps to. */
export interface ImportField {
  id: string;
  /** Chinese label, used in problem messages (the renderer translates `import.fields.<id>`). */
  zh: string;
  required: boolean;
  /** Header or property names that suggest this field, best first; matched ignoring case, spaces, '_' and '-'. */
  aliases: readonly string[];
}

const f = (id: string, zh: string, required: boolean, aliases: string[]): ImportField => ({ id, zh, required, aliases });

/** Our fields per kind, as in the canonical formats agreed with the demo-street generator. */
export const importFields: Record<ImportKind, readonly ImportField[]> = {
  communities: [
    f('code', '社区编码', true, ['code', '社区编码', '社区代码', '编码', 'communityCode', 'id']),
    f('name', '社区名称', true, ['name', '社区名称', '社区', '名称', 'communityName']),
  ],
  compounds: [
    f('code', '小区编码', true, ['code', '小区编码', '小区代码', '编码', 'compoundCode', 'id']),
    f('name', '小区名称', true, ['name', '小区名称', '小区', '名称', 'compoundName']),
    f('communityCode', '社区编码', true, ['communityCode', '社区编码', '所属社区编码', '社区代码', 'community']),
    f('gridCode', '网格编码', false, ['gridCode', '网格编码', '网格代码', 'grid']),
    f('gridName', '网格名称', false, ['gridName', '网格名称', '网格']),
    f('buildings', '楼栋数', false, ['buildings', '楼栋数', '楼栋', '栋数']),
    f('residents', '居民数', false, ['residents', '居民数', '人口数', '常住人口', '人数', 'population']),
    f('households', '户数', false, ['households', '户数', '住户数']),
    f('elderly', '60岁以上人数', false, ['elderly', '60岁以上人数', '60岁以上', '老年人数', '老年人']),
  ],
  venues: [
    f('code', '场所编码', true, ['code', '场所编码', '编码', 'venueCode', 'id']),
    f('name', '场所名称', true, ['name', '场所名称', '名称', 'venueName']),
    f('type', '场所类型', true, ['type', '场所类型', '类型', '类别', 'venueType']),
    f('address', '地址', false, ['address', '地址', '详细地址']),
    f('contact', '联系人', false, ['contact', '联系人', '联系方式', '联系电话', 'phone']),
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
  residents: ['csv', 'xlsx'],
};

/** Field id -> the file's column or property name (null: not imported). */
export const importMapping = z.record(z.string(), z.string().nullable());
export type ImportMapping = z.infer<typeof importMapping>;

export const importFileInput = z.object({
  kind: importKind,
  fileName: z.string().min(1).max(260),
  contentBase64: z.string(),
  encoding: importEncoding.default('auto'),
  crs: coordinateSystem.optional(),
});
export type ImportFileInput = z.output<typeof importFileInput>;

export const commitImportInput = importFileInput.extend({ mapping: importMapping, crs: coordinateSystem.default('wgs84') });
export type CommitImportInput = z.output<typeof commitImportInput>;

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
  totalRows: z.number().int().min(0),
  mapping: importMapping,
});
export type ImportPreviewDto = z.infer<typeof importPreviewDto>;

export const importResultDto = z.object({
  kind: importKind,
  rowsIn: z.number().int().min(0),
  inserted: z.number().int().min(0),
  updated: z.number().int().min(0),
  /** Residents import: register rows deleted for the compounds the file names (replaced by the file). */
  replacedResidents: z.number().int().min(0).optional(),
  /** Compounds import: grids created under the compound's community for grid codes not yet known. */
  gridsCreated: z.number().int().min(0).optional(),
});
export type ImportResultDto = z.infer<typeof importResultDto>;

export const exportInput = z.object({ kind: importKind, format: z.enum(['geojson', 'csv', 'xlsx']) });
export const exportDto = z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() });
export type ExportDto = z.infer<typeof exportDto>;

export const importFeature = defineFeature('imports', {
  previewImport: read(
    'Read an import file: encoding, columns or properties, the first rows, the total, and a suggested field mapping',
    importFileInput,
    importPreviewDto,
  ),
  commitImport: job(
    'Validate every row of an import file and write it in one transaction (upsert by code); any problem rejects the whole file',
    commitImportInput,
    importResultDto,
    ['system', 'street', 'command', 'imports'],
  ),
  exportData: read('Export communities, compounds or venues as GeoJSON, the population register as CSV or XLSX', exportInput, exportDto),
});
