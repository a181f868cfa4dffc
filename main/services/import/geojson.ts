import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bd09ToWgs84, gcj02ToWgs84 } from '../../../shared/domain/coords';
import { findRingFault, isDegenerate, oriented, removeRepeats, type XY } from '../../../shared/domain/polygon-check';
import { maxVerticesPerFeature, maxVerticesPerFile, type CoordinateSystem, type DeclaredCrs, type GeometryFixes } from '../../../shared/api/imports';
import { declaredCrs } from './crs';
import { parseJsonFile } from './json';
import { Problems, rejectFile } from './problems';

/** A feature as read: its index in the file, its properties (never null) and its raw geometry. */
export interface RawFeature {
  index: number;
  properties: Record<string, unknown>;
  geometry: unknown;
  isFeature: boolean;
}

/**
 * The column under which a feature's own `id` member is offered in the mapping: GIS tools often keep the code
 * there (`"id": "500104001001"`) rather than among the properties.
 */
export const featureIdColumn = '要素 id';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (n: number) => n.toLocaleString('en-US');

export interface FeatureCollection {
  features: RawFeature[];
  columns: string[];
  /** The `crs` member, or null when the file declares none. */
  crs: DeclaredCrs | null;
}

/**
 * Parses a GeoJSON FeatureCollection: invalid JSON is refused in Chinese with its line and column (json.ts), the
 * `crs` member read (crs.ts), a feature `id` offered as a column, and the whole file held to maxVerticesPerFile.
 */
export function parseFeatureCollection(text: string, file: string): FeatureCollection {
  if (/\.(csv|xlsx|xls)$/i.test(file) || text.startsWith('PK')) {
    throw rejectFile(file, '边界和重点场所只能从 GeoJSON 文件（.geojson / .json）导入；CSV 和 Excel 文件用于人口台账。');
  }
  const root = parseJsonFile(text, file);
  if (!isObject(root) || root.type !== 'FeatureCollection') {
    const got = isObject(root) ? `顶层 type 为“${String(root.type)}”` : Array.isArray(root) ? '顶层是数组' : `顶层是 ${typeof root}`;
    throw rejectFile(file, `不是 GeoJSON FeatureCollection（${got}）。请导出为包含 features 数组的 FeatureCollection。`);
  }
  if (!Array.isArray(root.features)) throw rejectFile(file, 'FeatureCollection 缺少 features 数组。');
  if (root.features.length === 0) throw rejectFile(file, '文件是空的：features 数组中没有要素。');
  const crs = declaredCrs(root, file);
  const columns: string[] = [];
  const seen = new Set<string>();
  let withId = false;
  let vertices = 0;
  const features = root.features.map((f: unknown, index: number): RawFeature => {
    const obj = isObject(f) ? f : {};
    let properties = isObject(obj.properties) ? obj.properties : {};
    for (const k of Object.keys(properties)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
    if ((typeof obj.id === 'string' || typeof obj.id === 'number') && !(featureIdColumn in properties)) {
      properties = { ...properties, [featureIdColumn]: obj.id };
      withId = true;
    }
    if (isObject(obj.geometry)) vertices += positionsIn(obj.geometry.coordinates);
    return { index, properties, geometry: obj.geometry, isFeature: obj.type === 'Feature' };
  });
  if (vertices > maxVerticesPerFile) {
    throw rejectFile(
      file,
      `文件共有 ${count(vertices)} 个坐标点，超过每个文件 ${count(maxVerticesPerFile)} 个点的上限。请按社区拆分成多个文件，或在 GIS 软件中简化（抽稀）边界后再导入。`,
    );
  }
  if (withId && !seen.has(featureIdColumn)) columns.push(featureIdColumn);
  return { features, columns, crs };
}

/** How many positions a coordinates value holds (its depth is bounded by json.ts, so recursion is safe). */
function positionsIn(c: unknown): number {
  if (!Array.isArray(c)) return 0;
  if (typeof c[0] === 'number') return 1;
  let n = 0;
  for (const x of c) n += positionsIn(x);
  return n;
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

/** What the checks fixed on their own across a file, reported in the preview and the import result. */
export class GeometryNotes {
  duplicateVertices = 0;
  droppedRings = 0;
  droppedZ = 0;
  /** One warning per dropped ring, located like a problem. */
  readonly warnings: Problems;

  constructor(file: string) {
    this.warnings = new Problems(file);
  }

  summary(): GeometryFixes {
    return {
      duplicateVertices: this.duplicateVertices,
      droppedRings: this.droppedRings,
      droppedZ: this.droppedZ,
      warnings: this.warnings.list,
      warningsTotal: this.warnings.total,
    };
  }
}

/**
 * Checks a Polygon / MultiPolygon and answers it cleaned, as it will be stored (or undefined when there is a
 * problem, already reported; null for a null geometry, which means "no boundary"):
 * - structure, coordinate ranges and closed rings are checked first, and at most maxVerticesPerFeature points;
 * - a third number (height) is dropped; consecutive repeated points are removed and counted (not faults);
 * - a ring with fewer than three distinct corners or no area is dropped with a warning; a polygon whose outer ring
 *   is dropped while it has holes, or a geometry left with no ring at all, is a problem;
 * - edges that cross or run along each other are a problem located at [lng, lat]; rings touching at a single
 *   point are accepted (polygon-check.ts);
 * - rings are turned to RFC 7946 order (outer counter-clockwise, holes clockwise), as exports and area sums expect.
 * Locations are in the file's own coordinates, so the user finds them in the file.
 */
export function checkArea(g: unknown, feature: number, problems: Problems, notes: GeometryNotes = new GeometryNotes('')): Area | null | undefined {
  if (g === null) return null;
  const where = { feature, field: 'geometry' };
  const problem = (message: string) => {
    problems.add({ ...where, message });
    return undefined;
  };
  if (!isObject(g)) return problem('缺少 geometry（边界）。');
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return problem(`边界应为 Polygon 或 MultiPolygon，实际为 ${String(g.type)}。`);
  const polygons: unknown[] = g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [undefined];
  const points = positionsIn(polygons);
  if (points > maxVerticesPerFeature) {
    return problem(`边界有 ${count(points)} 个点，超过每个要素 ${count(maxVerticesPerFeature)} 个点的上限。请在 GIS 软件中简化（抽稀）边界后再导入。`);
  }
  const kept: XY[][][] = [];
  for (let pi = 0; pi < polygons.length; pi++) {
    const rings = polygons[pi];
    const label = polygons.length > 1 ? `第 ${pi + 1} 个多边形的` : '';
    if (!Array.isArray(rings) || rings.length === 0) return problem(`${label}坐标不是环的数组。`);
    const keptRings: XY[][] = [];
    let outerDropped: string | null = null;
    for (let ri = 0; ri < rings.length; ri++) {
      const ring: unknown = rings[ri];
      const ringLabel = `${label}第 ${ri + 1} 个环（${ri === 0 ? '外环' : '内环'}）`;
      if (!Array.isArray(ring) || !ring.every(isPosition)) return problem(`${ringLabel}含有不是 [经度, 纬度] 数字对的坐标。`);
      for (const p of ring) {
        const bad = positionProblem(p);
        if (bad) return problem(`${ringLabel}：${bad}。`);
      }
      if (ring.length > 0) {
        const a = ring[0];
        const b = ring[ring.length - 1];
        if (a[0] !== b[0] || a[1] !== b[1]) return problem(`${ringLabel}未闭合：首点 [${a[0]}, ${a[1]}] 与末点 [${b[0]}, ${b[1]}] 不同。`);
      }
      const flat: XY[] = ring.map((p) => {
        if (p.length > 2) notes.droppedZ++;
        return [p[0], p[1]];
      });
      const { ring: clean, removed } = removeRepeats(flat);
      notes.duplicateVertices += removed;
      if (isDegenerate(clean)) {
        const corners = Math.max(clean.length - 1, 1);
        const why = clean.length < 4 ? `只有 ${corners} 个不同的点（至少需要 3 个）` : '所有点在一条直线上（面积为 0）';
        notes.droppedRings++;
        notes.warnings.add({ ...where, message: `${ringLabel}${why}，已去掉。` });
        if (ri === 0) outerDropped = why;
        continue;
      }
      keptRings.push(clean);
    }
    if (outerDropped !== null) {
      if (keptRings.length > 0) return problem(`${label}外环${outerDropped}，其 ${keptRings.length} 个内环（洞）没有外环。`);
      continue; // the whole polygon was one degenerate ring: dropped (warned above)
    }
    const fault = findRingFault(keptRings);
    if (fault) {
      const [x, y] = fault.at;
      const how = fault.kind === 'crossing' ? '两条边交叉' : '两条边重叠（边界沿自身折返）';
      return problem(`${label}边界自相交：${how}，交点约在 [${round(x)}, ${round(y)}]。`);
    }
    kept.push(keptRings.map((r, ri) => oriented(r, ri === 0)));
  }
  if (kept.length === 0) return problem('边界的环全部退化（点数不足或面积为 0），没有剩下可用的边界。');
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

/** Checks a Point geometry (venues); a third number (height) is dropped. */
export function checkPoint(g: unknown, feature: number, problems: Problems, notes?: GeometryNotes): Position | undefined {
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
  if (notes && g.coordinates.length > 2) notes.droppedZ++;
  return [g.coordinates[0], g.coordinates[1]];
}

const round = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * Converts a position to stored WGS-84 (from GCJ-02 or BD-09 when the file or the user says so), rounded to 1e-7
 * degree (about 1 cm).
 */
export function toWgs84(p: Position, crs: CoordinateSystem): [number, number] {
  if (crs === 'wgs84') return [p[0], p[1]];
  const [lng, lat] = crs === 'gcj02' ? gcj02ToWgs84(p[0], p[1]) : bd09ToWgs84(p[0], p[1]);
  return [round(lng), round(lat)];
}

/** A checked area in stored WGS-84; points that the 1 cm rounding makes equal are merged again. */
export function areaToWgs84(g: Area, crs: CoordinateSystem): Area {
  if (crs === 'wgs84') return g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates } : { type: 'MultiPolygon', coordinates: g.coordinates };
  const ring = (r: Position[]) => removeRepeats(r.map((p) => toWgs84(p, crs))).ring;
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
