import ExcelJS from 'exceljs';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { AppError } from '../../shared/api/errors';
import { exportFormats, type ExportDto, type ImportKind } from '../../shared/api/imports';
import { formatDate } from '../../shared/domain/shanghai-time';
import { communitiesForExport } from '../db/street';
import { compoundsForExport, populationTableRows } from '../db/compounds';
import { venuesForExport } from '../db/venues';
import { iterateRegister, type RegisterRow } from '../db/population';
import { csvLine } from './import/csv';
import { safeCell } from '../../shared/domain/spreadsheet-safe';
import type { AppContext } from './context';

/**
 * Exports in the formats the importer reads (see /tmp/formats.md): an export re-imports cleanly.
 * GeoJSON for communities, compounds and venues; the population register as CSV (UTF-8 with BOM, CRLF,
 * Chinese header, as Excel in China opens it) or XLSX.
 */

const residentHeader = ['小区编码', '楼栋', '户号', '姓名', '性别', '出生年份', '电话'];
const kindLabel: Record<ImportKind, string> = { communities: '社区边界', compounds: '小区', venues: '重点场所', population: '人口底数表', residents: '人口台账' };
const populationHeader = ['序号', '社区', '小区名称', '小区编码', '楼栋数', '户数', '常住人口', '60岁以上'];

export async function exportData(ctx: AppContext, input: { kind: ImportKind; format: 'geojson' | 'csv' | 'xlsx' }): Promise<ExportDto> {
  if (!exportFormats[input.kind].includes(input.format)) {
    throw new AppError('invalid_input', `${kindLabel[input.kind]}不能导出为 ${input.format}，可选：${exportFormats[input.kind].join('、')}。`);
  }
  const fileName = `${kindLabel[input.kind]}-${formatDate(ctx.now())}.${input.format}`;
  if (input.kind === 'residents') {
    if (input.format === 'csv') return { fileName, mimeType: 'text/csv;charset=utf-8', contentBase64: residentsCsv(ctx).toString('base64') };
    return { fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: (await residentsXlsx(ctx)).toString('base64') };
  }
  if (input.kind === 'population') {
    if (input.format === 'csv') return { fileName, mimeType: 'text/csv;charset=utf-8', contentBase64: populationCsv(ctx).toString('base64') };
    return { fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: (await populationXlsx(ctx)).toString('base64') };
  }
  const collection: FeatureCollection<Geometry | null> = { type: 'FeatureCollection', features: features(ctx, input.kind) };
  return { fileName, mimeType: 'application/geo+json', contentBase64: Buffer.from(JSON.stringify(collection), 'utf8').toString('base64') };
}

function features(ctx: AppContext, kind: Exclude<ImportKind, 'residents' | 'population'>): Feature<Geometry | null>[] {
  const geometry = (s: string | null) => (s ? (JSON.parse(s) as Geometry) : null);
  if (kind === 'communities') {
    return communitiesForExport(ctx.db).map((r) => ({ type: 'Feature', properties: { code: r.code, name: r.name }, geometry: geometry(r.boundary) }));
  }
  if (kind === 'compounds') {
    return compoundsForExport(ctx.db).map(({ boundary, ...p }) => ({ type: 'Feature', properties: p, geometry: geometry(boundary) }));
  }
  return venuesForExport(ctx.db).map(({ lng, lat, ...p }) => ({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [lng, lat] } }));
}

const sexLabel = (s: 'M' | 'F' | null) => (s === 'M' ? '男' : s === 'F' ? '女' : '');

/** One register row as spreadsheet cells: text that could run as a formula is neutralised (see spreadsheet-safe.ts). */
const residentCells = (r: RegisterRow) => [r.code, r.building, r.household, r.name, sexLabel(r.sex), r.birth_year, r.phone].map(safeCell);

function residentsCsv(ctx: AppContext): Buffer {
  const lines = [csvLine(residentHeader)];
  for (const r of iterateRegister(ctx.db)) lines.push(csvLine(residentCells(r)));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

async function residentsXlsx(ctx: AppContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人口台账');
  ws.columns = residentHeader.map((header, i) => ({ header, width: [12, 8, 10, 10, 6, 10, 14][i] }));
  ws.getRow(1).font = { bold: true };
  for (const r of iterateRegister(ctx.db)) ws.addRow(residentCells(r));
  ws.getColumn(7).numFmt = '@'; // phone numbers stay text
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 人口底数统计表 as the importer reads it back: one row per compound, in community order. */
function populationRows(ctx: AppContext): (string | number | null)[][] {
  // Names are text a user typed: neutralised as the register's are (see spreadsheet-safe.ts).
  return populationTableRows(ctx.db).map((r, i) => [i + 1, r.community, r.name, r.code, r.buildings, r.households, r.residents, r.elderly].map(safeCell));
}

function populationCsv(ctx: AppContext): Buffer {
  const lines = [csvLine(populationHeader), ...populationRows(ctx).map((r) => csvLine(r))];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

async function populationXlsx(ctx: AppContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人口底数');
  ws.columns = populationHeader.map((header, i) => ({ header, width: [6, 14, 16, 14, 8, 8, 10, 10][i] }));
  ws.getRow(1).font = { bold: true };
  for (const r of populationRows(ctx)) ws.addRow(r);
  ws.getColumn(4).numFmt = '@'; // codes stay text
  return Buffer.from(await wb.xlsx.writeBuffer());
}
