import kinks from '@turf/kinks';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { gcj02ToWgs84 } from '../../../shared/domain/coords';
import type { CoordinateSystem } from '../../../shared/api/imports';
import { rejectFile, type Problems } from './problems';

/** A feature as read: its index in the file, its properties (never null) and its raw geometry. */
export interface RawFeature {
  index: number;
  properties: Record<string, unknown>;
  geometry: unknown;
  isFeature: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a GeoJSON FeatureCollection; invalid JSON is refused with its line, column and position. */
export function parseFeatureCollection(text: string, file: string): { features: RawFeature[]; columns: string[] } {
  if (/\.(csv|xlsx|xls)$/i.test(file) || text.startsWith('PK')) {
    throw rejectFile(file, '边界和重点场所只能从 GeoJSON 文件（.geojson / .json）导入；CSV 和 Excel 文件用于人口台账。');
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const m = /position (\d+)/.exec(msg);
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const column = pos - before.lastIndexOf('\n');
      throw rejectFile(file, `不是有效的 JSON：第 ${line} 行第 ${column} 列（位置 ${pos}）附近有错误（${msg}）。`, { line });
    }
    throw rejectFile(file, `不是有效的 JSON：${msg}。`);
  }
  if (!isObject(root) || root.type !== 'FeatureCollection') {
    const got = isObject(root) ? `顶层 type 为“${String(root.type)}”` : Array.isArray(root) ? '顶层是数组' : `顶层是 ${typeof root}`;
    throw rejectFile(file, `不是 GeoJSON FeatureCollection（${got}）。请导出为包含 features 数组的 FeatureCollection。`);
  }
  if (!Array.isArray(root.features)) throw rejectFile(file, 'FeatureCollection 缺少 features 数组。');
  if (root.features.length === 0) throw rejectFile(file, '文件是空的：features 数组中没有要素。');
  const columns: string[] = [];
  const seen = new Set<string>();
  const features = root.features.map((f: unknown, index: number): RawFeature => {
    const obj = isObject(f) ? f : {};
    const properties = isObject(obj.properties) ? obj.properties : {};
    for (const k of Object.keys(properties)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
    return { index, properties, geometry: obj.geometry, isFeature: obj.type === 'Feature' };
  });
  return { features, columns };
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** Range check of one [lng, lat]; says when the two look swapped. Returns a message or null. */
function positionProblem(p: Position): string | null {
  const [lng, lat] = p;
  const swapped = Math.abs(lat) <= 180 && Math.abs(lng) <= 90;
  if (lat < -90 || lat > 90) return `纬度 ${lat} 超出 -90..90${swapped ? '：经纬度可能写反了（GeoJSON 应为 [经度, 纬度]）' : ''}`;
  if (lng < -180 || lng > 180) return `经度 ${lng} 超出 -180..180`;
  return null;
}

type Area = Polygon | MultiPolygon;

/**
 * Checks a Polygon / MultiPolygon: structure, coordinate ranges, closed rings, no self-intersection (@turf/kinks).
 * `null` geometry is allowed (no boundary); returns undefined when there is a problem (already reported).
 */
export function checkArea(g: unknown, feature: number, problems: Problems): Area | null | undefined {
  if (g === null) return null;
  const where = { feature, field: 'geometry' };
  if (!isObject(g)) {
    problems.add({ ...where, message: '缺少 geometry（边界）。' });
    return undefined;
  }
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    problems.add({ ...where, message: `边界应为 Polygon 或 MultiPolygon，实际为 ${String(g.type)}。` });
    return undefined;
  }
  const polygons: unknown[] = g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [undefined];
  for (let pi = 0; pi < polygons.length; pi++) {
    const rings = polygons[pi];
    const label = polygons.length > 1 ? `第 ${pi + 1} 个多边形的` : '';
    if (!Array.isArray(rings) || rings.length === 0) {
      problems.add({ ...where, message: `${label}坐标不是环的数组。` });
      return undefined;
    }
    for (let ri = 0; ri < rings.length; ri++) {
      const ring = rings[ri];
      const ringLabel = `${label}第 ${ri + 1} 个环`;
      if (!Array.isArray(ring) || !ring.every(isPosition)) {
        problems.add({ ...where, message: `${ringLabel}含有不是 [经度, 纬度] 数字对的坐标。` });
        return undefined;
      }
      for (const p of ring) {
        const bad = positionProblem(p);
        if (bad) {
          problems.add({ ...where, message: `${ringLabel}：${bad}。` });
          return undefined;
        }
      }
      if (ring.length < 4) {
        problems.add({ ...where, message: `${ringLabel}只有 ${ring.length} 个点，至少需要 4 个（首尾相同）。` });
        return undefined;
      }
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (a[0] !== b[0] || a[1] !== b[1]) {
        problems.add({ ...where, message: `${ringLabel}未闭合：首点 [${a[0]}, ${a[1]}] 与末点 [${b[0]}, ${b[1]}] 不同。` });
        return undefined;
      }
    }
    const crossing = kinks({ type: 'Polygon', coordinates: rings as Position[][] }).features[0];
    if (crossing) {
      const [x, y] = crossing.geometry.coordinates;
      problems.add({ ...where, message: `${label}边界自相交，交点约在 [${round(x)}, ${round(y)}]。` });
      return undefined;
    }
  }
  return g as unknown as Area;
}

/** Checks a Point geometry (venues). */
export function checkPoint(g: unknown, feature: number, problems: Problems): Position | undefined {
  const where = { feature, field: 'geometry' };
  if (!isObject(g) || g.type !== 'Point') {
    problems.add({ ...where, message: `场所位置应为 Point，实际为 ${isObject(g) ? String(g.type) : '空'}。` });
    return undefined;
  }
  if (!isPosition(g.coordinates)) {
    problems.add({ ...where, message: '坐标不是 [经度, 纬度] 数字对。' });
    return undefined;
  }
  const bad = positionProblem(g.coordinates);
  if (bad) {
    problems.add({ ...where, message: `${bad}。` });
    return undefined;
  }
  return g.coordinates;
}

const round = (v: number) => Math.round(v * 1e7) / 1e7;

/** Converts a position to stored WGS-84 (from GCJ-02 when the user says so), rounded to 1e-7 degree (about 1 cm). */
export function toWgs84(p: Position, crs: CoordinateSystem): [number, number] {
  if (crs === 'wgs84') return [p[0], p[1]];
  const [lng, lat] = gcj02ToWgs84(p[0], p[1]);
  return [round(lng), round(lat)];
}

export function areaToWgs84(g: Area, crs: CoordinateSystem): Area {
  if (crs === 'wgs84') return g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates } : { type: 'MultiPolygon', coordinates: g.coordinates };
  const ring = (r: Position[]) => r.map((p) => toWgs84(p, crs));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

/** A short description of a geometry for the preview table: type and number of points. */
export function describeGeometry(g: unknown): string {
  if (!isObject(g)) return g === null ? 'null' : '—';
  const count = (c: unknown): number => (Array.isArray(c) ? (isPosition(c) ? 1 : c.reduce((n: number, x) => n + count(x), 0)) : 0);
  return `${String(g.type)} (${count(g.coordinates)})`;
}
