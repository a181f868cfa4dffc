import type { CoordinateSystem, DeclaredCrs } from '../../../shared/api/imports';
import { rejectFile } from './problems';

/**
 * The `crs` member of a GeoJSON file (GeoJSON 2008; RFC 7946 dropped it, but GIS tools still write it).
 * Longitude/latitude systems are honoured: WGS-84 (CRS84, EPSG:4326) and CGCS2000 (EPSG:4490, within a metre of
 * WGS-84, what 天地图 and Chinese surveys use) are read as WGS-84; GCJ-02 and BD-09 by the names Chinese web-map
 * tools write (maptalks' `cnCoordinateType`: gcj02, bd09ll). Anything else (a projection in metres, a link, a name
 * we do not know) is refused with what we do read: guessing would put every outline in the wrong place.
 */

const wgs84Names = new Set(['wgs84', 'wgs1984', 'crs84', 'cgcs2000']);
const gcj02Names = new Set(['gcj02', 'gcj02ll', 'gcj', 'mars', '火星坐标', '国测局坐标']);
const bd09Names = new Set(['bd09', 'bd09ll', 'baidu', '百度坐标']);
/** EPSG codes of the Web Mercator projection (metres), named so the message can say what it is. */
const webMercator = new Set([3857, 900913, 102100, 102113, 3785]);

const supported = '支持的坐标系：WGS-84（CRS84、EPSG:4326）、CGCS2000（EPSG:4490，按 WGS-84 读取）、GCJ-02（gcj02）、BD-09（bd09）';

/** The declared coordinate system, or null when the file says nothing (the preview then asks). */
export function declaredCrs(root: Record<string, unknown>, file: string): DeclaredCrs | null {
  const crs = root.crs;
  if (crs === undefined || crs === null) return null;
  const props = typeof crs === 'object' && !Array.isArray(crs) ? (crs as Record<string, unknown>).properties : undefined;
  const type = typeof crs === 'object' && !Array.isArray(crs) ? String((crs as Record<string, unknown>).type ?? '') : '';
  const p = typeof props === 'object' && props !== null && !Array.isArray(props) ? (props as Record<string, unknown>) : {};
  if (type === 'link') {
    throw rejectFile(file, `文件用链接（link）声明坐标系（${String(p.href ?? '')}），无法识别。${supported}。请在 GIS 软件中导出为 WGS-84 后再导入。`);
  }
  const name = typeof p.name === 'string' ? p.name.trim() : typeof p.code === 'number' || typeof p.code === 'string' ? `EPSG:${p.code}` : typeof crs === 'string' ? crs.trim() : '';
  if (name === '') throw rejectFile(file, `文件的 crs 成员没有坐标系名称（应为 {"type": "name", "properties": {"name": "..."}}）。${supported}。`);
  const system = systemOf(name);
  if (system) return { name, system };
  const epsg = epsgCode(name);
  if (epsg !== null && webMercator.has(epsg)) {
    throw rejectFile(file, `文件的坐标系是 ${name}（Web 墨卡托投影，单位为米，不是经纬度），无法直接导入。请在 GIS 软件中导出为 WGS-84（EPSG:4326）。`);
  }
  if (epsg !== null) {
    throw rejectFile(file, `文件的坐标系是 ${name}，不是本系统能读取的经纬度坐标系（可能是以米为单位的投影坐标）。${supported}。请在 GIS 软件中导出为 WGS-84（EPSG:4326）。`);
  }
  throw rejectFile(file, `文件声明的坐标系“${name}”无法识别。${supported}。请在 GIS 软件中导出为 WGS-84 后再导入。`);
}

/** What a crs name means, or null when it is not one we read. */
export function systemOf(name: string): CoordinateSystem | null {
  const epsg = epsgCode(name);
  if (epsg === 4326 || epsg === 4490) return 'wgs84';
  const n = name.toLowerCase().replace(/[\s_\-]/g, '');
  // OGC URNs and URLs for CRS84: urn:ogc:def:crs:OGC:1.3:CRS84, http://www.opengis.net/def/crs/OGC/1.3/CRS84
  if (/(^|[:/])crs84$/.test(n)) return 'wgs84';
  if (wgs84Names.has(n)) return 'wgs84';
  if (gcj02Names.has(n)) return 'gcj02';
  if (bd09Names.has(n)) return 'bd09';
  return null;
}

/** The EPSG code in "EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "urn:ogc:def:crs:EPSG:6.6:4326", ".../def/crs/EPSG/0/4326". */
function epsgCode(name: string): number | null {
  const m = /epsg(?::[\d.]*:|::|:|\/[\d.]+\/)(\d+)$/i.exec(name.trim());
  return m ? Number(m[1]) : null;
}
