import { AppError } from '../../shared/api/errors';
import { maxImportBytes, type CoordinateSystem } from '../../shared/api/imports';
import { riskLevelKeys, type RiskLevelKey } from '../../shared/domain/policy';
import { normalizeArea } from '../../shared/domain/risk-geometry';
import { lifecycleState } from '../../shared/domain/risk-lifecycle';
import { formatDate } from '../../shared/domain/shanghai-time';
import * as q from '../db/risk-areas';
import { requireOperator } from './operators';
import { writeLog } from './eventlog';
import { areaToWgs84, checkArea, GeometryNotes, parseFeatureCollection } from './import/geojson';
import { decodeText } from './import/encoding';
import { Problems, rejectFile } from './import/problems';
import { textOf } from './import/values';
import { completePublicationDeadline, insertNewArea, requireDrawableLevel } from './risk-areas';
import { areaStats, statsOf } from './risk-area-figures';
import { factsOf, profileOf, runningEmergency } from './risk-area-read';
import type { AppContext } from './context';

/**
 * Risk areas as GeoJSON. Export: one Feature per area with its level, status and lifecycle state as properties.
 * Import: a FeatureCollection of areas (name and level, optionally status), every geometry checked as the street
 * importer checks it (geojson.ts: coordinates and their range, swapped longitude/latitude, closed rings, crossing
 * edges, point limits), GCJ-02 / BD-09 converted; the level must exist in the emergency's profile and be drawable;
 * an area wholly outside the street is refused. Any problem rejects the whole file; nothing is written.
 */

const levelAliases: Record<string, RiskLevelKey> = {
  high: 'high',
  高: 'high',
  高风险: 'high',
  高风险区: 'high',
  medium: 'medium',
  中: 'medium',
  中风险: 'medium',
  中风险区: 'medium',
  low: 'low',
  低: 'low',
  低风险: 'low',
  低风险区: 'low',
};
const nameKeys = ['name', '名称', '风险区名称', '区域名称'];
const levelKeys = ['level', '等级', '风险等级', '风险区等级'];
const statusKeys = ['status', '状态'];

const pick = (p: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) if (k in p) return { key: k, value: textOf(p[k]) };
  return { key: keys[0], value: '' };
};

export function exportRiskAreas(ctx: AppContext, input: { includeEnded?: boolean }) {
  const e = runningEmergency(ctx);
  const now = ctx.now();
  const rows = e ? q.listAreas(ctx.db, e.id, input.includeEnded ?? false) : [];
  const events = q.eventsOf(ctx.db, rows.map((r) => r.id));
  const features = rows.map((r) => {
    const profile = profileOf(r.profileId);
    const state = lifecycleState(profile, factsOf(r, events.get(r.id) ?? []), now);
    const s = areaStats(ctx, r);
    return {
      type: 'Feature' as const,
      id: r.id,
      properties: {
        name: r.name,
        level: r.level,
        levelName: profile.riskLevels.find((l) => l.key === r.level)?.name ?? r.level,
        drawnLevel: r.drawnLevel,
        status: r.status,
        state: state.words,
        nextStep: state.nextWords,
        nextStepDate: state.next?.date ?? null,
        delineatedAt: new Date(r.delineatedAt).toISOString(),
        publishedAt: r.publishedAt === null ? null : new Date(r.publishedAt).toISOString(),
        endedAt: r.endedAt === null ? null : new Date(r.endedAt).toISOString(),
        residents: s.residents,
        households: s.households,
        elderly: s.elderly,
        compounds: s.compounds.filter((c) => c.counted).map((c) => c.name),
        profile: profile.id,
      },
      geometry: r.geometry,
    };
  });
  const fc = { type: 'FeatureCollection', name: '风险区', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, features };
  return {
    fileName: `风险区-${formatDate(now)}.geojson`,
    mimeType: 'application/geo+json',
    contentBase64: Buffer.from(JSON.stringify(fc, null, 1), 'utf8').toString('base64'),
  };
}

export function importRiskAreas(ctx: AppContext, input: { fileName: string; contentBase64: string; crs?: CoordinateSystem }) {
  const op = requireOperator(ctx);
  const file = input.fileName;
  const e = runningEmergency(ctx);
  if (!e) throw new AppError('conflict', '当前为常态化状态：风险区只能在应急状态下导入。');
  // The street importer's limit, checked on the encoded length before decoding (base64: 4 characters per 3 bytes).
  if ((input.contentBase64.length * 3) / 4 > maxImportBytes + 3) {
    throw rejectFile(file, `文件超过 ${maxImportBytes / 1024 / 1024} MB 的上限。请拆分成多个文件后分别导入。`);
  }
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw rejectFile(file, '文件是空的（0 字节）。');
  const { text } = decodeText(bytes, 'auto', file);
  const fc = parseFeatureCollection(text, file);
  const crs: CoordinateSystem = input.crs ?? fc.crs?.system ?? 'wgs84';
  const problems = new Problems(file);
  const notes = new GeometryNotes(file);
  const ready: { name: string; level: RiskLevelKey; publish: boolean; geometry: ReturnType<typeof normalizeArea> }[] = [];
  let skipped = 0;
  for (const f of fc.features) {
    const name = pick(f.properties, nameKeys);
    const level = pick(f.properties, levelKeys);
    const status = pick(f.properties, statusKeys).value.toLowerCase();
    if (status === 'lifted' || status === 'revoked' || status === '已解除' || status === '已撤销') {
      skipped++;
      continue;
    }
    if (!f.isFeature) problems.add({ feature: f.index, field: 'type', message: '不是 GeoJSON Feature（type 应为 "Feature"）。' });
    if (name.value === '') problems.add({ feature: f.index, field: name.key, message: '风险区名称为空。' });
    else if (name.value.length > 100) problems.add({ feature: f.index, field: name.key, message: '风险区名称超过 100 个字。' });
    const key = levelAliases[level.value.toLowerCase()];
    if (!key) {
      problems.add({ feature: f.index, field: level.key, message: `风险等级“${level.value}”无法识别（应为 ${riskLevelKeys.join(' / ')} 或 高风险区 / 中风险区）。` });
    } else {
      try {
        requireDrawableLevel(e.profile, key);
      } catch (err) {
        problems.add({ feature: f.index, field: level.key, message: (err as AppError).message.replace(/^level: /, '') });
      }
    }
    const area = checkArea(f.geometry, f.index, problems, notes);
    if (area === null) problems.add({ feature: f.index, field: 'geometry', message: '缺少边界（geometry 为 null）。' });
    if (!area || !key || name.value === '') continue;
    const geometry = normalizeArea(areaToWgs84(area, crs));
    if (statsOf(ctx, geometry).insideStreetShare === 0) {
      problems.add({ feature: f.index, field: 'geometry', message: '区域完全在街道边界以外（经纬度是否写反？坐标系是否选对？）。' });
      continue;
    }
    ready.push({ name: name.value, level: key, publish: status === 'published' || status === '已发布', geometry });
  }
  problems.throwIfAny();
  if (ready.length === 0) throw rejectFile(file, `文件中没有可导入的风险区（跳过已解除或已撤销的 ${skipped} 个）。`);

  const fixes: string[] = [];
  const n = notes.summary();
  if (n.duplicateVertices) fixes.push(`去掉了 ${n.duplicateVertices} 个重复的坐标点。`);
  if (n.droppedRings) fixes.push(`去掉了 ${n.droppedRings} 个退化的环。`);
  if (n.droppedZ) fixes.push(`去掉了 ${n.droppedZ} 个点的高程。`);
  if (skipped) fixes.push(`跳过已解除或已撤销的风险区 ${skipped} 个。`);
  if (crs !== 'wgs84') fixes.push(`坐标已由 ${crs === 'gcj02' ? 'GCJ-02' : 'BD-09'} 转换为 WGS-84。`);

  const areas = ctx.db.transaction(() =>
    ready.map((a) => {
      const id = insertNewArea(ctx, op, e, { name: a.name, level: a.level, reportIds: [], shape: { geometry: a.geometry, source: 'imported', compoundIds: [], notes: [] } }, 'importRiskAreas');
      if (a.publish) {
        const now = ctx.now();
        q.setPublished(ctx.db, id, now, op.id);
        q.insertEvent(ctx.db, { areaId: id, kind: 'published', at: now, recordedAt: now, operatorId: op.id, level: a.level, text: `发布风险区“${a.name}”（导入文件中标为已发布）` });
      }
      const s = areaStats(ctx, { id, geometry: a.geometry });
      return { id, name: a.name, level: a.level, nobodyInside: s.nobodyInside };
    }),
  )();
  if (ready.some((a) => a.publish)) completePublicationDeadline(ctx, op, e.id, 'importRiskAreas');
  writeLog(ctx, { category: 'area', method: 'importRiskAreas', text: `导入风险区：文件 ${file}，${areas.length} 个${fixes.length ? `。${fixes.join('')}` : ''}` });
  return { inserted: areas.length, fixes, areas };
}
